// What the search indexer is handed for one page (docs/decisions.md §13). Pagefind reads a page's words only
// from <main data-pagefind-body> outside elements marked data-pagefind-ignore, but it still has to receive,
// decode and parse the whole document: a centre page at national scale is about 75 KB of HTML, of which
// about 7 KB is searchable text (the rest is tables and charts of ten years of figures, all ignored). So the
// build removes the contents of ignored elements before it hands a page over, keeping:
// - the ignored element's own start and end tags, so a removed block still separates the words around it
//   exactly as before, and Pagefind still sees the element it ignores;
// - every descendant that carries a filter, a meta or a sort (data-pagefind-filter, -meta, -sort,
//   -default-meta): Pagefind collects those inside ignored elements too (the search filters for audience
//   and type sit in the ignored contents list), unless the element says data-pagefind-ignore="all".
// - an ignored element that Pagefind treats as inline (a span, a link …) whole: inside an element with an
//   id, Pagefind's section anchors take the text of inline descendants, ignored ones included (Pagefind
//   1.6, found on the bundled county: a centre's work listed with an ignored note). Such elements are small.
// The index built from the reduced pages is byte-identical to the one built from the written pages;
// tests/output/search-input.test.ts checks that on every built test site.

/** Elements that never have an end tag (HTML's void elements). */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** The elements Pagefind 1.6 reads as inline (its parser's list); an ignored one of these is left whole. */
const INLINE = new Set(
  (
    "a abbr acronym b bdo big br button cite code dfn em i img input kbd label map object output q samp script " +
    "select small span strong sub sup textarea time tt var"
  ).split(" "),
);

/** A whole start tag from its "<", attributes quoted or not; a ">" inside quotes does not end it. */
const START_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
/** The ignore attribute with its value, if any. */
const IGNORE = /\sdata-pagefind-ignore(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?(?=[\s/>])/g;
/** The attributes Pagefind reads even inside an ignored element, after "data-pagefind-". */
const KEEPS = /(?:filter|meta|sort|default-meta)(?=[\s=/>])/y;
const PREFIX = "data-pagefind-";

/** A start tag found in the page. */
interface StartTag {
  name: string;
  start: number;
  /** Just after the tag's ">". */
  end: number;
  selfClosing: boolean;
}

/**
 * The start tag an attribute found at `at` belongs to, or undefined when `at` is not inside a start tag
 * (the attribute's name written as text). Our HTML escapes "<" in text and attribute values, so the
 * nearest "<" before the attribute opens its tag.
 */
function tagAround(html: string, at: number): StartTag | undefined {
  const start = html.lastIndexOf("<", at);
  if (start < 0) return undefined;
  START_TAG.lastIndex = start;
  const m = START_TAG.exec(html);
  if (!m || START_TAG.lastIndex <= at) return undefined;
  const name = (m[1] ?? "").toLowerCase();
  // "/>" ends an element only in SVG and MathML, where our pages use it; an HTML element is never written so.
  return { name, start, end: START_TAG.lastIndex, selfClosing: VOID.has(name) || (m[2] ?? "").endsWith("/") };
}

const sameName = new Map<string, RegExp>();

/**
 * Where the element opened by `tag` ends: the index of its end tag's "<" and just after its ">", counting
 * nested elements of the same name. Undefined when the end tag is missing.
 */
function elementEnd(html: string, tag: StartTag): { close: number; after: number } | undefined {
  let re = sameName.get(tag.name);
  if (!re) {
    re = new RegExp(`<(/?)${tag.name}(?=[\\s/>])`, "gi");
    sameName.set(tag.name, re);
  }
  re.lastIndex = tag.end;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[1]) {
      depth--;
      if (depth === 0) {
        const after = html.indexOf(">", re.lastIndex);
        return after < 0 ? undefined : { close: m.index, after: after + 1 };
      }
    } else if (!tagAround(html, m.index + 1)?.selfClosing) depth++;
  }
  return undefined;
}

/** The next attribute between `from` and `to` that Pagefind reads even inside an ignored element. */
function nextKept(html: string, from: number, to: number): number {
  for (let at = html.indexOf(PREFIX, from); at >= 0 && at < to; at = html.indexOf(PREFIX, at + PREFIX.length)) {
    KEEPS.lastIndex = at + PREFIX.length;
    if (/\s/.test(html.charAt(at - 1)) && KEEPS.test(html)) return at;
  }
  return -1;
}

/** The descendants between `from` and `to` that carry something Pagefind collects even when ignored. */
function keptInside(html: string, from: number, to: number): string {
  let kept = "";
  for (let at = nextKept(html, from, to); at >= 0;) {
    const tag = tagAround(html, at);
    if (!tag) {
      at = nextKept(html, at + PREFIX.length, to);
      continue;
    }
    const end = tag.selfClosing ? { after: tag.end } : elementEnd(html, tag);
    // Markup this reader cannot follow: keep everything rather than risk losing a filter.
    if (!end || end.after > to) return html.slice(from, to);
    kept += html.slice(tag.start, end.after);
    at = nextKept(html, end.after, to);
  }
  return kept;
}

/**
 * The page as the search index needs it: the same document with the contents of every element marked
 * data-pagefind-ignore removed, except what Pagefind collects from inside such elements. Markup it cannot
 * follow (an end tag missing) is left as it is, which costs time, never a word.
 */
export function searchInput(html: string): string {
  let out = "";
  let copied = 0;
  IGNORE.lastIndex = 0;
  for (let m = IGNORE.exec(html); m; m = IGNORE.exec(html)) {
    const tag = tagAround(html, m.index);
    if (!tag || tag.selfClosing) continue;
    const end = elementEnd(html, tag);
    if (!end) continue;
    if (INLINE.has(tag.name)) {
      // Left whole, with everything inside it.
      IGNORE.lastIndex = end.after;
      continue;
    }
    const value = m[1] ?? "";
    const all = value.replace(/^["']|["']$/g, "") === "all";
    // keptInside moves KEEPS only, so IGNORE's position is restored explicitly after the element.
    out += html.slice(copied, tag.end) + (all ? "" : keptInside(html, tag.end, end.close));
    copied = end.close;
    IGNORE.lastIndex = end.after;
  }
  return out + html.slice(copied);
}
