import { readFileSync } from "node:fs";
import matter from "gray-matter";
import { grayMatterOptions } from "../load/front-matter.ts";
import { resolve } from "node:path";
import { projectDir } from "../paths.ts";
import type { EleventyConfig } from "./eleventy-plugin.ts";
import type { SiteContext } from "./site-context.ts";

interface GeneratedPage {
  /** Template file under _includes/sidor/. */
  fil: string;
  /** Output URL; a paginated template sets its own permalink. */
  url?: string;
  /** Key in strings.json for the page's title and ingress. */
  texter?: string;
}

// Pages built from data. A Markdown page at the same URL wins: the county can write its own.
const PAGES: GeneratedPage[] = [
  { fil: "ny.njk", url: "/ny/", texter: "ny" },
  { fil: "lasvag.njk" },
  { fil: "vagledning.njk", url: "/vagledning/", texter: "vagledning" },
  { fil: "hela.njk", url: "/vagledning/hela/", texter: "hela" },
  { fil: "ordlista.njk", url: "/ordlista/", texter: "ordlista" },
  { fil: "kallor.njk", url: "/kallor/", texter: "kallor" },
  { fil: "tillganglighet.njk", url: "/tillganglighet/", texter: "tillganglighet" },
  { fil: "sok.njk", url: "/sok/", texter: "sok" },
  { fil: "webbplatskarta.njk", url: "/webbplatskarta/", texter: "webbplatskarta" },
  { fil: "404.njk", url: "/404.html", texter: "fel404" },
  { fil: "sitemap.njk", url: "/sitemap.xml" },
  { fil: "headers.njk", url: "/_headers" },
];

/** Adds the generated pages as virtual templates; their Nunjucks lives in _includes/sidor/. */
export function pagesPlugin(eleventyConfig: EleventyConfig, ctx: SiteContext): void {
  const written = new Set(ctx.model().sidor.map((s) => s.url));
  for (const p of PAGES) {
    if (p.url && written.has(p.url)) continue;
    // The template's settings (layout, pagination, permalink…) go in as data: Eleventy's own front matter
    // parser keeps only page fields, because it also reads the untrusted guidance pages (eleventy-plugin.ts).
    const { data: settings, content: source } = matter(
      readFileSync(resolve(projectDir, "_includes/sidor", p.fil), "utf8"),
      grayMatterOptions,
    );
    const texts = p.texter ? (ctx.strings[p.texter] as { titel?: string; rubrik?: string; ingress?: string; beskrivning?: string }) : {};
    const data: Record<string, unknown> = { ...settings };
    if (p.url) data.permalink = p.url;
    if (texts.titel ?? texts.rubrik) data.titel = texts.titel ?? texts.rubrik;
    if (texts.ingress) data.ingress = texts.ingress;
    if (texts.beskrivning) data.beskrivning = texts.beskrivning;
    eleventyConfig.addTemplate(`sidor/${p.fil}`, source, data);
  }
}
