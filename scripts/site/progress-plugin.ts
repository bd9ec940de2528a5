import { lineChartSvg, lineChartTable, type LineChartInput } from "../charts/line-chart.ts";
import { factorRows, profileChartSvg, profileChartTable, type ProfileChartInput } from "../charts/profile-chart.ts";
import { statusBarsSvg } from "../charts/status-bars.ts";
import { formatNumber, formatValue, formatYear, monthName, timeElement, type Enhet } from "../format/sv.ts";
import type { Handbok } from "../model/types.ts";
import type { Count } from "../progress/aggregate.ts";
import { centreCsv, centreJson, countyCsv, countyJson, goalCsv, goalJson } from "../progress/downloads.ts";
import type { CentreProgress, TrackedIndicator, YearReport } from "../progress/model.ts";
import { STATUS_DISPLAY, statusBadge, statusIconSvg } from "../progress/status-display.ts";
import type { ProgressStatus, StatusResult } from "../progress/status.ts";
import { progressViews, type CountyPicture, type GoalPage } from "../progress/views.ts";
import { interpretationHtml, isUnknown } from "../progress/tolkningar.ts";
import type { EleventyConfig } from "./eleventy-plugin.ts";
import { countyHasData, deadlineText, hasMeasurements, progressSentence } from "./progress-wording.ts";
import { timed } from "../build-phases.ts";
import { onlyChangedCentres } from "./dev-scope.ts";

export interface ProgressPluginOptions {
  model: () => Handbok;
}

/** Swedish words for the enum values of the data, as readers see them. */
const LABELS: Readonly<Record<string, string>> = {
  familjecentral: "Familjecentral",
  familjecentralsliknande: "Familjecentralsliknande verksamhet",
  helt: "Helt samlokaliserad",
  delvis: "Delvis samlokaliserad",
  ej: "Inte samlokaliserad",
  stor: "Stor",
  liten: "Liten",
  "i tid": "Inlämnad i tid",
  sen: "Inlämnad sent",
  saknas: "Saknas",
  "ej inlämnad än": "Inte inlämnad än (tidsfristen har inte gått ut)",
  "kvot nådd": "Kvoten nådd",
  "under kvot": "Under kvoten",
  "ingen kvot": "Ingen kvot (storlek okänd)",
  förslag: "Förslag – inte beslutat",
  beslutad: "Beslutad",
  öka: "Ska öka",
  minska: "Ska minska",
  procent: "Procent",
  antal: "Antal",
  skala: "Skala 1–5",
};

/** A download's size as readers expect it next to a link: "2 kB". */
function sizeHint(text: string): string {
  const bytes = Buffer.byteLength(text, "utf8");
  return bytes < 1024 ? `${formatNumber(bytes)} byte` : `${formatNumber(Math.ceil(bytes / 1024))} kB`;
}

function chartInput(t: TrackedIndicator): LineChartInput {
  return {
    id: t.key,
    title: t.name,
    unit: t.unit,
    direction: t.direction,
    baseline: t.baseline,
    target: t.target,
    // A work whose source gives no deadline gets no deadline line: the follow-up year is not a målår.
    deadlineYear: "deadlineUnknown" in t && t.deadlineUnknown ? undefined : t.deadlineYear,
    measurements: t.measurements,
    status: t.result.status,
  };
}

function profileInput(cp: CentreProgress, year: YearReport): ProfileChartInput {
  return {
    id: `samverkan-${year.year}`,
    title: `Samverkansenkäten ${formatYear(year.year)}: ${cp.centre.namn} jämfört med länets medel`,
    seriesName: cp.centre.namn,
    referenceName: `Länets medel ${formatYear(year.year)}`,
    rows: factorRows(year.collaborationSurvey?.scores ?? {}, year.collaborationSurvey?.countyAverage ?? {}),
  };
}

const LAYOUT = "layouts/bas.njk";
/** Per-centre pages: a dev-server rebuild after one centre's file changed renders only that centre's (dev-scope.ts). */
const byCentre = onlyChangedCentres((item: { cp: CentreProgress } | CentreProgress) => ("cp" in item ? item.cp : item).centre.id);
const FILE = { layout: false, eleventyExcludeFromCollections: true };

/** The progress pages: centres, county goals, the county picture, annual reports and downloads. */
export function progressPlugin(eleventyConfig: EleventyConfig, options: ProgressPluginOptions): void {
  const views = (): ReturnType<typeof progressViews> => timed("views", () => progressViews(options.model()));
  eleventyConfig.addGlobalData("framsteg", () => views());

  // Filters that return HTML are rendered by our own escaping code; templates mark only these safe.
  eleventyConfig.addFilter("status_badge", (result: StatusResult) => statusBadge(result.status, { manual: result.manual }));
  eleventyConfig.addFilter("status_badge_text", (status: ProgressStatus, manual?: boolean) =>
    statusBadge(status, { manual: manual === true }),
  );
  eleventyConfig.addFilter(
    "status_kort",
    (status: ProgressStatus) =>
      `<span class="status ${STATUS_DISPLAY[status].className}">${statusIconSvg(status)} <abbr title="${status}">${STATUS_DISPLAY[status].short}</abbr></span>`,
  );
  eleventyConfig.addFilter("sv_datum", (iso: string) => timeElement(iso));
  eleventyConfig.addFilter("linjediagram", (t: TrackedIndicator) => lineChartSvg(chartInput(t)));
  eleventyConfig.addFilter("linjetabell", (t: TrackedIndicator) => lineChartTable(chartInput(t), `${t.name}: värden`));
  eleventyConfig.addFilter("profildiagram", (cp: CentreProgress, year: YearReport) => profileChartSvg(profileInput(cp, year)));
  eleventyConfig.addFilter("profiltabell", (cp: CentreProgress, year: YearReport) => profileChartTable(profileInput(cp, year)));
  eleventyConfig.addFilter("statusstaplar", (counts: Count<ProgressStatus>[], id: string, title: string) =>
    statusBarsSvg({ id, title, counts }),
  );
  // Plain-text filters (escaped by Nunjucks as usual).
  eleventyConfig.addFilter("etikett", (value: string) => LABELS[value] ?? value);
  // An interpretation mark beside a value (HTML, escaped here), and the words for an unknown fact.
  eleventyConfig.addFilter("tolkning", (reason: string | undefined) => interpretationHtml(reason));
  eleventyConfig.addFilter("okand", (value: unknown) => isUnknown(value));
  eleventyConfig.addFilter("med_tolkning", (centres: CentreProgress[], field: string) =>
    centres.filter((cp) => cp.centre.tolkningar?.[field] !== undefined),
  );
  // Reader-facing wording of progress (scripts/site/progress-wording.ts).
  eleventyConfig.addFilter("framsteg_mening", (t: TrackedIndicator) => progressSentence(t));
  eleventyConfig.addFilter("maldatum", (t: TrackedIndicator) => deadlineText(t));
  eleventyConfig.addFilter("med_matningar", (ts: TrackedIndicator[]) => ts.filter(hasMeasurements));
  eleventyConfig.addFilter("utan_matningar", (ts: TrackedIndicator[]) => ts.filter((t) => !hasMeasurements(t)));
  eleventyConfig.addFilter("lagesbild_har_data", (lb: CountyPicture) => countyHasData(lb));
  eleventyConfig.addFilter("nagon_matning", (goals: { indicators: TrackedIndicator[] }[]) =>
    goals.some((g) => g.indicators.some(hasMeasurements)),
  );
  eleventyConfig.addFilter("sv_varde", (value: number | undefined, unit: Enhet) => (value === undefined ? "–" : formatValue(value, unit)));
  eleventyConfig.addFilter("sv_tal", (value: number | undefined, maxDecimals = 2) =>
    value === undefined || value === null ? "–" : formatNumber(value, { maxDecimals }),
  );
  eleventyConfig.addFilter("dar", (items: unknown[], path: string, value: unknown) =>
    items.filter((item) => path.split(".").reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], item) === value),
  );
  eleventyConfig.addFilter("till_och_med", (points: { year: number }[], year: number) => points.filter((p) => p.year <= year));
  eleventyConfig.addFilter("tidsfrist", (mmdd: string) => {
    const [month, day] = mmdd.split("-").map(Number);
    return `${day ?? ""} ${monthName(month ?? 1)}`;
  });
  eleventyConfig.addFilter("utan_noll", (counts: Count<string>[]) => counts.filter((c) => c.count > 0));
  eleventyConfig.addFilter("summa", (counts: Count<string>[]) => counts.reduce((sum, c) => sum + c.count, 0));
  eleventyConfig.addFilter("storlek", (text: string) => sizeHint(text));
  // Download contents, also used for the size hints next to the links.
  eleventyConfig.addFilter("fc_json", (cp: CentreProgress) => centreJson(options.model(), views().model, cp));
  const csvOptions = (): { fiktivt: boolean } => ({ fiktivt: options.model().län.fiktivt });
  eleventyConfig.addFilter("fc_csv", (cp: CentreProgress) => centreCsv(cp, csvOptions()));
  eleventyConfig.addFilter("mal_json", (page: GoalPage) => goalJson(options.model(), views().model, page.period, page.goal));
  eleventyConfig.addFilter("mal_csv", (page: GoalPage) => goalCsv(views().model, page.period.id, page.goal.id, csvOptions()));
  eleventyConfig.addFilter("lan_json", () => countyJson(options.model(), views().model));
  eleventyConfig.addFilter("lan_csv", () => countyCsv(views().model, csvOptions()));

  const page = (name: string, data: Record<string, unknown>): void => {
    eleventyConfig.addTemplate(`framsteg/${name}.njk`, `{% include "sidor/${name}.njk" %}`, { layout: LAYOUT, ...data });
  };
  const file = (name: string, body: string, data: Record<string, unknown>): void => {
    eleventyConfig.addTemplate(`framsteg/${name}.njk`, body, { ...FILE, ...data });
  };

  // Computed titles and descriptions are functions, not Nunjucks strings: a template string is escaped when
  // it is computed and again when the layout prints it ("Barn &amp;amp; Familj"). Plain text is escaped once,
  // on output.
  page("fc-katalog", {
    permalink: "/familjecentraler/",
    titel: "Familjecentraler",
    beskrivning: "Alla familjecentraler och familjecentralsliknande verksamheter i länet, med kommun och en sida för varje.",
  });
  page("fc-sida", {
    pagination: { data: "framsteg.centrePages", size: 1, alias: "fcsida", addAllPagesToCollections: true, before: byCentre },
    permalink: "/familjecentraler/{{ fcsida.cp.centre.id }}/",
    eleventyComputed: {
      titel: (d: { fcsida: { cp: CentreProgress } }) => d.fcsida.cp.centre.namn,
      beskrivning: (d: { fcsida: { cp: CentreProgress } }) =>
        `${d.fcsida.cp.centre.namn} i ${d.fcsida.cp.kommunNamn}: fakta om familjecentralen, dess egna förbättringsarbeten och hur det går med länsmålen.`,
    },
  });
  // Drafts and compilations repeat what the centre pages say; keeping them out of search keeps results
  // pointing at the living pages and the index small at national scale (4,000 drafts for 400 centres).
  page("fc-arsberattelse", {
    sokbar: false,
    pagination: { data: "framsteg.reportPages", size: 1, alias: "rapport", addAllPagesToCollections: true, before: byCentre },
    permalink: "/familjecentraler/{{ rapport.cp.centre.id }}/arsberattelse/{{ rapport.year.year }}/",
    eleventyComputed: {
      titel: (d: { rapport: { cp: CentreProgress; year: YearReport } }) =>
        `Årsberättelse ${d.rapport.year.year} – ${d.rapport.cp.centre.namn}`,
      beskrivning: (d: { rapport: { cp: CentreProgress; year: YearReport } }) =>
        `Underlag till årsberättelsen ${d.rapport.year.year} för ${d.rapport.cp.centre.namn}, med de uppgifter handboken redan har.`,
    },
  });
  file("fc-json", "{{ fc | fc_json | safe }}", {
    pagination: { data: "framsteg.model.centres", size: 1, alias: "fc", before: byCentre },
    permalink: "/familjecentraler/{{ fc.centre.id }}.json",
  });
  file("fc-csv", "{{ fc | fc_csv | safe }}", {
    pagination: { data: "framsteg.model.centres", size: 1, alias: "fc", before: byCentre },
    permalink: "/familjecentraler/{{ fc.centre.id }}.csv",
  });

  page("mal-oversikt", {
    permalink: "/mal/",
    titel: "Länsgemensamma mål",
    beskrivning: "Länets gemensamma mål för familjecentralerna, period för period, och hur det går för varje mål.",
  });
  page("mal-period", {
    pagination: { data: "framsteg.model.periods", size: 1, alias: "mp", addAllPagesToCollections: true },
    permalink: "/mal/{{ mp.period.id }}/",
    eleventyComputed: {
      titel: (d: { mp: { period: { startår: number; slutår: number } } }) =>
        `Länsgemensamma mål ${d.mp.period.startår}–${d.mp.period.slutår}`,
      beskrivning: (d: { mp: { period: { startår: number; slutår: number } } }) =>
        `Målen för ${d.mp.period.startår}–${d.mp.period.slutår}: fokusområden, mål och de indikatorer som familjecentralerna i länet följer upp.`,
    },
  });
  page("mal-mal", {
    pagination: { data: "framsteg.goalPages", size: 1, alias: "malsida", addAllPagesToCollections: true },
    permalink: "/mal/{{ malsida.period.id }}/{{ malsida.goal.id }}/",
    eleventyComputed: {
      titel: (d: { malsida: GoalPage }) => `${d.malsida.goal.namn} (${d.malsida.period.startår}–${d.malsida.period.slutår})`,
      beskrivning: (d: { malsida: GoalPage }) =>
        `${d.malsida.goal.namn} – länsmål för ${d.malsida.period.startår}–${d.malsida.period.slutår}: vad som mäts och hur det går för familjecentralerna.`,
    },
  });
  file("mal-json", "{{ malsida | mal_json | safe }}", {
    pagination: { data: "framsteg.goalPages", size: 1, alias: "malsida" },
    permalink: "/mal/{{ malsida.period.id }}/{{ malsida.goal.id }}.json",
  });
  file("mal-csv", "{{ malsida | mal_csv | safe }}", {
    pagination: { data: "framsteg.goalPages", size: 1, alias: "malsida" },
    permalink: "/mal/{{ malsida.period.id }}/{{ malsida.goal.id }}.csv",
  });

  page("lagesbild", {
    permalink: "/lagesbild/",
    titel: "Lägesbild",
    beskrivning:
      "Hur uppföljningen går i länet: inlämnade årsberättelser och enkäter, länsmålens status och vilka familjecentraler som behöver stöd.",
  });
  page("lagesbild-nedladdningar", {
    permalink: "/lagesbild/nedladdningar/",
    titel: "Nedladdningar: länets uppföljningsdata",
    beskrivning: "Länets uppföljningsdata som CSV och JSON, och hur statusen för varje mål räknas fram.",
  });
  page("lagesbild-sammanstallning", {
    sokbar: false,
    pagination: { data: "framsteg.compilationYears", size: 1, alias: "ar", addAllPagesToCollections: true },
    permalink: "/lagesbild/sammanstallning/{{ ar }}/",
    eleventyComputed: {
      titel: (d: { ar: number }) => `Sammanställning av årsberättelserna ${d.ar}`,
      beskrivning: (d: { ar: number }) => `Familjecentralernas årsberättelser ${d.ar} sammanställda för länets styrgrupp.`,
    },
  });
  file("lan-json", "{{ '' | lan_json | safe }}", { permalink: "/lagesbild/lansdata.json" });
  file("lan-csv", "{{ '' | lan_csv | safe }}", { permalink: "/lagesbild/lansdata.csv" });
}
