import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateRoot } from "../../scripts/validate/index.ts";
import { pageShell } from "../../scripts/site/page-shell.ts";
import { separateBlocks } from "../../scripts/site/word-boundaries.ts";
import { SiteContext } from "../../scripts/site/site-context.ts";
import { shellSite, siteAddressOf } from "../../scripts/site/site-plugin.ts";

// The TypeScript page shell (scripts/site/page-shell.ts) must write what the Nunjucks layout bas.njk writes
// (docs/decisions.md §12): pages Eleventy renders with that layout are rebuilt here around their own
// article by the shell, and must come out byte for byte the same. Two counties: the minimal fixture (a
// fictional county with a site address) and a copy of it without either (no canonical links, the print
// script, no "Påhittat exempel" notes).
const PROJECT = resolve(import.meta.dirname, "../..");
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const work = mkdtempSync(join(tmpdir(), "fc-page-shell-"));
const BUILD_DATE = "2026-11-30";

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Pages Eleventy renders with bas.njk that have no `sida`: their title and description (progress-plugin.ts). */
const PAGES = [
  {
    url: "/mal/",
    titel: "Länsgemensamma mål",
    beskrivning: "Länets gemensamma mål för familjecentralerna, period för period, och hur det går för varje mål.",
  },
  {
    url: "/familjecentraler/",
    titel: "Familjecentraler",
    beskrivning: "Alla familjecentraler och familjecentralsliknande verksamheter i länet, med kommun och en sida för varje.",
  },
];

function build(root: string, out: string): void {
  const result = spawnSync(process.execPath, [tsxCli, join(PROJECT, "scripts/cli/build.ts"), "--root", root, "--out", out], {
    cwd: PROJECT,
    encoding: "utf8",
    env: { ...process.env, FC_BUILD_DATE: BUILD_DATE },
  });
  expect(result.status, result.stderr).toBe(0);
}

function shellFor(root: string): ReturnType<typeof pageShell> {
  const model = validateRoot(root).model;
  if (!model) throw new Error(`${root} validerar inte`);
  const previous = process.env.FC_BUILD_DATE;
  process.env.FC_BUILD_DATE = BUILD_DATE;
  try {
    return pageShell(shellSite(new SiteContext(root, () => model), siteAddressOf(model)));
  } finally {
    if (previous === undefined) delete process.env.FC_BUILD_DATE;
    else process.env.FC_BUILD_DATE = previous;
  }
}

/** The article as the layout received it: between the print note (and the empty editions partial) and </main>. */
function articleOf(html: string): string {
  const start = html.indexOf("<span data-utskrift-datum></span></p>\n</div>\n\n\n\n");
  const end = html.lastIndexOf("\n</main>");
  expect(start, "utskriftsinfo").toBeGreaterThan(0);
  return html.slice(html.indexOf("\n\n\n\n", start) + 4, end);
}

describe("the TypeScript page shell", () => {
  const minimal = join(PROJECT, "tests/fixtures/minimal");
  const plain = join(work, "utan-adress");
  cpSync(minimal, plain, { recursive: true });
  const lan = join(plain, "data/lan.yaml");
  writeFileSync(
    lan,
    readFileSync(lan, "utf8")
      .replace(/^fiktivt: true$/m, "fiktivt: false")
      .replace(/^webbplats: .*\n/m, ""),
  );

  it.each([
    ["a fictional county with a site address", minimal],
    ["a real county without one", plain],
  ])("writes what bas.njk writes, in %s", { timeout: 0 }, (_name, root) => {
    const out = join(work, `site-${root === minimal ? "minimal" : "plain"}`);
    build(root, out);
    const shell = shellFor(root);
    for (const page of PAGES) {
      const html = readFileSync(join(out, page.url, "index.html"), "utf8");
      // Searchable pages get word boundaries after the layout, in Eleventy and in direct-pages.ts alike.
      const rebuilt = separateBlocks(shell({ ...page, sokbar: true, crumbs: [{ url: "/", titel: "Start" }], content: articleOf(html) }));
      expect(rebuilt, page.url).toBe(html);
    }
    // The variant really differs where the layout branches.
    expect(readFileSync(join(out, "mal/index.html"), "utf8").includes('rel="canonical"')).toBe(root === minimal);
  });
});
