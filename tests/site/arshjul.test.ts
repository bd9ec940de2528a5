import { describe, expect, it } from "vitest";
import type { ProcessSteg } from "../../scripts/model/types.ts";
import { renderArshjul } from "../../scripts/site/arshjul.ts";
import { createMarkdown } from "../../scripts/site/markdown.ts";

const step = (id: string, månader: number[], frekvens: ProcessSteg["frekvens"] = "varje år"): ProcessSteg => ({
  id,
  namn: `Steg ${id}`,
  fas: "planera",
  frekvens,
  månader,
  ansvarig: `Ansvarig för ${id}`,
});

const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("the annual wheel as a month-by-month list", () => {
  it("covers all twelve months, joins months with the same steps and says where nothing happens", () => {
    const html = renderArshjul([step("a", [1]), step("b", [9, 10, 11], "vartannat år"), step("c", [12, 1])]);
    const periods = [...html.matchAll(/<p class="arshjul__manad">([^<]+)<\/p>/g)].map((m) => m[1]);
    expect(periods).toEqual(["Januari", "Februari–augusti", "September–november", "December"]);
    expect(text(html)).toContain("Januari Steg a (varje år). Ansvarar: Ansvarig för a. Steg c (varje år). Ansvarar: Ansvarig för c.");
    expect(text(html)).toContain("Februari–augusti Inga steg i uppföljningen.");
    expect(text(html)).toContain("Steg b (vartannat år)");
  });

  it("escapes text from the process file", () => {
    const html = renderArshjul([{ ...step("a", [3]), namn: "<b>Möte</b> & mer" }]);
    expect(html).toContain("&lt;b&gt;Möte&lt;/b&gt; &amp; mer");
    expect(html).not.toContain("<b>");
  });

  it("says so when the county has described no steps", () => {
    expect(text(renderArshjul([]))).toBe("Länet har inte beskrivit några steg i uppföljningen än.");
  });

  it("is placed in a page by the `::: årshjul` block", () => {
    const md = createMarkdown(undefined, () => [step("a", [5])]);
    const html = md.render("Före\n\n::: årshjul\n:::\n\nEfter\n");
    expect(html).toMatch(/<p>Före<\/p>\s*<ol class="arshjul">.*Maj.*<\/ol>\s*<p>Efter<\/p>/s);
  });
});
