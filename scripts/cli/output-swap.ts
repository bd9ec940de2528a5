import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";

/**
 * How a build replaces its output folder `<out>` without ever losing the site:
 *
 * 1. Eleventy and Pagefind write into `<out>.tmp-<pid>`.
 * 2. `<out>` is renamed to `<out>.old-<pid>` (the backup), then `<out>.tmp-<pid>` to `<out>`, then the backup
 *    is removed. Both renames are atomic on one file system, and JavaScript runs them back to back, so a
 *    signal handler can never run between them.
 * 3. Only SIGKILL or a power cut can stop the process between the two renames. Then `<out>` is missing, but
 *    the old site is complete in `<out>.old-<pid>`: the next build (recoverOutput) renames it back before it
 *    does anything else, and removes the leftovers of builds whose process no longer exists.
 *
 * A symlink swap (one atomic rename of a link) would close even that window, but `_site` would then be a
 * link, which some deploy steps copy as a link rather than as the site; the backup keeps `<out>` a folder.
 */

const LEFTOVER = /^(.*)\.(tmp|old)-(\d+)$/;

/** True while a process with this id exists (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Before a build: restores `<out>` from the backup of a build that was killed between its two renames,
 * and removes temporary and backup folders left by builds whose process no longer exists.
 * Returns what it did, in Swedish, for the build's output.
 */
export function recoverOutput(outDir: string): string[] {
  const parent = dirname(outDir);
  const name = basename(outDir);
  if (!existsSync(parent)) return [];
  const notes: string[] = [];
  const leftovers = readdirSync(parent)
    .map((entry) => ({ entry, m: LEFTOVER.exec(entry) }))
    .filter((x): x is { entry: string; m: RegExpExecArray } => x.m !== null && x.m[1] === name && Number(x.m[3]) !== process.pid)
    .filter((x) => !processAlive(Number(x.m[3])));
  const backups = leftovers.filter((x) => x.m[2] === "old");
  const newest = backups.sort((a, b) => Number(b.m[3]) - Number(a.m[3]))[0];
  if (!existsSync(outDir) && newest) {
    renameSync(join(parent, newest.entry), outDir);
    notes.push(`Återställde den förra webbplatsen från ${newest.entry} (ett bygge avbröts mitt i bytet).`);
  }
  for (const { entry } of leftovers) {
    const abs = join(parent, entry);
    if (!existsSync(abs)) continue;
    rmSync(abs, { recursive: true, force: true });
    notes.push(`Tog bort ${entry}, som ett avbrutet bygge lämnade kvar.`);
  }
  return notes;
}

/** Replaces `<out>` with the finished `tmpDir` (see the comment at the top). */
export function swapOutput(tmpDir: string, outDir: string): void {
  const backup = `${outDir}.old-${process.pid}`;
  const hadSite = existsSync(outDir);
  if (hadSite) renameSync(outDir, backup);
  renameSync(tmpDir, outDir);
  if (hadSite) rmSync(backup, { recursive: true, force: true });
}

/**
 * Why `outDir` may not be replaced, or undefined when it may: the build replaces its output folder and the
 * dev server empties it (docs/dev-server.md §5), so a folder that holds the content root or the
 * installation (`--out .`, a slip of the hand) would take the handbook's sources with it.
 */
export function unsafeOutput(outDir: string, keep: readonly string[]): string | undefined {
  const out = resolve(outDir);
  const held = keep.map((dir) => resolve(dir)).find((dir) => dir === out || dir.startsWith(out + sep));
  return held === undefined
    ? undefined
    : `utmappen ${out} innehåller ${held}, som inte får skrivas över. Välj en egen mapp för webbplatsen, till exempel _site.`;
}
