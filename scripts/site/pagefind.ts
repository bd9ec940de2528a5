import * as pagefind from "pagefind";
import { addOverlapped, beginWait, timedAsync } from "../build-phases.ts";
import type { EleventyConfig } from "./eleventy-plugin.ts";
import { directPages } from "./direct-pages.ts";
import { searchInput } from "./search-input.ts";

// Search in Swedish: <html lang="sv"> gives Pagefind's Swedish stemmer, and only <main
// data-pagefind-body> is indexed (header, menus, contents lists and page footers carry
// data-pagefind-ignore). Filters: typ, målgrupp, kommun (partials/sokfilter.njk).
//
// Diacritics (decided 2026-11, Pagefind 1.6, measured on a four-page test: "Far och mor", a page where
// families "får" support, "Årsberättelse", and a page using "for"):
// - default (folding, diacriticSimilarity unset): "får" ranked "Far och mor" first — wrong.
// - exactDiacritics: true: "får" and "för" right, but "arsberattelse" and "foraldrar" found nothing —
//   readers on phones and foreign keyboards type without å/ä/ö, so that is worse.
// - folding with ranking.diacriticSimilarity 10: "får" → the "får" page first, "far" → "Far och mor"
//   first, "för"/"for" likewise, and "arsberattelse" still finds "Årsberättelse". Chosen. The values
//   are search-time options, set in _includes/assets/sok-installningar.js.
//
// Indexing while Eleventy writes (scripts/site/README.md, "Search index while rendering"): Pagefind's Node API runs the
// indexer in a child process, so pages handed to it as Eleventy writes them are indexed on the second core
// while Eleventy renders the rest. Two things keep the index byte-identical from build to build although
// pages arrive in whatever order Eleventy finishes them:
// - Pagefind numbers pages in the order they were first added, and a page added again under the same URL
//   keeps its place. So before rendering, the URL of every page that may be searchable (all of Eleventy's
//   HTML pages, whose layout decides, and the searchable pages written outside Eleventy) is added as an
//   empty record in sorted order; the real page later takes that place. Empty records have no words and
//   never reach the index.
// - Pages without data-pagefind-body are not sent at all: once any page has it, Pagefind ignores the
//   others (the layout sets it on every searchable page; drafts and compilations go without).

/**
 * Pages handed to the indexer at once. Enough to keep Pagefind's process busy; the bound keeps the build's
 * memory from growing with the site when Eleventy renders faster than Pagefind indexes (at 400 centres the
 * build process peaked at about 1 GB near the end of rendering).
 */
const MAX_IN_FLIGHT = 32;

type IndexHandle = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

/** The part of Eleventy's config API this plugin uses beyond what eleventy-plugin.ts declares. */
type TransformConfig = EleventyConfig & {
  addTransform(name: string, fn: (this: { page: { url: unknown; outputPath: unknown } }, content: unknown) => unknown): void;
};

const isHtmlUrl = (url: unknown): url is string => typeof url === "string" && (url.endsWith("/") || url.endsWith(".html"));

/** A Pagefind index fed page by page while Eleventy writes; finished by `indexSite`. */
export class LiveIndex {
  private readonly pending: Promise<void>[] = [];
  private readonly errors: string[] = [];
  private firstPageAt: number | undefined;
  /** HTML pages Eleventy wrote, searchable or not (the build reports this count). */
  private pages = 0;
  /** Pages handed to Pagefind and not yet indexed, and the pages waiting for one of them to finish. */
  private inFlight = 0;
  private readonly slots: (() => void)[] = [];
  /** The index being written early (startWriting), or undefined. */
  private writing: Promise<void> | undefined;

  private constructor(private readonly index: IndexHandle) {}

  static async open(): Promise<LiveIndex> {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind kunde inte starta: ${errors.join("; ")}`);
    return new LiveIndex(index);
  }

  /** Fixes the pages' order in the index: every HTML URL Eleventy will write, sorted. */
  reserve(urls: Iterable<unknown>): void {
    const sorted = [...new Set([...urls].filter(isHtmlUrl))].sort();
    for (const url of sorted) this.track(this.index.addCustomRecord({ url, content: "", language: "sv" }));
  }

  /**
   * Hands one written page to Pagefind. It resolves at once while Pagefind keeps up; when
   * `MAX_IN_FLIGHT` pages are already waiting for the indexer, it resolves only when one of them is done,
   * so a busy indexer slows Eleventy down instead of the process holding every page's HTML in memory.
   */
  async add(url: string, html: string): Promise<void> {
    this.pages++;
    if (!html.includes("data-pagefind-body")) return;
    if (this.writing) throw new Error(`${url} kom till sökindexet efter att det började skrivas.`);
    this.firstPageAt ??= performance.now();
    if (this.inFlight >= MAX_IN_FLIGHT) {
      const done = beginWait("index");
      while (this.inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resume) => this.slots.push(resume));
      done();
    }
    this.inFlight++;
    this.track(
      // Only what Pagefind reads is sent: the same index for a tenth of the bytes (docs/decisions.md §13).
      this.index.addHTMLFile({ url, content: searchInput(html) }).finally(() => {
        this.inFlight--;
        this.slots.shift()?.();
      }),
    );
  }

  /** True while `add` of a searchable page would wait for the indexer. */
  busy(): boolean {
    return this.inFlight >= MAX_IN_FLIGHT;
  }

  private track(request: Promise<{ errors: string[] }>): void {
    this.pending.push(
      request.then(
        (r) => void this.errors.push(...r.errors),
        (error: unknown) => void this.errors.push(String(error)),
      ),
    );
  }

  /**
   * Every searchable page has been handed over: the index can be written while the build writes the pages
   * search does not need (docs/decisions.md §13). Without this call `finish` writes it.
   */
  startWriting(outDir: string): void {
    if (this.writing) return;
    if (this.firstPageAt !== undefined) addOverlapped(performance.now() - this.firstPageAt);
    this.firstPageAt = undefined;
    this.writing = Promise.all(this.pending).then(async () => {
      if (this.errors.length) throw new Error(`Pagefind kunde inte läsa sidorna: ${this.errors.slice(0, 5).join("; ")}`);
      const written = await this.index.writeFiles({ outputPath: `${outDir}/pagefind` });
      if (written.errors.length) throw new Error(`Pagefind kunde inte skriva indexet: ${written.errors.join("; ")}`);
    });
    // finish or abort reports the failure; until then it must not count as unhandled.
    this.writing.catch(() => undefined);
  }

  /**
   * Waits for the pages still being indexed and the index to be written into `<outDir>/pagefind`, and stops
   * Pagefind. In the profile, `index` and `write` are the time the build waits for them here.
   */
  async finish(outDir: string): Promise<{ pages: number }> {
    try {
      if (this.writing) await timedAsync("write", () => this.writing ?? Promise.resolve());
      else {
        if (this.firstPageAt !== undefined) addOverlapped(performance.now() - this.firstPageAt);
        await timedAsync("index", () => Promise.all(this.pending));
        if (this.errors.length) throw new Error(`Pagefind kunde inte läsa sidorna: ${this.errors.slice(0, 5).join("; ")}`);
        const written = await timedAsync("write", () => this.index.writeFiles({ outputPath: `${outDir}/pagefind` }));
        if (written.errors.length) throw new Error(`Pagefind kunde inte skriva indexet: ${written.errors.join("; ")}`);
      }
      return { pages: this.pages };
    } finally {
      await pagefind.close();
    }
  }

  /** Stops Pagefind without writing anything (the build failed). */
  async abort(): Promise<void> {
    await Promise.allSettled([...this.pending, this.writing]);
    await pagefind.close();
  }
}

let feeding: LiveIndex | undefined;

/** The index the next Eleventy run feeds (run-eleventy.ts sets it; undefined for the dev server's rebuilds). */
export function feedLiveIndex(index: LiveIndex | undefined): void {
  feeding = index;
}

/**
 * Feeds the live index each HTML page as Eleventy writes it. .eleventy.js adds this plugin last, so its
 * transform sees a page after every other transform (the base path, the word boundaries between table
 * cells): Pagefind then indexes exactly the HTML that is written to disk.
 */
export function liveIndexPlugin(eleventyConfig: TransformConfig): void {
  const index = feeding;
  if (!index) return;
  // Pages written outside Eleventy (direct-pages.ts) take their places in the same sorted order, and go to
  // the index as they are written, after the same finishing steps.
  const direct = directPages(eleventyConfig);
  eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: Record<string, unknown> }) =>
    // Of the pages written outside Eleventy only the searchable ones: the others are never handed to Pagefind,
    // and reserving their places cost a message to its process each (4,800 at national scale).
    index.reserve([...Object.keys(urlToInputPath), ...direct.searchableUrls()]),
  );
  direct.setSink({
    add: (url, html) => index.add(url, html),
    busy: () => index.busy(),
    searchableDone: (outDir) => index.startWriting(outDir),
  });
  eleventyConfig.addTransform("sokindex", async function (content) {
    const { url, outputPath } = this.page;
    if (typeof content === "string" && typeof outputPath === "string" && outputPath.endsWith(".html") && isHtmlUrl(url))
      await index.add(url, content);
    return content;
  });
}

const live = new Map<string, LiveIndex>();

/** Registers the index runEleventy feeds while writing into `outDir`, for `indexSite` to finish. */
export function setLiveIndex(outDir: string, index: LiveIndex): void {
  live.set(outDir, index);
}

/**
 * Completes the search index of a site built into `outDir`: finishes the index Eleventy fed while writing
 * (runEleventy), or else indexes the folder's HTML files (the dev server's rebuilds).
 */
export async function indexSite(outDir: string): Promise<{ pages: number }> {
  const fed = live.get(outDir);
  if (fed) {
    live.delete(outDir);
    return fed.finish(outDir);
  }
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind kunde inte starta: ${errors.join("; ")}`);
  try {
    const added = await timedAsync("index", () => index.addDirectory({ path: outDir }));
    if (added.errors.length) throw new Error(`Pagefind kunde inte läsa sidorna: ${added.errors.join("; ")}`);
    const written = await timedAsync("write", () => index.writeFiles({ outputPath: `${outDir}/pagefind` }));
    if (written.errors.length) throw new Error(`Pagefind kunde inte skriva indexet: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
