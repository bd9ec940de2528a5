import { resolve } from "node:path";
import type { Handbok } from "../model/types.ts";
import { projectDir } from "../paths.ts";
import type { EleventyConfig } from "./eleventy-plugin.ts";

export interface SitePluginOptions {
  rootDir: string;
  model: () => Handbok;
}

/** The site around the guidance: assets, filters and the pages generated from data. */
export function sitePlugin(eleventyConfig: EleventyConfig, _options: SitePluginOptions): void {
  eleventyConfig.addPassthroughCopy({ [resolve(projectDir, "_includes/assets")]: "assets" });
}
