import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import { projectDir } from "../paths.ts";

// ajv, ajv-formats and ajv's standalone module are needed only to compile the schemas. A process that finds
// the compiled validators in .cache/ (below) never loads them, which saves about 45 ms of CPU on every
// `npm run validate` and build (docs/validation-speed.md §4). They are CommonJS, so require() loads them when needed.
interface AjvLibrary {
  Ajv: typeof Ajv;
  _: typeof import("ajv")._;
  addFormats: (ajv: Ajv) => Ajv;
  standaloneCode: (ajv: Ajv, refs: Record<string, string>) => string;
}
function ajvLibrary(): AjvLibrary {
  const ajv = localRequire("ajv") as typeof import("ajv");
  const unwrap = <T>(mod: unknown): T => ((mod as { default?: unknown }).default ?? mod) as T;
  return {
    Ajv: ajv.Ajv,
    _: ajv._,
    addFormats: unwrap<AjvLibrary["addFormats"]>(localRequire("ajv-formats")),
    standaloneCode: unwrap<AjvLibrary["standaloneCode"]>(localRequire("ajv/dist/standalone/index.js")),
  };
}

/** The kinds of source file, each with its own schema in schemas/. */
export type SchemaKind =
  "lan" | "malperiod" | "familjecentral" | "process" | "ordlista" | "kallor" | "lasvagar" | "sida" | "utgava" | "uppfoljning";

// allErrors so a coordinator sees all problems in one run; verbose because the Swedish messages read the
// failing schema (parentSchema) to name the allowed fields and limits.
const OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true } as const;

// Compiling the schemas is most of what the first validation in a process costs (about a second for
// 50 KB of schemas), and every `npm run validate`, build and dev-server start is a new process. So the
// compiled validators are also written as plain JavaScript (ajv's standalone code) to .cache/, under a
// name that hashes the schemas, ajv's version and the options: a later process loads that file instead of
// compiling. A changed schema gives a new name, so a stale file is never used; a cache that cannot be
// written or read only costs the compile.
const CACHE_DIR = join(projectDir, ".cache", "schemas");
const localRequire = createRequire(import.meta.url);

interface SchemaFile {
  kind: string;
  file: string;
  text: string;
}

function schemaFiles(): SchemaFile[] {
  const dir = join(projectDir, "schemas");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".schema.json"))
    .sort()
    .map((file) => ({ kind: file.replace(".schema.json", ""), file, text: readFileSync(join(dir, file), "utf8") }));
}

/** The cache file for exactly these schemas, options and library versions. */
export function cacheFile(files: SchemaFile[]): string {
  const hash = createHash("sha256");
  const version = (pkg: string): string => (localRequire(`${pkg}/package.json`) as { version: string }).version;
  hash.update(JSON.stringify({ ajv: version("ajv"), formats: version("ajv-formats"), options: OPTIONS }));
  for (const f of files) hash.update(`\0${f.file}\0${f.text}`);
  return join(CACHE_DIR, `validatorer-${hash.digest("hex").slice(0, 16)}.cjs`);
}

/** Compiles every schema; with `source`, ajv keeps the generated code so it can be written as a module. */
export function compileValidators(files: SchemaFile[], source = false): { ajv: Ajv; validators: Map<string, ValidateFunction> } {
  const { Ajv, _, addFormats } = ajvLibrary();
  const ajv = new Ajv({
    ...OPTIONS,
    // The standalone module loads the same format checks ajv-formats registers here.
    ...(source && { code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } }),
  });
  addFormats(ajv);
  for (const f of files) ajv.addSchema(JSON.parse(f.text) as object);
  const validators = new Map<string, ValidateFunction>();
  for (const f of files) {
    if (f.kind === "definitioner") continue;
    const fn = ajv.getSchema(f.file);
    if (fn) validators.set(f.kind, fn);
  }
  return { ajv, validators };
}

function loadCached(file: string): Map<string, ValidateFunction> | undefined {
  try {
    const exported = localRequire(file) as Record<string, ValidateFunction>;
    return new Map(Object.entries(exported).filter(([, fn]) => typeof fn === "function"));
  } catch {
    return undefined;
  }
}

/** The validators as a CommonJS module exporting one function per kind (ajv's standalone code). */
export function standaloneSource(ajv: Ajv, validators: Map<string, ValidateFunction>, files: SchemaFile[]): string {
  const ids = Object.fromEntries(files.filter((f) => validators.has(f.kind)).map((f) => [f.kind, f.file]));
  return ajvLibrary().standaloneCode(ajv, ids);
}

function writeCache(file: string, ajv: Ajv, validators: Map<string, ValidateFunction>, files: SchemaFile[]): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written under a unique name and renamed, so parallel processes never read half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, standaloneSource(ajv, validators, files));
    renameSync(tmp, file);
  } catch {
    // A read-only checkout: validation still works, it just compiles again next time.
  }
}

let compiled: Map<string, ValidateFunction> | undefined;

/** The validators, compiled once per process or loaded from the cache. */
function validators(): Map<string, ValidateFunction> {
  if (compiled) return compiled;
  const files = schemaFiles();
  const file = cacheFile(files);
  compiled = loadCached(file);
  if (!compiled) {
    const fresh = compileValidators(files, true);
    writeCache(file, fresh.ajv, fresh.validators, files);
    compiled = fresh.validators;
  }
  return compiled;
}

/** Validates data against one schema and returns ajv's raw errors (empty when valid). */
export function schemaErrors(kind: SchemaKind, data: unknown): ErrorObject[] {
  const validate = validators().get(kind);
  if (!validate) throw new Error(`Schema saknas: ${kind}`);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

/** The JSON schema of a kind, for tools that explain fields (the coordinators' page). */
export function schemaJson(kind: SchemaKind | "definitioner"): Record<string, unknown> {
  return JSON.parse(readFileSync(join(projectDir, "schemas", `${kind}.schema.json`), "utf8")) as Record<string, unknown>;
}

/** For tests: the schema files as this module reads them. */
export const readSchemaFiles = schemaFiles;
