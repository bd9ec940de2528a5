import { basename } from "node:path";
import { displayPath, type Root } from "../paths.ts";
import { readText, type TextResult } from "../load/read-text.ts";
import { MAX_FIELD_CHARS, MAX_FILE_BYTES } from "../load/limits.ts";
import { parseYaml, positionOf, type PathSegment, type YamlSource } from "../load/yaml.ts";
import { parseFrontMatter } from "../load/front-matter.ts";
import type { Problem } from "./problem.ts";
import { schemaErrors, type SchemaKind } from "./schemas.ts";
import { fileKindMessages, keyPath, schemaMessages } from "./messages.ts";
import type { SourceRef } from "./collect.ts";

/** A source file that parsed; `valid` says whether it also passed its schema. */
export interface ParsedSource {
  abs: string;
  rel: string;
  kind: SchemaKind;
  /** The file's text as read (for pages: front matter and body). */
  text: string;
  data: unknown;
  yaml: YamlSource;
  valid: boolean;
  /** Markdown body and the line it starts on (guidance pages only). */
  body?: string;
  bodyLine?: number;
}

/** Creates problems against one file, mapping a key path to the line and column of its value. */
export class Reporter {
  readonly problems: Problem[] = [];

  at(
    file: ParsedSource,
    path: PathSegment[],
    rule: string,
    message: string,
    options: { at?: "key" | "value"; severity?: Problem["severity"] } = {},
  ): void {
    const { line, col } = positionOf(file.yaml, path, options.at ?? "value");
    // Every message names its field the same way, whether it came from the schema or a cross-file rule.
    const field = keyPath(path);
    const text = message.startsWith(`${field}:`) || path.length === 0 ? message : `${field}: ${message}`;
    this.problems.push({ file: file.rel, line, col, severity: options.severity ?? "fel", rule, message: text });
  }

  file(rel: string, rule: string, message: string, line = 1, col = 1, severity: Problem["severity"] = "fel"): void {
    this.problems.push({ file: rel, line, col, severity, rule, message });
  }
}

const READ_MESSAGES: Record<Exclude<TextResult, { ok: true }>["reason"], (bytes?: number) => string> = {
  tom: () => "filen är tom. Fyll i den eller ta bort den.",
  "inte-utf8": () => "filen är inte sparad som UTF-8, så å, ä och ö kan bli fel. Spara om filen med teckenkodningen UTF-8.",
  oläsbar: () => "filen kan inte läsas.",
  symlänk: fileKindMessages.symlink,
  "inte-fil": fileKindMessages.notAFile,
  "för-stor": (bytes) => fileKindMessages.tooLarge(bytes ?? MAX_FILE_BYTES + 1, MAX_FILE_BYTES),
};

/** The first text value longer than the limit, found without recursion (a deep document cannot overflow the stack). */
function overlongField(data: unknown): { path: PathSegment[]; length: number } | undefined {
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (value.length > MAX_FIELD_CHARS) return { path, length: value.length };
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    } else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (k.length > MAX_FIELD_CHARS) return { path, length: k.length };
        stack.push({ value: v, path: [...path, k] });
      }
    }
  }
  return undefined;
}

const SCHEMA_LINE = /^# yaml-language-server: \$schema=\S+/;

interface CacheEntry {
  text: string;
  parsed: ParsedSource | undefined;
  problems: Problem[];
  /** The content root it was read for, and the validation that last read it (`forgetVanished`). */
  root: string;
  pass: number;
}

// The dev server re-validates on every edit; files whose text has not changed are not parsed again.
const cache = new Map<string, CacheEntry>();

/** The current validation: every file it reads is stamped with it. */
let pass = 0;

/**
 * Called at the end of a validation of `root`: forgets the cached files of that root it did not read
 * (deleted or renamed since), so that the dev server's cache holds only files that exist
 * (docs/dev-server.md §5). A vanished file is never read from the cache, since only listed files are
 * parsed; this keeps it from holding the text and parse of every file ever deleted while the server runs.
 * A walk comparing numbers: about 1 ms for the 4,500 files of the national-scale bench root.
 */
export function forgetVanished(root: Root): void {
  for (const [key, entry] of cache) if (entry.root === root.dir && entry.pass !== pass) cache.delete(key);
  pass++;
}
/** Reads, parses and schema-checks one file; problems go to the reporter. */
export function parseSource(root: Root, ref: SourceRef, reporter: Reporter): ParsedSource | undefined {
  const read = readText(ref.abs);
  const key = `${ref.kind}\u0000${root.dir}\u0000${ref.abs}`;
  const hit = read.ok ? cache.get(key) : undefined;
  if (read.ok && hit?.text === read.text) {
    hit.pass = pass;
    reporter.problems.push(...hit.problems);
    return hit.parsed;
  }
  const local = new Reporter();
  const parsed = parseUncached(root, ref, read, local);
  reporter.problems.push(...local.problems);
  if (read.ok) cache.set(key, { text: read.text, parsed, problems: local.problems, root: root.dir, pass });
  return parsed;
}

function parseUncached(root: Root, ref: SourceRef, read: TextResult, reporter: Reporter): ParsedSource | undefined {
  const rel = displayPath(root, ref.abs);
  if (!read.ok) {
    const rule =
      { "inte-utf8": "teckenkodning", symlänk: "symlänk", "inte-fil": "filtyp", "för-stor": "storlek" }[read.reason as string] ?? "fil";
    reporter.file(rel, rule, READ_MESSAGES[read.reason](read.bytes));
    return undefined;
  }
  let parsed: ParsedSource;
  if (ref.kind === "sida") {
    const fm = parseFrontMatter(read.text);
    if (!fm.ok) {
      for (const issue of fm.issues) reporter.file(rel, issue.rule, issue.message, issue.line, issue.col);
      return undefined;
    }
    parsed = {
      abs: ref.abs,
      rel,
      kind: ref.kind,
      text: read.text,
      data: fm.data,
      yaml: fm.source,
      valid: true,
      body: fm.body,
      bodyLine: fm.bodyLine,
    };
  } else {
    const result = parseYaml(read.text);
    if (!result.ok) {
      for (const issue of result.issues) reporter.file(rel, issue.rule, issue.message, issue.line, issue.col);
      return undefined;
    }
    parsed = { abs: ref.abs, rel, kind: ref.kind, text: read.text, data: result.data, yaml: result.source, valid: true };
    if (!SCHEMA_LINE.test(read.text)) {
      reporter.file(
        rel,
        "schemarad",
        `första raden ska vara # yaml-language-server: $schema=<sökväg till ${ref.kind}.schema.json>, så att editorn kan hjälpa till. Lägg till raden.`,
        1,
        1,
        "varning",
      );
    }
  }
  if (parsed.data === null || typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
    reporter.file(rel, "typ", `filen ska innehålla fält med nycklar (till exempel id: ${basename(ref.abs).replace(/\.(yaml|md)$/, "")}).`);
    return undefined;
  }
  // Size before schema: ajv's patterns and every later rule then only ever see short texts. A value is
  // never longer than the text it was read from unless an alias (*name) repeats it, so a short file
  // without a `*` needs no walk: that is almost every file (docs/validation-speed.md §3).
  const long = read.text.length <= MAX_FIELD_CHARS && !read.text.includes("*") ? undefined : overlongField(parsed.data);
  if (long) {
    reporter.at(parsed, long.path, "storlek", fileKindMessages.fieldTooLong(long.length, MAX_FIELD_CHARS));
    parsed.valid = false;
    return parsed;
  }
  // Almost every file is valid: its empty error list needs no turning into messages (docs/validation-speed.md §8).
  const errors = schemaErrors(ref.kind, parsed.data);
  if (errors.length === 0) return parsed;
  for (const m of schemaMessages(errors, parsed.data)) {
    reporter.at(parsed, m.path, m.rule, m.message, { at: m.at });
    parsed.valid = false;
  }
  return parsed;
}
