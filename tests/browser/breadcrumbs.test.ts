import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { siteOrSkip, useChromium, visit } from "../support/browser.ts";
import { guardedContext } from "../support/chromium.ts";
import { CRUMB_LINES } from "../support/crumbs.ts";
import { htmlFiles, urlPathOf } from "../support/pages.ts";
import { BASE_PATH_SITE, builtSites } from "../support/site.ts";

// The breadcrumb trail on a phone and on a desktop (docs/decisions.md §15): at 375 px only the nearest parent
// shows, as a back link of at most two lines, with the whole trail still in the accessibility tree; at 1280 px
// every crumb shows. The whole-site pass checks the two lines on every page (page-checks.ts); this file looks
// closer at the pages with the longest trails. No timings: heights, positions and the accessibility tree only.

const browser = useChromium();

/** Why the base-path site is not checked again here (docs/testing.md §2). */
const SAME_AS_EXAMPLE = "samma sidor och stilar som exempellänet, bara med andra adresser (tests/browser/base-path.test.ts)";

/** The widths every page is read at: a phone and a desktop. */
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

interface Trail {
  path: string;
  /** The ancestors' addresses as the markup links them, the start page first. */
  hrefs: string[];
}

/** The ancestors a built page's breadcrumb markup links, or undefined when the page has no trail. */
function trailOf(outDir: string, file: string): string[] | undefined {
  const nav = /<nav class="brodsmulor"[^>]*>([\s\S]*?)<\/nav>/.exec(readFileSync(join(outDir, file), "utf8"))?.[1];
  return nav === undefined ? undefined : [...nav.matchAll(/<li><a href="([^"]+)"/g)].map((m) => m[1] ?? "");
}

/**
 * The pages the trail is hardest on: the archived edition page and the lägesbild sub-page with the most
 * ancestors, and a centre's årsberättelse (a page written outside Eleventy, docs/decisions.md §12).
 */
function pagesToCheck(outDir: string): Record<string, Trail | undefined> {
  const trails: Trail[] = [];
  for (const file of htmlFiles(outDir)) {
    const hrefs = trailOf(outDir, file);
    if (hrefs) trails.push({ path: urlPathOf(file), hrefs });
  }
  const longest = (prefix: string): Trail | undefined =>
    trails.filter((t) => t.path.startsWith(prefix) && t.path !== prefix).sort((a, b) => b.hrefs.length - a.hrefs.length)[0];
  return {
    "en arkiverad utgåvas sida": longest("/utgava/"),
    "en familjecentrals årsberättelse": trails.find((t) => /^\/familjecentraler\/[^/]+\/arsberattelse\/\d{4}\/$/.test(t.path)),
    "en av lägesbildens undersidor": longest("/lagesbild/"),
  };
}

/** What one visit finds out about the trail, in one round trip. */
interface Seen {
  lines: number;
  /** Addresses of the links a sighted reader sees (not hidden the way .visuellt-dold hides). */
  visibleHrefs: string[];
  /** How many crumbs show, the current page's included. */
  visibleCrumbs: number;
  crumbs: number;
  /** Height of the back link's target, and whether a point near its top edge hits the link. */
  target?: { height: number; hitsLink: boolean };
}

async function look(page: Page): Promise<Seen> {
  return page.evaluate(`(() => {
    const nav = document.querySelector("nav.brodsmulor");
    const shown = (el) => { const box = el.getBoundingClientRect(); return box.width > 1 && box.height > 1; };
    const items = [...nav.querySelectorAll("li")];
    const links = [...nav.querySelectorAll("a")].filter((a) => shown(a.closest("li")));
    let target;
    if (links.length === 1) {
      const li = links[0].closest("li");
      const box = li.getBoundingClientRect();
      target = { height: box.height, hitsLink: document.elementFromPoint(box.left + 2, box.top + 2)?.closest("a") === links[0] };
    }
    return {
      lines: (${CRUMB_LINES})(),
      visibleHrefs: links.map((a) => a.getAttribute("href")),
      visibleCrumbs: items.filter(shown).length,
      crumbs: items.length,
      target,
    };
  })()`);
}

/** The trail as assistive technology gets it: its links' names and addresses, and the current page. */
async function accessibleTrail(page: Page): Promise<string> {
  return page.getByRole("navigation", { name: "Du är här" }).ariaSnapshot();
}

async function withPage<T>(b: Browser, viewport: { width: number; height: number }, run: (page: Page) => Promise<T>): Promise<T> {
  const { context } = await guardedContext(b, { viewport });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

describe.each(builtSites())("$label", (site) => {
  it("finds the pages to check: an archived edition page, an årsberättelse and a lägesbild sub-page", (context) => {
    const { outDir } = siteOrSkip(site, context);
    context.skip(site.name !== "exempellan", "exempellänet har alla tre slagen av sidor; de andra rötterna prövas med dem de har");
    const found = pagesToCheck(outDir);
    expect(
      Object.entries(found)
        .filter(([, t]) => !t)
        .map(([kind]) => kind),
      "saknade sidor i exempellänet",
    ).toEqual([]);
  });

  it("shows only the nearest parent at 375 px, as a back link of at most two lines about 44 px tall, and every crumb at 1280 px", async (context) => {
    const { outDir, url } = siteOrSkip(site, context);
    context.skip(site.name === BASE_PATH_SITE, SAME_AS_EXAMPLE);
    const problems: string[] = [];
    const pages = Object.entries(pagesToCheck(outDir)).filter((e): e is [string, Trail] => e[1] !== undefined);
    context.skip(pages.length === 0, `${site.label} har ingen arkiverad utgåva, årsberättelse eller undersida till lägesbilden`);
    const b = await browser();
    await withPage(b, PHONE, async (page) => {
      for (const [kind, trail] of pages) {
        await visit(page, url, trail.path);
        const seen = await look(page);
        const where = `${kind} (${trail.path}) vid 375 px`;
        if (seen.lines > 2) problems.push(`${where}: brödsmulorna tar ${seen.lines} rader`);
        if (seen.visibleHrefs.join(" ") !== trail.hrefs.slice(-1).join(" "))
          problems.push(
            `${where}: syns ${seen.visibleHrefs.join(", ") || "ingen länk"}, inte bara närmaste föräldern ${trail.hrefs.at(-1)}`,
          );
        // WCAG 2.5.5 asks 44 × 44 CSS px (AAA); the site keeps the back link's height there.
        if (!seen.target || seen.target.height < 44 || !seen.target.hitsLink)
          problems.push(`${where}: tillbakalänkens yta är ${seen.target?.height ?? 0} px hög eller träffar inte länken i överkanten`);
      }
    });
    await withPage(b, DESKTOP, async (page) => {
      for (const [kind, trail] of pages) {
        await visit(page, url, trail.path);
        const seen = await look(page);
        if (seen.visibleCrumbs !== seen.crumbs || seen.visibleHrefs.join(" ") !== trail.hrefs.join(" "))
          problems.push(`${kind} (${trail.path}) vid 1280 px: ${seen.visibleCrumbs} av ${seen.crumbs} brödsmulor syns`);
      }
    });
    expect(problems).toEqual([]);
  });

  it("gives assistive technology the same whole trail at 375 px as at 1280 px, with every link and the current page", async (context) => {
    const { outDir, url } = siteOrSkip(site, context);
    context.skip(site.name === BASE_PATH_SITE, SAME_AS_EXAMPLE);
    const pages = Object.values(pagesToCheck(outDir)).filter((t) => t !== undefined);
    context.skip(pages.length === 0, `${site.label} har ingen arkiverad utgåva, årsberättelse eller undersida till lägesbilden`);
    const b = await browser();
    const snapshot = async (viewport: typeof PHONE, trail: Trail): Promise<{ tree: string; hrefs: string[]; current: number }> =>
      withPage(b, viewport, async (page) => {
        await visit(page, url, trail.path);
        const nav = page.getByRole("navigation", { name: "Du är här" });
        const links = nav.getByRole("link");
        return {
          tree: await accessibleTrail(page),
          hrefs: await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? "")),
          current: await nav.locator('[aria-current="page"]').count(),
        };
      });
    for (const trail of pages) {
      const phone = await snapshot(PHONE, trail);
      const desktop = await snapshot(DESKTOP, trail);
      // getByRole finds only what is in the accessibility tree: hidden crumbs must still be there.
      expect(phone.hrefs, `${trail.path}: länkarna som hjälpmedel får vid 375 px`).toEqual(trail.hrefs);
      expect(phone.current, `${trail.path}: aria-current="page" vid 375 px`).toBe(1);
      expect(phone.tree, `${trail.path}: brödsmulorna som hjälpmedel läser dem`).toBe(desktop.tree);
    }
  });

  it("shows the whole trail at 375 px while keyboard focus is in it, and the back link again when focus leaves", async (context) => {
    const { outDir, url } = siteOrSkip(site, context);
    context.skip(site.name === BASE_PATH_SITE, SAME_AS_EXAMPLE);
    const trail = Object.values(pagesToCheck(outDir)).find((t) => t !== undefined && t.hrefs.length > 1);
    context.skip(!trail, `${site.label} har ingen sida med flera föräldrar att pröva`);
    if (!trail) return;
    await withPage(await browser(), PHONE, async (page) => {
      await visit(page, url, trail.path);
      const inTrail = (): Promise<boolean> => page.evaluate(() => !!document.activeElement?.closest("nav.brodsmulor"));
      let presses = 0;
      while (!(await inTrail()) && presses < 80) {
        await page.keyboard.press("Tab");
        presses++;
      }
      expect(await inTrail(), `Tab når inte brödsmulorna på ${trail.path}`).toBe(true);
      const focused = await look(page);
      expect(focused.visibleHrefs, `${trail.path}: alla brödsmulor syns när fokus är i dem`).toEqual(trail.hrefs);
      const focusShown = await page.evaluate(() => {
        const box = document.activeElement?.getBoundingClientRect();
        return !!box && box.width > 1 && box.height > 1;
      });
      expect(focusShown, `${trail.path}: länken med fokus syns`).toBe(true);
      for (let i = 0; i < trail.hrefs.length; i++) await page.keyboard.press("Tab");
      expect(await inTrail(), `${trail.path}: fokus lämnar brödsmulorna`).toBe(false);
      const after = await look(page);
      expect(after.visibleHrefs, `${trail.path}: bara tillbakalänken syns när fokus har lämnat brödsmulorna`).toEqual(
        trail.hrefs.slice(-1),
      );
    });
  });
});
