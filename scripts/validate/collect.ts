import { basename, join, sep } from "node:path";
import type { Root } from "../paths.ts";
import { scanRoot, type RootFileProblem } from "../load/root-files.ts";
import type { SchemaKind } from "./schemas.ts";

export interface SourceRef {
  abs: string;
  kind: SchemaKind;
}

const SINGLE_FILES: Record<string, SchemaKind> = {
  "lan.yaml": "lan",
  "process.yaml": "process",
  "ordlista.yaml": "ordlista",
  "kallor.yaml": "kallor",
  "lasvagar.yaml": "lasvagar",
};

// A prefix test, not path.relative(): the scan's paths are join()ed from the same root, and relative()
// resolved both paths for each of 4,000 files three times over (docs/validation-speed.md §2).
const under = (dir: string, abs: string): boolean => abs.startsWith(dir + sep);

/**
 * Every source file of a content root, with the schema that governs it, in a stable order. Only the file
 * kinds the formats define are listed (scripts/load/root-files.ts); everything else is in `rejected`.
 */
export function collectSources(root: Root): {
  sources: SourceRef[];
  missing: string[];
  unknown: string[];
  rejected: RootFileProblem[];
} {
  const scan = scanRoot(root.dir);
  const sources: SourceRef[] = [];
  const missing: string[] = [];
  const dataFiles = new Set(scan.files.data);
  for (const [name, kind] of Object.entries(SINGLE_FILES)) {
    const abs = join(root.data, name);
    if (dataFiles.has(abs)) sources.push({ abs, kind });
    // A file (or data/ itself) that was refused already has its message; "missing" would only add noise.
    else if (!scan.problems.some((p) => p.rel === `data/${name}` || p.rel === "data")) missing.push(abs);
  }
  for (const abs of scan.files.data.filter((f) => under(join(root.data, "mal"), f))) sources.push({ abs, kind: "malperiod" });
  for (const abs of scan.files.data.filter((f) => under(join(root.data, "familjecentraler"), f)))
    sources.push({ abs, kind: "familjecentral" });
  for (const abs of scan.files.data.filter((f) => under(join(root.data, "uppfoljning"), f))) sources.push({ abs, kind: "uppfoljning" });
  for (const abs of scan.files.content) sources.push({ abs, kind: "sida" });
  const known = new Set(sources.map((s) => s.abs));
  const unknown = scan.files.data.filter((f) => !known.has(f) && basename(f) !== "utgava.yaml");
  return { sources, missing, unknown, rejected: scan.problems };
}
