import { lstatSync } from "node:fs";
import { basename, join, sep } from "node:path";
import { displayPath, type Root } from "../paths.ts";
import { MAX_FILE_BYTES } from "../load/limits.ts";
import { fileKindMessages } from "../load/messages.ts";
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
// resolved both paths for each of 4,000 files three times over (docs/validation-speed.md §2). The prefix
// is built once by the caller: `dir + sep` per call made and flattened a new string 13,000 times (§8 there).
const under = (prefix: string, abs: string): boolean => abs.startsWith(prefix);

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
  // Every data file the validation reads goes through readText, which refuses one over the size limit with
  // the scan's own message; the few it does not read are stat-ed below (docs/validation-speed.md §7).
  const scan = scanRoot(root.dir, { sizeCheckedByCaller: ["data"] });
  const sources: SourceRef[] = [];
  const missing: string[] = [];
  const dataFiles = new Set(scan.files.data);
  for (const [name, kind] of Object.entries(SINGLE_FILES)) {
    const abs = join(root.data, name);
    if (dataFiles.has(abs)) sources.push({ abs, kind });
    // A file (or data/ itself) that was refused already has its message; "missing" would only add noise.
    else if (!scan.problems.some((p) => p.rel === `data/${name}` || p.rel === "data")) missing.push(abs);
  }
  // Each folder is joined once, not once per file: join() normalises its result, 13,000 times at national scale.
  const goalsDir = join(root.data, "mal") + sep;
  const centresDir = join(root.data, "familjecentraler") + sep;
  const yearsDir = join(root.data, "uppfoljning") + sep;
  for (const abs of scan.files.data.filter((f) => under(goalsDir, f))) sources.push({ abs, kind: "malperiod" });
  for (const abs of scan.files.data.filter((f) => under(centresDir, f))) sources.push({ abs, kind: "familjecentral" });
  for (const abs of scan.files.data.filter((f) => under(yearsDir, f))) sources.push({ abs, kind: "uppfoljning" });
  for (const abs of scan.files.content) sources.push({ abs, kind: "sida" });
  const known = new Set(sources.map((s) => s.abs));
  const unread = scan.files.data.filter((f) => !known.has(f));
  const rejected = [...scan.problems];
  const small: string[] = [];
  for (const abs of unread) {
    const size = lstatSync(abs).size;
    if (size > MAX_FILE_BYTES)
      rejected.push({ rel: displayPath(root, abs), rule: "storlek", message: fileKindMessages.tooLarge(size, MAX_FILE_BYTES) });
    else small.push(abs);
  }
  const unknown = small.filter((f) => basename(f) !== "utgava.yaml");
  return { sources, missing, unknown, rejected };
}
