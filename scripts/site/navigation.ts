// Where a page sits in the handbook: its parent, siblings, children and ancestors, all derived from URLs
// so that guidance pages, generated pages and the progress pages share one structure.

/** The least a page needs for navigation. */
export interface NavPage {
  url: string;
  titel: string;
  ordning?: number;
  /**
   * The title in a breadcrumb trail, when it differs from `titel`: an archived edition's pages name their
   * edition in their titles, which its own crumb already says (docs/decisions.md §15).
   */
  smulTitel?: string;
}

const collator = new Intl.Collator("sv");

/** "/vagledning/uppdrag/" → "/vagledning/"; the start page has no parent. */
export function parentUrl(url: string): string | undefined {
  if (url === "/" || !url.startsWith("/")) return undefined;
  const trimmed = url.replace(/\/$/, "");
  return trimmed.slice(0, trimmed.lastIndexOf("/") + 1) || "/";
}

/** Every ancestor from the start page down, not including the page itself. */
export function ancestorUrls(url: string): string[] {
  const out: string[] = [];
  for (let p = parentUrl(url); p; p = parentUrl(p)) out.unshift(p);
  return out;
}

/** First path segment, used to mark the current section in the main menu. */
export function sectionOf(url: string): string {
  return url.split("/")[1] ?? "";
}

/** Front matter `ordning` first, then the title in Swedish order; ties never depend on file order. */
export function byOrder(a: NavPage, b: NavPage): number {
  const oa = a.ordning ?? Number.MAX_SAFE_INTEGER;
  const ob = b.ordning ?? Number.MAX_SAFE_INTEGER;
  return oa - ob || collator.compare(a.titel, b.titel) || collator.compare(a.url, b.url);
}

export function childrenOf<T extends NavPage>(pages: T[], url: string): T[] {
  return pages.filter((p) => parentUrl(p.url) === url).sort(byOrder);
}

/**
 * `childrenOf` for every parent at once, for a page list that many pages ask: each guidance page lists its
 * children and neighbours, and at national scale the list has 5,800 pages. Same order as `childrenOf`.
 */
export function childrenByParent<T extends NavPage>(pages: T[]): Map<string, T[]> {
  const byParent = new Map<string, T[]>();
  for (const p of pages) {
    const parent = parentUrl(p.url);
    if (parent === undefined) continue;
    const list = byParent.get(parent);
    if (list) list.push(p);
    else byParent.set(parent, [p]);
  }
  for (const list of byParent.values()) list.sort(byOrder);
  return byParent;
}

/** Previous and next page among the siblings of a page in its section (not among the top-level pages). */
export function prevNext<T extends NavPage>(
  pages: T[],
  url: string,
  children: (url: string) => T[] = (u) => childrenOf(pages, u),
): { prev?: T; next?: T } {
  const parent = parentUrl(url);
  if (!parent || parent === "/") return {};
  const siblings = children(parent);
  const i = siblings.findIndex((p) => p.url === url);
  if (i < 0) return {};
  return { prev: siblings[i - 1], next: siblings[i + 1] };
}

export interface TreeNode {
  url: string;
  titel: string;
  children: TreeNode[];
}

/**
 * Nests pages by URL for the HTML site map. A page whose parent is not itself a page hangs under its
 * nearest existing ancestor, so nothing is lost.
 */
export function pageTree(pages: NavPage[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  const sorted = [...pages].sort((a, b) => Number(b.url === "/") - Number(a.url === "/") || byOrder(a, b));
  for (const p of sorted) nodes.set(p.url, { url: p.url, titel: p.titel, children: [] });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const holder = ancestorUrls(node.url)
      .reverse()
      .map((u) => nodes.get(u))
      .find((n) => n && n.url !== "/");
    (holder ? holder.children : roots).push(node);
  }
  return roots;
}
