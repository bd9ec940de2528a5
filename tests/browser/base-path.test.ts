import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { siteOrSkip } from "../support/browser.ts";
import { htmlFiles, walkFiles } from "../support/pages.ts";
import { firstDifference, htmlTokens } from "../support/same-html.ts";
import { BASE_PATH_SITE, builtSites } from "../support/site.ts";

// The example county built for https://exempel.github.io/fc-handbok/ and served only under /fc-handbok/,
// as on a GitHub Pages project site (docs/publishing.md). A URL that forgot the base path answers 404.
const site = builtSites().find((s) => s.name === BASE_PATH_SITE);
if (!site) throw new Error("webbplatsen under en bassökväg saknas bland de byggda webbplatserna");
const ADDRESS = "https://exempel.github.io/fc-handbok/";
const atRoot = builtSites().find((s) => s.name === "exempellan");

/** The site address a build wrote into its start page's canonical link. */
function canonicalOf(outDir: string): string {
  const found = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(outDir, "index.html"), "utf8"))?.[1];
  if (!found) throw new Error(`${outDir}/index.html saknar kanonisk länk`);
  return found;
}

describe("the example county served only under the base path /fc-handbok/", () => {
  // The whole-site browser pass checks the example county only as served here (tests/browser/pages-exempellan.test.ts,
  // docs/testing.md §2). This proves that nothing but the addresses tells the two builds apart, so that pass
  // holds for the county at a domain root too.
  it("is the example county's site at the domain root with only its addresses moved: same files, same assets, same pages", (context) => {
    const { outDir } = siteOrSkip(site, context);
    if (!atRoot) throw new Error("exempellänet saknas bland de byggda webbplatserna");
    const { outDir: rootDir } = siteOrSkip(atRoot, context);
    const files = walkFiles(rootDir);

    expect(walkFiles(outDir)).toEqual(files);
    // Everything but the pages and the sitemap (whose addresses differ by design) is byte-identical.
    const differing = files.filter(
      (f) => !f.endsWith(".html") && f !== "sitemap.xml" && !readFileSync(join(rootDir, f)).equals(readFileSync(join(outDir, f))),
    );
    expect(differing, `filer som skiljer sig:\n${differing.join("\n")}`).toEqual([]);
    const address = canonicalOf(outDir);
    const rootAddress = canonicalOf(rootDir);
    expect(address).toBe(ADDRESS);
    const back: [string, string][] = [
      [address, rootAddress],
      [new URL(address).origin, new URL(rootAddress).origin],
    ];
    const pages = files
      .filter((f) => f.endsWith(".html"))
      .flatMap((f) => {
        const difference = firstDifference(
          htmlTokens(readFileSync(join(rootDir, f), "utf8")),
          htmlTokens(readFileSync(join(outDir, f), "utf8"), back, site.basePath),
        );
        return difference ? [`${f}: ${difference}`] : [];
      });
    expect(pages, `sidor som skiljer sig på mer än adresserna:\n${pages.join("\n")}`).toEqual([]);
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
