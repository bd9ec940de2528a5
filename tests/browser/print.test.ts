import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { siteOrSkip, useChromium, visit } from "../support/browser.ts";
import { guardedContext } from "../support/chromium.ts";
import { htmlFiles, urlPathOf } from "../support/pages.ts";
import { BASE_PATH_SITE, builtSites } from "../support/site.ts";

// Paper: A4 with utskrift.css's margins (2 cm top and bottom, 1.8 cm at the sides) leaves 658 × 971 CSS px.
const PRINT_WIDTH = 658;
const PRINT_HEIGHT = 971;

/** The pages a county prints: the whole guidance (current and archived), pages with a diagram, a centre page and the county picture. */
function printPages(outDir: string): string[] {
  const files = htmlFiles(outDir);
  const withDiagram = files.filter((f) => readFileSync(join(outDir, f), "utf8").includes("diagram--mermaid") && !f.startsWith("utgava/"));
  const centre = files.find((f) => /^familjecentraler\/[^/]+\/index\.html$/.test(f));
  // Every archived edition's whole guidance too: the same page, built from frozen files.
  const archivedWhole = files.filter((f) => /^utgava\/[^/]+\/vagledning\/hela\/index\.html$/.test(f));
  const wanted = [
    "vagledning/hela/index.html",
    ...archivedWhole,
    "lagesbild/index.html",
    ...withDiagram.slice(0, 3),
    ...(centre ? [centre] : []),
  ];
  return [...new Set(wanted)].filter((f) => existsSync(join(outDir, f))).map(urlPathOf);
}

const browser = useChromium();

describe.each(builtSites())("$label", (site) => {
  it("prints without forced or mostly empty pages, with the page's address, edition and date", async (context) => {
    const { outDir, url } = siteOrSkip(site, context);
    // The same pages and print script as the example county (tests/browser/base-path.test.ts proves it); the
    // address on paper comes from location.href, which the example county's run checks (docs/testing.md §2).
    context.skip(site.name === BASE_PATH_SITE, "samma sidor och utskriftsskript som exempellänet, bara med andra adresser");
    const pages = printPages(outDir);
    context.skip(pages.length === 0, "inga sidor att skriva ut");
    const problems: string[] = [];
    const { context: browserContext } = await guardedContext(await browser(), { viewport: { width: PRINT_WIDTH, height: PRINT_HEIGHT } });
    const page = await browserContext.newPage();
    try {
      for (const path of pages) {
        await visit(page, url, path);
        await page.emulateMedia({ media: "print" });
        const layout = await page.evaluate(() => {
          const forced = Array.from(document.querySelectorAll("body *"))
            .filter((el) => ["page", "always", "left", "right"].includes(getComputedStyle(el).breakBefore))
            .map((el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : ""));
          return { height: document.documentElement.scrollHeight, forced };
        });
        const pdf = await page.pdf({ format: "A4" });
        const sheets = (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
        const info = await page.evaluate(() => ({
          address: document.querySelector("[data-utskrift-adress]")?.textContent ?? "",
          shown: Array.from(document.querySelectorAll(".utskriftsinfo")).some((el) => getComputedStyle(el).display !== "none"),
          text: document.querySelector(".utskriftsinfo")?.textContent ?? "",
        }));
        await page.emulateMedia({ media: "screen" });

        // The text needs ceil(height / page height) sheets; a fifth more plus one covers breaks that keep a
        // row, a callout or a diagram whole. Anything beyond means pages left mostly empty.
        const ideal = Math.ceil(layout.height / PRINT_HEIGHT);
        const bound = Math.ceil(ideal * 1.2) + 1;
        if (layout.forced.length) problems.push(`${path}: tvingad sidbrytning före ${layout.forced.slice(0, 5).join(", ")}`);
        if (sheets === 0) problems.push(`${path}: ingen sida i PDF:en`);
        if (sheets > bound) problems.push(`${path}: ${sheets} A4-sidor för ${ideal} sidors text (högst ${bound})`);
        if (!info.shown) problems.push(`${path}: utskriften visar inte varifrån sidan kommer`);
        if (!/^https?:\/\//.test(info.address))
          problems.push(`${path}: utskriften anger ”${info.address}”, inte sidans fullständiga adress`);
        if (!/utgåva|vägledning/i.test(info.text) || !/\d{4}/.test(info.text))
          problems.push(`${path}: utskriften saknar utgåva eller datum: ”${info.text}”`);
      }
    } finally {
      await browserContext.close();
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
