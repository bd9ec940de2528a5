import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { siteOrSkip } from "../support/browser.ts";
import { htmlFiles, urlPathOf } from "../support/pages.ts";
import { builtSites } from "../support/site.ts";

/** Words that mark text someone meant to replace: none may reach a reader. */
// "Fyll i det ni har" is an instruction on the report form; a placeholder is "fyll i." standing for a missing fact.
const PLACEHOLDER = /fyll i\.|inte känt än|\bTODO\b|\bFIXME\b|lorem ipsum|\bXXX\b|\{\{|\}\}/i;

/** The page's readable text: no tags, scripts, styles or the Mermaid sources inside <pre>. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style|pre)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;|&#\d+;/gi, " ")
    .replace(/\s+/g, " ");
}

describe.each(builtSites())("$label", (site) => {
  it("gives every page a meta description written for readers", (context) => {
    const { outDir } = siteOrSkip(site, context);
    const missing = htmlFiles(outDir).flatMap((file) => {
      const html = readFileSync(join(outDir, file), "utf8");
      const content = /<meta name="description" content="([^"]*)"/.exec(html)?.[1]?.trim() ?? "";
      if (!content) return [`${urlPathOf(file)}: ingen meta-beskrivning`];
      if (content.length < 15) return [`${urlPathOf(file)}: meta-beskrivningen ”${content}” är för kort för att säga något`];
      return [];
    });
    expect(missing, missing.join("\n")).toEqual([]);
  });

  it("shows no placeholder text on any page", (context) => {
    const { outDir } = siteOrSkip(site, context);
    const found = htmlFiles(outDir).flatMap((file) => {
      const text = visibleText(readFileSync(join(outDir, file), "utf8"));
      const hit = PLACEHOLDER.exec(text);
      return hit ? [`${urlPathOf(file)}: ”…${text.slice(Math.max(0, hit.index - 40), hit.index + 40)}…”`] : [];
    });
    expect(found, found.join("\n")).toEqual([]);
  });

  it("has the whole current guidance on one page, in reading order with a table of contents", (context) => {
    const { outDir } = siteOrSkip(site, context);
    const html = readFileSync(join(outDir, "vagledning/hela/index.html"), "utf8");
    const guidance = htmlFiles(outDir).filter((f) => /^vagledning\/.+index\.html$/.test(f) && f !== "vagledning/hela/index.html");
    const sections = [...html.matchAll(/<section class="hela__sida" id="sida-([^"]+)"/g)].map((m) => m[1]);
    const contents = [...html.matchAll(/<li class="hela__niva-\d+"><a href="#sida-([^"]+)">/g)].map((m) => m[1]);
    expect(sections.length, "sidor i Hela vägledningen").toBeGreaterThanOrEqual(guidance.length);
    expect(contents).toEqual(sections);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      "id som förekommer två gånger",
    ).toEqual([]);
  });
});
