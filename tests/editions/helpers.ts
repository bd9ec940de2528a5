import { cpSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir } from "../support/temp.ts";

export const projectRoot = resolve(import.meta.dirname, "../..");
export const minimalRoot = join(projectRoot, "tests/fixtures/minimal");
export const exampleRoot = join(projectRoot, "examples/exempellan");

/** A private copy of a content root in a temporary folder, so tests can freeze and edit freely. */
export function copyRoot(source: string): string {
  const dir = join(tempDir("fc-utgava-"), "rot");
  cpSync(source, dir, { recursive: true });
  return dir;
}
