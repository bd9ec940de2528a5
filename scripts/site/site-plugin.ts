import { HtmlBasePlugin } from "@11ty/eleventy";
import { resolve } from "node:path";
import type { Handbok } from "../model/types.ts";
import { projectDir } from "../paths.ts";
import { CSP } from "./csp.ts";
import type { EleventyConfig } from "./eleventy-plugin.ts";
import { registerFilters } from "./filters/index.ts";
import { mermaidModulesScript } from "./mermaid-modules.ts";
import { pagesPlugin } from "./pages-plugin.ts";
import { fullAddress, printOriginCss } from "./print-address.ts";
import { renderScope } from "./model-registry.ts";
import { SiteContext } from "./site-context.ts";
import { absoluteUrl, resolveSiteAddress, type SiteAddress } from "./site-address.ts";
import { depthBelow, inlinePage, readingOrder } from "./whole-guidance.ts";
import { separateBlocks } from "./word-boundaries.ts";
import { formatDate } from "./dates.ts";
import { directPages } from "./direct-pages.ts";
import type { ShellSite } from "./page-shell.ts";

export interface SitePluginOptions {
  rootDir: string;
  model: () => Handbok;
  address: SiteAddress;
}

/** The address this build publishes to: --webbplats/FC_WEBBPLATS, else `webbplats:` in lan.yaml (docs/publishing.md). */
export function siteAddressOf(model: Handbok): SiteAddress {
  return resolveSiteAddress(model.län.webbplats);
}

/** The main menu: one entry per section of the handbook. */
const MENU = ["vagledning", "ny", "mal", "familjecentraler", "lagesbild", "ordlista"] as const;

const menuOf = (ctx: SiteContext): { avsnitt: string; url: string; titel: string }[] => {
  const nav = ctx.strings.nav as Record<string, string>;
  return MENU.map((id) => ({ avsnitt: id, url: `/${id}/`, titel: nav[id] ?? id }));
};

/** What the shell of pages written outside Eleventy reads: the same values the layout gets as global data. */
export function shellSite(ctx: SiteContext, address: SiteAddress): ShellSite {
  const months = (ctx.strings.datum as { manader: string[] }).manader;
  return {
    strings: ctx.strings as unknown as ShellSite["strings"],
    lan: ctx.model().län,
    csp: CSP,
    menu: menuOf(ctx),
    address,
    builtOn: formatDate(ctx.today(), months),
  };
}

/** The site around the guidance: assets, strings, filters and the pages generated from data. */
export function sitePlugin(eleventyConfig: EleventyConfig, options: SitePluginOptions): void {
  const ctx = new SiteContext(resolve(options.rootDir), options.model);
  // A dev-server rebuild of some centres' pages keeps what git said (no guidance page is rendered, and
  // asking git costs a process per rebuild; docs/dev-server.md §2).
  eleventyConfig.on("eleventy.before", () => {
    if (!renderScope()) ctx.reset();
  });

  eleventyConfig.addPassthroughCopy({ [resolve(projectDir, "_includes/assets")]: "assets" });
  // Mermaid's ESM build: the entry file and its chunks, without source maps.
  const mermaid = resolve(projectDir, "node_modules/mermaid/dist");
  eleventyConfig.addPassthroughCopy({ [`${mermaid}/mermaid.esm.min.mjs`]: "assets/mermaid/mermaid.esm.min.mjs" });
  eleventyConfig.addPassthroughCopy({ [`${mermaid}/chunks/mermaid.esm.min/*.mjs`]: "assets/mermaid/chunks/mermaid.esm.min" });
  // The order diagram.js evaluates those modules in, one per task (mermaid-modules.ts, docs/decisions.md §11).
  eleventyConfig.addTemplate("mermaid-moduler.njk", "{% raw %}" + mermaidModulesScript(mermaid) + "{% endraw %}", {
    permalink: "/assets/mermaid/moduler.js",
    layout: false,
    eleventyExcludeFromCollections: true,
  });

  eleventyConfig.addGlobalData("t", ctx.strings);
  eleventyConfig.addGlobalData("csp", CSP);
  eleventyConfig.addGlobalData("huvudmeny", menuOf(ctx));
  eleventyConfig.addGlobalData("byggdatum", () => ctx.today());
  // Templates write root-relative URLs ("/vagledning/"); Eleventy's own HTML base plugin puts the base path
  // in front of every URL attribute of the HTML output, so no template does string surgery on paths.
  eleventyConfig.addPlugin(HtmlBasePlugin);
  const { address } = options;
  eleventyConfig.addGlobalData("webbplats", { url: address.url ?? "", pathPrefix: address.pathPrefix });
  // One helper for every URL that must be absolute: canonical links, sitemap, Open Graph and print styles.
  eleventyConfig.addFilter("absolutUrl", (path: string) => absoluteUrl(address, path));
  // Print names the page's full address (print-address.ts) from the same site address.
  eleventyConfig.addGlobalData("webbplatsUrl", address.url ?? "");

  // Word boundaries between table cells and list items for the search index (word-boundaries.ts). Only pages
  // Pagefind indexes need them; the others (4,000 annual-report drafts at national scale) are left as written.
  const addTransform = eleventyConfig.addTransform as (name: string, fn: (content: string, outputPath: string) => string) => void;
  addTransform.call(eleventyConfig, "ordgranser", (content, outputPath) =>
    typeof outputPath === "string" && outputPath.endsWith(".html") && content.includes("data-pagefind-body")
      ? separateBlocks(content)
      : content,
  );
  eleventyConfig.addFilter("fullAdress", (path: string, siteUrl?: string) => fullAddress(path, siteUrl));
  eleventyConfig.addFilter("utskriftUrsprung", (siteUrl?: string) => printOriginCss(siteUrl));
  // "Hela vägledningen" (whole-guidance.ts).
  // The root is /vagledning/ for the current guidance and /utgava/<id>/vagledning/ for an archived edition.
  eleventyConfig.addFilter("lasordning", (sidor: Parameters<typeof readingOrder>[0], root?: string) => readingOrder(sidor, root));
  eleventyConfig.addFilter("lasdjup", (url: string, root?: string) => depthBelow(url, root));
  eleventyConfig.addFilter(
    "sidinnehall",
    (all: { url?: string; content?: string }[], url: string) => all.find((p) => p.url === url)?.content ?? "",
  );
  eleventyConfig.addFilter("helaSida", (html: string, id: string, pages: Parameters<typeof inlinePage>[2]) => inlinePage(html, id, pages));
  registerFilters(eleventyConfig, ctx);
  pagesPlugin(eleventyConfig, ctx);

  // The shell of pages written outside Eleventy (direct-pages.ts, docs/decisions.md §12).
  const getFilter = eleventyConfig.getFilter as (name: string) => (this: { page: { url: string } }, html: string) => Promise<string>;
  directPages(eleventyConfig).setSite(
    () => shellSite(ctx, address),
    (ctx.strings.brodsmulor as { start: string }).start,
    // The base path goes in through Eleventy's own HTML base plugin, exactly as on Eleventy's pages.
    address.pathPrefix === "/"
      ? undefined
      : (html, url) => getFilter.call(eleventyConfig, "transformWithHtmlBase").call({ page: { url } }, html),
  );
}
