import type { EleventyConfig } from "../site/eleventy-plugin.ts";
import { createMarkdown } from "../site/markdown.ts";
import { fill, loadStrings } from "../site/strings.ts";
import type { Handbok } from "../model/types.ts";
import { loadEditions, wholeGuidanceUrl, type ArkivSida, type Utgava } from "./model.ts";
import { editionsView } from "./view.ts";

export interface EditionsPluginOptions {
  rootDir: string;
  model: () => Handbok;
}

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** "2026-11-17" → "17 november 2026"; anything else is returned unchanged. */
export function swedishDate(value: unknown): string {
  const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return text;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/**
 * Internal links in an archived page point at the current site; inside an edition they should stay in
 * that edition when the target page existed there, so readers (and the link checker) stay in one edition.
 */
export function rewriteLinks(html: string, edition: Utgava): string {
  const paths = new Set(edition.sidor.map((p) => p.sökväg));
  return html.replace(/href="(\/[^"#?]*)([#?][^"]*)?"/g, (whole, path: string, rest: string | undefined) =>
    paths.has(path) ? `href="/utgava/${edition.id}${path}${rest ?? ""}"` : whole,
  );
}

const OVERVIEW = `{% include "partials/utgava-oversikt.njk" %}`;

/**
 * "Hela vägledningen" of an archived edition: the same page as the current /vagledning/hela/
 * (scripts/site/whole-guidance.ts, partials/hela.njk), built from the frozen pages in the edition's own
 * reading order, with the archive banner. Its canonical page is the current whole guidance.
 */
function addWholeGuidance(eleventyConfig: EleventyConfig, edition: Utgava, arkiv: (page?: ArkivSida) => Record<string, unknown>): void {
  const url = wholeGuidanceUrl(edition);
  if (!url) return;
  const root = `/utgava/${edition.id}/vagledning/`;
  const texts = loadStrings().hela as { titel: string; utgava_ingress: string };
  const sidor = edition.sidor
    .filter((p) => p.sökväg.startsWith("/vagledning/"))
    .map((p) => ({ id: p.id, titel: p.titel, sammanfattning: p.sammanfattning, ordning: p.ordning, url: p.url }));
  eleventyConfig.addTemplate(
    `utgava-arkiv/${edition.id}/hela-vagledningen.njk`,
    `{%- set ordning = utgavaSidor | lasordning(helaRot) %}{% include "partials/hela.njk" %}`,
    {
      layout: "layouts/genererad.njk",
      permalink: url,
      titel: `${texts.titel} (${edition.titel})`,
      smulTitel: texts.titel,
      ingress: fill(texts.utgava_ingress, { titel: edition.titel }),
      sokbar: false,
      eleventyImport: { collections: ["all"] },
      arkiv: { ...arkiv(), aktuellFinns: true, aktuellUrl: "/vagledning/hela/", kanonisk: "/vagledning/hela/" },
      utgavaId: edition.id,
      utgavaSidor: sidor,
      helaRot: root,
    },
  );
}

/**
 * Archived editions on the site: every frozen page at /utgava/<id>/<path>/ rendered with the same
 * Markdown and layout as the current guidance, an overview per edition and /utgava/ listing them all.
 * The banner, switcher and canonical link come from _includes/partials/utgava*.njk.
 */
export function editionsPlugin(eleventyConfig: EleventyConfig, options: EditionsPluginOptions): void {
  const editions = loadEditions(options.rootDir);
  eleventyConfig.addFilter("utgavaDatum", swedishDate);
  eleventyConfig.addGlobalData("utgavor", () => editionsView(options.rootDir, editions, options.model().sidor));
  const md = createMarkdown(
    () => new Map(options.model().källor.map((k) => [k.id, k.kortnamn])),
    () => options.model().process.steg,
  );
  // The latest decision is the edition in force until the next one; the banner must not call it old.
  const newestId = [...editions].sort((a, b) => String(b.beslutad).localeCompare(String(a.beslutad)))[0]?.id;
  for (const edition of editions) {
    const arkiv = (page?: ArkivSida): Record<string, unknown> => {
      const current = page ? options.model().sidor.find((s) => s.id === page.id) : undefined;
      return {
        id: edition.id,
        titel: edition.titel,
        beslutad: edition.beslutad,
        beslutat_av: edition.beslutat_av,
        senaste: edition.id === newestId,
        url: `/utgava/${edition.id}/`,
        aktuellFinns: current !== undefined,
        aktuellUrl: current?.url ?? "/",
        // A page that no longer exists has no current equivalent; it is then its own canonical page.
        kanonisk: current?.url ?? page?.url ?? `/utgava/${edition.id}/`,
      };
    };
    let hasStart = false;
    for (const page of edition.sidor) {
      const isStart = page.sökväg === "/";
      hasStart ||= isStart;
      const { body, ...front } = page;
      const virtualPath = `utgava-arkiv/${edition.id}/${page.fil.replace(/^content\//, "").replace(/\.md$/, "")}.njk`;
      eleventyConfig.addTemplate(virtualPath, `{{ arkivHtml | safe }}${isStart ? OVERVIEW : ""}`, {
        layout: "layouts/sida.njk",
        permalink: page.url,
        titel: `${page.titel} (${edition.titel})`,
        // In the trail the edition is named once, by its start page's crumb; repeated in every crumb it
        // filled lines (decisions.md §15).
        smulTitel: isStart ? edition.titel : page.titel,
        arkivsida: { ...front, ord: body.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length },
        arkiv: arkiv(page),
        arkivHtml: rewriteLinks(md.render(body), edition),
        utgavaId: edition.id,
      });
    }
    addWholeGuidance(eleventyConfig, edition, arkiv);
    if (!hasStart) {
      eleventyConfig.addTemplate(`utgava-arkiv/${edition.id}/index.njk`, `<h1>${"{{ arkiv.titel }}"}</h1>${OVERVIEW}`, {
        layout: "layouts/bas.njk",
        permalink: `/utgava/${edition.id}/`,
        titel: edition.titel,
        arkiv: arkiv(),
        utgavaId: edition.id,
      });
    }
  }
  eleventyConfig.addTemplate("utgava-arkiv/index.njk", `{% include "partials/utgava-lista.njk" %}`, {
    layout: "layouts/bas.njk",
    permalink: "/utgava/",
    titel: "Utgåvor av vägledningen",
    beskrivning: "Alla beslutade utgåvor av vägledningen, frysta som de såg ut när de beslutades.",
  });
}
