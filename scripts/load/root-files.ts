import { lstatSync, readdirSync, type Dirent } from "node:fs";
import { join, relative, sep } from "node:path";
import { MAX_FILE_BYTES } from "./limits.ts";
import { fileKindMessages } from "./messages.ts";

/**
 * A content root arrives as pull requests from many coordinators, and CI builds it, so everything in it is
 * untrusted data (docs/sakerhet.md). The formats define exactly which files may be there:
 *
 *   content/**.md                       guidance pages
 *   data/**.yaml                        county, goal and centre data
 *   utgavor/<id>/utgava.yaml            a frozen edition's record
 *   utgavor/<id>/content/**.md          its frozen pages
 *
 * Nothing else may be there: no templates, scripts, HTML, data files for Eleventy, images (no format
 * uses one), and no symbolic links, which could pull in files from outside the root or loop. This walk
 * never follows a link: it reads directory entries without stat-ing through them.
 */

/** The three areas of a content root that the formats define. */
export const AREAS = ["content", "data", "utgavor"] as const;
export type Area = (typeof AREAS)[number];

export interface RootFileProblem {
  /** Path relative to the content root, forward slashes. */
  rel: string;
  rule: string;
  message: string;
}

export interface RootFiles {
  /** Regular files that the formats allow, absolute paths, sorted per area. */
  files: Record<Area, string[]>;
  problems: RootFileProblem[];
}

/** A walk that meets more entries than this is refused rather than left to exhaust memory or time. */
const MAX_ENTRIES = 20_000;
const MAX_DEPTH = 16;
/** Empty placeholder files that keep an empty folder in git; they are never read. */
const PLACEHOLDERS = new Set([".gitkeep"]);

const toPosix = (p: string): string => p.split(sep).join("/");

/**
 * Which extension a file in this position must have, or undefined when no file may be here at all.
 * `folders` are the folders between the area and the file, `name` the file's own name: the walk no longer
 * builds a path array per file (4,600 of them at national scale; docs/validation-speed.md §8).
 */
function allowedExtension(area: Area, folders: string[], name: string): ".md" | ".yaml" | undefined {
  if (area === "content") return ".md";
  if (area === "data") return ".yaml";
  // utgavor/<id>/utgava.yaml or utgavor/<id>/content/**.md
  if (folders.length === 1) return name === "utgava.yaml" ? ".yaml" : undefined;
  if (folders.length >= 2 && folders[1] === "content") return ".md";
  return undefined;
}

/**
 * Lists the files of a content root and reports every entry the formats do not allow. Areas named in
 * `sizeCheckedByCaller` are listed without stat-ing each file: a caller that reads every such file with
 * readText (which refuses a file over the limit with the same message) or stat-s the rest itself saves one
 * system call per file, 4,200 of them at national scale (docs/validation-speed.md §7).
 */
export function scanRoot(rootDir: string, options: { sizeCheckedByCaller?: readonly Area[] } = {}): RootFiles {
  const callerChecks = new Set(options.sizeCheckedByCaller ?? []);
  const files: Record<Area, string[]> = { content: [], data: [], utgavor: [] };
  const problems: RootFileProblem[] = [];
  let entries = 0;
  let truncated = false;
  const rel = (abs: string): string => toPosix(relative(rootDir, abs));

  const walk = (area: Area, dir: string, parts: string[]): void => {
    let list: Dirent[];
    try {
      list = readdirSync(dir, { withFileTypes: true });
    } catch {
      problems.push({ rel: rel(dir) || area, rule: "fil", message: fileKindMessages.unreadableFolder() });
      return;
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of list) {
      if (truncated) return;
      if (++entries > MAX_ENTRIES) {
        truncated = true;
        problems.push({ rel: area, rule: "fil", message: fileKindMessages.tooManyFiles(MAX_ENTRIES) });
        return;
      }
      // Not join(): a directory entry's name has no separator and is never . or .., so concatenating gives
      // the same path without normalising it again, 4,600 times at national scale (docs/validation-speed.md §2).
      const abs = `${dir}${sep}${entry.name}`;
      if (entry.isSymbolicLink()) {
        problems.push({ rel: rel(abs), rule: "symlänk", message: fileKindMessages.symlink() });
      } else if (entry.isDirectory()) {
        if (area === "utgavor" && parts.length === 1 && entry.name !== "content") {
          problems.push({ rel: rel(abs), rule: "filtyp", message: fileKindMessages.editionFolder() });
        } else if (area === "utgavor" && parts.length === 0 && entry.name.startsWith(".")) {
          problems.push({ rel: rel(abs), rule: "filtyp", message: fileKindMessages.hidden() });
        } else if (parts.length + 1 > MAX_DEPTH) {
          problems.push({ rel: rel(abs), rule: "fil", message: fileKindMessages.tooDeep(MAX_DEPTH) });
        } else {
          walk(area, abs, [...parts, entry.name]);
        }
      } else if (!entry.isFile()) {
        problems.push({ rel: rel(abs), rule: "filtyp", message: fileKindMessages.notAFile() });
      } else if (PLACEHOLDERS.has(entry.name)) {
        continue;
      } else {
        const wanted = area === "utgavor" && parts.length === 0 ? undefined : allowedExtension(area, parts, entry.name);
        if (entry.name.startsWith(".")) {
          problems.push({ rel: rel(abs), rule: "filtyp", message: fileKindMessages.hidden() });
        } else if (wanted === undefined) {
          problems.push({ rel: rel(abs), rule: "filtyp", message: fileKindMessages.editionFile() });
        } else if (!entry.name.endsWith(wanted)) {
          problems.push({ rel: rel(abs), rule: "filtyp", message: fileKindMessages.wrongKind(area, entry.name, wanted) });
        } else if (callerChecks.has(area)) {
          files[area].push(abs);
        } else {
          const size = lstatSync(abs).size;
          if (size > MAX_FILE_BYTES)
            problems.push({ rel: rel(abs), rule: "storlek", message: fileKindMessages.tooLarge(size, MAX_FILE_BYTES) });
          else files[area].push(abs);
        }
      }
    }
  };

  for (const area of AREAS) {
    const abs = join(rootDir, area);
    let stat;
    try {
      stat = lstatSync(abs);
    } catch {
      continue; // a missing content/ or data/ is reported by the checks that need it
    }
    if (stat.isSymbolicLink()) problems.push({ rel: area, rule: "symlänk", message: fileKindMessages.symlink() });
    else if (!stat.isDirectory()) problems.push({ rel: area, rule: "filtyp", message: fileKindMessages.notAFolder() });
    else walk(area, abs, []);
  }
  return { files, problems };
}
