import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { projectDir } from "../scripts/paths.ts";

// Data flows load → validate → model → views → site (docs/decisions.md §9). The lower layers must not
// reach upward, or a change to a page would ripple into what counts as valid data.
const LOWER: Record<string, string[]> = {
  load: [],
  format: [],
  validate: ["load", "model"],
  model: ["load", "validate"],
};

function importsOf(folder: string): { file: string; target: string }[] {
  const dir = resolve(projectDir, "scripts", folder);
  const found: { file: string; target: string }[] = [];
  const visit = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const abs = join(current, entry.name);
      if (entry.isDirectory()) visit(abs);
      else if (entry.name.endsWith(".ts")) {
        for (const [, spec = ""] of readFileSync(abs, "utf8").matchAll(/from "(\.[^"]+)"/g)) {
          const target = relative(resolve(projectDir, "scripts"), resolve(current, spec)).split("/")[0] ?? "";
          found.push({ file: relative(projectDir, abs), target: target.endsWith(".ts") ? "" : target });
        }
      }
    }
  };
  visit(dir);
  return found;
}

describe("layering of scripts/", () => {
  it.each(Object.entries(LOWER))("scripts/%s imports only from the layers below it", (folder, allowed) => {
    const upward = importsOf(folder)
      .filter(({ target }) => target !== "" && target !== folder && !allowed.includes(target))
      .map(({ file, target }) => `${file} → scripts/${target}/`);

    expect(upward, upward.join("\n")).toEqual([]);
  });
});
