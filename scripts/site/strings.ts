import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { projectDir } from "../paths.ts";

/** Every interface string the reader sees, in one Swedish file shared by templates and code. */
export type Strings = Record<string, unknown>;

export function loadStrings(): Strings {
  return JSON.parse(readFileSync(resolve(projectDir, "_includes/strings.json"), "utf8")) as Strings;
}

/**
 * Fills `{name}` placeholders in an interface string.
 * @example fill("Lästid {min} min", { min: 4 }) // "Lästid 4 min"
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
