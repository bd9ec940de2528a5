import { resolve } from "node:path";
import { projectDir } from "../paths.ts";

/**
 * The Eleventy configuration file a build loads: `.eleventy.js`, or, when the build runs from the bundle
 * scripts/launch.js made (docs/decisions.md §14), that bundle's copy of it, which shares the build's
 * modules (the model registry, the direct pages, the live search index) instead of loading second copies.
 */
export function eleventyConfigFile(): string {
  const bundled = (globalThis as { fcBundledEleventyConfig?: unknown }).fcBundledEleventyConfig;
  return typeof bundled === "string" ? bundled : resolve(projectDir, ".eleventy.js");
}
