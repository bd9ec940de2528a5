/**
 * Builds the report form's browser module at build time. The site's CSP forbids `new Function`, which ajv
 * uses to compile schemas, so the year-file schema is compiled here into plain module code with ajv's
 * standalone mode; esbuild then bundles it with the validator's own message functions and rules
 * (scripts/validate/messages.ts, scripts/validate/rules/year-report.ts) into one same-origin ES module.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, _ } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import addFormatsModule from "ajv-formats";
import { build } from "esbuild";
import { projectDir } from "../paths.ts";

// ajv-formats and ajv's standalone module are CommonJS; under NodeNext their default exports arrive wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const toCode = standaloneCode as unknown as (ajv: Ajv, refs?: Record<string, string>) => string;

/** The validator of schemas/uppfoljning.schema.json as ES module source (`export const validate`). */
export function yearValidatorSource(): string {
  // Same options as the CLI validator (scripts/validate/schemas.ts), so both report the same errors.
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    verbose: true,
    code: { source: true, esm: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
  });
  addFormats(ajv);
  for (const name of ["definitioner", "uppfoljning"])
    ajv.addSchema(JSON.parse(readFileSync(join(projectDir, "schemas", `${name}.schema.json`), "utf8")) as object);
  return toCode(ajv, { validate: "uppfoljning.schema.json" });
}

let cached: Promise<string> | undefined;

/** The bundled form script, built once per process. */
export function reportFormBundle(): Promise<string> {
  cached ??= build({
    entryPoints: [join(projectDir, "scripts/report/browser/form.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    legalComments: "none",
    logLevel: "silent",
    plugins: [
      {
        name: "year-validator",
        setup(b) {
          b.onResolve({ filter: /^virtual:year-validator$/ }, () => ({ path: "year-validator", namespace: "year-validator" }));
          b.onLoad({ filter: /.*/, namespace: "year-validator" }, () => ({
            contents: yearValidatorSource(),
            loader: "js",
            resolveDir: projectDir,
          }));
        },
      },
    ],
  }).then((result) => result.outputFiles[0]?.text ?? "");
  return cached;
}
