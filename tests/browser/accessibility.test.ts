import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settle, siteOrSkip, visit } from "../support/browser.ts";
import { guardedContext, launchChromium } from "../support/chromium.ts";
import { sitePages } from "../support/pages.ts";
import { builtSites } from "../support/site.ts";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(builtSites())("$label", (site) => {
  it("has zero axe-core violations (WCAG 2.1 A and AA) on every page", async (context) => {
    const { outDir, url } = siteOrSkip(site, context);
    const pages = sitePages(outDir);
    const { context: browserContext } = await guardedContext(browser);
    const page = await browserContext.newPage();
    const report: string[] = [];
    try {
      for (const path of pages) {
        await visit(page, url, path);
        // Legacy mode runs axe in the page itself instead of finishing each run in a new blank page, which
        // halves the time per page; the site has no iframes, so the results are the same.
        const results = await new AxeBuilder({ page })
          .withTags(WCAG_TAGS)
          .options({ resultTypes: ["violations"] })
          .setLegacyMode(true)
          .analyze();
        for (const violation of results.violations) {
          const targets = violation.nodes.map((node) => node.target.join(" ")).join(" | ");
          report.push(`${path}: ${violation.id} (${violation.impact ?? "?"}) – ${violation.help} [${targets}] ${violation.helpUrl}`);
        }
      }
    } finally {
      await browserContext.close();
    }
    expect(pages.length).toBeGreaterThan(0);
    expect(report, `axe-core hittade brister:\n${report.join("\n")}`).toEqual([]);
  });

  it("sends no request outside localhost and sets no cookie on any page", async (context) => {
    const { outDir, url } = siteOrSkip(site, context);
    const { context: browserContext, blocked } = await guardedContext(browser);
    const page = await browserContext.newPage();
    let cookies: unknown[] = [];
    try {
      for (const path of sitePages(outDir)) {
        await visit(page, url, path);
        await settle(page);
      }
      cookies = await browserContext.cookies();
    } finally {
      await browserContext.close();
    }
    expect(blocked, `förfrågningar som skulle ha lämnat webbplatsen:\n${blocked.join("\n")}`).toEqual([]);
    expect(cookies).toEqual([]);
  });
});
