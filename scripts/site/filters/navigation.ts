import { ancestorUrls, childrenByParent, pageTree, prevNext, sectionOf, type NavPage } from "../navigation.ts";
import type { FilterMap } from "./types.ts";
import { renderScope } from "../model-registry.ts";
import type { DirectPages } from "../direct-pages.ts";

/** An item of Eleventy's collections.all, as far as navigation needs it. */
interface CollectionItem {
  url: string | false;
  data: {
    titel?: unknown;
    /** The page's title in breadcrumb trails, when shorter (archived editions, docs/decisions.md §15). */
    smulTitel?: unknown;
    ordning?: unknown;
    sida?: { titel: string; sammanfattning: string; ordning?: number };
    /** false leaves the page out of the site map (its parent page links it); breadcrumbs still use it. */
    webbplatskarta?: unknown;
  };
}

/** `utanforKartan`: the page is left out of the site map; kept on the page so a partial rebuild's merge keeps it. */
type Page = NavPage & { sammanfattning?: string; utanforKartan?: boolean };

const cache = new WeakMap<object, Page[]>();

/** Every page as of the last build, complete or partial (the dev server's partial rebuilds start from it). */
let lastComplete: Page[] = [];

/**
 * Every page with a URL and a title, whether written in Markdown or generated. In a dev-server rebuild
 * that renders only some pages (docs/dev-server.md §2), the collection holds only those; the others are
 * taken from the last complete build, so menus, breadcrumbs and the site map still list every page.
 */
function pagesOf(all: CollectionItem[] | undefined, direct: DirectPages): Page[] {
  if (!all) return [];
  let pages = cache.get(all);
  if (!pages) {
    pages = [];
    for (const item of all) {
      const titel = typeof item.data.titel === "string" ? item.data.titel : item.data.sida?.titel;
      if (!item.url || !titel || !item.url.endsWith("/")) continue;
      const ordning = typeof item.data.ordning === "number" ? item.data.ordning : item.data.sida?.ordning;
      pages.push({
        url: item.url,
        titel,
        ...(typeof item.data.smulTitel === "string" && { smulTitel: item.data.smulTitel }),
        ordning,
        sammanfattning: item.data.sida?.sammanfattning,
        utanforKartan: item.data.webbplatskarta === false,
      });
    }
    // Pages written outside Eleventy are pages of the site all the same (direct-pages.ts, docs/decisions.md §12).
    pages.push(...direct.navPages());
    if (renderScope()) {
      // In the complete build's order; a page the partial rebuild added (a new year's draft) comes last.
      const fresh = new Map(pages.map((p) => [p.url, p]));
      const known = new Set(lastComplete.map((p) => p.url));
      pages = [...lastComplete.map((p) => fresh.get(p.url) ?? p), ...pages.filter((p) => !known.has(p.url))];
    }
    // The next partial rebuild starts from this one (the aggregates follow the centre's own pages).
    lastComplete = pages;
    cache.set(all, pages);
  }
  return pages;
}

const byUrlCache = new WeakMap<object, Map<string, Page>>();

/** Pages by URL, built once per build: breadcrumbs look up ancestors on every one of thousands of pages. */
function pagesByUrl(all: CollectionItem[] | undefined, direct: DirectPages): Map<string, Page> {
  if (!all) return new Map();
  let map = byUrlCache.get(all);
  if (!map) {
    map = new Map(pagesOf(all, direct).map((p) => [p.url, p]));
    byUrlCache.set(all, map);
  }
  return map;
}

const childrenCache = new WeakMap<Page[], Map<string, Page[]>>();

/** A page's children in the build's page list, indexed once per list (navigation.ts, childrenByParent). */
function childrenIn(pages: Page[], url: string): Page[] {
  let byParent = childrenCache.get(pages);
  if (!byParent) {
    byParent = childrenByParent(pages);
    childrenCache.set(pages, byParent);
  }
  return byParent.get(url) ?? [];
}

export function navigationFilters(startLabel: string, direct: DirectPages): FilterMap {
  // The breadcrumbs of pages written outside Eleventy come from the same pages, as of this build's render.
  let latest: Map<string, Page> | undefined;
  direct.setNavigation(() => latest ?? new Map(lastComplete.map((p) => [p.url, p])));
  return {
    avsnitt: (url: string) => sectionOf(String(url ?? "")),
    brodsmulor: (url: string, all: CollectionItem[]) => {
      const pages = pagesByUrl(all, direct);
      latest = pages;
      // Ancestors that are not pages (a folder without an index) are left out rather than linked.
      return ancestorUrls(String(url ?? "")).flatMap((u) => {
        if (u === "/") return [{ url: "/", titel: startLabel }];
        const page = pages.get(u);
        return page ? [{ url: page.url, titel: page.smulTitel ?? page.titel }] : [];
      });
    },
    undersidor: (url: string, all: CollectionItem[]) => (url === "/" ? [] : childrenIn(pagesOf(all, direct), url)),
    ejLankade: (pages: Page[], html: string) => (pages ?? []).filter((p) => !String(html ?? "").includes(`href="${p.url}"`)),
    forraNasta: (url: string, all: CollectionItem[]) => {
      const pages = pagesOf(all, direct);
      return prevNext(pages, url, (parent) => childrenIn(pages, parent));
    },
    // Pages that exist once per centre and year (drafts, forms, parts of split pages) stay out of the site
    // map, so that it grows with the county's centres, not with centres × years (docs/decisions.md §10).
    webbplatstrad: (all: CollectionItem[]) => {
      // The flag travels with each page, so pages a partial dev rebuild took from the last build stay hidden too.
      return pageTree(pagesOf(all, direct).filter((p) => !p.utanforKartan));
    },
    sorteraUrl: (all: CollectionItem[]) =>
      [...(all ?? []), ...direct.urls().map((url) => ({ url }))]
        .filter((i) => typeof i.url === "string" && i.url.endsWith("/"))
        .sort((a, b) => String(a.url).localeCompare(String(b.url), "en")),
  };
}
