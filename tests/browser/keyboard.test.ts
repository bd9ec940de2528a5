import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { siteOrSkip, useChromium, visit } from "../support/browser.ts";
import { guardedContext } from "../support/chromium.ts";
import { sitePages } from "../support/pages.ts";
import { builtSites } from "../support/site.ts";

const browser = useChromium();

interface Focused {
  tag: string;
  description: string;
  href: string | null;
  isSkipLink: boolean;
  isSearchField: boolean;
  inNav: boolean;
  inMain: boolean;
}

/** What the keyboard focus is on right now. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
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
    };
  });
}

/** The site has the full layout (search page, navigation) once /sok/ is built; before that, parts are marked pending. */
function layoutLanded(outDir: string): boolean {
  return existsSync(join(outDir, "sok", "index.html"));
}

describe.each(builtSites())("$label", (site) => {
  it("reaches the skip link first, then the search field, then the navigation, and the skip link moves focus to main", async (context) => {
    const { outDir, url } = siteOrSkip(site, context);
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
          const now = await focused(page);
          if (!now || seen.has(now.description)) break;
          seen.add(now.description);
          // Compare with the same element unfocused, then put focus back so that Tab continues from here. One
          // round trip to the page instead of five: getComputedStyle is live, so blur() shows at once.
          const { withFocus, withoutFocus } = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const style = (): string => {
              const s = getComputedStyle(el);
              const outline =
                s.outlineStyle === "none" || parseFloat(s.outlineWidth) === 0
                  ? "none"
                  : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
              return `outline: ${outline}; box-shadow: ${s.boxShadow}`;
            };
            const focusedStyle = style();
            el.blur();
            const unfocusedStyle = style();
            el.focus();
            return { withFocus: focusedStyle, withoutFocus: unfocusedStyle };
          });
          if (withFocus === withoutFocus) invisible.push(`${path}: ${now.description} (${withFocus})`);
        }
      }
    } finally {
      await browserContext.close();
    }
    expect(invisible, `element utan synlig fokusmarkering (outline eller box-shadow):\n${invisible.join("\n")}`).toEqual([]);
  });
});
