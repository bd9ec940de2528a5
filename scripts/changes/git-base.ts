import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";

/** The base version cannot be read: not a git repository, or the ref does not exist. */
export class RefError extends Error {}

const git = (cwd: string, args: string[]): Buffer =>
  execFileSync("git", ["-C", cwd, ...args], { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 });

/**
 * Writes the content root's data/, content/ and utgavor/ as they were at `ref` into a temporary folder
 * (git show <ref>:<path> per file) and returns that folder, so it can be validated like any root.
 */
export function materializeAt(rootDir: string, ref: string): string {
  const root = resolve(rootDir);
  let top: string;
  try {
    top = git(root, ["rev-parse", "--show-toplevel"]).toString().trim();
  } catch {
    throw new RefError(`${root} ligger inte i ett git-arkiv, så det finns ingen tidigare version att jämföra med.`);
  }
  try {
    git(top, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new RefError(
      `git-referensen ”${ref}” finns inte. Ange en gren, tagg eller commit som finns, till exempel --base origin/main (hämta den först med git fetch).`,
    );
  }
  const prefix = relative(top, root).split(sep).join("/");
  const under = (p: string): string => (prefix ? `${prefix}/${p}` : p);
  const listed = git(top, ["ls-tree", "-r", "-z", "--name-only", ref, "--", under("data"), under("content"), under("utgavor")])
    .toString()
    .split("\0")
    .filter(Boolean);
  const out = join(mkdtempSync(join(tmpdir(), "fc-andringar-")), "bas");
  mkdirSync(out, { recursive: true });
  for (const path of listed) {
    const dest = join(out, prefix ? path.slice(prefix.length + 1) : path);
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, git(top, ["show", `${ref}:${path}`]));
  }
  return out;
}
