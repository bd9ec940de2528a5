import { readdirSync, rmdirSync, rmSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

/**
 * The pages and downloads the dev server's rebuilds wrote into its output folder (docs/dev-server.md §5).
 * Eleventy writes over its output folder and never removes a file, so without this a page whose source was
 * deleted or renamed would stay in the folder: served at its old address and found by search, which
 * indexes the whole folder. A whole rebuild writes every page the site has, so an earlier rebuild's page
 * that it did not write has no source any more, and is removed. Only files a rebuild is known to have
 * written are ever removed: the copied assets and the search index are written by others and left alone.
 */
export class DevOutputs {
  private known = new Set<string>();

  constructor(private readonly outDir: string) {}

  /** Part of the site was rendered again (docs/dev-server.md §2): these files belong to it from now on. */
  add(files: Iterable<string>): void {
    for (const file of files) this.known.add(resolve(file));
  }

  /**
   * A whole rebuild wrote `files`: every file an earlier rebuild wrote and this one did not is removed,
   * with the folders that leaves empty. Returns the removed files.
   */
  replace(files: Iterable<string>): string[] {
    const now = new Set<string>();
    for (const file of files) now.add(resolve(file));
    const gone = [...this.known].filter((file) => !now.has(file) && this.inside(file));
    for (const file of gone) {
      rmSync(file, { force: true });
      this.removeEmptyFolders(dirname(file));
    }
    this.known = now;
    return gone;
  }

  private inside(file: string): boolean {
    const rel = relative(resolve(this.outDir), file);
    return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  }

  /** Removes `dir` and its parents up to (not including) the output folder while they are empty. */
  private removeEmptyFolders(dir: string): void {
    const top = resolve(this.outDir);
    for (let d = dir; d !== top && this.inside(d); d = dirname(d)) {
      try {
        if (readdirSync(d).length > 0) return;
        rmdirSync(d);
      } catch {
        return; // already gone, or written to again meanwhile: either way not this rebuild's to remove
      }
    }
  }
}
