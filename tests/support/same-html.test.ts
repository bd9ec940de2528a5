import { describe, expect, it } from "vitest";
import { firstDifference, htmlTokens } from "./same-html.ts";

// htmlTokens() is what lets the whole-site browser pass check the example county once, under its base path
// (docs/testing.md §2): it must see through addresses and serialisation, and nothing else.
const BACK: [string, string][] = [
  ["https://exempel.github.io/fc-handbok/", "https://handbok.exempel.se/"],
  ["https://exempel.github.io", "https://handbok.exempel.se"],
];
const AT_ROOT = `<html style="--webbplats: &quot;https://handbok.exempel.se&quot;"><head><link rel="stylesheet" href="/assets/a.css"><link rel="canonical" href="https://handbok.exempel.se/sok/"></head>
<body><header data-pagefind-ignore><a class="x" href="/">Start</a></header><p>Text &amp; mer</p></body></html>`;
const UNDER_BASE = `<html style="--webbplats: &quot;https://exempel.github.io&quot;"><head><link href="/fc-handbok/assets/a.css" rel="stylesheet"><link rel="canonical" href="https://exempel.github.io/fc-handbok/sok/"></head>
<body><header data-pagefind-ignore=""><a href="/fc-handbok/" class="x">Start</a></header><p>Text &#38; mer</p></body></html>`;

const same = (html: string): string | undefined => firstDifference(htmlTokens(AT_ROOT), htmlTokens(html, BACK, "/fc-handbok/"));

describe("comparing two builds' pages apart from their addresses", () => {
  it("finds a page that differs only in addresses, attribute order and serialisation equal", () => {
    expect(same(UNDER_BASE)).toBeUndefined();
  });

  it.each([
    ["a class", UNDER_BASE.replace('class="x"', 'class="y"')],
    ["a word", UNDER_BASE.replace("Start", "Börja")],
    ["an element", UNDER_BASE.replace("<p>", "<div>").replace("</p>", "</div>")],
    ["an attribute", UNDER_BASE.replace("<p>", '<p style="width: 900px">')],
    ["an address outside the base path", UNDER_BASE.replace('href="/fc-handbok/"', 'href="/"')],
  ])("reports a page that differs in %s", (_, html) => {
    expect(same(html)).toBeDefined();
  });
});
