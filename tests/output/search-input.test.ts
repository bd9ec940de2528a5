import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { afterAll, describe, expect, it } from "vitest";
import { searchInput } from "../../scripts/site/search-input.ts";
import { htmlFiles, urlPathOf, walkFiles } from "../support/pages.ts";
import { builtSites, readySite, SITE_NAMES } from "../support/site.ts";
import { tempDir } from "../support/temp.ts";

// The build hands Pagefind a reduced copy of each searchable page (docs/decisions.md §13). These tests
// index every built test site again from the whole pages on disk, exactly as the build orders them, and
// require the result to be the index the build wrote, file for file.

const workDir = tempDir("fc-handbok-sokindata-");
afterAll(() => pagefind.close());

/** Indexes a built site's pages as the build does (every HTML URL reserved in sorted order), into `out`. */
async function indexPages(outDir: string, out: string, prepare: (html: string) => string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind startade inte: ${errors.join("; ")}`);
  const files = htmlFiles(outDir).filter((f) => !f.startsWith("pagefind/"));
  for (const url of files.map(urlPathOf).sort()) await index.addCustomRecord({ url, content: "", language: "sv" });
  for (const file of files) {
    const html = readFileSync(join(outDir, file), "utf8");
    if (!html.includes("data-pagefind-body")) continue;
    const added = await index.addHTMLFile({ url: urlPathOf(file), content: prepare(html) });
    expect(added.errors).toEqual([]);
  }
  const written = await index.writeFiles({ outputPath: out });
  expect(written.errors).toEqual([]);
}

function differingFiles(a: string, b: string): string[] {
  const files = walkFiles(a);
  expect(walkFiles(b)).toEqual(files);
  return files.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

describe.each(SITE_NAMES)("the search index of %s", (name) => {
  it("is the index of the whole pages, byte for byte, although the build sent reduced ones", async () => {
    const site = builtSites().find((s) => s.name === name);
    if (!site) throw new Error(`global-setup byggde inte ${name}`);
    const { outDir } = readySite(site);
    const whole = join(workDir, `${name}-hela`);
    await indexPages(outDir, whole, (html) => html);
    expect(differingFiles(join(outDir, "pagefind"), whole)).toEqual([]);
    // And the reduction really reduces: a build that sent whole pages again would still pass the line above.
    const pages = htmlFiles(outDir)
      .map((f) => readFileSync(join(outDir, f), "utf8"))
      .filter((h) => h.includes("data-pagefind-body"));
    const sent = pages.reduce((sum, html) => sum + searchInput(html).length, 0);
    const total = pages.reduce((sum, html) => sum + html.length, 0);
    expect(sent).toBeLessThan(total * 0.8);
    expect(readdirSync(join(outDir, "pagefind", "fragment")).length).toBeGreaterThan(0);
  }, 0);
});
