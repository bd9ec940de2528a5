import { existsSync, lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";

// The frozen editions' layout on disk and what utgava.yaml records. It sits in load/ because both the
// validator (scripts/validate/rules/editions.ts) and the editions feature (scripts/editions/) read it, and
// data flows load → validate → model → views → site (docs/decisions.md §9).

/** One file's correction after freezing, recorded in utgava.yaml. */
export interface Erratum {
  datum: string;
  fil: string;
  beskrivning: string;
  kontrollsumma: string;
}

/** utgava.yaml as the schema (schemas/utgava.schema.json) describes it. */
export interface UtgavaMeta {
  id: string;
  titel: string;
  beslutad: string;
  beslutat_av: string;
  nästa_granskning?: string;
  föregående?: string;
  kontrollsummor: Record<string, string>;
  errata?: Erratum[];
}

/** The folder that holds the frozen editions of a content root. */
export const editionsDir = (rootDir: string): string => join(rootDir, "utgavor");

/** Names of the edition folders under utgavor/, sorted. */
export function editionFolders(rootDir: string): string[] {
  const dir = editionsDir(rootDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith(".") && lstatSync(join(dir, name)).isDirectory()) // links are never followed
    .sort();
}

/** The checksum a file must have now: that of its latest erratum, else the one recorded when frozen. */
export function expectedChecksum(meta: Pick<UtgavaMeta, "kontrollsummor" | "errata">, fil: string): string | undefined {
  const errata = meta.errata?.filter((e) => e.fil === fil) ?? [];
  return errata.at(-1)?.kontrollsumma ?? meta.kontrollsummor[fil];
}
