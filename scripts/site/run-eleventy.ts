import Eleventy from "@11ty/eleventy";
import { resolve } from "node:path";
import { projectDir } from "../paths.ts";
import { timedAsync } from "../build-phases.ts";
import { LiveIndex, liveIndexPlugin, setLiveIndex } from "./pagefind.ts";
import type { EleventyConfig } from "./eleventy-plugin.ts";

/**
 * Runs one Eleventy build of the content root `rootDir` into `outDir`. Pagefind indexes each page as it is
 * written (scripts/site/pagefind.ts); `indexSite(outDir)` then finishes and writes the index.
 */
export async function runEleventy(rootDir: string, outDir: string): Promise<void> {
  process.env.FC_ROOT = resolve(rootDir);
  const live = await LiveIndex.open();
  const elev = new Eleventy(resolve(rootDir, "content"), outDir, {
    configPath: resolve(projectDir, ".eleventy.js"),
    quietMode: true,
    // As a plugin, its transform runs after Eleventy's HTML transformer (which applies base paths) and
    // after any transform .eleventy.js adds directly, so Pagefind gets the HTML that is written to disk.
    config: (eleventyConfig: EleventyConfig) => eleventyConfig.addPlugin(liveIndexPlugin, live),
  });
  try {
    // Loading the configuration and its plugins is start-up; rendering and writing the pages is render.
    await timedAsync("start-up", () => elev.init());
    await timedAsync("render", () => elev.write());
  } catch (error) {
    await live.abort();
    throw error;
  }
  setLiveIndex(outDir, live);
}
