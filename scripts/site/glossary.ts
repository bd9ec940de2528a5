import type { MarkdownIt, StateCore, Token } from "markdown-it";

/** A glossary entry as the markup needs it (a subset of the model's Term). */
export interface GlossaryTerm {
  id: string;
  term: string;
  förkortning_för?: string;
}

export type Segment = { text: string } | { text: string; term: GlossaryTerm };

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Whole-word pattern for a term. Abbreviations match case-sensitively (BVC, not "bvc"); other terms
 * also match with a capital first letter at the start of a sentence.
 */
export function termPattern(t: GlossaryTerm): RegExp {
  const word = escapeRegExp(t.term);
  const body = t.förkortning_för
    ? word
    : `(?:${escapeRegExp(t.term.charAt(0).toUpperCase())}|${escapeRegExp(t.term.charAt(0))})${escapeRegExp(t.term.slice(1))}`;
  return new RegExp(`(?<![\\p{L}\\p{N}_-])${body}(?![\\p{L}\\p{N}_])`, "u");
}

/**
 * Splits a text run at the first occurrence of each not-yet-used term, earliest first (the longer
 * term wins a tie). Marks every term it uses in `used`, so a term is explained once per page.
 */
export function markText(text: string, terms: { term: GlossaryTerm; pattern: RegExp }[], used: Set<string>): Segment[] {
  const out: Segment[] = [];
  // Each term's next match from the cursor, searched again only when the cursor passes it: linear in the
  // text for a fixed glossary, where searching every term's whole remainder per marked term was not.
  const next = new Map<GlossaryTerm, { index: number; length: number } | null>();
  const find = (term: GlossaryTerm, pattern: RegExp, from: number): { index: number; length: number } | null => {
    const cached = next.get(term);
    if (cached !== undefined && (cached === null || cached.index >= from)) return cached;
    const global = new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`);
    global.lastIndex = from;
    const m = global.exec(text);
    const found = m ? { index: m.index, length: m[0].length } : null;
    next.set(term, found);
    return found;
  };
  let cursor = 0;
  for (;;) {
    let best: { index: number; length: number; term: GlossaryTerm } | undefined;
    for (const { term, pattern } of terms) {
      if (used.has(term.id)) continue;
      const m = find(term, pattern, cursor);
      if (!m) continue;
      if (!best || m.index < best.index || (m.index === best.index && m.length > best.length)) best = { ...m, term };
    }
    if (!best) break;
    if (best.index > cursor) out.push({ text: text.slice(cursor, best.index) });
    out.push({ text: text.slice(best.index, best.index + best.length), term: best.term });
    used.add(best.term.id);
    cursor = best.index + best.length;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor) });
  return out;
}

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** HTML for one marked term: <abbr> for an abbreviation, a link to the glossary for a term. */
export function termHtml(text: string, term: GlossaryTerm): string {
  if (term.förkortning_för) return `<abbr title="${escapeHtml(term.förkortning_för)}">${escapeHtml(text)}</abbr>`;
  return `<a class="term" href="/ordlista/#${escapeHtml(term.id)}">${escapeHtml(text)}</a>`;
}

/**
 * markdown-it plugin: marks the first occurrence of each glossary term in a page's running text, at
 * build time. Headings, links, code and citations are left alone (code and citations are separate
 * tokens; headings and links are skipped here).
 */
export function glossaryPlugin(md: MarkdownIt, getTerms: () => GlossaryTerm[]): void {
  md.core.ruler.push("ordlista", (state: StateCore) => {
    const terms = getTerms().map((term) => ({ term, pattern: termPattern(term) }));
    if (!terms.length) return;
    const used = new Set<string>();
    let inHeading = false;
    for (const block of state.tokens) {
      if (block.type === "heading_open") inHeading = true;
      if (block.type === "heading_close") inHeading = false;
      if (block.type !== "inline" || inHeading || !block.children) continue;
      const children: Token[] = [];
      let linkDepth = 0;
      for (const tok of block.children) {
        if (tok.type === "link_open") linkDepth++;
        if (tok.type === "link_close") linkDepth--;
        if (tok.type !== "text" || linkDepth > 0) {
          children.push(tok);
          continue;
        }
        for (const seg of markText(tok.content, terms, used)) {
          if ("term" in seg) {
            const t = new state.Token("ordlista_term", "", 0);
            t.content = seg.text;
            t.meta = { ...seg.term };
            children.push(t);
          } else {
            const t = new state.Token("text", "", 0);
            t.content = seg.text;
            children.push(t);
          }
        }
      }
      block.children = children;
    }
  });
  md.renderer.rules.ordlista_term = (tokens: Token[], idx: number): string => {
    const tok = tokens[idx];
    return tok ? termHtml(tok.content, tok.meta as unknown as GlossaryTerm) : "";
  };
}
