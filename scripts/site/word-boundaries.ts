/**
 * Puts a line break between adjacent block elements where the templates wrote none (`</th><th>`,
 * `</dt><dd>`). Browsers show the same page, but Pagefind reads the text without the layout and glued the
 * words of neighbouring cells into one ("NamnTypSamlokalisering", "UtgivareQRC"), which then showed in
 * search excerpts and could not be found. Whitespace between these elements never changes rendering.
 */
const CLOSE = "(?:td|th|dt|dd|li|caption|p|h[1-6]|div|summary|figcaption|tr|thead|tbody)";
const OPEN = "(?:td|th|dt|dd|li|tr|p|h[1-6]|div|ul|ol|dl|table|thead|tbody|caption|details|summary|section|figure)";
const GLUED = new RegExp(`(</${CLOSE}>)(?=<${OPEN}[\\s>])`, "g");

export function separateBlocks(html: string): string {
  // Most pages have no <pre>: one plain search then, instead of the lazy regexp's scan (docs/build-speed.md §4).
  if (!html.includes("<pre")) return html.replace(GLUED, "$1\n");
  // <pre> keeps its whitespace exactly: leave any page with preformatted text inside a block alone there.
  return html
    .split(/(<pre\b[\s\S]*?<\/pre>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(GLUED, "$1\n")))
    .join("");
}
