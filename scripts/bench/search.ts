import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS, chromiumPath } from "../browser/chromium.ts";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { serveStatic } from "../site/static-server.ts";

export interface SearchCost {
  /** Bytes of every /pagefind/ response the first search needed, as a plain static host serves them. */
  bytes: number;
  /**
   * The same with the JavaScript, CSS and JSON gzipped, as any web host compresses text; Pagefind's own
   * index, fragment and WebAssembly files are already gzip-compressed, so they count as they are.
   */
  transferBytes: number;
  requests: { url: string; bytes: number; transferBytes: number }[];
  results: number;
  /** How the search was driven: the site's own search page, or Pagefind's API when there is none. */
  via: "söksidan" | "pagefind-api";
}

/**
 * Loads the search page with a query in Chromium and sums the bytes of the Pagefind files it fetched:
 * the loader, entry, WebAssembly, index chunks, filters and the fragments of the first results. When
 * the site has no /sok/ page yet, runs the same first search through Pagefind's JS API from the start page
 * (five result fragments, as Pagefind's default UI loads first).
 */
export async function firstSearchCost(outDir: string, query: string): Promise<SearchCost> {
  const server = await serveStatic(outDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    const requests: SearchCost["requests"] = [];
    const pending: Promise<void>[] = [];
    page.on("response", (response) => {
      const url = response.url();
      if (!url.includes("/pagefind/")) return;
      pending.push(
        response
          .body()
          .then((body) => {
            const path = new URL(url).pathname;
            const text = /\.(js|json|css)$/.test(path);
            requests.push({ url: path, bytes: body.length, transferBytes: text ? gzipSync(body).length : body.length });
          })
          .catch(() => undefined),
      );
    });
    let results = 0;
    const hasSearchPage = existsSync(join(outDir, "sok", "index.html"));
    if (hasSearchPage) {
      // Wait for the results themselves: on a busy machine the network can fall quiet before Pagefind has
      // fetched the fragments of the first results, and those belong to the first search's cost.
      const resultLinks = "main :is(ol, ul) li a[href]:not(nav a)";
      await page.goto(`${server.url}/sok/?q=${encodeURIComponent(query)}`, { waitUntil: "load" });
      await page.waitForSelector(resultLinks, { timeout: 120_000 }).catch(() => undefined);
      await page.waitForLoadState("networkidle");
      results = await page.locator(resultLinks).count();
    } else {
      await page.goto(`${server.url}/`, { waitUntil: "load" });
      results = await page.evaluate(
        async ([q, loader]) => {
          const pf = (await import(loader)) as {
            search: (q: string) => Promise<{ results: { data: () => Promise<unknown> }[] }>;
          };
          const found = await pf.search(q);
          await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
          return found.results.length;
        },
        [query, "/pagefind/pagefind.js"] as const,
      );
      await page.waitForLoadState("networkidle");
    }
    await Promise.all(pending);
    requests.sort((a, b) => a.url.localeCompare(b.url));
    const bytes = requests.reduce((sum, r) => sum + r.bytes, 0);
    const transferBytes = requests.reduce((sum, r) => sum + r.transferBytes, 0);
    return { bytes, transferBytes, requests, results, via: hasSearchPage ? "söksidan" : "pagefind-api" };
  } finally {
    await browser.close();
    await server.close();
  }
}
