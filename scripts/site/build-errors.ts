import { isAbsolute, relative, resolve, sep } from "node:path";
import { projectDir } from "../paths.ts";
import { RootFilesError } from "./run-eleventy.ts";
import { buildErrorMessages } from "../validate/messages.ts";

/** Every message in an error and the errors it wraps (Eleventy nests them as `originalError`). */
function chain(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof Error || (typeof current === "object" && current !== null && "message" in current))
      out.push(String(current.message));
    const next = current as { originalError?: unknown; cause?: unknown };
    current = next.originalError ?? next.cause;
  }
  return out;
}

const toPosix = (p: string): string => p.split(sep).join("/");

/** A template path as the reader finds it: relative to the tool (or the content root), forward slashes. */
function shortPath(path: string, rootDir: string): string {
  const abs = isAbsolute(path) ? path : resolve(path);
  for (const base of [projectDir, rootDir]) {
    const rel = relative(base, abs);
    if (!rel.startsWith("..") && !isAbsolute(rel)) return toPosix(rel);
  }
  return toPosix(path);
}

const AT_LINE = /\(([^()\n]+?\.(?:njk|md|html))\) \[Line (\d+), Column (\d+)\]\s*([^\n]*(?:\n(?!\s*\()[^\n]*)?)/g;
const IN_FILE = /\(([^()\n]+?\.(?:njk|md|html))\)/g;

/**
 * Turns an error from the Eleventy build into one Swedish line with the template, its real line and what
 * went wrong, without a stack trace; undefined for errors that are not about templates or content files.
 * Nunjucks reports the innermost template (an include or a layout) with its own line, which is the line
 * to fix; Eleventy's outer messages only name the page being written.
 */
export function describeBuildError(error: unknown, rootDir: string): string | undefined {
  if (error instanceof RootFilesError) return `build: ${error.message}`;
  const messages = chain(error);
  let located: { file: string; line: number; col: number; detail: string } | undefined;
  for (const message of messages)
    for (const m of message.matchAll(AT_LINE))
      located = { file: m[1] ?? "", line: Number(m[2]), col: Number(m[3]), detail: (m[4] ?? "").replace(/\s+/g, " ").trim() };
  if (located) {
    return buildErrorMessages.template(shortPath(located.file, rootDir), located.line, located.col, located.detail);
  }
  let file: string | undefined;
  for (const message of messages) for (const m of message.matchAll(IN_FILE)) file = m[1];
  if (!file) return undefined;
  const detail = (messages.at(-1) ?? "").split("\n")[0]?.trim() ?? "";
  return buildErrorMessages.templateNoLine(shortPath(file, rootDir), detail);
}
