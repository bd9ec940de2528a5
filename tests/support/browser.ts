import type { Page } from "playwright-core";
import type { TestContext } from "vitest";
import { readySite, type BuiltSite } from "./site.ts";

/** The site's output folder and URL, or skips the running test with the reason the site was not built. */
export function siteOrSkip(site: BuiltSite, context: TestContext): { outDir: string; url: string } {
  if (site.skipReason) context.skip(site.skipReason);
  return readySite(site);
}

/**
 * Waits until a page has finished what it does on load: its resources are loaded and every Mermaid block has
 * been drawn (or ten seconds have passed: the diagram test reports undrawn diagrams, not this helper).
 */
export async function settle(page: Page): Promise<void> {
  // Everything the site loads is local, so "load" covers it; "networkidle" would add half a second per page.
  await page.waitForLoadState("load");
  const hasScripts = await page.evaluate(() => document.scripts.length > 0);
  if (!hasScripts) return;
  await page
    .waitForFunction(
      () =>
        Array.from(document.querySelectorAll(".mermaid")).every(
          (el) => el.getAttribute("data-processed") === "true" || el.querySelector("svg") !== null,
        ),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
}

/** Opens `path` on the site and waits for it to settle; fails when the page answers with an error status. */
export async function visit(page: Page, baseUrl: string, path: string): Promise<void> {
  const response = await page.goto(baseUrl + path, { waitUntil: "domcontentloaded" });
  const status = response?.status() ?? 0;
  const expected = path === "/404.html" ? [200, 404] : [200];
  if (!expected.includes(status)) throw new Error(`${path} svarade med status ${status}`);
  await settle(page);
}
