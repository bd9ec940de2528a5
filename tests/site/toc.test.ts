import { describe, expect, it } from "vitest";
import { extractToc, htmlToText, nestToc } from "../../scripts/site/toc.ts";

describe("extractToc", () => {
  it("lists h2 and h3 headings with ids in document order", () => {
    const html =
      '<h1>Titel</h1><h2 id="mal">Mål</h2><p>x</p><h3 id="delmal">Delmål</h3><h4 id="djup">Djup</h4><h2 id="roller">Roller &amp; ansvar</h2>';

    const toc = extractToc(html);

    expect(toc).toEqual([
      { level: 2, id: "mal", text: "Mål" },
      { level: 3, id: "delmal", text: "Delmål" },
      { level: 2, id: "roller", text: "Roller & ansvar" },
    ]);
  });

  it("skips headings without an id and drops inline markup from the text", () => {
    const html = '<h2>Utan id</h2><h2 id="kod">Om <code>yaml</code>-filer</h2>';

    expect(extractToc(html)).toEqual([{ level: 2, id: "kod", text: "Om yaml-filer" }]);
  });
});

describe("nestToc", () => {
  it("puts each h3 under the h2 before it", () => {
    const nested = nestToc([
      { level: 3, id: "a", text: "A" },
      { level: 2, id: "b", text: "B" },
      { level: 3, id: "c", text: "C" },
    ]);

    expect(nested.map((n) => [n.id, n.children.map((c) => c.id)])).toEqual([
      ["a", []],
      ["b", ["c"]],
    ]);
  });
});

describe("htmlToText", () => {
  it("decodes the entities markdown-it writes", () => {
    expect(htmlToText("&lt;barn&gt; &quot;och&quot; &amp; föräldrar")).toBe('<barn> "och" & föräldrar');
  });
});
