import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The fc-handbok installation: schemas, layouts and scripts live here whatever content root is built. */
export const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** A content root: a folder with content/ and data/ (the bundled handbook or the example county). */
export interface Root {
  dir: string;
  content: string;
  data: string;
}

export function rootAt(dir: string): Root {
  const abs = resolve(dir);
  return { dir: abs, content: join(abs, "content"), data: join(abs, "data") };
}

/** Path relative to the root with forward slashes, as shown in messages and GitHub annotations. */
export function displayPath(root: Root, absPath: string): string {
  // Files found by walking the root start with its path; slicing them is much cheaper than relative(),
  // which resolves both paths, and validation names thousands of files (docs/validation-speed.md §2).
  const rel = absPath.startsWith(root.dir + sep) ? absPath.slice(root.dir.length + 1) : relative(root.dir, absPath);
  return sep === "/" ? rel : rel.split(sep).join("/");
}
