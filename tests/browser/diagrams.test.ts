import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { siteOrSkip, useChromium, visit } from "../support/browser.ts";
import { guardedContext } from "../support/chromium.ts";
import { htmlFiles, urlPathOf } from "../support/pages.ts";
import { BASE_PATH_SITE, builtSites } from "../support/site.ts";

/** Pages whose built HTML holds a Mermaid figure (scripts/site/markdown.ts renders `figure.diagram--mermaid`). */
function diagramPages(outDir: string): { path: string; file: string; hasScript: boolean }[] {
  return htmlFiles(outDir)
    .map((file) => ({ file, html: readFileSync(join(outDir, file), "utf8") }))
    .filter(({ html }) => html.includes("diagram--mermaid"))
    .map(({ file, html }) => ({ path: urlPathOf(file), file, hasScript: /<script\b[^>]*\bsrc=/.test(html) }));
}

/**
 * The text of every Mermaid source block (`.mermaid-kallkod`) in a page, and the text of its <body> outside
 * those blocks with runs of white space made one space: what document.body.textContent gives with the blocks
 * removed.
 */
function sourceBlocks(html: string): { blocks: string[]; rest: string } {
  const blocks: string[] = [];
  let rest = "";
  let inBody = false;
  // Depth of open elements inside the current source block; 0 outside one.
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "body") inBody = true;
        if (depth > 0) depth++;
        else if ((attributes.class ?? "").split(/\s+/).includes("mermaid-kallkod")) {
          depth = 1;
          blocks.push("");
        }
      },
      ontext(text) {
        if (depth > 0) blocks[blocks.length - 1] += text;
        else if (inBody) rest += text;
      },
      onclosetag(name) {
        if (depth > 0) depth--;
        if (name === "body") inBody = false;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { blocks: blocks.map((b) => b.trim()), rest: rest.replace(/\s+/g, " ") };
}

interface DrawnDiagram {
  index: number;
  hasSvg: boolean;
  role: string | null;
  roleDescription: string | null;
  title: string;
  description: string;
  /** Smallest rendered text in the drawing, in CSS px (font size × the drawing's scale on screen). */
  smallestText: number;
  /** How many elements with text the drawing has. */
  texts: number;
}

/** The two widths every diagram must read at: a 375 px phone and a 1280 px desktop. */
const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
];

const browser = useChromium();

describe.each(builtSites())("$label", (site) => {
  for (const viewport of WIDTHS) {
    it(`draws every diagram as a titled, described SVG with text of at least 12 CSS px at ${viewport.width} px`, async (context) => {
      const { outDir, url } = siteOrSkip(site, context);
      // The base-path site is the example county's HTML with other URLs: at 375 px it proves that Mermaid's
      // bundle loads under the base path; how the drawings read at 1280 px the example county proves already.
      context.skip(site.name === BASE_PATH_SITE && viewport.width !== 375, "samma diagram som exempellänet, bara med andra adresser");
      const pages = diagramPages(outDir);
      context.skip(pages.length === 0, "ingen sida har något Mermaid-diagram");

      const problems: string[] = [];
      const { context: browserContext } = await guardedContext(await browser(), { viewport });
      const page = await browserContext.newPage();
      try {
        for (const { path } of pages) {
          await visit(page, url, path);
          // Mermaid is loaded only when a diagram comes near the screen: bring each one there.
          for (const figure of await page.$$("figure.diagram--mermaid")) {
            await figure.scrollIntoViewIfNeeded();
            await page.waitForFunction((el) => (el as HTMLElement).dataset.ritad === "true", figure, { timeout: 30_000 });
          }
          const drawn = await page.$$eval("figure.diagram--mermaid", (figures) =>
            figures.map((figure, index): DrawnDiagram => {
              const svg = figure.querySelector(".diagram__bild svg");
              const textOf = (ids: string | null | undefined): string =>
                (ids ?? "")
                  .split(/\s+/)
                  .map((id) => (id ? (document.getElementById(id)?.textContent ?? "") : ""))
                  .join(" ")
                  .trim();
              const childText = (tag: string): string =>
                (Array.from(svg?.children ?? []).find((c) => c.tagName.toLowerCase() === tag)?.textContent ?? "").trim();
              // Every element that holds visible text itself: SVG <text>/<tspan> and HTML inside <foreignObject>.
              const scale = svg ? svg.getBoundingClientRect().width / ((svg as SVGSVGElement).viewBox.baseVal.width || 1) : 0;
              const textElements = Array.from(svg?.querySelectorAll("*") ?? []).filter((el) =>
                Array.from(el.childNodes).some(
                  (n) =>
                    n.nodeType === Node.TEXT_NODE &&
                    (n.textContent ?? "").trim() !== "" &&
                    el.tagName.toLowerCase() !== "style" &&
                    el.tagName.toLowerCase() !== "title" &&
                    el.tagName.toLowerCase() !== "desc",
                ),
              );
              const sizes = textElements.map((el) => parseFloat(getComputedStyle(el).fontSize) * scale);
              return {
                index,
                hasSvg: svg !== null,
                role: svg?.getAttribute("role") ?? null,
                roleDescription: svg?.getAttribute("aria-roledescription") ?? null,
                title: textOf(svg?.getAttribute("aria-labelledby")) || childText("title"),
                description: textOf(svg?.getAttribute("aria-describedby")) || childText("desc"),
                smallestText: sizes.length ? Math.min(...sizes) : 0,
                texts: sizes.length,
              };
            }),
          );
          for (const d of drawn) {
            const where = `${path} vid ${viewport.width} px: diagram ${d.index + 1}`;
            if (!d.hasSvg) {
              problems.push(`${where} ritades inte som <svg>`);
              continue;
            }
            const isImage = (d.role ?? "").split(/\s+/).some((r) => r === "img" || r.startsWith("graphics-")) || !!d.roleDescription;
            if (!isImage) problems.push(`${where}: <svg> saknar role="img" (eller aria-roledescription)`);
            if (!d.title) problems.push(`${where}: <svg> saknar <title> eller aria-labelledby med text`);
            if (!d.description) problems.push(`${where}: <svg> saknar <desc> eller aria-describedby med text`);
            if (d.texts === 0) problems.push(`${where}: ingen text hittades i diagrammet`);
            else if (d.smallestText < 12) problems.push(`${where}: minsta texten är ${d.smallestText.toFixed(1)} px (minst 12 px)`);
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) problems.push(`${path} vid ${viewport.width} px: sidan blir ${overflow} px för bred med diagrammet ritat`);
        }
      } finally {
        await browserContext.close();
      }
      expect(problems, problems.join("\n")).toEqual([]);
    }, 120_000);
  }

  // docs/decisions.md §11: on a phone each diagram is drawn once (a left-to-right flow top-down at once), and
  // Mermaid's modules are the ones assets/mermaid/moduler.js lists, which diagram.js evaluates one per task.
  it("draws each diagram once at 375 px and loads no Mermaid module that moduler.js does not list", async (context) => {
    const { outDir, url } = siteOrSkip(site, context);
    const pages = diagramPages(outDir);
    context.skip(pages.length === 0, "ingen sida har något Mermaid-diagram");
    const listed = JSON.parse(
      /export const MODULER = (\{.*\});/.exec(readFileSync(join(outDir, "assets/mermaid/moduler.js"), "utf8"))?.[1] ?? "{}",
    ) as {
      karna: string[];
      flodesschema: string[];
    };
    const known = new Set([...listed.karna, ...listed.flodesschema].map((rel) => `/assets/mermaid/${rel}`));

    const problems: string[] = [];
    const { context: browserContext } = await guardedContext(await browser(), { viewport: WIDTHS[0] });
    const page = await browserContext.newPage();
    const modules: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith(".mjs")) modules.push(new URL(request.url()).pathname);
    });
    try {
      for (const { path } of pages) {
        modules.length = 0;
        await visit(page, url, path);
        for (const figure of await page.$$("figure.diagram--mermaid")) {
          await figure.scrollIntoViewIfNeeded();
          await page.waitForFunction((el) => (el as HTMLElement).dataset.ritad === "true", figure, { timeout: 30_000 });
        }
        const ids = await page.$$eval("figure.diagram--mermaid .diagram__bild svg", (svgs) => svgs.map((svg) => svg.id));
        for (const id of ids) if (!id.endsWith("-svg-1")) problems.push(`${path}: diagrammet ${id} ritades mer än en gång`);
        const prefix = new URL(url).pathname.replace(/\/$/, "");
        for (const module of new Set(modules)) {
          if (!known.has(module.slice(prefix.length))) problems.push(`${path}: ${module} finns inte i moduler.js`);
        }
      }
    } finally {
      await browserContext.close();
    }
    expect(problems, problems.join("\n")).toEqual([]);
  }, 120_000);

  it("keeps every diagram's description and source readable with JavaScript turned off", (context) => {
    const { outDir } = siteOrSkip(site, context);
    const pages = diagramPages(outDir);
    context.skip(pages.length === 0, "ingen sida har något Mermaid-diagram");

    // Without JavaScript the page is its built HTML: nothing draws, moves or hides anything, so reading the
    // file is what a browser with JavaScript off shows (docs/testing.md §3), without opening one.
    const problems: string[] = [];
    for (const { path, file } of pages) {
      const { blocks, rest } = sourceBlocks(readFileSync(join(outDir, file), "utf8"));
      blocks.forEach((source, i) => {
        const where = `${path}: diagram ${i + 1}`;
        const description =
          /^\s*accDescr\s*:\s*(.+)$/m.exec(source)?.[1]?.trim() ?? /accDescr\s*\{([^}]*)\}/.exec(source)?.[1]?.trim() ?? "";
        if (!source) problems.push(`${where}: källkoden finns inte i sidan`);
        if (!description) problems.push(`${where}: källkoden saknar accDescr`);
        else if (!rest.includes(description.replace(/\s+/g, " "))) {
          problems.push(`${where}: beskrivningen ”${description}” syns inte som text utanför diagrammet`);
        }
      });
      if (blocks.length === 0) problems.push(`${path}: sidan har ett Mermaid-diagram men ingen källkod (.mermaid-kallkod)`);
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
