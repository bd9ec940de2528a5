import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Prng } from "./prng.ts";
import { runMeasured, type Measured } from "./process.ts";

// cmd.cjs is not in the package's exports map; it sits in the package folder, two levels above src/Eleventy.js.
const eleventyCmd = join(dirname(createRequire(import.meta.url).resolve("@11ty/eleventy")), "..", "cmd.cjs");

const LAYOUT = `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main>{{ content | safe }}</main></body>
</html>
`;

const WORDS = [
  "familjecentral",
  "förälder",
  "barn",
  "samverkan",
  "stöd",
  "hälsa",
  "uppföljning",
  "mål",
  "enkät",
  "verksamhet",
  "öppen",
  "förskola",
];

/**
 * Writes `pages` one-paragraph Markdown pages with a one-file Nunjucks layout: the floor that notes-tech.md
 * describes (bare Eleventy 3, no plugins), so "how much slower than Eleventy itself" has a fixed meaning.
 */
export function writeFloorSite(dir: string, pages: number): { input: string; output: string } {
  rmSync(dir, { recursive: true, force: true });
  const input = join(dir, "src");
  mkdirSync(join(input, "_includes"), { recursive: true });
  writeFileSync(join(input, "_includes", "bas.njk"), LAYOUT);
  const r = new Prng(7);
  for (let i = 0; i < pages; i++) {
    const words = Array.from({ length: 60 }, () => r.pick(WORDS)).join(" ");
    const folder = join(input, `s${Math.floor(i / 100)}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `p${i}.md`), `---\ntitle: Sida ${i}\nlayout: bas.njk\n---\n\n# Sida ${i}\n\n${words}.\n`);
  }
  return { input, output: join(dir, "out") };
}

/**
 * Writes the floor site for `pages` pages once and returns a runner that builds it with Eleventy 3 from
 * node_modules as a child process, into an emptied output folder each time (as the full build writes a
 * fresh folder), so the floor can be measured several times, interleaved with the full build.
 */
export function prepareFloor(dir: string, pages: number): () => Promise<Measured> {
  const { input, output } = writeFloorSite(dir, pages);
  const config = join(dir, "eleventy.config.mjs");
  writeFileSync(config, "export default function () {}\n");
  return () => {
    rmSync(output, { recursive: true, force: true });
    return runMeasured(process.execPath, [eleventyCmd, `--input=${input}`, `--output=${output}`, `--config=${config}`, "--quiet"], {
      cwd: dir,
    });
  };
}
