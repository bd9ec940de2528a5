import { resolve, sep } from "node:path";
import type { Handbok } from "../model/types.ts";
import type { EleventyConfig } from "./eleventy-plugin.ts";
import { renderScope, setRenderScope, type RenderScope } from "./model-registry.ts";

// The dev server's dependency map (docs/dev-server.md §2): which pages a changed source file feeds.
// Eleventy's own incremental mode only knows dependencies between template files; the handbook's pages are
// virtual templates paginated over global data built from data/, so Eleventy would rebuild all of them.

/**
 * Virtual templates whose pages show centre data: the progress pages, the report forms, the coordinators'
 * page (it lists every centre's form) and the site map (centre names). Everything else is skipped in a
 * scoped rebuild. A new template that shows centre data must be listed here (tests/site/dev-server.test.ts
 * compares a scoped rebuild with a full one).
 */
const CENTRE_FED_TEMPLATES = ["framsteg/", "rapport/", "samordnare-uppdatera.njk", "sidor/webbplatskarta.njk"];

const toPosix = (p: string): string => p.split(sep).join("/");

const CENTRE_FILE = /(?:^|\/)(data\/(?:familjecentraler|uppfoljning\/\d{4})\/([a-z0-9-]+)\.yaml)$/;

/**
 * The centre a changed file belongs to: data/familjecentraler/<id>.yaml or data/uppfoljning/<år>/<id>.yaml
 * of this root. Eleventy reports paths relative to the folder its watcher runs in, which is the working
 * directory or, for a root outside it, a common ancestor; so the path either resolves to the root's file or
 * is a tail of that file's absolute path.
 */
function centreOf(rootDir: string, changed: string): string | undefined {
  const path = toPosix(changed).replace(/^\.\//, "");
  const match = CENTRE_FILE.exec(path);
  if (!match?.[1]) return undefined;
  const abs = toPosix(resolve(rootDir, match[1]));
  return toPosix(resolve(changed)) === abs || abs.endsWith(`/${path}`) ? match[2] : undefined;
}

/**
 * The render scope for a rebuild after `changed` (absolute or cwd-relative paths): the changed centres
 * when every changed file is a centre's own file for a centre the site already has, else undefined (a full
 * rebuild: guidance, goals, the county file, a new or removed centre change pages everywhere).
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
  return { centres };
}

/**
 * The scope after validation: a scoped rebuild stays scoped only while the centres are still the same
 * ones (an edit can change a centre's id); when the edit made the data invalid nothing is rendered, so the
 * last valid pages stay as they are.
 */
export function settleScope(scope: RenderScope | undefined, next: Handbok | undefined): RenderScope | undefined {
  if (!scope) return undefined;
  if (!next) return { centres: new Set(), nothing: true };
  const ids = new Set(next.familjecentraler.map((c) => c.id));
  return [...scope.centres].every((id) => ids.has(id)) ? scope : undefined;
}

export { setRenderScope };

/**
 * A pagination `before` filter for templates with one page per centre: in a scoped rebuild, only the
 * changed centres' items; otherwise all of them.
 */
export function onlyChangedCentres<T>(centreId: (item: T) => string): (items: T[]) => T[] {
  return (items) => {
    const scope = renderScope();
    return scope ? items.filter((item) => scope.centres.has(centreId(item))) : items;
  };
}

/**
 * In a scoped rebuild, Eleventy skips every template that does not show centre data before it computes any
 * of its pages (a preprocessor returning false): guidance pages, editions, the site map. The aggregate
 * progress pages (goals, the county picture, compilations, the directory, downloads) are rendered whole.
 */
export function devScopePlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPreprocessor("dev-scope", "*", (data: { page: { inputPath: string } }) => {
    const scope = renderScope();
    if (!scope) return undefined;
    if (scope.nothing) return false;
    const path = toPosix(data.page.inputPath).replace(/^\.\//, "");
    return CENTRE_FED_TEMPLATES.some((prefix) => path.includes(`/${prefix}`) || path.startsWith(prefix)) ? undefined : false;
  });
}
