/** One entry in "På den här sidan": a heading's level, anchor id and plain text. */
export interface TocEntry {
  level: 2 | 3;
  id: string;
  text: string;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };

/** Plain text of rendered inline HTML: tags dropped, the few entities markdown-it writes decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The h2/h3 headings of a rendered page that carry an id (markdown-it-anchor gives them one), in
 * document order. The text is plain, so the template escapes it like any other data.
 */
export function extractToc(html: string): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const m of html.matchAll(/<h([23])\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/h\1>/g)) {
    const text = htmlToText(m[3] ?? "");
    if (text) entries.push({ level: m[1] === "2" ? 2 : 3, id: htmlToText(m[2] ?? ""), text });
  }
  return entries;
}

export interface TocNode extends TocEntry {
  children: TocEntry[];
}

/** h3 entries nest under the h2 before them; an h3 before any h2 stands on its own. */
export function nestToc(entries: TocEntry[]): TocNode[] {
  const out: TocNode[] = [];
  for (const e of entries) {
    const last = out.at(-1);
    if (e.level === 3 && last && last.level === 2) last.children.push(e);
    else out.push({ ...e, children: [] });
  }
  return out;
}
