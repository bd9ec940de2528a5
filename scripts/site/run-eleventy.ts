import Eleventy from "@11ty/eleventy";
import { resolve } from "node:path";
import { projectDir } from "../paths.ts";
import { timedAsync } from "../build-phases.ts";

/** Runs one Eleventy build of the content root `rootDir` into `outDir`. */
export async function runEleventy(rootDir: string, outDir: string): Promise<void> {
  process.env.FC_ROOT = resolve(rootDir);
  const elev = new Eleventy(resolve(rootDir, "content"), outDir, {
    configPath: resolve(projectDir, ".eleventy.js"),
    quietMode: true,
  });
  // Loading the configuration and its plugins is start-up; rendering and writing the pages is render.
  await timedAsync("start-up", () => elev.init());
  await timedAsync("render", () => elev.write());
}
