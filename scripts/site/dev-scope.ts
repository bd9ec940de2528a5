import { existsSync } from "node:fs";
import { resolve, sep } from "node:path";
import type { Handbok } from "../model/types.ts";
import { centreDerivedBasis, countyBasis } from "../progress/model.ts";
import type { EleventyConfig } from "./eleventy-plugin.ts";
import { renderScope, setRenderScope, type RenderScope } from "./model-registry.ts";
import { directPages } from "./direct-pages.ts";

// The dev server's dependency map (docs/dev-server.md §2): which pages a changed source file feeds.
// Eleventy's own incremental mode only knows dependencies between template files; the handbook's pages are
// virtual templates paginated over global data built from data/, so Eleventy would rebuild all of them.

/**
 * Virtual templates whose pages show centre data: the progress overview pages, the coordinators' page (it
 * lists every centre's form) and the site map (centre names). Everything else is skipped in a scoped
 * rebuild. (The pages written outside Eleventy follow the scope through `setScope` below.) A new template that shows centre data must be listed here (tests/site/dev-server.test.ts
 * compares a scoped rebuild with a full one).
 */
const CENTRE_FED_TEMPLATES = ["framsteg/", "samordnare-uppdatera.njk", "sidor/webbplatskarta.njk"];

const toPosix = (p: string): string => p.split(sep).join("/");

const CENTRE_FILE = /(?:^|\/)(data\/(?:familjecentraler|uppfoljning\/\d{4})\/([a-z0-9-]+)\.yaml)$/;

/**
 * The centre a changed file belongs to: data/familjecentraler/<id>.yaml or data/uppfoljning/<år>/<id>.yaml
 * of this root, as long as the file still exists. Eleventy reports paths relative to the folder its
 * watcher runs in, which is the working directory or, for a root outside it, a common ancestor; so the
 * path either resolves to the root's file or is a tail of that file's absolute path. A deleted file (or
 * the old name of a renamed one) belongs to no centre: its pages must go, which only a whole rebuild
 * does (docs/dev-server.md §5).
 */
function centreOf(rootDir: string, changed: string): string | undefined {
  const path = toPosix(changed).replace(/^\.\//, "");
  const match = CENTRE_FILE.exec(path);
  if (!match?.[1]) return undefined;
  const abs = resolve(rootDir, match[1]);
  const same = toPosix(resolve(changed)) === toPosix(abs) || toPosix(abs).endsWith(`/${path}`);
  return same && existsSync(abs) ? match[2] : undefined;
}

/**
 * The render scope for a rebuild after `changed` (absolute or cwd-relative paths): the changed centres'
 * own pages when every changed file is a centre's own file for a centre the site already has, else
 * undefined (a full rebuild: guidance, goals, the county file, a new or removed centre, a deleted file change
 * pages everywhere).
 */
export function scopeForChanges(rootDir: string, changed: readonly string[], previous: Handbok): RenderScope | undefined {
  if (changed.length === 0) return undefined;
  const known = new Set(previous.familjecentraler.map((c) => c.id));
  const centres = new Set<string>();
  for (const file of changed) {
    const id = centreOf(rootDir, file);
    if (id === undefined || !known.has(id)) return undefined;
    centres.add(id);
  }
  return { centres, part: "own" };
}

/** The part of each model's county basis that comes from the centres (model.ts, centreDerivedBasis). */
const bases = new WeakMap<Handbok, string>();
function derivedBasis(model: Handbok): string {
  let basis = bases.get(model);
  if (basis === undefined) {
    basis = centreDerivedBasis(countyBasis(model));
    bases.set(model, basis);
  }
  return basis;
}

/**
 * The scope after validation. A scoped rebuild stays scoped only while the centres are still the same
 * ones (an edit can change a centre's id) and the edit changed nothing that other centres' own pages show:
 * a new follow-up year or survey year, or a collaboration survey's scores, which every centre's profile
 * compares with the county's average (model.ts, countyBasis). Otherwise every page is rendered. When the
 * edit made the data invalid nothing is rendered, so the last valid pages stay as they are.
 */
export function settleScope(scope: RenderScope | undefined, next: Handbok | undefined, previous: Handbok): RenderScope | undefined {
  if (!scope) return undefined;
  if (!next) return { centres: new Set(), part: "nothing" };
  const ids = new Set(next.familjecentraler.map((c) => c.id));
  if (![...scope.centres].every((id) => ids.has(id))) return undefined;
  return derivedBasis(next) === derivedBasis(previous) ? scope : undefined;
}

export { setRenderScope };

/**
 * In a scoped rebuild, Eleventy skips every template outside the scope before it computes any of its
 * pages (a preprocessor returning false): guidance pages, editions and, depending on the part, either the
 * aggregate pages or the centres' own pages. The dev server writes the centres' own pages outside Eleventy
 * (DirectPages.writeOwn, docs/dev-server.md §2), so its Eleventy runs are "aggregates", "nothing" or whole;
 * the "own" scope below gives the same pages inside a run.
 */
export function devScopePlugin(eleventyConfig: EleventyConfig): void {
  // Pages written outside Eleventy (direct-pages.ts) follow the same scope: the changed centres' own pages
  // (those with a `centre`), then the pages that sum up centres (all without one).
  directPages(eleventyConfig).setScope(() => {
    const scope = renderScope();
    if (!scope) return undefined;
    if (scope.part === "own") return (item) => item.centre !== undefined && scope.centres.has(item.centre);
    if (scope.part === "aggregates") return (item) => item.centre === undefined;
    return () => false;
  });
  // Every page that belongs to one centre is written outside Eleventy, so for a centre's own pages Eleventy
  // renders nothing; for the aggregates, only the templates that show centre data.
  eleventyConfig.addPreprocessor("dev-scope", "*", (data: { page: { inputPath: string } }) => {
    const scope = renderScope();
    if (!scope) return undefined;
    if (scope.part !== "aggregates") return false;
    const path = toPosix(data.page.inputPath).replace(/^\.\//, "");
    return CENTRE_FED_TEMPLATES.some((prefix) => path.includes(`/${prefix}`) || path.startsWith(prefix)) ? undefined : false;
  });
}
