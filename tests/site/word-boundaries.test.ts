import { describe, expect, it } from "vitest";
import { separateBlocks } from "../../scripts/site/word-boundaries.ts";

describe("word boundaries for the search index", () => {
  it("puts a line break between glued cells, terms and list items, so their words stay apart", () => {
    expect(separateBlocks("<tr><th>Namn</th><th>Typ</th></tr><dl><dt>Utgivare</dt><dd>QRC</dd></dl>")).toBe(
      "<tr><th>Namn</th>\n<th>Typ</th></tr>\n<dl><dt>Utgivare</dt>\n<dd>QRC</dd></dl>",
    );
    expect(separateBlocks("<li>Ett</li><li>Två</li>")).toBe("<li>Ett</li>\n<li>Två</li>");
  });

  it("leaves inline elements and preformatted text exactly as written", () => {
    expect(separateBlocks("<p><strong>Mål</strong><em>år</em></p>")).toBe("<p><strong>Mål</strong><em>år</em></p>");
    const pre = "<pre><code><span>a</span></td><td>b</code></pre>";
    expect(separateBlocks(`<td>x</td><td>y</td>${pre}`)).toBe(`<td>x</td>\n<td>y</td>${pre}`);
  });
});
