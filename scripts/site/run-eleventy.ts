import Eleventy from "@11ty/eleventy";
import { resolve } from "node:path";
import { projectDir } from "../paths.ts";

/** Runs one Eleventy build of the content root `rootDir` into `outDir`. */
export async function runEleventy(rootDir: string, outDir: string): Promise<void> {
  process.env.FC_ROOT = resolve(rootDir);
  const elev = new Eleventy(resolve(rootDir, "content"), outDir, {
    configPath: resolve(projectDir, ".eleventy.js"),
    quietMode: true,
  });
  await elev.write();
}
