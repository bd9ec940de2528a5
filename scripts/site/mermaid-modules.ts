import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";

/**
 * The order in which assets/diagram.js evaluates Mermaid's ES modules, one module per browser task
 * (docs/decisions.md §11). Mermaid's entry file imports about twenty chunks statically; imported as one
 * graph, the browser evaluates all of them in a single task that blocks a phone's main thread for
 * hundreds of milliseconds. Imported one by one, dependencies first, each evaluation is its own short task.
 *
 * Paths are relative to Mermaid's `dist/` folder, which the site copies to `assets/mermaid/`.
 */
export interface MermaidModules {
  /** The entry's static import graph, dependencies before dependents; the entry itself last. */
  karna: string[];
  /** What the flowchart diagram and the dagre layout add on top of `karna`, in the same order. */
  flodesschema: string[];
  /** The dagre layout module (its `render` is wrapped to yield between steps), or "" when not found. */
  dagre: string;
}

/** Mermaid's browser entry, relative to dist/. */
export const MERMAID_ENTRY = "mermaid.esm.min.mjs";
const CHUNKS = "chunks/mermaid.esm.min";

// Static imports and re-exports in minified ESM: `import{a as b}from"./x.mjs"`, `import"./x.mjs"`,
// `export{…}from"./x.mjs"`. A dynamic `import("./x.mjs")` has a parenthesis and is left out on purpose:
// Mermaid loads those chunks only for the diagram types a page uses.
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$\s{},*]*?\bfrom\s*)?"(\.{1,2}\/[^"]+\.mjs)"/g;

function staticImports(distDir: string, rel: string): string[] {
  const source = readFileSync(join(distDir, rel), "utf8");
  return Array.from(source.matchAll(STATIC_IMPORT), (m) => posix.normalize(posix.join(posix.dirname(rel), m[1] ?? "")));
}

/** Post-order walk: every module after the modules it imports; `seen` carries over between walks. */
function walk(distDir: string, rel: string, seen: Set<string>, out: string[]): void {
  if (seen.has(rel)) return;
  seen.add(rel);
  for (const dep of staticImports(distDir, rel)) walk(distDir, dep, seen, out);
  out.push(rel);
}

/** The one chunk whose name is `<prefix>-<hash>.mjs`, or undefined (another Mermaid version may name it differently). */
function chunkNamed(distDir: string, prefix: string): string | undefined {
  const dir = join(distDir, CHUNKS);
  if (!existsSync(dir)) return undefined;
  const names = readdirSync(dir).filter((name) => new RegExp(`^${prefix}-[A-Z0-9]+\\.mjs$`).test(name));
  return names.length === 1 ? `${CHUNKS}/${names[0]}` : undefined;
}

/** Reads the import graph of the Mermaid build in `distDir` (node_modules/mermaid/dist). */
export function mermaidModules(distDir: string): MermaidModules {
  const seen = new Set<string>();
  const karna: string[] = [];
  walk(distDir, MERMAID_ENTRY, seen, karna);
  const flodesschema: string[] = [];
  const flow = chunkNamed(distDir, "flowDiagram");
  const dagre = chunkNamed(distDir, "dagre");
  for (const rel of [flow, dagre]) if (rel) walk(distDir, rel, seen, flodesschema);
  return { karna, flodesschema, dagre: dagre ?? "" };
}

/** The browser module assets/mermaid/moduler.js: the lists above as one exported constant. */
export function mermaidModulesScript(distDir: string): string {
  return `// Written by the build (scripts/site/mermaid-modules.ts, docs/decisions.md §11).\nexport const MODULER = ${JSON.stringify(mermaidModules(distDir))};\n`;
}
