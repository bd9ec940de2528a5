import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteOrSkip, visit } from "../support/browser.ts";
import { guardedContext, launchChromium } from "../support/chromium.ts";
import { htmlFiles, urlPathOf } from "../support/pages.ts";
import { builtSites } from "../support/site.ts";

/** Pages whose built HTML holds a Mermaid block (the layout renders them as `class="mermaid"`). */
function diagramPages(outDir: string): { path: string; hasScript: boolean }[] {
  return htmlFiles(outDir)
    .map((file) => ({ file, html: readFileSync(join(outDir, file), "utf8") }))
    .filter(({ html }) => /class="[^"]*\bmermaid\b/.test(html))
    .map(({ file, html }) => ({ path: urlPathOf(file), hasScript: /<script\b[^>]*\bsrc=/.test(html) }));
}

interface DrawnDiagram {
  index: number;
  hasSvg: boolean;
  role: string | null;
  roleDescription: string | null;
  title: string;
  description: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(builtSites())("$label", (site) => {
  it("draws every Mermaid block as an SVG image with a title and a description", async (context) => {
    const { outDir, url } = siteOrSkip(site, context);
    const pages = diagramPages(outDir);
    context.skip(pages.length === 0, "ingen sida har något Mermaid-diagram");
    context.skip(
      pages.every((p) => !p.hasScript),
      "sidorna laddar inget skript som ritar diagrammen ännu: väntar på site-grenens Mermaid-skript",
    );

    const problems: string[] = [];
    const { context: browserContext } = await guardedContext(browser);
    const page = await browserContext.newPage();
    try {
      for (const { path } of pages) {
        await visit(page, url, path);
        const drawn = await page.$$eval(".mermaid", (blocks) =>
          blocks.map((block, index): DrawnDiagram => {
            const svg = block.querySelector("svg") ?? block.parentElement?.querySelector("svg") ?? null;
            const textOf = (ids: string | null | undefined): string =>
              (ids ?? "")
                .split(/\s+/)
                .map((id) => (id ? (document.getElementById(id)?.textContent ?? "") : ""))
                .join(" ")
                .trim();
            const childText = (tag: string): string =>
              (Array.from(svg?.children ?? []).find((c) => c.tagName.toLowerCase() === tag)?.textContent ?? "").trim();
            return {
              index,
              hasSvg: svg !== null,
              role: svg?.getAttribute("role") ?? null,
              roleDescription: svg?.getAttribute("aria-roledescription") ?? null,
              title: textOf(svg?.getAttribute("aria-labelledby")) || childText("title"),
              description: textOf(svg?.getAttribute("aria-describedby")) || childText("desc"),
            };
          }),
        );
        for (const d of drawn) {
          const where = `${path}: diagram ${d.index + 1}`;
          if (!d.hasSvg) problems.push(`${where} ritades inte som <svg>`);
          else {
            const isImage = (d.role ?? "").split(/\s+/).some((r) => r === "img" || r.startsWith("graphics-")) || !!d.roleDescription;
            if (!isImage) problems.push(`${where}: <svg> saknar role="img" (eller aria-roledescription)`);
            if (!d.title) problems.push(`${where}: <svg> saknar <title> eller aria-labelledby med text`);
            if (!d.description) problems.push(`${where}: <svg> saknar <desc> eller aria-describedby med text`);
          }
        }
      }
    } finally {
      await browserContext.close();
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("keeps every diagram's description and source readable with JavaScript turned off", async (context) => {
    const { outDir, url } = siteOrSkip(site, context);
    const pages = diagramPages(outDir);
    context.skip(pages.length === 0, "ingen sida har något Mermaid-diagram");

    const problems: string[] = [];
    const { context: browserContext } = await guardedContext(browser, { javaScriptEnabled: false });
    const page = await browserContext.newPage();
    try {
      for (const { path } of pages) {
        await visit(page, url, path);
        const blocks = await page.$$eval(".mermaid", (els) =>
          els.map((el) => {
            const source = (el.textContent ?? "").trim();
            const description =
              /^\s*accDescr\s*:\s*(.+)$/m.exec(source)?.[1]?.trim() ?? /accDescr\s*\{([^}]*)\}/.exec(source)?.[1]?.trim() ?? "";
            // The description must be readable outside the source block itself.
            const clone = document.body.cloneNode(true) as HTMLElement;
            clone.querySelectorAll(".mermaid").forEach((m) => m.remove());
            const rest = (clone.textContent ?? "").replace(/\s+/g, " ");
            return { source, description, describedOutside: description !== "" && rest.includes(description.replace(/\s+/g, " ")) };
          }),
        );
        blocks.forEach((b, i) => {
          const where = `${path}: diagram ${i + 1}`;
          if (!b.source) problems.push(`${where}: källkoden finns inte i sidan`);
          if (!b.description) problems.push(`${where}: källkoden saknar accDescr`);
          else if (!b.describedOutside) problems.push(`${where}: beskrivningen ”${b.description}” syns inte som text utanför diagrammet`);
        });
      }
    } finally {
      await browserContext.close();
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
