import markdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { glossaryPlugin, markText, termPattern, type GlossaryTerm } from "../../scripts/site/glossary.ts";

const terms: GlossaryTerm[] = [
  { id: "bvc", term: "BVC", förkortning_för: "barnavårdscentral" },
  { id: "samordnare", term: "samordnare" },
];

function render(src: string): string {
  const md = markdownIt({ html: false });
  md.use(glossaryPlugin, () => terms);
  return md.render(src);
}

describe("markText", () => {
  it("marks only the first occurrence of each term", () => {
    const used = new Set<string>();
    const prepared = terms.map((term) => ({ term, pattern: termPattern(term) }));

    const first = markText("BVC och BVC", prepared, used);
    const second = markText("mer om BVC", prepared, used);

    expect(first.filter((s) => "term" in s)).toHaveLength(1);
    expect(second.some((s) => "term" in s)).toBe(false);
  });
});

describe("glossaryPlugin", () => {
  it("wraps an abbreviation in abbr with its expansion and links a term to the glossary", () => {
    const html = render("På BVC arbetar en samordnare.");

    expect(html).toContain('<abbr title="barnavårdscentral">BVC</abbr>');
    expect(html).toContain('<a class="term" href="/ordlista/#samordnare">samordnare</a>');
  });

  it("matches abbreviations case-sensitively and whole words only", () => {
    const html = render("Ordet bvc och BVCX och samordnarens roll.");

    expect(html).not.toContain("<abbr");
    expect(html).not.toContain('class="term"');
  });

  it("accepts a capital first letter for ordinary terms", () => {
    expect(render("Samordnare leder arbetet.")).toContain('<a class="term" href="/ordlista/#samordnare">Samordnare</a>');
  });

  it("never marks inside headings, links or code, and marks the first eligible place instead", () => {
    const html = render("## BVC\n\n[BVC](/x/) och `BVC` och sedan BVC.");

    expect(html).toContain("<h2>BVC</h2>");
    expect(html).toContain('<a href="/x/">BVC</a>');
    expect(html).toContain("<code>BVC</code>");
    expect(html).toContain('sedan <abbr title="barnavårdscentral">BVC</abbr>.');
  });

  it("marks an abbreviation inside a compound with a hyphen", () => {
    expect(render("En BVC-sjuksköterska.")).toContain('<abbr title="barnavårdscentral">BVC</abbr>-sjuksköterska');
  });
});
