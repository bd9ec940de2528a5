import { CORE_SCHEMA, load as loadFast } from "js-yaml";
import { MAX_FIELD_CHARS } from "./limits.ts";
import { fileKindMessages, yamlMessages } from "./messages.ts";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, YAMLParseError, type Document, type Node } from "yaml";

/** The largest number of alias expansions we accept; real handbook files need none. */
const MAX_ALIASES = 50;

export type PathSegment = string | number;

export interface YamlIssue {
  line: number;
  col: number;
  rule: string;
  message: string;
}

/** A parsed YAML source that still knows where each value came from. */
export interface YamlSource {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** `lineOffset` shifts positions for YAML that sits inside a larger file (front matter). */
  lineOffset: number;
}

export type YamlResult = { ok: true; data: unknown; source: YamlSource } | { ok: false; issues: YamlIssue[] };

const syntaxMessages: Record<string, string> = {
  DUPLICATE_KEY: "nyckeln finns två gånger i samma avsnitt. Ta bort den ena eller byt namn på den.",
  TAB_AS_INDENT: "tabb används som indrag. YAML tillåter bara mellanslag: byt tabbarna mot två mellanslag per nivå.",
  BAD_INDENT: "fel indrag. Rader på samma nivå ska börja i samma kolumn; använd två mellanslag per nivå.",
  BAD_DIRECTIVE: "okänt direktiv som börjar med %. Ta bort raden.",
  MISSING_CHAR: "ett tecken saknas, till exempel ett avslutande citattecken eller en hakparentes.",
  MULTILINE_IMPLICIT_KEY: "en nyckel får inte sträcka sig över flera rader. Kontrollera att varje nyckel följs av kolon på samma rad.",
  BLOCK_AS_IMPLICIT_KEY: "en nyckel saknar kolon eller har fel indrag.",
  UNEXPECTED_TOKEN: "oväntat tecken. Kontrollera kolon, bindestreck och citattecken på raden.",
  MULTIPLE_DOCS: "filen innehåller flera YAML-dokument (---). Behåll bara ett.",
  MULTIPLE_ANCHORS: "ett värde har flera ankare (&). Ta bort alla utom ett.",
  BAD_ALIAS: "en hänvisning (*alias) pekar på ett ankare som inte finns.",
  BAD_SCALAR_START: "värdet börjar med ett tecken som inte får stå först. Sätt värdet inom citattecken.",
  BAD_COLLECTION_TYPE: "fel slags lista eller avsnitt här. Kontrollera indraget.",
  TAG_RESOLVE_FAILED: "värdet kan inte tolkas med den angivna taggen (!). Ta bort taggen.",
  IMPOSSIBLE: "filen kan inte tolkas som YAML.",
};

/** An opening [ or { on the line that is not closed on it, outside quotes and comments (column, 1-based). */
function unclosedFlow(line: string): { char: string; col: number } | undefined {
  const open: { char: string; col: number }[] = [];
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? "";
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || line[i - 1] === " ")) break;
    else if (c === "[" || c === "{") open.push({ char: c, col: i + 1 });
    else if (c === "]" || c === "}") open.pop();
  }
  return open[0];
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * The parser names the place where it gave up, which after a forgotten ] or an odd indentation is the next
 * line and a misleading reason ("fel indrag", "ett tecken saknas"). The error line and the line before it
 * are looked at first for those two common slips, so the message names the real cause and line.
 */
function likelyCause(lines: string[], errorLine: number, lineOffset: number): YamlIssue | undefined {
  const meaningful = (n: number): boolean => {
    const text = lines[n - 1] ?? "";
    return text.trim() !== "" && !text.trimStart().startsWith("#");
  };
  let before = errorLine - 1;
  while (before >= 1 && !meaningful(before)) before--;
  let after = errorLine + 1;
  while (after <= lines.length && !meaningful(after)) after++;
  for (const n of [before, errorLine]) {
    const flow = n >= 1 ? unclosedFlow(lines[n - 1] ?? "") : undefined;
    if (flow) return { line: n, col: flow.col, rule: "yaml", message: yamlMessages.unclosedFlow(flow.char, n + lineOffset) };
  }
  for (const n of [errorLine, after, before]) {
    if (n < 1 || n > lines.length || !meaningful(n)) continue;
    const indent = indentOf(lines[n - 1] ?? "");
    if (indent % 2 === 1) return { line: n, col: 1, rule: "yaml", message: yamlMessages.oddIndent(indent) };
  }
  return undefined;
}

function issueFromError(error: YAMLParseError, text: string, lineOffset: number, lineCounter: LineCounter): YamlIssue {
  const pos = lineCounter.linePos(error.pos[0]);
  if (error.code !== "DUPLICATE_KEY" && error.code !== "TAB_AS_INDENT") {
    const cause = likelyCause(text.split("\n"), pos.line, lineOffset);
    if (cause) return { ...cause, line: cause.line + lineOffset };
  }
  let message = syntaxMessages[error.code] ?? "YAML-syntaxfel. Kontrollera indrag, kolon och citattecken.";
  if (error.code === "DUPLICATE_KEY") {
    // The parser's message does not name the key, so read it from the line it points at.
    const key = /^\s*(?:-\s+)?["']?([^"':]+)["']?\s*:/.exec(text.split("\n")[pos.line - 1] ?? "")?.[1]?.trim();
    if (key) message = `nyckeln ”${key}” finns två gånger i samma avsnitt. Ta bort den ena eller byt namn på den.`;
  }
  return { line: pos.line + lineOffset, col: pos.col, rule: error.code === "DUPLICATE_KEY" ? "dubblett" : "yaml", message };
}

/**
 * One syntax slip makes the parser report a cascade of follow-on errors; a coordinator needs the first
 * cause. Duplicate keys are independent of each other, so all of them are kept.
 */
function rootCauses(errors: YAMLParseError[]): YAMLParseError[] {
  const tabs = errors.filter((e) => e.code === "TAB_AS_INDENT");
  if (tabs.length) return tabs;
  const other = errors.find((e) => e.code !== "DUPLICATE_KEY");
  return other ? [other] : errors;
}

/** Room for a key, indentation and quotes next to the longest value allowed on one line. */
const LINE_SLACK = 200;

/**
 * The first line too long to hold anything but an over-long value. Such a line is refused before parsing:
 * the YAML parser's cost on one huge line of brackets or dashes is large, and no valid file has one.
 */
function overlongLine(text: string): { line: number; length: number } | undefined {
  // No line is longer than the text: a file within the limit (every file of a real county) needs no walk
  // over its lines (docs/validation-speed.md §8).
  if (text.length <= MAX_FIELD_CHARS + LINE_SLACK) return undefined;
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    if (end - start > MAX_FIELD_CHARS + LINE_SLACK) return { line, length: end - start };
    start = end + 1;
  }
  return undefined;
}

/** Keys that would reach JavaScript's prototype machinery when data is copied into objects. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function findForbiddenKeys(node: unknown, source: YamlSource, issues: YamlIssue[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && FORBIDDEN_KEYS.has(key)) {
        const { line, col } = nodePosition(pair.key as Node, source);
        issues.push({
          line,
          col,
          rule: "nyckel",
          message: `nyckeln ”${key}” är inte tillåten eftersom den kan ändra hur programmet fungerar. Ta bort den.`,
        });
      }
      findForbiddenKeys(pair.value, source, issues);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) findForbiddenKeys(item, source, issues);
  }
}

/**
 * Text that js-yaml's core schema reads exactly as the `yaml` package's YAML 1.2 core schema does. Anything
 * that could differ or needs the full parser's checks goes the slow way: anchors and aliases (alias bombs),
 * tags, directives, tabs, prototype keys, and number spellings only js-yaml accepts (binary, `_` digits).
 * Plain text such as "BVC & BMM" also matches; that only costs speed, never correctness.
 *
 * One pattern would say it all: /[&*!%\t]|__proto__|constructor|prototype|\b0b[01]|[0-9]_|_[0-9]|\.(?:inf|nan)\b/i.
 * It is split in three because that alternation of eight branches is tried at every position of every file;
 * a character class, a test that runs only when the text has a `_`, and the remaining words cost less than
 * half of it over a national county's 4,400 files (docs/validation-speed.md §8). The union of the three is
 * exactly the pattern's alternatives (tests/load/yaml-fast-path.test.ts compares them).
 */
const FULL_PARSER_CHARS = /[&*!%\t]/;
const FULL_PARSER_UNDERSCORE = /__proto__|[0-9]_|_[0-9]/i;
const FULL_PARSER_WORDS = /constructor|prototype|\b0b[01]|\.(?:inf|nan)\b/i;
export function needsFullParser(text: string): boolean {
  return FULL_PARSER_CHARS.test(text) || (text.includes("_") && FULL_PARSER_UNDERSCORE.test(text)) || FULL_PARSER_WORDS.test(text);
}

function parseFull(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  // No prettyErrors: it copies the source line into every error, which is quadratic when one long line
  // holds many errors; positions come from the line counter instead, for the errors that are reported.
  const doc = parseDocument(text, { version: "1.2", schema: "core", uniqueKeys: true, prettyErrors: false, lineCounter });
  return { doc, lineCounter };
}

/**
 * A source whose positions are computed only when a problem needs one: most files never report any.
 * A class rather than an object of closures: tsx (esbuild's keepNames) wraps every arrow function created
 * per call in a naming helper, which at 4,400 files cost about 10 ms of a first validation
 * (docs/validation-speed.md §7).
 */
class LazySource implements YamlSource {
  readonly #text: string;
  readonly lineOffset: number;
  #full: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  constructor(text: string, lineOffset: number) {
    this.#text = text;
    this.lineOffset = lineOffset;
  }
  get doc(): Document.Parsed {
    return (this.#full ??= parseFull(this.#text)).doc;
  }
  get lineCounter(): LineCounter {
    return (this.#full ??= parseFull(this.#text)).lineCounter;
  }
}

/**
 * Parses YAML 1.2 (core schema: `no` stays a string, dates stay strings), rejecting duplicate keys,
 * alias bombs and prototype keys, and keeps the document so that every value can be traced to a line.
 *
 * Speed: the `yaml` package's document model costs about 3 ms per centre file, which made validating
 * 400 centres take seconds. Plain files are therefore read with js-yaml (about 20 times faster) and the
 * document with positions is built only when a message needs a line. Whenever js-yaml refuses the text
 * (syntax error, duplicate key, several documents) the full parser runs and reports the error as before.
 */
export function parseYaml(text: string, lineOffset = 0): YamlResult {
  const long = overlongLine(text);
  if (long)
    return {
      ok: false,
      issues: [
        { line: long.line + lineOffset, col: 1, rule: "storlek", message: fileKindMessages.lineTooLong(long.length, MAX_FIELD_CHARS) },
      ],
    };
  if (!needsFullParser(text)) {
    try {
      return { ok: true, data: loadFast(text, { schema: CORE_SCHEMA }) ?? null, source: new LazySource(text, lineOffset) };
    } catch {
      // Fall through: the full parser gives the Swedish message with line and column.
    }
  }
  const { doc, lineCounter } = parseFull(text);
  const source: YamlSource = { doc, lineCounter, lineOffset };
  if (doc.errors.length > 0)
    return { ok: false, issues: rootCauses(doc.errors).map((e) => issueFromError(e, text, lineOffset, lineCounter)) };
  const issues: YamlIssue[] = [];
  findForbiddenKeys(doc.contents, source, issues);
  if (issues.length > 0) return { ok: false, issues };
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIASES }), source };
  } catch (error) {
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `filen använder för många hänvisningar (*alias), mer än ${MAX_ALIASES}. Skriv ut värdena i stället för att hänvisa till dem.`
        : "filen kan inte tolkas som YAML.";
    return { ok: false, issues: [{ line: 1 + lineOffset, col: 1, rule: "yaml", message }] };
  }
}

function nodePosition(node: Node | null | undefined, source: YamlSource): { line: number; col: number } {
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 1 + source.lineOffset, col: 1 };
  const pos = source.lineCounter.linePos(offset);
  return { line: pos.line + source.lineOffset, col: pos.col };
}

/**
 * Finds the line and column of the value at `path` (or of its key when `at` is "key"), falling back
 * to the nearest ancestor that exists, so that a missing property points at the object that lacks it.
 */
export function positionOf(source: YamlSource, path: PathSegment[], at: "value" | "key" = "value"): { line: number; col: number } {
  let node: unknown = source.doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number" && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      break;
    }
  }
  const target = at === "key" && keyNode ? keyNode : (node ?? keyNode);
  return nodePosition(target as Node, source);
}
