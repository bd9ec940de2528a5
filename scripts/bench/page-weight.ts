import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";

/** What one page costs to read: its HTML and every stylesheet and script it references, as served. */
export interface PageWeight {
  url: string;
  html: number;
  css: number;
  js: number;
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  cssFiles: string[];
  jsFiles: string[];
  /** Inline <script> elements (without src). */
  inlineScripts: number;
}

/** The file a static host serves for a URL path inside `outDir`, or undefined. */
export function fileForUrl(outDir: string, urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? "/");
  const candidates = clean.endsWith("/") ? [join(outDir, clean, "index.html")] : [join(outDir, clean), join(outDir, clean, "index.html")];
  return candidates.find((c) => existsSync(c) && !c.endsWith("/"));
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(tag)?.[1];

/** Stylesheets and scripts an HTML document references, as absolute URL paths on the same site. */
export function assetsOf(html: string, pageUrl: string): { css: string[]; js: string[]; inlineScripts: number } {
  const local = (href: string): string | undefined => {
    const u = new URL(href, `http://site${pageUrl}`);
    return u.host === "site" ? u.pathname : undefined;
  };
  const css: string[] = [];
  const js: string[] = [];
  let inlineScripts = 0;
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attr(tag, "href");
    if (!href) continue;
    if (rel.includes("stylesheet")) css.push(local(href) ?? href);
    if (rel.includes("modulepreload")) js.push(local(href) ?? href);
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    const type = (attr(tag, "type") ?? "").toLowerCase();
    if (src) js.push(local(src) ?? src);
    else if (type !== "application/json" && type !== "application/ld+json") inlineScripts++;
  }
  return { css: [...new Set(css)], js: [...new Set(js)], inlineScripts };
}

/** CSS files pulled in by `@import` in a stylesheet, followed once each. */
function withImports(outDir: string, files: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length) {
    const url = queue.shift() ?? "";
    if (seen.has(url)) continue;
    seen.add(url);
    const file = fileForUrl(outDir, url);
    if (!file) continue;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)) queue.push(new URL(m[1] ?? "", `http://site${url}`).pathname);
  }
  return [...seen];
}

const sizes = (outDir: string, urls: string[]): { raw: number; gzip: number } => {
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const file = fileForUrl(outDir, url);
    if (!file) continue;
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
};

/** Weighs the page at `url` of the site built into `outDir`; undefined when there is no such page. */
export function weighPage(outDir: string, url: string): PageWeight | undefined {
  const file = fileForUrl(outDir, url);
  if (!file) return undefined;
  const bytes = readFileSync(file);
  const { css, js, inlineScripts } = assetsOf(bytes.toString("utf8"), url);
  const cssFiles = withImports(outDir, css);
  const c = sizes(outDir, cssFiles);
  const j = sizes(outDir, js);
  return {
    url,
    html: bytes.length,
    css: c.raw,
    js: j.raw,
    htmlGzip: gzipSync(bytes).length,
    cssGzip: c.gzip,
    jsGzip: j.gzip,
    cssFiles,
    jsFiles: js,
    inlineScripts,
  };
}

/** The text inside <main>, without tags: what a reader without JavaScript gets. */
export function mainText(html: string): string {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(html)?.[1] ?? "";
  return main
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The largest HTML page of a built site, as a URL path and its bytes. The whole guidance on one page
 * (/vagledning/hela/, also in archived editions) is left out: it exists to be printed as one document.
 * Every other page is held to 150 KB (docs/decisions.md §10).
 */
export function largestPage(outDir: string, htmlFiles: string[]): { url: string; bytes: number } | undefined {
  let largest: { url: string; bytes: number } | undefined;
  for (const file of htmlFiles) {
    const rel = relative(outDir, file).split(sep).join("/");
    if (rel.endsWith("vagledning/hela/index.html")) continue;
    const bytes = statSync(file).size;
    if (!largest || bytes > largest.bytes) largest = { url: `/${rel.replace(/index\.html$/, "")}`, bytes };
  }
  return largest;
}
