import type { Handbok } from "../model/types.ts";
import type { CentreProgress, PeriodProgress } from "../progress/model.ts";
import { statusBadge } from "../progress/status-display.ts";
import type { ProgressStatus } from "../progress/status.ts";
import {
  progressViews,
  type CentrePage,
  type CompilationPage,
  type CountyKommunPage,
  type GoalPage,
  type GoalPart,
} from "../progress/views.ts";
import { interpretationHtml, isUnknown } from "../progress/tolkningar.ts";
import { timeElement } from "../format/sv.ts";
import { timed } from "../build-phases.ts";
import type { EleventyConfig } from "./eleventy-plugin.ts";
import { annualReportHtml } from "./pages/annual-report-page.ts";
import { centrePageHtml } from "./pages/centre-page.ts";
import { compilationHtml, compilationTitle } from "./pages/compilation-page.ts";
import { pageContext, type PageContext } from "./pages/context.ts";
import { countyKommunHtml, countyPictureHtml } from "./pages/county-picture.ts";
import { goalPageHtml, goalPartHtml, goalPartTitle } from "./pages/goal-page.ts";
import { LABELS, sizeHint } from "./pages/parts.ts";
import { periodPageHtml } from "./pages/period-page.ts";
import { shared } from "./shared-data.ts";
import { onlyChangedCentres } from "./dev-scope.ts";
import { directPages } from "./direct-pages.ts";

export interface ProgressPluginOptions {
  model: () => Handbok;
}

const LAYOUT = "layouts/bas.njk";
/** Per-centre pages: a dev-server rebuild after one centre's file changed renders only that centre's (dev-scope.ts). */
const byCentre = onlyChangedCentres((item: { cp: CentreProgress } | CentreProgress) => ("cp" in item ? item.cp : item).centre.id);
const FILE = { layout: false, eleventyExcludeFromCollections: true };

/** The progress pages: centres, county goals, the county picture, annual reports and downloads. */
export function progressPlugin(eleventyConfig: EleventyConfig, options: ProgressPluginOptions): void {
  const views = (): ReturnType<typeof progressViews> => timed("views", () => progressViews(options.model()));
  eleventyConfig.addGlobalData("framsteg", () => shared(views()));
  const context = (): PageContext => pageContext(options.model(), views());

  // Pages written in TypeScript (scripts/site/pages/): the template passes the page's view object, which
  // pagination hands over by reference, and prints the HTML these filters return (escaped in the functions).
  eleventyConfig.addFilter("fc_sida_html", (page: CentrePage) => centrePageHtml(page, context()));
  eleventyConfig.addFilter("lagesbild_html", () => countyPictureHtml(context()));
  eleventyConfig.addFilter("lagesbild_kommun_html", (page: CountyKommunPage) => countyKommunHtml(context(), page.kommun));
  eleventyConfig.addFilter("mal_period_html", (mp: PeriodProgress) => periodPageHtml(mp));
  eleventyConfig.addFilter("mal_html", (page: GoalPage) => goalPageHtml(page, context()));
  eleventyConfig.addFilter("mal_del_html", (part: GoalPart) => goalPartHtml(part));
  eleventyConfig.addFilter("sammanstallning_html", (page: CompilationPage) => compilationHtml(page, context()));

  // Filters that return HTML are rendered by our own escaping code; templates mark only these safe.
  eleventyConfig.addFilter("status_badge_text", (status: ProgressStatus, manual?: boolean) =>
    statusBadge(status, { manual: manual === true }),
  );
  eleventyConfig.addFilter("sv_datum", (iso: string) => timeElement(iso));
  // Plain-text filters (escaped by Nunjucks as usual).
  eleventyConfig.addFilter("etikett", (value: string) => LABELS[value] ?? value);
  // An interpretation mark beside a value (HTML, escaped here), and the words for an unknown fact.
  eleventyConfig.addFilter("tolkning", (reason: string | undefined) => interpretationHtml(reason));
  eleventyConfig.addFilter("okand", (value: unknown) => isUnknown(value));
  // Reader-facing wording of progress (scripts/site/progress-wording.ts).
  eleventyConfig.addFilter("dar", (items: unknown[], path: string, value: unknown) =>
    items.filter((item) => path.split(".").reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], item) === value),
  );
  eleventyConfig.addFilter("storlek", (text: string) => sizeHint(text));
  // Download contents, also used for the size hints next to the links.
  eleventyConfig.addFilter("fc_json", (cp: CentreProgress) => context().centreJson(cp));
  eleventyConfig.addFilter("fc_csv", (cp: CentreProgress) => context().centreCsv(cp));
  eleventyConfig.addFilter("mal_json", (page: GoalPage) => context().goalJson(page));
  eleventyConfig.addFilter("mal_csv", (page: GoalPage) => context().goalCsv(page));
  eleventyConfig.addFilter("lan_json", () => context().countyJson());
  eleventyConfig.addFilter("lan_csv", () => context().countyCsv());

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
  // One draft per centre and year, 70 % of the site's pages at national scale: written outside Eleventy with
  // the TypeScript page shell (direct-pages.ts, docs/decisions.md §11).
  directPages(eleventyConfig).add(() =>
    views().reportPages.map((r) => ({
      url: `/familjecentraler/${r.cp.centre.id}/arsberattelse/${r.year.year}/`,
      titel: `Årsberättelse ${r.year.year} – ${r.cp.centre.namn}`,
      beskrivning: `Underlag till årsberättelsen ${r.year.year} för ${r.cp.centre.namn}, med de uppgifter handboken redan har.`,
      sokbar: false,
      // Each centre's page links its drafts; the site map lists centres (docs/decisions.md §10).
      webbplatskarta: false,
      centre: r.cp.centre.id,
      body: () => annualReportHtml(r),
    })),
  );
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
  page("mal-del", {
    sokbar: false,
    // The goal page links its parts; the site map lists goals (docs/decisions.md §10).
    webbplatskarta: false,
    pagination: { data: "framsteg.goalParts", size: 1, alias: "maldel", addAllPagesToCollections: true },
    permalink: "{{ maldel.url }}",
    eleventyComputed: {
      titel: (d: { maldel: GoalPart }) => goalPartTitle(d.maldel),
      beskrivning: (d: { maldel: GoalPart }) =>
        `${d.maldel.goalPage.goal.namn}: senaste värde och status för familjecentralerna i ${d.maldel.kommuner.map((k) => k.namn).join(", ")}.`,
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
  page("lagesbild-kommun", {
    sokbar: false,
    webbplatskarta: false,
    pagination: { data: "framsteg.countyKommunPages", size: 1, alias: "lagesbildkommun", addAllPagesToCollections: true },
    permalink: "{{ lagesbildkommun.url }}",
    eleventyComputed: {
      titel: (d: { lagesbildkommun: CountyKommunPage }) => `Lägesbild för ${d.lagesbildkommun.kommun.namn}`,
      beskrivning: (d: { lagesbildkommun: CountyKommunPage }) =>
        `Familjecentralerna i ${d.lagesbildkommun.kommun.namn}: årsberättelser, enkäter och vilka som behöver uppmärksamhet.`,
    },
  });
  page("lagesbild-sammanstallning", {
    sokbar: false,
    pagination: { data: "framsteg.compilationPages", size: 1, alias: "sammanstallning", addAllPagesToCollections: true },
    permalink: "{{ sammanstallning.url }}",
    eleventyComputed: {
      // A split year's overview links its parts; the site map lists the year.
      webbplatskarta: (d: { sammanstallning: CompilationPage }) => d.sammanstallning.kind !== "del",
      titel: (d: { sammanstallning: CompilationPage }) => compilationTitle(d.sammanstallning),
      beskrivning: (d: { sammanstallning: CompilationPage }) =>
        d.sammanstallning.kommun
          ? `Årsberättelserna ${d.sammanstallning.year} från familjecentralerna i ${d.sammanstallning.kommun.namn}, sammanställda för länets styrgrupp.`
          : `Familjecentralernas årsberättelser ${d.sammanstallning.year} sammanställda för länets styrgrupp.`,
    },
  });
  file("lan-json", "{{ '' | lan_json | safe }}", { permalink: "/lagesbild/lansdata.json" });
  file("lan-csv", "{{ '' | lan_csv | safe }}", { permalink: "/lagesbild/lansdata.csv" });
}
