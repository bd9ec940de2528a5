import type { Handbok } from "../model/types.ts";
import { statusBadge } from "../progress/status-display.ts";
import type { ProgressStatus } from "../progress/status.ts";
import { ownViews, progressViews, type ProgressViews } from "../progress/views.ts";
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
import { directPages, type DirectFile, type DirectPage } from "./direct-pages.ts";

export interface ProgressPluginOptions {
  model: () => Handbok;
}

const LAYOUT = "layouts/bas.njk";

/** The progress pages: centres, county goals, the county picture, annual reports and downloads. */
export function progressPlugin(eleventyConfig: EleventyConfig, options: ProgressPluginOptions): void {
  // Every page asks for the views; only computing them is the "views" phase. Timing each call would read the
  // thread's CPU clock twice per page (thousands of times at national scale) and book the cached look-ups,
  // which belong to the page being written, to "views".
  let computed: { model: Handbok; views: ProgressViews } | undefined;
  const views = (): ProgressViews => {
    const model = options.model();
    if (computed?.model !== model) computed = { model, views: timed("views", () => progressViews(model)) };
    return computed.views;
  };
  eleventyConfig.addGlobalData("framsteg", () => shared(views()));
  const context = (): PageContext => pageContext(options.model(), views());

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
  // The county's downloads, for the size hints next to their links.
  eleventyConfig.addFilter("lan_json", () => context().countyJson());
  eleventyConfig.addFilter("lan_csv", () => context().countyCsv());

  // The three overview pages written in Nunjucks (_includes/sidor/): Eleventy renders them.
  const page = (name: string, data: Record<string, unknown>): void => {
    eleventyConfig.addTemplate(`framsteg/${name}.njk`, `{% include "sidor/${name}.njk" %}`, { layout: LAYOUT, ...data });
  };
  page("fc-katalog", {
    permalink: "/familjecentraler/",
    titel: "Familjecentraler",
    beskrivning: "Alla familjecentraler och familjecentralsliknande verksamheter i länet, med kommun och en sida för varje.",
  });
  page("mal-oversikt", {
    permalink: "/mal/",
    titel: "Länsgemensamma mål",
    beskrivning: "Länets gemensamma mål för familjecentralerna, period för period, och hur det går för varje mål.",
  });
  page("lagesbild-nedladdningar", {
    permalink: "/lagesbild/nedladdningar/",
    titel: "Nedladdningar: länets uppföljningsdata",
    beskrivning: "Länets uppföljningsdata som CSV och JSON, och hur statusen för varje mål räknas fram.",
  });

  // Every other progress page is written by a TypeScript function (scripts/site/pages/, every data value
  // escaped there) and goes outside Eleventy with the TypeScript page shell: one page per centre, per centre
  // and year, per goal and per part of a split page, 5,000 of the 5,600 pages at national scale
  // (direct-pages.ts, docs/decisions.md §12). `centre` marks a centre's own pages for the dev server's
  // partial rebuilds; the others sum up centres. Titles and descriptions are plain text, escaped once by the shell.
  const direct = directPages(eleventyConfig);
  // A centre's own pages, from the whole build's views or (the dev server's first rebuild part) from views
  // of only the changed centres (ownViews), which give the same pages.
  const ownPages = (v: ProgressViews, ctx: () => PageContext): DirectPage[] => [
    ...v.centrePages.map((p) => ({
      url: `/familjecentraler/${p.cp.centre.id}/`,
      titel: p.cp.centre.namn,
      beskrivning: `${p.cp.centre.namn} i ${p.cp.kommunNamn}: fakta om familjecentralen, dess egna förbättringsarbeten och hur det går med länsmålen.`,
      sokbar: true,
      webbplatskarta: true,
      centre: p.cp.centre.id,
      body: () => centrePageHtml(p, ctx()),
    })),
    // Drafts and compilations repeat what the centre pages say; keeping them out of search keeps results
    // pointing at the living pages and the index small at national scale (4,000 drafts for 400 centres).
    ...v.reportPages.map((r) => ({
      url: `/familjecentraler/${r.cp.centre.id}/arsberattelse/${r.year.year}/`,
      titel: `Årsberättelse ${r.year.year} – ${r.cp.centre.namn}`,
      beskrivning: `Underlag till årsberättelsen ${r.year.year} för ${r.cp.centre.namn}, med de uppgifter handboken redan har.`,
      sokbar: false,
      // Each centre's page links its drafts; the site map lists centres (docs/decisions.md §10).
      webbplatskarta: false,
      centre: r.cp.centre.id,
      body: () => annualReportHtml(r),
    })),
  ];
  const ownFiles = (v: ProgressViews, ctx: () => PageContext): DirectFile[] =>
    v.model.centres.flatMap((cp) => [
      { url: `/familjecentraler/${cp.centre.id}.json`, centre: cp.centre.id, body: () => ctx().centreJson(cp) },
      { url: `/familjecentraler/${cp.centre.id}.csv`, centre: cp.centre.id, body: () => ctx().centreCsv(cp) },
    ]);
  // The pages and the files of one first part share their views (the pages print the files' sizes).
  let lastOwn: { model: Handbok; centres: ReadonlySet<string>; v: ProgressViews } | undefined;
  const own = (centres: ReadonlySet<string>): { v: ProgressViews; ctx: () => PageContext } => {
    const model = options.model();
    if (lastOwn?.model !== model || lastOwn.centres !== centres) lastOwn = { model, centres, v: ownViews(model, centres) };
    const v = lastOwn.v;
    return { v, ctx: () => pageContext(model, v) };
  };
  direct.add((centres) => {
    if (centres) {
      const { v, ctx } = own(centres);
      return ownPages(v, ctx);
    }
    const v = views();
    return [
      ...ownPages(v, context),
      ...v.model.periods.map((mp) => ({
        url: `/mal/${mp.period.id}/`,
        titel: `Länsgemensamma mål ${mp.period.startår}–${mp.period.slutår}`,
        beskrivning: `Målen för ${mp.period.startår}–${mp.period.slutår}: fokusområden, mål och de indikatorer som familjecentralerna i länet följer upp.`,
        sokbar: true,
        webbplatskarta: true,
        body: () => periodPageHtml(mp),
      })),
      ...v.goalPages.map((g) => ({
        url: `/mal/${g.period.id}/${g.goal.id}/`,
        titel: `${g.goal.namn} (${g.period.startår}–${g.period.slutår})`,
        beskrivning: `${g.goal.namn} – länsmål för ${g.period.startår}–${g.period.slutår}: vad som mäts och hur det går för familjecentralerna.`,
        sokbar: true,
        webbplatskarta: true,
        body: () => goalPageHtml(g, context()),
      })),
      ...v.goalParts.map((part) => ({
        url: part.url,
        titel: goalPartTitle(part),
        beskrivning: `${part.goalPage.goal.namn}: senaste värde och status för familjecentralerna i ${part.kommuner.map((k) => k.namn).join(", ")}.`,
        sokbar: false,
        // The goal page links its parts; the site map lists goals (docs/decisions.md §10).
        webbplatskarta: false,
        body: () => goalPartHtml(part),
      })),
      {
        url: "/lagesbild/",
        titel: "Lägesbild",
        beskrivning:
          "Hur uppföljningen går i länet: inlämnade årsberättelser och enkäter, länsmålens status och vilka familjecentraler som behöver stöd.",
        sokbar: true,
        webbplatskarta: true,
        body: () => countyPictureHtml(context()),
      },
      ...v.countyKommunPages.map((k) => ({
        url: k.url,
        titel: `Lägesbild för ${k.kommun.namn}`,
        beskrivning: `Familjecentralerna i ${k.kommun.namn}: årsberättelser, enkäter och vilka som behöver uppmärksamhet.`,
        sokbar: false,
        webbplatskarta: false,
        body: () => countyKommunHtml(context(), k.kommun),
      })),
      ...v.compilationPages.map((c) => ({
        url: c.url,
        titel: compilationTitle(c),
        beskrivning: c.kommun
          ? `Årsberättelserna ${c.year} från familjecentralerna i ${c.kommun.namn}, sammanställda för länets styrgrupp.`
          : `Familjecentralernas årsberättelser ${c.year} sammanställda för länets styrgrupp.`,
        sokbar: false,
        // A split year's overview links its parts; the site map lists the year.
        webbplatskarta: c.kind !== "del",
        body: () => compilationHtml(c, context()),
      })),
    ];
  });
  // The downloads: written as they are, without shell or search index.
  direct.addFiles((centres) => {
    if (centres) {
      const { v, ctx } = own(centres);
      return ownFiles(v, ctx);
    }
    const v = views();
    return [
      ...ownFiles(v, context),
      ...v.goalPages.flatMap((g) => [
        { url: `/mal/${g.period.id}/${g.goal.id}.json`, body: () => context().goalJson(g) },
        { url: `/mal/${g.period.id}/${g.goal.id}.csv`, body: () => context().goalCsv(g) },
      ]),
      { url: "/lagesbild/lansdata.json", body: () => context().countyJson() },
      { url: "/lagesbild/lansdata.csv", body: () => context().countyCsv() },
    ];
  });
}
