import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { servedSite, siteOrSkip, useChromium, visit } from "./browser.ts";
import { guardedContext } from "./chromium.ts";
import { sitePages } from "./pages.ts";
import { builtSites } from "./site.ts";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core in the page, asking only for violations. This is what @axe-core/playwright does in its
 * legacy mode, minus a second injection and the full result serialisation: 0.4 s per page instead of
 * 0.8–1.7 s, which is what keeps a few hundred pages within the suite's time budget. The site has no
 * iframes, so running in the top document covers everything.
 */
async function axeViolations(page: Page): Promise<AxeResults["violations"]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations;
  }, WCAG_TAGS);
}

interface Pass {
  pages: string[];
  violations: string[];
  /** Pages wider than a 375 px phone screen: `path: scrollWidth px`. */
  overflow: string[];
  blocked: string[];
  cookies: string[];
}

/**
 * The whole-site browser checks for one built root: one pass over every page collects axe-core violations,
 * requests that tried to leave localhost, and cookies; the tests then assert on what the pass found.
 * One file per root lets Vitest run the roots in parallel workers.
 */
export function definePageChecks(name: string): void {
  const site = builtSites().find((s) => s.name === name);
  if (!site) throw new Error(`webbplatsen ${name} saknas bland de byggda webbplatserna`);
  const browser = useChromium();
  let pass: Pass | undefined;

  beforeAll(async () => {
    const served = servedSite(site);
    if (!served) return;
    const { url } = served;
    // A 375 × 812 phone: axe checks the layout most readers get, and the same visit measures overflow.
    const { context, blocked } = await guardedContext(await browser(), { viewport: { width: 375, height: 812 } });
    const result: Pass = { pages: sitePages(served.outDir), violations: [], overflow: [], blocked, cookies: [] };
    // Two tabs share the queue: while one page loads, axe runs in the other, and when the other root's
    // file has finished, both cores work on this one.
    const queue = [...result.pages];
    const found = new Map<string, string[]>();
    const overflowFound = new Map<string, string>();
    const worker = async (): Promise<void> => {
      const page = await context.newPage();
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await visit(page, url, path);
        found.set(
          path,
          (await axeViolations(page)).map((v) => {
            const targets = v.nodes.map((node) => node.target.join(" ")).join(" | ");
            return `${path}: ${v.id} (${v.impact ?? "?"}) – ${v.help} [${targets}] ${v.helpUrl}`;
          }),
        );
        // Nothing may make a reader on a 375 px phone scroll sideways (the pass runs at that size).
        const width = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        if (width.scroll > width.client) overflowFound.set(path, `${path}: ${width.scroll} px bred (skärmen ${width.client} px)`);
      }
      await page.close();
    };
    await Promise.all([worker(), worker()]);
    result.violations = result.pages.flatMap((path) => found.get(path) ?? []);
    result.overflow = result.pages.flatMap((path) => overflowFound.get(path) ?? []);
    result.cookies = (await context.cookies()).map((c) => `${c.name} (${c.domain})`);
    await context.close();
    pass = result;
    // No overall timeout: a few hundred pages on a busy two-core machine may take long, and every visit is
    // bounded on its own (Playwright's navigation timeout, settle()'s ten seconds), so nothing can hang.
  }, 0);

  describe(site.label, () => {
    it("has zero axe-core violations (WCAG 2.1 A and AA) on every page", (context) => {
      siteOrSkip(site, context);
      if (!pass) throw new Error("sidorna kunde inte besökas");

      expect(pass.pages.length).toBeGreaterThan(0);
      expect(pass.violations.length, `axe-core hittade ${pass.violations.length} brister:\n${pass.violations.join("\n")}`).toBe(0);
    });

    it("needs no sideways scrolling on a 375 px phone on any page", (context) => {
      siteOrSkip(site, context);
      if (!pass) throw new Error("sidorna kunde inte besökas");

      expect(pass.overflow, `sidor som är bredare än skärmen vid 375 px:\n${pass.overflow.join("\n")}`).toEqual([]);
    });

    it("sends no request outside localhost from any page", (context) => {
      siteOrSkip(site, context);
      if (!pass) throw new Error("sidorna kunde inte besökas");

      expect(pass.blocked, `förfrågningar som skulle ha lämnat webbplatsen:\n${pass.blocked.join("\n")}`).toEqual([]);
    });

    it("sets no cookie on any page", (context) => {
      siteOrSkip(site, context);
      if (!pass) throw new Error("sidorna kunde inte besökas");

      expect(pass.cookies).toEqual([]);
    });
  });
}
