import Eleventy from "@11ty/eleventy";
import { resolve } from "node:path";
import { eleventyConfigFile } from "./eleventy-config-file.ts";
import { scanRoot } from "../load/root-files.ts";
import { timedAsync } from "../build-phases.ts";
import { feedLiveIndex, LiveIndex, setLiveIndex } from "./pagefind.ts";

/** A content root that holds files no format defines; the build refuses it before Eleventy reads anything. */
export class RootFilesError extends Error {}

/**
 * Runs one Eleventy build of the content root `rootDir` into `outDir`. The validator has already refused
 * foreign files and links; the build checks again, so that no caller can hand Eleventy a root with a
 * template, a script or a link in it (docs/sakerhet.md). Pagefind indexes each page as it is written
 * (scripts/site/pagefind.ts); `indexSite(outDir)` then finishes and writes the index.
 */
export async function runEleventy(rootDir: string, outDir: string): Promise<void> {
  const { problems } = scanRoot(resolve(rootDir));
  const first = problems[0];
  if (first) throw new RootFilesError(`${first.rel}: ${first.message} Kör npm run validate för hela listan.`);
  await runEleventyUnchecked(rootDir, outDir);
}

/** The Eleventy build alone, without the file check: tests use it to show that Eleventy's own settings hold. */
export async function runEleventyUnchecked(rootDir: string, outDir: string): Promise<void> {
  process.env.FC_ROOT = resolve(rootDir);
  const live = await LiveIndex.open();
  // .eleventy.js adds the plugin that feeds this index last of all (pagefind.ts explains the order).
  feedLiveIndex(live);
  const elev = new Eleventy(resolve(rootDir, "content"), outDir, {
    configPath: eleventyConfigFile(),
    quietMode: true,
  });
  // Eleventy prints its errors with English stack traces; the build reports them itself, in Swedish
  // (build-errors.ts). Warnings still reach the terminal.
  elev.logger.overrideLogger({ log: () => undefined, info: () => undefined, error: () => undefined, warn: (m: string) => console.warn(m) });
  try {
    // Loading the configuration and its plugins is start-up; rendering and writing the pages is render.
    await timedAsync("start-up", () => elev.init());
    await timedAsync("render", () => elev.write());
  } catch (error) {
    await live.abort();
    throw error;
  } finally {
    feedLiveIndex(undefined);
  }
  setLiveIndex(outDir, live);
}
