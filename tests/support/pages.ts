import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Every file below `dir` (relative paths with forward slashes), sorted so that runs are reproducible. */
export function walkFiles(dir: string): string[] {
  const files: string[] = [];
  const visit = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) files.push(relative(dir, full).split(sep).join("/"));
    }
  };
  visit(dir);
  return files.sort();
}

/** Every HTML file in a built site, as relative paths (`vagledning/uppdrag/index.html`). */
export function htmlFiles(outDir: string): string[] {
  return walkFiles(outDir).filter((file) => file.endsWith(".html"));
}

/** The URL path a static host serves an HTML file at: `a/index.html` → `/a/`, `404.html` → `/404.html`. */
export function urlPathOf(file: string): string {
  if (file === "index.html") return "/";
  if (file.endsWith("/index.html")) return `/${file.slice(0, -"index.html".length)}`;
  return `/${file}`;
}

/**
 * The URL paths listed in sitemap.xml (`<loc>` elements) without the site's base path, or undefined when the
 * site has no sitemap. A listed address outside the base path keeps its whole path, so it shows up as extra.
 */
export function sitemapPaths(outDir: string, basePath = "/"): string[] | undefined {
  const sitemap = join(outDir, "sitemap.xml");
  if (!existsSync(sitemap)) return undefined;
  const xml = readFileSync(sitemap, "utf8");
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => {
    const loc = (m[1] ?? "").replace(/&amp;/g, "&");
    try {
      const path = new URL(loc, "http://127.0.0.1").pathname;
      return path.startsWith(basePath) ? path.slice(basePath.length - 1) : path;
    } catch {
      return loc;
    }
  });
}

/**
 * The pages a browser test should visit: the sitemap's pages when there is a sitemap, plus every HTML file
 * it leaves out (the 404 page, archived editions), so no page escapes the checks.
 */
export function sitePages(outDir: string, basePath = "/"): string[] {
  const fromFiles = htmlFiles(outDir).map(urlPathOf);
  const fromSitemap = sitemapPaths(outDir, basePath) ?? [];
  return [...new Set([...fromSitemap, ...fromFiles])].sort();
}
