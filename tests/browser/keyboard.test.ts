import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { siteOrSkip, useChromium, visit } from "../support/browser.ts";
import { guardedContext } from "../support/chromium.ts";
import { sitePages } from "../support/pages.ts";
import { BASE_PATH_SITE, builtSites } from "../support/site.ts";

/** Why the base-path site is not checked again here (docs/testing.md §2). */
const SAME_AS_EXAMPLE = "samma sidor och skript som exempellänet, bara med andra adresser (tests/browser/base-path.test.ts)";

const browser = useChromium();

interface Focused {
  tag: string;
  description: string;
  href: string | null;
  isSkipLink: boolean;
  isSearchField: boolean;
  inNav: boolean;
  inMain: boolean;
  /** Outline and box-shadow with and without focus, when asked for. */
  styles?: { withFocus: string; withoutFocus: string };
}

/**
 * What the keyboard focus is on right now; with `measureStyles`, also its outline and box-shadow with and
 * without focus, in the same round trip to the page (docs/testing.md §3).
 */
function focused(page: Page, measureStyles = false): Promise<Focused | null> {
  return page.evaluate((measure) => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    // Compare with the same element unfocused, then put focus back so that Tab continues from here:
    // getComputedStyle is live, so blur() shows at once.
    const style = (): string => {
      const s = getComputedStyle(el);
      const outline =
        s.outlineStyle === "none" || parseFloat(s.outlineWidth) === 0 ? "none" : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
      return `outline: ${outline}; box-shadow: ${s.boxShadow}`;
    };
    let styles: { withFocus: string; withoutFocus: string } | undefined;
    if (measure) {
      const target = el as HTMLElement;
      const withFocus = style();
      target.blur();
      const withoutFocus = style();
      target.focus();
      styles = { withFocus, withoutFocus };
    }
    const href = el.getAttribute("href");
    const main = document.querySelector("main");
    const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 60);
    return {
      tag: el.tagName.toLowerCase(),
      description: `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ""}${href ? ` href="${href}"` : ""}> ${text}`,
      href,
      isSkipLink:
        el.tagName === "A" &&
        !!href &&
        href.startsWith("#") &&
        !!main &&
        (main.id === href.slice(1) || main.contains(document.getElementById(href.slice(1)))),
      isSearchField:
        (el instanceof HTMLInputElement &&
          (el.type === "search" || el.getAttribute("role") === "searchbox" || !!el.closest("search, [role=search], form[role=search]"))) ||
        el.getAttribute("role") === "searchbox",
      inNav: !!el.closest("nav, [role=navigation]"),
      inMain: !!main && (main === el || main.contains(el)),
      styles,
    };
  }, measureStyles);
}

/** The site has the full layout (search page, navigation) once /sok/ is built; before that, parts are marked pending. */
function layoutLanded(outDir: string): boolean {
  return existsSync(join(outDir, "sok", "index.html"));
}

describe.each(builtSites())("$label", (site) => {
  it("reaches the skip link first, then the search field, then the navigation, and the skip link moves focus to main", async (context) => {
    const { outDir, url } = siteOrSkip(site, context);
    context.skip(site.name === BASE_PATH_SITE, SAME_AS_EXAMPLE);
    const { context: browserContext } = await guardedContext(await browser());
    const page = await browserContext.newPage();
    try {
      // A page with the header's search box: the start page and /sok/ have their own box in <main> instead.
      await visit(page, url, "/ordlista/");
      const sequence: Focused[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab");
        const now = await focused(page);
        if (!now || (sequence.length > 0 && now.description === sequence[0]?.description)) break;
        sequence.push(now);
      }
      const order = sequence.map((f) => f.description).join("\n");

      expect(sequence[0]?.isSkipLink, `första tabbstoppet ska vara hopplänken till <main>, men ordningen är:\n${order}`).toBe(true);
      if (layoutLanded(outDir)) {
        const search = sequence.findIndex((f) => f.isSearchField);
        const nav = sequence.findIndex((f) => f.inNav);
        expect(search, `sökfältet nås inte med Tab på ordlistan:\n${order}`).toBeGreaterThan(0);
        expect(nav, `navigeringen nås inte med Tab på ordlistan:\n${order}`).toBeGreaterThan(search);
        expect(
          sequence.slice(1, search).filter((f) => f.inMain),
          `inget i <main> får nås före sökfältet:\n${order}`,
        ).toEqual([]);
      } else {
        await context.annotate("sökfält och navigering kontrolleras när site-grenens layout (med /sok/) har landat", "väntar");
      }

      await visit(page, url, "/");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      const after = await focused(page);
      expect(
        after?.inMain,
        `hopplänken flyttar inte fokus till <main> (ge <main> tabindex="-1"); fokus är på ${after?.description ?? "<body>"}`,
      ).toBe(true);
    } finally {
      await browserContext.close();
    }
  });

  it("shows a visible focus indicator on every element that takes keyboard focus", async (context) => {
    const { outDir, url } = siteOrSkip(site, context);
    context.skip(site.name === BASE_PATH_SITE, SAME_AS_EXAMPLE);
    const paths = ["/", sitePages(outDir).find((p) => p.startsWith("/vagledning/") && p !== "/vagledning/")].filter((p) => p !== undefined);
    const { context: browserContext } = await guardedContext(await browser());
    const page = await browserContext.newPage();
    const invisible: string[] = [];
    try {
      for (const path of paths) {
        await visit(page, url, path);
        const seen = new Set<string>();
        for (let i = 0; i < 80; i++) {
          await page.keyboard.press("Tab");
          const now = await focused(page, true);
          if (!now || seen.has(now.description)) break;
          seen.add(now.description);
          const { withFocus, withoutFocus } = now.styles ?? { withFocus: "", withoutFocus: "" };
          if (!now.styles || withFocus === withoutFocus) invisible.push(`${path}: ${now.description} (${withFocus})`);
        }
      }
    } finally {
      await browserContext.close();
    }
    expect(invisible, `element utan synlig fokusmarkering (outline eller box-shadow):\n${invisible.join("\n")}`).toEqual([]);
  });
});
