import type { Browser, Page } from "playwright-core";
import { afterAll, type TestContext } from "vitest";
import { launchChromium } from "./chromium.ts";
import { readySite, type BuiltSite } from "./site.ts";

/**
 * One headless Chromium for the calling test file: launched by the first test or hook that asks for it and
 * closed after the file's last test. Call it at the top of a file; tests open their own contexts in it
 * (guardedContext), which keeps them as separate as separate browsers would. A file whose tests all skip
 * launches nothing.
 */
export function useChromium(): () => Promise<Browser> {
  let launched: Promise<Browser> | undefined;
  afterAll(async () => {
    await (await launched?.catch(() => undefined))?.close();
  });
  return () => (launched ??= launchChromium());
}

/** The site's output folder and URL when it was built and is served; undefined otherwise (its tests then skip or fail with the reason). */
export function servedSite(site: BuiltSite): { outDir: string; url: string } | undefined {
  return site.skipReason || site.error || !site.outDir || !site.url ? undefined : { outDir: site.outDir, url: site.url };
}

/** The site's output folder and URL, or skips the running test with the reason the site was not built. */
export function siteOrSkip(site: BuiltSite, context: TestContext): { outDir: string; url: string } {
  if (site.skipReason) context.skip(site.skipReason);
  return readySite(site);
}

/** True once every Mermaid block (`.mermaid`) has been drawn, or when the page runs no script that could draw one. */
const SETTLED = (): boolean =>
  document.scripts.length === 0 ||
  Array.from(document.querySelectorAll(".mermaid")).every(
    (el) => el.getAttribute("data-processed") === "true" || el.querySelector("svg") !== null,
  );

/**
 * Waits until a page has finished what it does on load: its resources are loaded and every Mermaid block has
 * been drawn (or ten seconds have passed: the diagram test reports undrawn diagrams, not this helper).
 */
export async function settle(page: Page): Promise<void> {
  // Everything the site loads is local, so "load" covers it; "networkidle" would add half a second per page.
  await page.waitForLoadState("load");
  await page.waitForFunction(SETTLED, undefined, { timeout: 10_000 }).catch(() => undefined);
}

/**
 * Opens `path` on the site and waits for it to settle; fails when the page answers with an error status.
 * Two round trips to the browser instead of four (docs/testing.md §3): navigation waits for "load" itself,
 * and one check covers both "no script" and "every diagram drawn".
 */
export async function visit(page: Page, baseUrl: string, path: string): Promise<void> {
  const response = await page.goto(baseUrl + path, { waitUntil: "load" });
  const status = response?.status() ?? 0;
  const expected = path === "/404.html" ? [200, 404] : [200];
  if (!expected.includes(status)) throw new Error(`${path} svarade med status ${status}`);
  await page.waitForFunction(SETTLED, undefined, { timeout: 10_000 }).catch(() => undefined);
}
