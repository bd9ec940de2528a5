import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { load } from "js-yaml";
import type { ValidateFunction } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { projectDir } from "../../scripts/paths.ts";
import { cacheFile, compileValidators, readSchemaFiles, standaloneSource } from "../../scripts/validate/schemas.ts";

// The validators a process loads from .cache/ must report exactly what freshly compiled ones report:
// same verdict, same errors, including the schema parts the Swedish messages read.

const work = mkdtempSync(join(tmpdir(), "fc-schema-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const files = readSchemaFiles();

function standaloneValidators(): Record<string, ValidateFunction> {
  const { ajv, validators } = compileValidators(files, true);
  // Inside the project, so the module's require() of ajv's runtime resolves as it does from .cache/.
  mkdirSync(join(projectDir, ".cache"), { recursive: true });
  const dir = mkdtempSync(join(projectDir, ".cache", "test-"));
  const file = join(dir, "validatorer.cjs");
  writeFileSync(file, standaloneSource(ajv, validators, files));
  try {
    return createRequire(import.meta.url)(file) as Record<string, ValidateFunction>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const dataDir = resolve(projectDir, "examples/exempellan/data");
const yaml = (path: string): unknown => load(readFileSync(path, "utf8"));

/** Real files of each kind, and broken copies of them: a field removed, a wrong type, an unknown field. */
function samples(kind: string): unknown[] {
  const real: unknown[] = [];
  if (kind === "familjecentral")
    for (const f of readdirSync(join(dataDir, "familjecentraler")).slice(0, 3)) real.push(yaml(join(dataDir, "familjecentraler", f)));
  else if (kind === "malperiod") for (const f of readdirSync(join(dataDir, "mal"))) real.push(yaml(join(dataDir, "mal", f)));
  else
    try {
      real.push(yaml(join(dataDir, `${kind}.yaml`)));
    } catch {
      // Kinds without a data file of their own (sida, utgava) get only the generic samples.
    }
  const broken = real.flatMap((r) => {
    if (!r || typeof r !== "object" || Array.isArray(r)) return [];
    const keys = Object.keys(r);
    const first = keys[0] ?? "x";
    const without: Record<string, unknown> = { ...r };
    delete without[first];
    return [without, { ...r, [first]: 42 }, { ...r, okändFält: true }, { ...r, [keys[1] ?? "y"]: [null, "", -1] }];
  });
  return [...real, ...broken, {}, null, [], "text", { id: "Fel Id!", datum: "2025-13-45", epost: "inte en adress" }];
}

describe("validators loaded from the schema cache", () => {
  it("name the cache file after the schemas' content", () => {
    expect(cacheFile(files)).toMatch(/validatorer-[0-9a-f]{16}\.cjs$/);
    const changed = files.map((f) => (f.kind === "lan" ? { ...f, text: `${f.text} ` } : f));
    expect(cacheFile(changed)).not.toBe(cacheFile(files));
  });

  it("report the same errors as freshly compiled validators", () => {
    const fresh = compileValidators(files).validators;
    const cached = standaloneValidators();
    expect(Object.keys(cached).sort()).toEqual([...fresh.keys()].sort());
    let compared = 0;
    for (const [kind, validate] of fresh) {
      const other = cached[kind];
      expect(other, kind).toBeTypeOf("function");
      for (const data of samples(kind)) {
        const a = validate(data);
        const b = other?.(data);
        expect(b, `${kind}: ${JSON.stringify(data).slice(0, 80)}`).toBe(a);
        expect(other?.errors ?? null).toEqual(validate.errors ?? null);
        if (!a) compared++;
      }
    }
    // The samples must really exercise errors, not only valid files.
    expect(compared).toBeGreaterThan(30);
  });
});
