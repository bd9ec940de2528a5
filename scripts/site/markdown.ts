import markdownIt, { type MarkdownIt, type StateInline, type Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import container from "markdown-it-container";
import type { ProcessSteg } from "../model/types.ts";
import { renderArshjul } from "./arshjul.ts";
import { slugify } from "./slug.ts";
import { fill, loadStrings } from "./strings.ts";

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Label of the diagram source toggle (strings.json diagram.kallkod). */
const DIAGRAM_STRINGS = loadStrings().diagram as { kallkod: string; rulla: string; rulla_tips: string };
const DIAGRAM_SOURCE_LABEL = DIAGRAM_STRINGS.kallkod;

/** Callout kinds and their visible Swedish labels. */
export const CALLOUTS: Record<string, string> = { tips: "Tips", viktigt: "Viktigt", förslag: "Förslag" };

/** Mermaid's accessible title and description, read from the diagram source. */
export function mermaidAccessibility(source: string): { title: string; description: string } {
  // [ \t] rather than \s: \s also crosses line breaks, which made a long run of blank lines quadratic.
  const title = /^[ \t]*accTitle[ \t]*:[ \t]*(.+)$/m.exec(source)?.[1]?.trim() ?? "";
  const description = /^[ \t]*accDescr[ \t]*:[ \t]*(.+)$/m.exec(source)?.[1]?.trim() ?? "";
  return { title, description };
}

/**
 * Renders a Mermaid block so that it reads without JavaScript: a figure whose caption is the
 * diagram's title, its description as text, and the source in a <details> the reader can open.
 * assets/diagram.js draws the diagram into the empty .diagram__bild from that source.
 */
function renderMermaid(source: string, index: number): string {
  const { title, description } = mermaidAccessibility(source);
  const id = `diagram-${index + 1}`;
  return (
    `<figure class="diagram diagram--mermaid" id="${id}" aria-labelledby="${id}-titel">` +
    `<figcaption id="${id}-titel" class="diagram__titel">${escapeHtml(title)}</figcaption>` +
    `<p class="diagram__beskrivning" id="${id}-beskrivning">${escapeHtml(description)}</p>` +
    `<div class="diagram__bild" data-diagram="${id}" data-rulla-etikett="${escapeHtml(`${DIAGRAM_STRINGS.rulla}: ${title}`)}" data-rulla-tips="${escapeHtml(DIAGRAM_STRINGS.rulla_tips)}"></div>` +
    `<details class="diagram__kallkod"><summary>${DIAGRAM_SOURCE_LABEL}</summary>` +
    `<pre class="mermaid-kallkod"><code>${escapeHtml(source.trim())}</code></pre></details>` +
    `</figure>\n`
  );
}

/** `[källa: id]` or `[källa: id, s. 12]` becomes a citation link to the sources page. */
function citations(md: MarkdownIt, sourceNames: () => Map<string, string>): void {
  // Sticky and bounded, tried only at a "[": copying the rest of the line at every position made a long
  // line of brackets quadratic.
  const citation = /\[källa:[ \t]*([a-z0-9-]{1,100})(?:,[ \t]*([^\]\n]{1,200}))?\]/y;
  md.inline.ruler.before("link", "kalla", (state: StateInline, silent: boolean) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false;
    citation.lastIndex = state.pos;
    const m = citation.exec(state.src);
    if (!m) return false;
    if (!silent) {
      const token = state.push("kalla", "", 0);
      token.meta = { id: m[1], locator: m[2] };
    }
    state.pos += m[0].length;
    return true;
  });
  md.renderer.rules.kalla = (tokens: Token[], idx: number): string => {
    const { id, locator } = tokens[idx]?.meta as { id: string; locator?: string };
    const name = sourceNames().get(id) ?? id;
    const label = locator ? `${name}, ${locator}` : name;
    return `<span class="kalla">(<a href="/kallor/#${escapeHtml(id)}">${escapeHtml(label)}</a>)</span>`;
  };
}

/**
 * The Markdown renderer for guidance pages. Raw HTML is off (Eleventy turns it on by default), so
 * nothing typed in a page can become markup; callouts, citations and diagrams are extensions instead.
 */
export function createMarkdown(
  sourceNames: () => Map<string, string> = () => new Map(),
  processSteps: () => ProcessSteg[] = () => [],
): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.use(anchor, { slugify, level: [2, 3], tabIndex: false });
  for (const [kind, label] of Object.entries(CALLOUTS)) {
    md.use(container, kind, {
      render: (tokens: Token[], idx: number): string =>
        tokens[idx]?.nesting === 1
          ? `<div class="callout callout--${slugify(kind)}" role="note"><p class="callout__rubrik">${label}</p>\n`
          : "</div>\n",
    });
  }
  // `::: årshjul` + `:::` places the annual wheel from data/process.yaml as a month-by-month list.
  md.use(container, "årshjul", {
    render: (tokens: Token[], idx: number): string => (tokens[idx]?.nesting === 1 ? renderArshjul(processSteps()) : ""),
  });
  citations(md, sourceNames);
  let diagramCount = 0;
  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (token && token.info.trim() === "mermaid") return renderMermaid(token.content, diagramCount++);
    return fence ? fence(tokens, idx, options, env, self) : "";
  };
  // Wide tables scroll inside a focusable region (keyboard users can scroll it), never the whole page.
  // Each region gets its own name (numbered per page), so landmarks stay distinguishable.
  const tableLabel = (loadStrings().tabell as { etikett: string }).etikett;
  let tableCount = 0;
  md.renderer.rules.table_open = () =>
    `<div class="tabell-rulla" role="region" tabindex="0" aria-label="${escapeHtml(fill(tableLabel, { nr: ++tableCount }))}">\n<table>\n`;
  md.renderer.rules.table_close = () => "</table>\n</div>\n";
  // Links written as javascript: or data: never become clickable; markdown-it's validateLink already
  // refuses them, which keeps them as plain text.
  const render = md.render.bind(md);
  md.render = (src: string, env?: Record<string, unknown>): string => {
    diagramCount = 0;
    tableCount = 0;
    return render(src, env);
  };
  return md;
}
