import { execFileSync } from "node:child_process";

/** What the build learns from git, once per build. */
export interface GitInfo {
  /** The content root's path inside the repository, e.g. "examples/exempellan/" ("" at the top). */
  prefix: string;
  /** Last commit date (YYYY-MM-DD) of each file, keyed by path relative to the content root. */
  fileDates: Map<string, string>;
  /** Commit date of HEAD: the build's deterministic "today". */
  headDate?: string;
}

const RECORD = "\x1e";

/**
 * Parses `git log --format=%x1e%cs --name-only` (newest commit first): the first date a file appears
 * under is its last change.
 */
export function parseGitLog(output: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const record of output.split(RECORD)) {
    const [date, ...files] = record.split("\n").map((l) => l.trim());
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    for (const file of files) if (file && !dates.has(file)) dates.set(file, date);
  }
  return dates;
}

function git(rootDir: string, args: string[]): string {
  return execFileSync("git", ["-C", rootDir, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Reads the root's history in one log call (plus two tiny ones); without git or a repository, returns nothing. */
export function readGitInfo(rootDir: string): GitInfo {
  try {
    const prefix = git(rootDir, ["rev-parse", "--show-prefix"]).trim();
    const headDate = git(rootDir, ["log", "-1", "--format=%cs"]).trim() || undefined;
    const log = git(rootDir, ["log", "--relative", "--no-renames", `--format=${RECORD}%cs`, "--name-only", "--", "content", "data"]);
    return { prefix, fileDates: parseGitLog(log), headDate };
  } catch {
    return { prefix: "", fileDates: new Map() };
  }
}
