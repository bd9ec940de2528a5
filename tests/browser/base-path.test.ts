import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { servedSite, siteOrSkip, useChromium, visit } from "../support/browser.ts";
import { guardedContext } from "../support/chromium.ts";
import { htmlFiles, sitePages } from "../support/pages.ts";
import { BASE_PATH_SITE, builtSites } from "../support/site.ts";

// The example county built for https://exempel.github.io/fc-handbok/ and served only under /fc-handbok/,
// as on a GitHub Pages project site (docs/publishing.md). A URL that forgot the base path answers 404.
const site = builtSites().find((s) => s.name === BASE_PATH_SITE);
if (!site) throw new Error("webbplatsen under en bassökväg saknas bland de byggda webbplatserna");
const ADDRESS = "https://exempel.github.io/fc-handbok/";

interface Pass {
  pages: number;
  failed: string[];
  blocked: string[];
  errors: string[];
}

const browser = useChromium();
let pass: Pass | undefined;

beforeAll(async () => {
  const served = servedSite(site);
  if (!served) return;
  const { url } = served;
  const { context, blocked } = await guardedContext(await browser());
  const result: Pass = { pages: 0, failed: [], blocked, errors: [] };
  const page = await context.newPage();
  // Every request a page makes (styles, scripts, Mermaid's chunks, Pagefind's files, icons) must succeed.
  page.on("response", (response) => {
    if (response.status() >= 400) result.failed.push(`${response.status()} ${response.url()} (från ${page.url()})`);
  });
  // Requests the next navigation cut short (ERR_ABORTED) and those the guard blocked are no failures.
  page.on("requestfailed", (request) => {
    if (!["net::ERR_BLOCKED_BY_CLIENT", "net::ERR_ABORTED"].includes(request.failure()?.errorText ?? "")) {
      result.failed.push(`${request.failure()?.errorText ?? "fel"} ${request.url()} (från ${page.url()})`);
    }
  });
  page.on("pageerror", (error) => result.errors.push(`${page.url()}: ${error.message}`));
  for (const path of sitePages(served.outDir, site.basePath).filter((p) => p !== "/404.html")) {
    await visit(page, url, path);
    result.pages++;
  }
  await context.close();
  pass = result;
  // No overall timeout: every visit is bounded on its own, and a busy machine must not fail a correct site.
}, 0);

describe("the example county served only under the base path /fc-handbok/", () => {
  it("loads every page and everything the pages ask for without a single failed request", (context) => {
    siteOrSkip(site, context);
    if (!pass) throw new Error("sidorna kunde inte besökas");

    expect(pass.pages).toBeGreaterThan(50);
    expect(pass.failed, `förfrågningar som misslyckades:\n${pass.failed.join("\n")}`).toEqual([]);
    expect(pass.blocked).toEqual([]);
    expect(pass.errors, `skriptfel:\n${pass.errors.join("\n")}`).toEqual([]);
  });

  it("gives every page an absolute canonical link and Open Graph address under the site address", (context) => {
    const { outDir } = siteOrSkip(site, context);
    const problems: string[] = [];
    for (const file of htmlFiles(outDir).filter((f) => f !== "404.html")) {
      const html = readFileSync(join(outDir, file), "utf8");
      for (const match of html.matchAll(/<(?:link rel="canonical" href|meta property="og:url" content)="([^"]*)"/g)) {
        if (!(match[1] ?? "").startsWith(ADDRESS)) problems.push(`${file}: ${match[0]}`);
      }
      if (!html.includes('rel="canonical"')) problems.push(`${file}: saknar kanonisk länk`);
    }

    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("lists absolute addresses under the site address in sitemap.xml", (context) => {
    const { outDir } = siteOrSkip(site, context);
    const locs = [...readFileSync(join(outDir, "sitemap.xml"), "utf8").matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] ?? "");

    expect(locs.length).toBeGreaterThan(50);
    expect(locs.filter((loc) => !loc.startsWith(ADDRESS))).toEqual([]);
  });
});
