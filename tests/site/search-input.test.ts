import { describe, expect, it } from "vitest";
import { searchInput } from "../../scripts/site/search-input.ts";

// The reader behind docs/decisions.md §13: what stays of a page handed to the search index. The built
// sites' indexes are compared with indexes of the whole pages in tests/output/search-input.test.ts.

describe("searchInput", () => {
  it("empties an ignored element but keeps its tags, so the words around it stay apart", () => {
    const html = '<main data-pagefind-body><p>före</p><div class="x" data-pagefind-ignore><p>bort</p></div><p>efter</p></main>';
    expect(searchInput(html)).toBe('<main data-pagefind-body><p>före</p><div class="x" data-pagefind-ignore></div><p>efter</p></main>');
  });

  it("follows nested elements of the same name to the right end tag", () => {
    const html = "<div data-pagefind-ignore><div><div>a</div></div><div>b</div></div><div>kvar</div>";
    expect(searchInput(html)).toBe("<div data-pagefind-ignore></div><div>kvar</div>");
  });

  it("keeps filters, metadata and sort keys inside an ignored element, with their contents", () => {
    const html =
      '<nav data-pagefind-ignore><ul><li>Meny</li></ul><p>Målgrupp: <span data-pagefind-filter="målgrupp">Socialtjänsten</span></p>' +
      '<img src="a.png" alt="" data-pagefind-meta="image[src]"><span data-pagefind-sort="datum">2025</span></nav>';
    expect(searchInput(html)).toBe(
      '<nav data-pagefind-ignore><span data-pagefind-filter="målgrupp">Socialtjänsten</span>' +
        '<img src="a.png" alt="" data-pagefind-meta="image[src]"><span data-pagefind-sort="datum">2025</span></nav>',
    );
  });

  it('drops everything inside data-pagefind-ignore="all"', () => {
    const html = '<div data-pagefind-ignore="all"><span data-pagefind-filter="typ">Mål</span></div>';
    expect(searchInput(html)).toBe('<div data-pagefind-ignore="all"></div>');
  });

  it("treats void and self-closing elements as ending themselves", () => {
    const html = '<p>a<br data-pagefind-ignore>b</p><svg data-pagefind-ignore><svg/><path d="M0 0"/></svg><p>c</p>';
    expect(searchInput(html)).toBe("<p>a<br data-pagefind-ignore>b</p><svg data-pagefind-ignore></svg><p>c</p>");
  });

  it("reads a '>' inside a quoted attribute value as part of the tag", () => {
    const html = '<div title="a > b" data-pagefind-ignore>bort</div><p>kvar</p>';
    expect(searchInput(html)).toBe('<div title="a > b" data-pagefind-ignore></div><p>kvar</p>');
  });

  it("leaves markup it cannot follow as it is rather than lose a word", () => {
    const html = "<main><div data-pagefind-ignore><p>ingen sluttagg</main>";
    expect(searchInput(html)).toBe(html);
  });

  it("leaves an ignored inline element whole: Pagefind's section anchors read inside it", () => {
    const html =
      '<li id="x">Namn <span data-pagefind-ignore>Indikator <span class="tolkning">(tolkning)</span><div data-pagefind-ignore>a</div></span></li>';
    expect(searchInput(html)).toBe(html);
  });

  it("does not mistake the attribute's name written as text for the attribute", () => {
    const html = "<p>Skriv data-pagefind-ignore på elementet.</p>";
    expect(searchInput(html)).toBe(html);
  });
});
