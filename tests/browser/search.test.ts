import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { siteOrSkip, useChromium, visit } from "../support/browser.ts";
import { guardedContext } from "../support/chromium.ts";
import { htmlFiles } from "../support/pages.ts";
import { BASE_PATH_SITE, builtSites, type BuiltSite } from "../support/site.ts";

interface Hit {
  url: string;
  title: string;
  /** Pagefind's excerpt (HTML with <mark>), from the index search only. */
  excerpt?: string;
  /** How many pages matched in all, from the index search only. */
  count?: number;
}

/**
 * Pagefind's top results for a query, through its own JavaScript API in the page (no UI involved), with
 * the same ranking options the search page uses (_includes/assets/sok-installningar.js).
 */
async function indexSearch(page: Page, query: string, filters: Record<string, string[]> = {}, basePath = "/"): Promise<Hit[]> {
  // Passed as a string: the test runner would otherwise rewrite import() before Chromium sees it.
  // The query goes through the page's own processTerm, as Pagefind's UI does.
  const script = `(async (q, filters, base) => {
    const pagefind = await import(base + "pagefind/pagefind.js");
    const { SOK_INSTALLNINGAR: s } = await import(base + "assets/sok-installningar.js");
    await pagefind.options({ exactDiacritics: s.exactDiacritics, ranking: s.ranking });
    const { results } = await pagefind.search(s.processTerm ? s.processTerm(q) : q, { filters });
    const data = await Promise.all(results.slice(0, 5).map((r) => r.data()));
    return data.map((d) => ({ url: new URL(d.url, location.href).pathname, title: (d.meta && d.meta.title) || "", excerpt: d.excerpt || "", count: results.length }));
  })(${JSON.stringify(query)}, ${JSON.stringify(filters)}, ${JSON.stringify(basePath)})`;
  return withoutBase(await page.evaluate<Hit[]>(script), basePath);
}

/** Result paths as the site knows them ("/vagledning/"), with the base path the results carry taken off. */
function withoutBase(hits: Hit[], basePath: string): Hit[] {
  return hits.map((hit) => ({ ...hit, url: hit.url.startsWith(basePath) ? hit.url.slice(basePath.length - 1) : hit.url }));
}

/** The result links the search page /sok/?q=… shows, in order: links in a list inside <main>, outside any <nav>. */
async function pageSearch(page: Page, baseUrl: string, query: string, basePath = "/"): Promise<Hit[]> {
  await visit(page, baseUrl, `/sok/?q=${encodeURIComponent(query)}`);
  const selector = "main :is(ol, ul) li a[href]:not(nav a)";
  await page.waitForSelector(selector, { timeout: 10_000 }).catch(() => undefined);
  const hits = await page.$$eval(selector, (links) =>
    links.map((a) => ({ url: new URL((a as HTMLAnchorElement).href).pathname, title: (a.textContent ?? "").trim() })),
  );
  return withoutBase(hits.filter((hit, i) => hits.findIndex((h) => h.url === hit.url) === i).slice(0, 5), basePath);
}

/** Queries with a known answer in the bundled handbook: the target must be among the first three results. */
const HANDBOOK_CASES: { query: string; targets: string[]; why: string }[] = [
  {
    query: "föräldrar",
    why: "böjd form av förälder",
    targets: [
      "/mal/2027-2028/foraldragrupper/",
      "/vagledning/mal-och-malgrupper/malgrupper/",
      "/vagledning/insatser-och-arbetssatt/skyddsfaktorer/",
      "/vagledning/insatser-och-arbetssatt/",
      "/vagledning/uppdrag/uppdragspunkter/",
    ],
  },
  {
    query: "föräldern",
    why: "bestämd form av förälder",
    targets: [
      "/mal/2027-2028/foraldragrupper/",
      "/vagledning/mal-och-malgrupper/malgrupper/",
      "/vagledning/insatser-och-arbetssatt/skyddsfaktorer/",
      "/vagledning/insatser-och-arbetssatt/",
      "/vagledning/uppdrag/uppdragspunkter/",
    ],
  },
  { query: "samordnarens", why: "genitiv av samordnare", targets: ["/vagledning/roller-och-ansvar/samordnare/"] },
  { query: "årsberättelsen", why: "bestämd form av årsberättelse", targets: ["/vagledning/uppfoljning/arsberattelse/"] },
];

/** Query words whose diacritic-folded form is another word: "får" must not rank "Farsta" or "far" first. */
const FOLDING_CASES = [
  { query: "får", lookalike: "far" },
  { query: "för", lookalike: "for" },
];

function pageText(outDir: string): string {
  return htmlFiles(outDir)
    .map((file) => readFileSync(join(outDir, file), "utf8"))
    .join("\n")
    .toLowerCase();
}

const browser = useChromium();

/**
 * One tab per site and purpose, opened on first use and kept for the whole file: Pagefind loads its WebAssembly
 * and index once per tab instead of once per query. Searches do not change what a later search returns
 * (nothing is stored; the options are set again with every query), so the tests stay independent.
 */
const tabs = new Map<string, Promise<Page>>();
function tab(purpose: "index" | "ui", site: BuiltSite, url: string): Promise<Page> {
  const key = `${purpose} ${site.name}`;
  let page = tabs.get(key);
  if (!page) {
    page = browser().then(async (chromium) => {
      const { context } = await guardedContext(chromium);
      const opened = await context.newPage();
      // The index tab stays on the start page; Pagefind's module lives as long as the document does.
      if (purpose === "index") await visit(opened, url, "/");
      return opened;
    });
    tabs.set(key, page);
  }
  return page;
}

const handbook = builtSites().find((s): s is BuiltSite => s.name === "handbok");

describe("search in the bundled handbook", () => {
  for (const { query, targets, why } of HANDBOOK_CASES) {
    it(`finds the expected page among the top three for “${query}” (${why})`, async (context) => {
      if (!handbook) throw new Error("den medföljande handboken saknas bland de byggda webbplatserna");
      const { outDir, url } = siteOrSkip(handbook, context);
      const existing = targets.filter((t) => existsSync(join(outDir, t, "index.html")));
      context.skip(existing.length === 0, `ingen av målsidorna finns i handboken ännu: ${targets.join(", ")}`);

      const fromIndex = await indexSearch(await tab("index", handbook, url), query);
      const fromPage = existsSync(join(outDir, "sok", "index.html"))
        ? await pageSearch(await tab("ui", handbook, url), url, query)
        : undefined;

      const top = (hits: Hit[]): string[] => hits.slice(0, 3).map((h) => h.url);
      expect(top(fromIndex), `sökindexets tre första träffar för ”${query}”`).toEqual(expect.arrayContaining([expect.toBeOneOf(existing)]));
      if (fromPage) {
        expect(top(fromPage), `söksidans tre första träffar för ”${query}”`).toEqual(expect.arrayContaining([expect.toBeOneOf(existing)]));
      }
    });
  }
});

describe.each(builtSites())("search folding on $label", (site) => {
  for (const { query, lookalike } of FOLDING_CASES) {
    it(`does not rank a page whose title contains “${lookalike}” first for “${query}”`, async (context) => {
      const { outDir, url } = siteOrSkip(site, context);
      const word = new RegExp(`(^|[^\\p{L}])${query}([^\\p{L}]|$)`, "u");
      context.skip(!word.test(pageText(outDir)), `ingen sida innehåller ordet ”${query}”`);
      // Substrings on purpose: Pagefind folds "får" to "far" and matches prefixes, so "Farsta" is the risk.
      const lookalikeTitle = new RegExp(lookalike, "iu");
      const queryTitle = new RegExp(query, "iu");

      const hits = await indexSearch(await tab("index", site, url), query, {}, site.basePath);

      expect(hits.length, `”${query}” ger inga träffar`).toBeGreaterThan(0);
      const first = hits[0];
      const misranked = first && lookalikeTitle.test(first.title) && !queryTitle.test(first.title);
      expect(
        misranked,
        `första träffen för ”${query}” är ”${first?.title}” (${first?.url}), vars titel innehåller ”${lookalike}” men inte ”${query}”`,
      ).toBe(false);
    });
  }
});

const underBasePath = builtSites().find((s): s is BuiltSite => s.name === BASE_PATH_SITE);

describe("search on a site served only under a base path", () => {
  it("finds pages from the search page and every result link opens under the base path", async (context) => {
    if (!underBasePath) throw new Error("webbplatsen under en bassökväg saknas bland de byggda webbplatserna");
    const { url } = siteOrSkip(underBasePath, context);

    const page = await tab("ui", underBasePath, url);
    const hits = await pageSearch(page, url, "årsberättelse", underBasePath.basePath);
    const rawLinks = await page.$$eval("main :is(ol, ul) li a[href]:not(nav a)", (links) =>
      links.slice(0, 5).map((a) => (a as HTMLAnchorElement).href),
    );
    const statuses = await Promise.all(rawLinks.map(async (link) => `${(await page.request.get(link)).status()} ${link}`));

    expect(hits.length, "söksidan visade inga träffar för ”årsberättelse”").toBeGreaterThan(0);
    expect(
      statuses.filter((line) => !line.startsWith("200 ")),
      statuses.join("\n"),
    ).toEqual([]);
    expect(
      statuses.every((line) => new URL(line.slice(4)).pathname.startsWith(underBasePath.basePath)),
      statuses.join("\n"),
    ).toBe(true);
  });
});

/**
 * Real questions a new member of staff asks, pinned with the three pages that should answer them (best
 * first). Guidance pages must come before centre pages for topic words, and question words ("får jag")
 * must not cut the results down to a page that happens to say "jag". Content edits may reorder close
 * neighbours, so a case holds when its first page is in the top three, at least two of the three are, and
 * no centre page is: a failure then means the ranking really changed.
 */
const PINNED: { query: string; top3: [string, string, string] }[] = [
  {
    query: "föräldrar",
    top3: [
      "/vagledning/insatser-och-arbetssatt/",
      "/vagledning/uppdrag/uppdragspunkter/",
      "/vagledning/insatser-och-arbetssatt/barnkonventionen/",
    ],
  },
  {
    query: "samverkan",
    top3: ["/vagledning/samverkan/", "/vagledning/uppfoljning/enkater/", "/mal/2027-2028/forutsattningar-for-samverkan/"],
  },
  { query: "årsberättelse", top3: ["/vagledning/uppfoljning/arsberattelse/", "/lagesbild/", "/vagledning/uppfoljning/arshjul/"] },
  { query: "får jag", top3: ["/vagledning/uppdrag/basverksamheter/", "/mal/2027-2028/", "/mal/2027-2028/tidiga-insatser/"] },
  { query: "styrgrupp", top3: ["/vagledning/roller-och-ansvar/styrgrupp/", "/ny/styrgrupp/", "/vagledning/uppfoljning/arshjul/"] },
  { query: "besöksenkät", top3: ["/vagledning/uppfoljning/enkater/", "/vagledning/uppfoljning/arshjul/", "/samordnare/uppdatera/"] },
  { query: "samordnare", top3: ["/vagledning/roller-och-ansvar/samordnare/", "/ny/samordnare/", "/vagledning/styrning-och-ledning/"] },
  { query: "öppen förskola", top3: ["/vagledning/uppdrag/basverksamheter/", "/ny/of/", "/vagledning/uppdrag/samlokalisering/"] },
  { query: "barnhälsovård", top3: ["/vagledning/uppdrag/basverksamheter/", "/vagledning/uppdrag/", "/ordlista/"] },
  { query: "årshjul", top3: ["/vagledning/uppfoljning/arshjul/", "/vagledning/roller-och-ansvar/samordnare/", "/vagledning/"] },
  { query: "hur ofta träffas styrgruppen", top3: ["/vagledning/roller-och-ansvar/styrgrupp/", "/ny/styrgrupp/", "/ny/"] },
  {
    query: "barnkonventionen",
    top3: [
      "/vagledning/insatser-och-arbetssatt/barnkonventionen/",
      "/vagledning/insatser-och-arbetssatt/",
      "/vagledning/uppdrag/uppdragspunkter/",
    ],
  },
  { query: "samlokalisering", top3: ["/vagledning/uppdrag/samlokalisering/", "/vagledning/starta-familjecentral/", "/familjecentraler/"] },
];

const CENTRE_PAGE = /^\/familjecentraler\/[^/]+\/$/;
/** Text runs where two cells or labels were glued together in an excerpt ("värdenÅrTyp", "Utgångslägesaknas"). */
const GLUED = /\p{Ll}\p{Lu}/u;
const BOILERPLATE = /underlag saknas|utgångsläge\s*saknas|målvärde\s*saknas/i;

describe("pinned searches in the bundled handbook", () => {
  for (const { query, top3 } of PINNED) {
    it(`ranks the pages that answer “${query}” first, with clean excerpts`, async (context) => {
      if (!handbook) throw new Error("den medföljande handboken saknas bland de byggda webbplatserna");
      const { url } = siteOrSkip(handbook, context);
      const hits = await indexSearch(await tab("index", handbook, url), query, { utgåva: ["Gällande"] });
      const got = hits.slice(0, 3).map((h) => h.url);
      const shown = `de tre första träffarna för ”${query}” är ${got.join(", ")} (väntat ${top3.join(", ")})`;
      expect(hits[0]?.count ?? 0, `”${query}” ger för få träffar`).toBeGreaterThanOrEqual(3);
      expect(got, shown).toContain(top3[0]);
      expect(got.filter((u) => top3.includes(u)).length, shown).toBeGreaterThanOrEqual(2);
      expect(
        got.filter((u) => CENTRE_PAGE.test(u)),
        shown,
      ).toEqual([]);
      for (const hit of hits) {
        const text = (hit.excerpt ?? "").replace(/<[^>]+>/g, "");
        expect(GLUED.test(text), `utdraget för ${hit.url} klistrar ihop ord: ”${text}”`).toBe(false);
        expect(BOILERPLATE.test(text), `utdraget för ${hit.url} visar tomma fält: ”${text}”`).toBe(false);
      }
    });
  }

  it("shows the first result's title on a 375 × 812 phone without scrolling, for every pinned query", async (context) => {
    if (!handbook) throw new Error("den medföljande handboken saknas bland de byggda webbplatserna");
    const { url } = siteOrSkip(handbook, context);
    const problems: string[] = [];
    const { context: browserContext } = await guardedContext(await browser(), { viewport: { width: 375, height: 812 } });
    try {
      const page = await browserContext.newPage();
      for (const { query } of PINNED) {
        await visit(page, url, `/sok/?q=${encodeURIComponent(query)}`);
        // Pagefind draws placeholders first and fills them in; measure once the first title has text.
        const box = await page
          .waitForFunction(
            () => {
              const title = document.querySelector(".pagefind-ui__result-title");
              const rect = title?.getBoundingClientRect();
              return title && (title.textContent ?? "").trim() && rect && rect.height > 0
                ? { y: rect.top, height: rect.height, scrollY: window.scrollY }
                : false;
            },
            undefined,
            { timeout: 15_000 },
          )
          .then((handle) => handle.jsonValue() as Promise<{ y: number; height: number; scrollY: number }>)
          .catch(() => undefined);
        if (!box) problems.push(`”${query}”: ingen träff visades`);
        else if (box.scrollY !== 0 || box.y < 0 || box.y + box.height > 812) {
          problems.push(
            `”${query}”: första träffens rubrik ligger på y = ${Math.round(box.y)}–${Math.round(box.y + box.height)} px (rullat ${box.scrollY} px), utanför de första 812 px`,
          );
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`”${query}”: söksidan blir ${overflow} px för bred vid 375 px`);
      }
    } finally {
      await browserContext.close();
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
