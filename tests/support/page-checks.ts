import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { servedSite, siteOrSkip, useChromium, visit } from "./browser.ts";
import { guardedContext } from "./chromium.ts";
import { sitePages } from "./pages.ts";
import { builtSites } from "./site.ts";
import { CRUMB_LINES } from "./crumbs.ts";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * One evaluation per page injects axe-core, runs it asking only for violations, and measures the page's width
 * and its breadcrumb trail's lines:
 * what @axe-core/playwright does in its legacy mode, minus a second injection, the full result serialisation
 * and two round trips to the browser (docs/testing.md §3). The site has no iframes, so running in the top
 * document covers everything. The script is a string so that the test runner does not rewrite it.
 */
const PAGE_CHECK = `${axeSource}
;(async (tags) => {
  const results = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
  return {
    violations: results.violations,
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    crumbLines: (${CRUMB_LINES})(),
  };
})(${JSON.stringify(WCAG_TAGS)})`;

interface PageFacts {
  violations: AxeResults["violations"];
  scroll: number;
  client: number;
  crumbLines: number;
}

export interface Pass {
  pages: string[];
  violations: string[];
  /** Pages wider than a 375 px phone screen: `path: scrollWidth px`. */
  overflow: string[];
  /** Pages whose breadcrumb trail takes more than two lines on a 375 px phone: `path: n rader`. */
  tallCrumbs: string[];
  blocked: string[];
  cookies: string[];
  /** Requests that failed or answered 400 or more: `status url (from page)`. */
  failed: string[];
  /** Uncaught script errors: `page: message`. */
  errors: string[];
}

/**
 * Visits every page once in two tabs of a guarded 375 × 812 context and collects what the whole-site checks
 * assert on. Exported so that tests/browser/page-pass.test.ts can prove it still catches broken pages.
 */
export async function pagePass(browser: Browser, url: string, pages: string[]): Promise<Pass> {
  // A 375 × 812 phone: axe checks the layout most readers get, and the same visit measures overflow.
  const { context, blocked } = await guardedContext(browser, { viewport: { width: 375, height: 812 } });
  const result: Pass = { pages, violations: [], overflow: [], tallCrumbs: [], blocked, cookies: [], failed: [], errors: [] };
  // Two tabs share the queue: while one page loads, axe runs in the other, and when the other root's
  // file has finished, both cores work on this one.
  const queue = [...pages];
  const found = new Map<string, string[]>();
  const overflowFound = new Map<string, string>();
  const tallCrumbsFound = new Map<string, string>();
  const worker = async (): Promise<void> => {
    const page = await context.newPage();
    // Every request a page makes (styles, scripts, Mermaid's chunks, Pagefind's files, icons) must succeed;
    // the 404 page answers 404 by design. Requests the next navigation cut short (ERR_ABORTED) and those
    // the guard blocked are no failures.
    page.on("response", (response) => {
      const isErrorPage = response.request().isNavigationRequest() && new URL(response.url()).pathname.endsWith("/404.html");
      if (response.status() >= 400 && !isErrorPage) result.failed.push(`${response.status()} ${response.url()} (från ${page.url()})`);
    });
    page.on("requestfailed", (request) => {
      // Chromium names the guard's abort "net::ERR_BLOCKED_BY_CLIENT.Inspector".
      const reason = request.failure()?.errorText ?? "";
      if (!reason.startsWith("net::ERR_BLOCKED_BY_CLIENT") && reason !== "net::ERR_ABORTED") {
        result.failed.push(`${request.failure()?.errorText ?? "fel"} ${request.url()} (från ${page.url()})`);
      }
    });
    page.on("pageerror", (error) => result.errors.push(`${page.url()}: ${error.message}`));
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      await visit(page, url, path);
      const facts = await page.evaluate<PageFacts>(PAGE_CHECK);
      found.set(
        path,
        facts.violations.map((v) => {
          const targets = v.nodes.map((node) => node.target.join(" ")).join(" | ");
          return `${path}: ${v.id} (${v.impact ?? "?"}) – ${v.help} [${targets}] ${v.helpUrl}`;
        }),
      );
      // Nothing may make a reader on a 375 px phone scroll sideways (the pass runs at that size).
      if (facts.scroll > facts.client) overflowFound.set(path, `${path}: ${facts.scroll} px bred (skärmen ${facts.client} px)`);
      // The trail must not push the page's heading down on a phone (docs/decisions.md §15).
      if (facts.crumbLines > 2) tallCrumbsFound.set(path, `${path}: ${facts.crumbLines} rader`);
    }
    await page.close();
  };
  await Promise.all([worker(), worker()]);
  result.violations = pages.flatMap((path) => found.get(path) ?? []);
  result.overflow = pages.flatMap((path) => overflowFound.get(path) ?? []);
  result.tallCrumbs = pages.flatMap((path) => tallCrumbsFound.get(path) ?? []);
  result.cookies = (await context.cookies()).map((c) => `${c.name} (${c.domain})`);
  await context.close();
  return result;
}

/**
 * The whole-site browser checks for one built root: one visit per page collects axe-core violations, the
 * page's width and its breadcrumb trail's lines at 375 px, failed requests, script errors, requests that tried to leave localhost, and
 * cookies; the tests then assert on what the pass found. One file per root lets Vitest run the roots in
 * parallel workers. The example county is checked as it is served under a base path (BASE_PATH_SITE): the
 * same pages with longer addresses, where a URL that forgets the base path fails (docs/testing.md §2).
 */
export function definePageChecks(name: string): void {
  const site = builtSites().find((s) => s.name === name);
  if (!site) throw new Error(`webbplatsen ${name} saknas bland de byggda webbplatserna`);
  const browser = useChromium();
  let pass: Pass | undefined;

  beforeAll(async () => {
    const served = servedSite(site);
    if (!served) return;
    pass = await pagePass(await browser(), served.url, sitePages(served.outDir, site.basePath));
    // No overall timeout: a few hundred pages on a busy two-core machine may take long, and every visit is
    // bounded on its own (Playwright's navigation timeout, visit()'s ten seconds), so nothing can hang.
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

    it("keeps the breadcrumb trail to at most two lines on a 375 px phone on every page", (context) => {
      siteOrSkip(site, context);
      if (!pass) throw new Error("sidorna kunde inte besökas");

      expect(pass.tallCrumbs, `sidor där brödsmulorna tar mer än två rader vid 375 px:\n${pass.tallCrumbs.join("\n")}`).toEqual([]);
    });

    it("loads every page and everything the pages ask for without a failed request or a script error", (context) => {
      siteOrSkip(site, context);
      if (!pass) throw new Error("sidorna kunde inte besökas");

      expect(pass.failed, `förfrågningar som misslyckades:\n${pass.failed.join("\n")}`).toEqual([]);
      expect(pass.errors, `skriptfel:\n${pass.errors.join("\n")}`).toEqual([]);
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
