import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadEditions } from "../../scripts/editions/model.ts";
import type { Lan } from "../../scripts/model/types.ts";
import { siteOrSkip } from "../support/browser.ts";
import { htmlFiles, urlPathOf } from "../support/pages.ts";
import { builtSites } from "../support/site.ts";

/** Words that mark text someone meant to replace: none may reach a reader. */
// "Fyll i det ni har" is an instruction on the report form; a placeholder is "fyll i" standing for a missing
// fact ("Inte känt än – fyll i.", "fyll i senare", "[fyll i]").
const PLACEHOLDER =
  /fyll i(?:\s*[.!)\]]|\s+(?:här|senare|sen)\b)|[–-]\s*fyll i|\[fyll i|inte känt än|\bTODO\b|\bTBD\b|\bFIXME\b|\blorem\b|\bXXX\b|platshållare|\{\{|\}\}|\{%|%\}/i;

/** Text a reader meets outside the page body too: the title, the meta description, alt and aria labels. */
function attributeText(html: string): string {
  return [
    ...html.matchAll(
      /<title>([^<]*)<\/title>|\s(?:alt|title|aria-label|placeholder)="([^"]*)"|<meta name="description" content="([^"]*)"/g,
    ),
  ]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? "")
    .join(" ");
}

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
      const html = readFileSync(join(outDir, file), "utf8");
      const text = `${visibleText(html)} ${attributeText(html)}`;
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

  it("builds the accessibility statement from the county's facts, and says plainly what it lacks", (context) => {
    const { outDir } = siteOrSkip(site, context);
    const lan = parse(readFileSync(join(site.rootDir, "data/lan.yaml"), "utf8")) as Lan;
    const facts = lan.tillgänglighet ?? {};
    const html = readFileSync(join(outDir, "tillganglighet/index.html"), "utf8");
    const text = visibleText(html);
    const words = (value: string): string => value.replace(/\s+/g, " ").trim();

    if (facts.brister?.length) {
      const listed = [...html.matchAll(/<li><strong>([^<]+):<\/strong>/g)].map((m) => m[1]);
      expect(listed).toEqual(facts.brister.map((b) => b.rubrik));
      for (const b of facts.brister) expect(text).toContain(words(b.beskrivning));
      expect(text).toContain("delvis förenlig");
    } else {
      expect(text).toContain("har ännu inte angett vilka brister som är kända");
      expect(text).not.toContain("förenlig med lagen");
    }
    if (facts.bedömning) {
      expect(html).toContain(`bedömdes senast <time datetime="${facts.bedömning.datum}">`);
      expect(text).toContain(words(facts.bedömning.metod));
    } else expect(text).toContain("har ännu inte angett när och hur webbplatsens tillgänglighet bedömdes");
    // Only a publisher the config names is said to stand behind the site; a county's name alone is no such fact.
    if (lan.kontakt?.namn) expect(text).toContain(`${lan.kontakt.namn} står bakom webbplatsen`);
    else expect(text).not.toContain("står bakom");
    if (facts["e-post"]) expect(html).toContain(`<a href="mailto:${facts["e-post"]}">`);
    else {
      expect(html).not.toContain("mailto:");
      expect(text).toContain("Den som ger ut handboken har ännu inte angett någon e-postadress för synpunkter.");
      if (lan.källkod) expect(html).toContain(`href="${lan.källkod}/issues"`);
    }
  });

  it("gives every archived edition its own whole guidance, in the edition's reading order, with banner and links", (context) => {
    const { outDir } = siteOrSkip(site, context);
    const editions = loadEditions(site.rootDir);
    if (site.name !== "minimal") expect(editions.length, "utgåvor").toBeGreaterThan(0);
    for (const edition of editions) {
      const frozen = edition.sidor.filter((p) => p.sökväg.startsWith("/vagledning/"));
      const file = join(outDir, `utgava/${edition.id}/vagledning/hela/index.html`);
      expect(existsSync(file), `${edition.id}: Hela vägledningen`).toBe(true);
      const html = readFileSync(file, "utf8");
      const sections = [...html.matchAll(/<section class="hela__sida" id="sida-([^"]+)"/g)].map((m) => m[1] ?? "");
      const contents = [...html.matchAll(/<li class="hela__niva-\d+"><a href="#sida-([^"]+)">/g)].map((m) => m[1]);
      expect(contents, `${edition.id}: innehållsförteckningen`).toEqual(sections);
      expect([...sections].sort(), `${edition.id}: utgåvans sidor`).toEqual(frozen.map((p) => p.id).sort());
      // Reading order: a page's own pages follow it directly, and pages side by side follow their ordning.
      const pages = sections.map((id) => frozen.find((p) => p.id === id)!);
      pages.forEach((page, i) => {
        const below = pages.filter((p) => p !== page && p.sökväg.startsWith(page.sökväg)).length;
        const next = pages.slice(i + 1, i + 1 + below);
        expect(
          next.every((p) => p.sökväg.startsWith(page.sökväg)),
          `${edition.id}: sidorna under ${page.sökväg} står direkt efter den`,
        ).toBe(true);
      });
      const parent = (path: string): string => path.replace(/[^/]+\/$/, "");
      const siblings = pages.filter((p, i) => i > 0 && parent(p.sökväg) === parent(pages[i - 1]!.sökväg));
      for (const p of siblings) {
        const before = pages[pages.indexOf(p) - 1]!;
        expect((before.ordning ?? Infinity) <= (p.ordning ?? Infinity), `${edition.id}: ${before.sökväg} före ${p.sökväg}`).toBe(true);
      }
      expect(html, `${edition.id}: banderollen`).toContain('class="utgava-banner');
      expect(html).toContain(`<h1>Hela vägledningen (${edition.titel})</h1>`);
      const overview = readFileSync(join(outDir, `utgava/${edition.id}/index.html`), "utf8");
      expect(overview, `${edition.id}: länk från utgåvans översikt`).toContain(
        `href="${site.basePath}utgava/${edition.id}/vagledning/hela/"`,
      );
      const guidanceStart = join(outDir, `utgava/${edition.id}/vagledning/index.html`);
      if (existsSync(guidanceStart))
        expect(readFileSync(guidanceStart, "utf8"), `${edition.id}: länk från utgåvans vägledning`).toContain(
          `href="${site.basePath}utgava/${edition.id}/vagledning/hela/"`,
        );
    }
  });
});
