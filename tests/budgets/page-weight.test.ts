import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assetsOf, fileForUrl, mainText, weighPage, type PageWeight } from "../../scripts/bench/page-weight.ts";
import { builtSites, readySite } from "../support/site.ts";

// Page-weight budgets in bytes (never time), checked on the example county. The guidance budget is the one
// in docs/decisions.md §8: a page without diagram or chart transfers at most 50 KB of HTML and CSS and needs
// no JavaScript to be read. The centre and county-picture budgets were set from measured sizes with about threefold
// headroom (see README, Benchmark): a centre page with four years of follow-up was ~46 KB of HTML.
const KB = 1024;
const BUDGETS = {
  guidance: { url: "/vagledning/roller-och-ansvar/", htmlAndCss: 50 * KB, heading: "Roller och ansvar" },
  centre: { url: "/familjecentraler/norrvik/", htmlAndCss: 150 * KB, heading: "Norrvik" },
  lagesbild: { url: "/lagesbild/", htmlAndCss: 150 * KB, heading: "Lägesbild" },
} as const;

const PROJECT = resolve(import.meta.dirname, "../..");
let out = "";

// The example county as tests/support/global-setup.ts built it once for every test file of this run.
beforeAll(() => {
  const site = builtSites().find((s) => s.name === "exempellan");
  if (!site) throw new Error("global-setup byggde inte exempellänet");
  out = readySite(site).outDir;
});

function weigh(url: string): { weight: PageWeight; html: string } {
  const weight = weighPage(out, url);
  const file = fileForUrl(out, url);
  if (!weight || !file) throw new Error(`${url} byggdes inte`);
  return { weight, html: readFileSync(file, "utf8") };
}

/** External scripts that would block reading: neither deferred, async nor a module. */
function blockingScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=[^>]*>/gi)]
    .map(([tag]) => tag)
    .filter((tag) => !/\b(defer|async)\b/i.test(tag) && !/type=["']module["']/i.test(tag));
}

describe.each(Object.entries(BUDGETS))("the %s page stays within its byte budget", (_, budget) => {
  it(`transfers at most ${budget.htmlAndCss / KB} KB of HTML and CSS`, () => {
    const { weight } = weigh(budget.url);

    expect(weight.html + weight.css).toBeLessThanOrEqual(budget.htmlAndCss);
  });

  it("has its content in the HTML itself, so it reads without JavaScript", () => {
    const { html } = weigh(budget.url);

    const text = mainText(html);

    expect(text).toContain(budget.heading);
    expect(text.length).toBeGreaterThan(200);
    expect(blockingScripts(html)).toEqual([]);
  });
});

describe("the guidance page without a diagram", () => {
  it("references no JavaScript at all", () => {
    const { html } = weigh(BUDGETS.guidance.url);

    const { js, inlineScripts } = assetsOf(html, BUDGETS.guidance.url);

    expect({ js, inlineScripts }).toEqual({ js: [], inlineScripts: 0 });
  });

  it("contains the text of its Markdown source", () => {
    const source = readFileSync(join(PROJECT, "examples/exempellan/content/vagledning/roller-och-ansvar/index.md"), "utf8");
    const firstParagraph = source
      .split(/^---$/m)[2]
      ?.split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => /^\p{Lu}/u.test(p) && !p.startsWith(":::"));
    const { html } = weigh(BUDGETS.guidance.url);

    const words = (firstParagraph ?? "")
      .replace(/\[källa:[^\]]*\]/g, "")
      .split(/\s+/)
      .slice(0, 6)
      .join(" ");

    expect(words.length).toBeGreaterThan(10);
    expect(mainText(html)).toContain(words);
  });
});
