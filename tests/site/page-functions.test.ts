import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

import { OKAND, type Handbok } from "../../scripts/model/types.ts";
import { progressViews } from "../../scripts/progress/views.ts";
import { annualReportHtml } from "../../scripts/site/pages/annual-report-page.ts";
import { centrePageHtml } from "../../scripts/site/pages/centre-page.ts";
import { pageContext } from "../../scripts/site/pages/context.ts";
import { validateRoot } from "../../scripts/validate/index.ts";

// The progress pages written in TypeScript (scripts/site/pages/), fed the example county with one centre
// rewritten to carry the hard cases: markup characters in every text a coordinator writes, unknown facts
// and interpretation marks.
const EXAMPLE = resolve(import.meta.dirname, "../../examples/exempellan");
const NASTY = `Barn & "Familj" <i>'s</i>`;

function example(): Handbok {
  const result = validateRoot(EXAMPLE);
  if (!result.model) throw new Error("exempellänet validerar inte");
  return result.model;
}

function withHardCases(): Handbok {
  const handbok = structuredClone(example());
  const centre = handbok.familjecentraler.find((c) => c.id === "norrvik");
  if (!centre) throw new Error("norrvik saknas i exempellänet");
  centre.namn = NASTY;
  centre.typ = OKAND;
  centre.verksamheter = OKAND;
  centre.andra_namn = [`Gamla <b>"stället"</b> & 'co'`];
  centre.tolkningar = { ...centre.tolkningar, kommun: `källan skriver "Norrvik" & <ort>`, samlokalisering: "ingen källa säger det" };
  const work = centre.förbättringsarbeten?.[0];
  if (work) {
    work.mål = `Fler <pappor> & "mammor"`;
    work.tolkningar = { ...work.tolkningar, utgångsläge: "källan anger inget år" };
  }
  return handbok;
}

const handbok = withHardCases();
const views = progressViews(handbok);
const ctx = pageContext(handbok, views);
const page = views.centrePages.find((p) => p.cp.centre.id === "norrvik");
if (!page) throw new Error("ingen sida för norrvik");
const html = centrePageHtml(page, ctx);
const report = views.reportPages.find((r) => r.cp.centre.id === "norrvik" && r.year.year === 2024);
if (!report) throw new Error("inget utkast för norrvik 2024");
const draft = annualReportHtml(report);

/** Text nodes and attribute values may hold no raw markup characters from the data. */
const raw = (text: string): boolean => text.includes(NASTY) || text.includes("<pappor>") || text.includes("<ort>");

describe("the centre page function", () => {
  it("escapes & < > \" ' in every value from the data", () => {
    expect(raw(html)).toBe(false);
    expect(html).toContain("<h1>Barn &amp; &quot;Familj&quot; &lt;i&gt;&#39;s&lt;/i&gt;</h1>");
    expect(html).toContain("Gamla &lt;b&gt;&quot;stället&quot;&lt;/b&gt; &amp; &#39;co&#39;");
    expect(html).toContain("Fler &lt;pappor&gt; &amp; &quot;mammor&quot;");
    expect(html).toContain("som CSV för Excel");
  });

  it("says an unknown fact is missing from the sources instead of guessing", () => {
    expect(html).toContain("<div><dt>Typ</dt><dd>Uppgift saknas i källorna</dd></div>");
    expect(html).toContain("<div><dt>Verksamheter</dt><dd>Uppgift saknas i källorna</dd></div>");
    expect(html).toContain('<p class="ingress">Verksamhet av okänd typ i ');
  });

  it("marks interpretations with their reason, escaped", () => {
    expect(html).toContain('<span class="tolkning">(tolkning: källan skriver &quot;Norrvik&quot; &amp; &lt;ort&gt;)</span>');
    expect(html).toContain('<span class="tolkning">(tolkning: ingen källa säger det)</span>');
    expect(html).toContain("(tolkning: källan anger inget år)");
  });

  it("keeps the page's ids, landmarks and search attributes", () => {
    for (const id of ['id="fakta"', 'id="lansmal"', 'id="uppfoljning"', 'id="nedladdning"', 'aria-label="På den här sidan"'])
      expect(html).toContain(id);
    expect(html).toContain('data-pagefind-filter="typ:Familjecentral"');
    expect(html).toMatch(/<span data-pagefind-filter="kommun">Norrvik<\/span>/);
    expect(html.match(/<table[\s\S]*?<\/table>/g)?.every((t) => t.includes("<caption>"))).toBe(true);
  });
});

describe("the annual-report draft function", () => {
  it("escapes the centre's name and its works, and says unknown facts are missing", () => {
    expect(raw(draft)).toBe(false);
    expect(draft).toContain("<h1>Årsberättelse 2024: Barn &amp; &quot;Familj&quot; &lt;i&gt;&#39;s&lt;/i&gt;</h1>");
    expect(draft).toContain("<div><dt>Typ</dt><dd>Uppgift saknas i källorna</dd></div>");
    expect(draft).toContain("(tolkning: källan skriver &quot;Norrvik&quot; &amp; &lt;ort&gt;)");
    expect(draft).toContain("Ska lämnas till länets utvecklingsledare senast <time");
  });
});
