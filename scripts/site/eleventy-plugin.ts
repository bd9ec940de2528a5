import { relative, resolve, sep } from "node:path";
import { grayMatterOptions } from "../load/front-matter.ts";
import type { Handbok } from "../model/types.ts";
import { projectDir } from "../paths.ts";
import { glossaryPlugin } from "./glossary.ts";
import { createMarkdown } from "./markdown.ts";

/** What the build hands to Eleventy: the content root and a function that returns its validated model. */
export interface PluginOptions {
  rootDir: string;
  model: () => Handbok;
}

// Eleventy's config API is untyped JavaScript; this is the part of it the handbook uses.
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addPassthroughCopy(spec: Record<string, string> | string): void;
  addWatchTarget(path: string): void;
  addTemplate(path: string, content: string, data?: Record<string, unknown>): void;
  setLibrary(name: string, lib: unknown): void;
  setFrontMatterParsingOptions(options: unknown): void;
  setNunjucksEnvironmentOptions(options: unknown): void;
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
  setQuietMode(quiet: boolean): void;
  on(event: string, fn: (...args: never[]) => unknown): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  [key: string]: unknown;
}

const toPosix = (p: string): string => p.split(sep).join("/");

/**
 * Folders: Eleventy allows these only in the config file itself, not in plugins. Layouts live with
 * the tool, not with each content root, so every county gets the same site.
 */
export function configureDirectories(eleventyConfig: EleventyConfig, rootDir: string): void {
  const input = resolve(rootDir, "content");
  eleventyConfig.setInputDirectory(toPosix(relative(process.cwd(), input)) || ".");
  eleventyConfig.setIncludesDirectory(toPosix(relative(input, resolve(projectDir, "_includes"))));
  eleventyConfig.setDataDirectory("_data-ej-anvand");
}

/** Wires the handbook into Eleventy: Markdown, front matter parsing and the model as global data. */
export function handbookPlugin(eleventyConfig: EleventyConfig, options: PluginOptions): void {
  const root = resolve(options.rootDir);
  eleventyConfig.setTemplateFormats(["md", "njk"]);
  eleventyConfig.setQuietMode(true);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  // Same YAML 1.2 parser as the validator, and no JavaScript front matter.
  eleventyConfig.setFrontMatterParsingOptions(grayMatterOptions);

  const model = options.model;
  const sourceNames = (): Map<string, string> => new Map(model().källor.map((k) => [k.id, k.kortnamn]));
  const md = createMarkdown(sourceNames, () => model().process.steg);
  // Terms and abbreviations from the glossary are explained where they first appear on each page.
  md.use(glossaryPlugin, () => model().ordlista);
  eleventyConfig.setLibrary("md", md);

  eleventyConfig.addGlobalData("handbok", () => model());
  eleventyConfig.addGlobalData("layout", "layouts/sida.njk");
  eleventyConfig.addGlobalData("eleventyComputed", {
    // The page's entry in the model (front matter already validated), found by its source file.
    // Archived pages (scripts/editions) bring their own entry as `arkivsida`.
    sida: (data: { page: { inputPath: string }; arkivsida?: unknown }) => {
      if (data.arkivsida) return data.arkivsida;
      const rel = toPosix(relative(root, resolve(data.page.inputPath)));
      return model().sidor.find((s) => s.fil === rel);
    },
  });
  // Relative to the working directory: Eleventy 3 does not notice changes under an absolute watch target
  // outside it (a content root in /tmp, say), so edits to data/ would never rebuild the site.
  eleventyConfig.addWatchTarget(`${toPosix(relative(process.cwd(), resolve(root, "data")))}/`);
}

/** Eleventy's own settings: Markdown and HTML files are never run through a template language. */
export const eleventySettings = {
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
