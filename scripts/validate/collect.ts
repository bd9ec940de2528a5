import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { Root } from "../paths.ts";
import type { SchemaKind } from "./schemas.ts";

export interface SourceRef {
  abs: string;
  kind: SchemaKind;
}

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (entry.startsWith(".")) continue;
    const abs = join(dir, entry);
    if (statSync(abs).isDirectory()) out.push(...listFiles(abs, ext));
    else if (entry.endsWith(ext)) out.push(abs);
  }
  return out;
}

const SINGLE_FILES: Record<string, SchemaKind> = {
  "lan.yaml": "lan",
  "process.yaml": "process",
  "ordlista.yaml": "ordlista",
  "kallor.yaml": "kallor",
  "lasvagar.yaml": "lasvagar",
};

/** Every source file of a content root, with the schema that governs it, in a stable order. */
export function collectSources(root: Root): { sources: SourceRef[]; missing: string[]; unknown: string[] } {
  const sources: SourceRef[] = [];
  const missing: string[] = [];
  for (const [name, kind] of Object.entries(SINGLE_FILES)) {
    const abs = join(root.data, name);
    if (existsSync(abs)) sources.push({ abs, kind });
    else missing.push(abs);
  }
  for (const abs of listFiles(join(root.data, "mal"), ".yaml")) sources.push({ abs, kind: "malperiod" });
  for (const abs of listFiles(join(root.data, "familjecentraler"), ".yaml")) sources.push({ abs, kind: "familjecentral" });
  for (const abs of listFiles(join(root.data, "uppfoljning"), ".yaml")) sources.push({ abs, kind: "uppfoljning" });
  for (const abs of listFiles(root.content, ".md")) sources.push({ abs, kind: "sida" });
  const known = new Set(sources.map((s) => s.abs));
  const unknown = [...listFiles(root.data, ".yaml"), ...listFiles(root.data, ".yml")].filter(
    (f) => !known.has(f) && basename(f) !== "utgava.yaml",
  );
  return { sources, missing, unknown };
}
