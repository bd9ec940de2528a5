import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { projectDir } from "../paths.ts";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** The kinds of source file, each with its own schema in schemas/. */
export type SchemaKind =
  "lan" | "malperiod" | "familjecentral" | "process" | "ordlista" | "kallor" | "lasvagar" | "sida" | "utgava" | "uppfoljning";

let compiled: Map<SchemaKind, ValidateFunction> | undefined;

/** Compiles every schema once per process; allErrors so a coordinator sees all problems in one run. */
function validators(): Map<SchemaKind, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  const dir = join(projectDir, "schemas");
  const files = readdirSync(dir).filter((f) => f.endsWith(".schema.json"));
  for (const file of files) ajv.addSchema(JSON.parse(readFileSync(join(dir, file), "utf8")) as object);
  compiled = new Map();
  for (const file of files) {
    const kind = file.replace(".schema.json", "");
    if (kind === "definitioner") continue;
    const fn = ajv.getSchema(file);
    if (fn) compiled.set(kind as SchemaKind, fn);
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
