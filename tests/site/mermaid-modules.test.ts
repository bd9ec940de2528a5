import { existsSync, readFileSync } from "node:fs";
import { basename, join, posix } from "node:path";
import { describe, expect, it } from "vitest";
import { projectDir } from "../../scripts/paths.ts";
import { MERMAID_ENTRY, mermaidModules, mermaidModulesScript } from "../../scripts/site/mermaid-modules.ts";

// diagram.js evaluates Mermaid's modules one per task in the order mermaid-modules.ts reads from the
// installed Mermaid (docs/decisions.md §11). A module evaluated before one it imports would pull that one
// into its own task again; a module missing from the list would be evaluated inside the entry's task.

const DIST = join(projectDir, "node_modules/mermaid/dist");

/** Every "./x.mjs" the file names, split by whether it is a dynamic import( ) or a static import/export. */
function references(rel: string): { staticRefs: string[]; dynamicRefs: string[] } {
  const source = readFileSync(join(DIST, rel), "utf8");
  const staticRefs: string[] = [];
  const dynamicRefs: string[] = [];
  for (const m of source.matchAll(/"(\.{1,2}\/[^"]+\.mjs)"/g)) {
    const target = posix.normalize(posix.join(posix.dirname(rel), m[1] ?? ""));
    (/import\s*\(\s*$/.test(source.slice(Math.max(0, (m.index ?? 0) - 10), m.index)) ? dynamicRefs : staticRefs).push(target);
  }
  return { staticRefs, dynamicRefs };
}

describe("Mermaid's modules in evaluation order", () => {
  const modules = mermaidModules(DIST);
  const all = [...modules.karna, ...modules.flodesschema];

  it("lists the entry last in the core, every module once, and only files that exist", () => {
    expect(modules.karna.at(-1)).toBe(MERMAID_ENTRY);
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((rel) => !existsSync(join(DIST, rel)))).toEqual([]);
  });

  it("puts every module after each module it imports statically", () => {
    const late: string[] = [];
    all.forEach((rel, index) => {
      for (const dep of references(rel).staticRefs) {
        const at = all.indexOf(dep);
        if (at === -1 || at > index) late.push(`${rel} importerar ${dep} (plats ${at}, själv ${index})`);
      }
    });
    expect(late).toEqual([]);
  });

  it("holds the entry's whole static import graph in the core, and none of the diagram types Mermaid loads lazily", () => {
    const missing = modules.karna.flatMap((rel) => references(rel).staticRefs.filter((dep) => !modules.karna.includes(dep)));
    expect(missing).toEqual([]);
    const lazy = references(MERMAID_ENTRY).dynamicRefs;
    expect(lazy.length).toBeGreaterThan(10);
    expect(modules.karna.filter((rel) => lazy.includes(rel))).toEqual([]);
  });

  it("adds the flowchart diagram and the dagre layout, which Mermaid itself would load lazily", () => {
    const names = modules.flodesschema.map((rel) => basename(rel));
    expect(names.some((name) => /^flowDiagram-\w+\.mjs$/.test(name))).toBe(true);
    expect(modules.dagre).toMatch(/^chunks\/mermaid\.esm\.min\/dagre-\w+\.mjs$/);
    expect(modules.flodesschema).toContain(modules.dagre);
  });

  it("writes the lists as a browser module diagram.js can import", () => {
    const script = mermaidModulesScript(DIST);
    const json = /export const MODULER = (\{.*\});/.exec(script)?.[1] ?? "";
    expect(JSON.parse(json)).toEqual(modules);
  });
});
