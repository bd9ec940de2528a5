import { join } from "node:path";
import { timedAsync } from "../build-phases.ts";
import type { EleventyConfig } from "./eleventy-plugin.ts";
import type { NavPage } from "./navigation.ts";
import { FileWriter, THREADED_FROM } from "./file-writer.ts";
import { pageShell, type ShellPage, type ShellSite } from "./page-shell.ts";
import { separateBlocks } from "./word-boundaries.ts";

// Pages written outside Eleventy (docs/decisions.md §12). Eleventy spends about 2 ms on each page of a
// paginated virtual template (pagination, the data cascade, computed data, the Nunjucks layout and its
// partials compiled again for every include) where bare Eleventy spends 0.5 ms; the per-centre-year pages
// (4,000 annual-report drafts at national scale) are 70 % of the site's pages and need none of it: their
// HTML comes from TypeScript functions (scripts/site/pages/) and their shell from page-shell.ts. They are
// written one by one after Eleventy has written its pages, with the same finishing steps Eleventy's
// transforms apply (word boundaries for searchable pages, the base path, the live search index), and the
// site's navigation (breadcrumbs, site map, sitemap.xml) lists them as if Eleventy had built them.

/** One page written outside Eleventy. */
export interface DirectPage {
  url: string;
  titel: string;
  beskrivning?: string;
  sokbar: boolean;
  /** false keeps it out of the HTML site map (its parent page links it); sitemap.xml still lists it. */
  webbplatskarta: boolean;
  /** The centre whose own page this is: a dev-server rebuild after that centre's file changed writes it. */
  centre?: string;
  stilar?: readonly string[];
  skript?: readonly string[];
  /** The page's article; called only when the page is written, so no page's HTML is held longer. */
  body: () => string;
}

/** A download written as it is (JSON, CSV): no shell, no search index, no base path (it has no HTML). */
export interface DirectFile {
  /** The file's path in the site, e.g. /familjecentraler/<id>.json. */
  url: string;
  centre?: string;
  body: () => string;
}

/** Which of a build's pages and files to write: all, or in a dev-server rebuild only some (dev-scope.ts). */
export type DirectScope = (item: { centre?: string }) => boolean;

/**
 * Where a finished page goes besides the disk: the live search index (pagefind.ts). `add` waits while the
 * indexer is behind; `busy` says it would.
 */
export interface PageSink {
  add(url: string, html: string): Promise<void>;
  busy(): boolean;
  /** Every searchable page of the build has been added (Eleventy's are added before these): the index can be written. */
  searchableDone?(outDir: string): void;
}

/**
 * A plugin's pages or files. Given centres (the dev server's first rebuild part, docs/dev-server.md §2), a
 * source lists only those centres' own pages, exactly as it would list them in a whole build, and computes
 * no more than they need; without, every page.
 */
export type DirectSource<T> = (centres?: ReadonlySet<string>) => T[];

/** What a build's direct pages need from the rest of the site; set by the plugins that own each part. */
interface DirectState {
  sources: DirectSource<DirectPage>[];
  fileSources: DirectSource<DirectFile>[];
  site?: () => ShellSite;
  /** Every page with a title as navigation knows it this build, for the breadcrumbs. */
  pagesByUrl?: () => ReadonlyMap<string, NavPage>;
  startLabel?: string;
  /** Eleventy's HTML base filter (HtmlBasePlugin), or undefined at a domain root. */
  base?: (html: string, url: string) => Promise<string>;
  sink?: PageSink;
  /** Which pages this build writes: all of them, or (a dev-server rebuild) some centres' own pages or the others. */
  scope?: () => DirectScope | undefined;
  /** The pages of the current build, listed once per build (the model and views are built by then). */
  listed?: DirectPage[];
  /** The files the last write produced (a build's, or the dev server's first part), for the dev server (`outputs`). */
  outputs: string[];
  /** This build's writing: how many pages and files it wrote (the dev server waits for it, see `written`). */
  writing?: { promise: Promise<number>; resolve: (pages: number) => void; reject: (error: unknown) => void };
}

const states = new WeakMap<object, DirectState>();

/** The direct pages of one Eleventy configuration (one build, or the dev server's builds). */
export function directPages(eleventyConfig: EleventyConfig): DirectPages {
  let state = states.get(eleventyConfig);
  if (!state) {
    state = { sources: [], fileSources: [], outputs: [] };
    states.set(eleventyConfig, state);
    const s = state;
    eleventyConfig.on("eleventy.before", () => {
      s.listed = undefined;
      let resolve: (pages: number) => void = () => undefined;
      let reject: (error: unknown) => void = () => undefined;
      const promise = new Promise<number>((yes, no) => {
        resolve = yes;
        reject = no;
      });
      // The build reports a failure itself; a caller that never asks must not see an unhandled rejection.
      promise.catch(() => undefined);
      s.writing = { promise, resolve, reject };
    });
    eleventyConfig.on("eleventy.after", async (event: { directories?: { output?: string }; dir?: { output?: string } }) => {
      const out = event.directories?.output ?? event.dir?.output;
      try {
        const pages = out ? await timedAsync("pages", () => writeDirectPages(s, out)) : 0;
        s.writing?.resolve(pages);
      } catch (error) {
        s.writing?.reject(error);
        throw error;
      }
    });
  }
  return new DirectPages(state);
}

function listed(state: DirectState): DirectPage[] {
  state.listed ??= state.sources.flatMap((source) => source());
  return state.listed;
}

/** The handle plugins use to add pages and to tell the writer what it needs. */
export class DirectPages {
  constructor(private readonly state: DirectState) {}

  /** Adds a source of pages; called once per build, when Eleventy has loaded the model. */
  add(source: DirectSource<DirectPage>): void {
    this.state.sources.push(source);
  }

  /** Adds a source of downloads (JSON, CSV). */
  addFiles(source: DirectSource<DirectFile>): void {
    this.state.fileSources.push(source);
  }

  /**
   * Writes the own pages and files of `centres` into `outDir` outside any Eleventy run: the dev server's
   * first rebuild part after those centres' files changed (docs/dev-server.md §2). The pages are the ones a
   * whole build writes for them, byte for byte: the same shell, finishing steps and breadcrumbs (the
   * navigation of the last build with these pages' new titles). Returns how many pages and files.
   */
  async writeOwn(outDir: string, centres: ReadonlySet<string>): Promise<number> {
    const own = (item: { centre?: string }): boolean => item.centre !== undefined && centres.has(item.centre);
    const pages = this.state.sources.flatMap((source) => source(centres)).filter(own);
    const files = this.state.fileSources.flatMap((source) => source(centres)).filter(own);
    const writer = new FileWriter(pages.length + files.length >= THREADED_FROM);
    this.state.outputs = [];
    try {
      return await writeList(this.state, outDir, writer, pages, files);
    } finally {
      await writer.done();
    }
  }

  /** The site-wide parts of the shell (site-plugin.ts). */
  setSite(site: () => ShellSite, startLabel: string, base: DirectState["base"]): void {
    this.state.site = site;
    this.state.startLabel = startLabel;
    this.state.base = base;
  }

  /** Navigation's pages of this build, for breadcrumbs (filters/navigation.ts). */
  setNavigation(pagesByUrl: () => ReadonlyMap<string, NavPage>): void {
    this.state.pagesByUrl = pagesByUrl;
  }

  /** The live search index (pagefind.ts); each written page goes to it as Eleventy's transform would send it. */
  setSink(sink: PageSink): void {
    this.state.sink = sink;
  }

  /** Which centres' pages a dev-server rebuild writes (dev-scope.ts). */
  setScope(scope: DirectState["scope"]): void {
    this.state.scope = scope;
  }

  /**
   * Resolves when this build's direct pages are written, with how many pages and files that was (like
   * Eleventy's own results, which count downloads too). Eleventy starts
   * every `eleventy.after` handler at once, so a handler that must see the complete site (the dev server's
   * reload, its search index and its next rebuild) waits for this first. The render scope stays as it was
   * until then, which is what the writer reads.
   */
  written(): Promise<number> {
    return this.state.writing?.promise ?? Promise.resolve(0);
  }

  /** Every direct page's URL, title and site-map flag: navigation lists them like Eleventy's pages. */
  navPages(): (NavPage & { utanforKartan: boolean })[] {
    return listed(this.state).map((p) => ({ url: p.url, titel: p.titel, utanforKartan: !p.webbplatskarta }));
  }

  urls(): string[] {
    return listed(this.state).map((p) => p.url);
  }

  /** The URLs of the direct pages search indexes (`sokbar`): the only ones the search index is ever handed. */
  searchableUrls(): string[] {
    return listed(this.state)
      .filter((p) => p.sokbar)
      .map((p) => p.url);
  }

  /**
   * The files the last write produced: this build's pages and downloads, or those of the dev server's first
   * part (`writeOwn`). The dev server removes the files a whole rebuild no longer writes (docs/dev-server.md §5).
   */
  outputs(): readonly string[] {
    return this.state.outputs;
  }
}

/** Ancestors that are pages, from the start page down (partials/brodsmulor.njk). */
function crumbs(url: string, byUrl: ReadonlyMap<string, NavPage>, startLabel: string): { url: string; titel: string }[] {
  const out: { url: string; titel: string }[] = [];
  let rest = url.replace(/\/$/, "");
  const ancestors: string[] = [];
  while (rest.includes("/")) {
    rest = rest.slice(0, rest.lastIndexOf("/"));
    ancestors.unshift(`${rest}/`);
  }
  for (const a of ancestors) {
    if (a === "/") out.push({ url: "/", titel: startLabel });
    else {
      const page = byUrl.get(a);
      if (page) out.push({ url: page.url, titel: page.smulTitel ?? page.titel });
    }
  }
  return out;
}

/** Writes this build's direct pages into `outDir`, one at a time: only one page's HTML is alive at once. */
async function writeDirectPages(state: DirectState, outDir: string): Promise<number> {
  const inScope = state.scope?.() ?? ((): boolean => true);
  const files = state.fileSources.flatMap((source) => source()).filter(inScope);
  const all = listed(state);
  const count = files.length + all.filter(inScope).length;
  // A whole build writes through a worker thread; a dev-server rebuild of a few centres on this thread.
  const writer = new FileWriter(count >= THREADED_FROM);
  state.outputs = [];
  try {
    return await writeList(state, outDir, writer, all, files, inScope);
  } finally {
    await writer.done();
  }
}

/**
 * Writes `files` and those of `all` that are in scope. `all` is every page this build lists (their titles
 * go into the breadcrumbs), or in the dev server's first part the changed centres' own pages.
 */
async function writeList(
  state: DirectState,
  outDir: string,
  writer: FileWriter,
  all: readonly DirectPage[],
  files: readonly DirectFile[],
  inScope: DirectScope = () => true,
): Promise<number> {
  for (const file of files) {
    state.outputs.push(join(outDir, file.url));
    await writer.write(join(outDir, file.url), file.body());
  }
  const pages = all.filter(inScope);
  if (pages.length === 0 || !state.site || !state.startLabel) return files.length;
  const shell = pageShell(state.site());
  // Breadcrumbs: the pages navigation knows, with this build's own titles for the direct pages (a partial
  // dev rebuild renders no Eleventy page, so navigation still holds the last build's centre names).
  const byUrl = new Map<string, NavPage>(state.pagesByUrl?.() ?? []);
  for (const p of all) byUrl.set(p.url, { url: p.url, titel: p.titel });
  // Searchable pages go to the indexer, which runs in its own process and may fall behind; while it is
  // busy the writer makes pages search does not need instead of waiting (the order changes nothing written).
  const searchable = pages.filter((p) => p.sokbar);
  const others = pages.filter((p) => !p.sokbar);
  let s = 0;
  let o = 0;
  // Once the last searchable page is handed over, Pagefind writes the index on the second core while this
  // loop writes the rest (docs/decisions.md §13).
  if (searchable.length === 0) state.sink?.searchableDone?.(outDir);
  while (s < searchable.length || o < others.length) {
    const page = s < searchable.length && (o >= others.length || !state.sink?.busy()) ? searchable[s++] : others[o++];
    if (!page) break;
    const body = page.body();
    const shellPage: ShellPage = {
      url: page.url,
      titel: page.titel,
      beskrivning: page.beskrivning,
      sokbar: page.sokbar,
      stilar: page.stilar,
      skript: page.skript,
      crumbs: crumbs(page.url, byUrl, state.startLabel),
      // A template's output ends with its file's last newline; the shell prints it as Eleventy's content.
      content: `${body}\n`,
      mermaid: body.includes("diagram--mermaid"),
    };
    let html = shell(shellPage);
    // The same steps, in the same order, as Eleventy's transforms (site-plugin.ts, HtmlBasePlugin, pagefind.ts).
    if (page.sokbar) html = separateBlocks(html);
    if (state.base) html = await state.base(html, page.url);
    state.outputs.push(join(outDir, page.url, "index.html"));
    await writer.write(join(outDir, page.url, "index.html"), html);
    await state.sink?.add(page.url, html);
    if (page.sokbar && s === searchable.length) state.sink?.searchableDone?.(outDir);
  }
  return files.length + pages.length;
}
