import { byOrder, parentUrl, type NavPage } from "./navigation.ts";

// "Hela vägledningen": every guidance page on one page, in reading order, for printing or saving as one
// PDF. Each page's HTML is inlined with its headings one level down (the page title becomes an h2), its
// ids prefixed with the page id (so two pages' "tips" headings stay distinct), and links between pages
// turned into links within the compilation.

interface GuidancePage extends NavPage {
  id: string;
}

/** The pages under `root` (and `root` itself), depth first: a section's own page, then its pages in order. */
export function readingOrder<T extends GuidancePage>(pages: T[], root = "/vagledning/"): T[] {
  const under = pages.filter((p) => p.url.startsWith(root));
  const out: T[] = [];
  const visit = (url: string): void => {
    const self = under.find((p) => p.url === url);
    if (self) out.push(self);
    under
      .filter((p) => parentUrl(p.url) === url)
      .sort(byOrder)
      .forEach((child) => visit(child.url));
  };
  visit(root);
  // Pages whose parent is not itself a page still belong to the guidance: add them at the end, in order.
  for (const p of [...under].sort(byOrder)) if (!out.includes(p)) out.push(p);
  return out;
}

/** Depth below the root, for indenting the table of contents (root = 0). */
export function depthBelow(url: string, root = "/vagledning/"): number {
  return url.slice(root.length).split("/").filter(Boolean).length;
}

const ID_ATTRIBUTES = /\b(id|for|aria-labelledby|aria-describedby|aria-controls|data-diagram)="([^"]*)"/g;

/** One page's HTML, ready to sit inside the compilation (see the module comment). */
export function inlinePage(html: string, pageId: string, pages: GuidancePage[]): string {
  const prefix = (id: string): string => `${pageId}--${id}`;
  const anchors = new Map(pages.map((p) => [p.url, p.id]));
  return html
    .replace(/<(\/?)h([2-5])(?=[\s>])/g, (_m, slash: string, level: string) => `<${slash}h${Number(level) + 1}`)
    .replace(ID_ATTRIBUTES, (_m, name: string, value: string) => `${name}="${value.split(/\s+/).filter(Boolean).map(prefix).join(" ")}"`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${prefix(id)}"`)
    .replace(/href="(\/[^"#]*)(?:#([^"]*))?"/g, (whole, url: string, hash?: string) => {
      const target = anchors.get(url);
      if (!target) return whole;
      return `href="#${hash ? `${target}--${hash}` : `sida-${target}`}"`;
    });
}
