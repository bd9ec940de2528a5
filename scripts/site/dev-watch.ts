import { relative, resolve, sep } from "node:path";

// How the dev server follows files that come and go (docs/dev-server.md §5). Two gaps in Eleventy 3.1's
// watcher (Eleventy.js, watch()), which the server closes from outside:
// - A deleted file is noted ("File deleted") but starts no rebuild, so a deleted or renamed page or data
//   file stayed on the site until the next edit. Here a deletion is queued like a change: Eleventy passes
//   its path to `eleventy.beforeWatch`, where `scopeForChanges` makes it a whole rebuild (dev-scope.ts).
// - Eleventy keeps the list of its template files between runs and updates it with the path the watcher
//   reports. When the watched folders have no common folder below the working directory (a content root
//   outside the project, whose _includes/ is watched too), the watcher reports paths relative to a common
//   ancestor instead, which match none of Eleventy's globs: a new guidance page was never built and a
//   deleted one was still read. Here the list is also given the path relative to the working directory.

/** What the server uses of Eleventy's internals (Eleventy 3.1.8, pinned in package.json). */
interface EleventyInternals {
  watcher?: { options?: { cwd?: string }; on(event: string, listener: (path: string) => void): void };
  fileSystemSearch?: { add(path: string): void; delete(path: string): void };
}

const toPosix = (p: string): string => p.split(sep).join("/");

/**
 * Hooks into `elev`'s watcher once `elev.watch()` has returned `watchRun`, the function Eleventy's own
 * change handler calls ("Returns for testability" in Eleventy.js). Returns false when this Eleventy has
 * neither (another version): the server then still rebuilds on edits, only not on deletions.
 */
export function followAddedAndDeleted(elev: unknown, watchRun: unknown): boolean {
  const { watcher, fileSystemSearch } = elev as EleventyInternals;
  if (typeof watchRun !== "function" || !watcher || !fileSystemSearch) return false;
  const run = watchRun as (path: string) => Promise<void>;
  const fromWorkingDir = (path: string): string => toPosix(relative(process.cwd(), resolve(watcher.options?.cwd ?? ".", path)));
  // Eleventy's own listeners ran first with the path as reported; these run before its rebuild starts,
  // which waits for its throttle (a timer) after the event.
  watcher.on("add", (path) => fileSystemSearch.add(fromWorkingDir(path)));
  watcher.on("unlink", (path) => {
    fileSystemSearch.delete(fromWorkingDir(path));
    void run(path);
  });
  // A folder removed as a whole (a year's follow-up folder) gives an unlink for each file and one for itself.
  watcher.on("unlinkDir", (path) => void run(path));
  return true;
}
