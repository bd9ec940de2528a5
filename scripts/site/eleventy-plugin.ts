import { existsSync, lstatSync, realpathSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { grayMatterOptions } from "../load/front-matter.ts";
import type { Handbok } from "../model/types.ts";
import { projectDir } from "../paths.ts";
import { schemaJson } from "../validate/schemas.ts";
import { glossaryPlugin } from "./glossary.ts";
import { createMarkdown } from "./markdown.ts";
import { shared } from "./shared-data.ts";

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
  setDataFileSuffixes(suffixes: string[]): void;
  ignores: Set<string>;
  setQuietMode(quiet: boolean): void;
  on(event: string, fn: (...args: never[]) => unknown): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  addPreprocessor(name: string, extensions: string, fn: (data: never, content: string) => unknown): void;
  [key: string]: unknown;
}

const toPosix = (p: string): string => p.split(sep).join("/");

/**
 * Folders and template formats: Eleventy honours these only in the config file itself, not in plugins
 * (a plugin's setTemplateFormats comes too late and leaves Eleventy's defaults, .html and .11ty.js among
 * them). Layouts live with the tool, not with each content root, so every county gets the same site.
 *
 * A content root is data, never code (docs/sakerhet.md). The validator refuses every file kind the formats
 * do not define, and Eleventy is set up so that it could not run or publish one even if the validator
 * were bypassed:
 * - the only template formats are Markdown and Nunjucks, and every .njk below the content root is ignored:
 *   the project's own Nunjucks pages are virtual templates (addTemplate) and layouts in _includes/;
 * - no template or directory data files (*.11tydata.js, <mapp>.json) are looked up at all, and the global
 *   data folder lies in the tool (it does not exist), not in the content root;
 * - Markdown is never run through a template language, front matter only carries the page schema's fields
 *   (eleventyFrontMatter), and a page that is a link or leads outside the root is refused (outsideRoot).
 * Passthrough copies come only from the tool's own _includes/assets (site-plugin.ts).
 */
export function configureDirectories(eleventyConfig: EleventyConfig, rootDir: string): void {
  const input = resolve(rootDir, "content");
  const inputRel = toPosix(relative(process.cwd(), input)) || ".";
  eleventyConfig.setInputDirectory(inputRel);
  eleventyConfig.setIncludesDirectory(toPosix(relative(input, resolve(projectDir, "_includes"))));
  eleventyConfig.setDataDirectory(toPosix(relative(input, resolve(projectDir, "scripts/site/ingen-globaldata"))));
  eleventyConfig.setTemplateFormats(["md", "njk"]);
  eleventyConfig.ignores.add(`${inputRel}/**/*.njk`);
  eleventyConfig.setDataFileSuffixes([]);
}

/** The page schema's fields: all that a guidance page's front matter may give Eleventy. */
const PAGE_FIELDS = new Set(Object.keys(schemaJson("sida").properties ?? {}));

/** The tool's own layouts chain with `layout: layouts/bas.njk`; a layout outside _includes/layouts/ is never used. */
const OWN_LAYOUT = /^layouts\/[a-z0-9-]+\.njk$/;

/**
 * Front matter of every file Eleventy reads from disk: guidance pages (untrusted) and the tool's layouts.
 * It keeps the page schema's fields and a layout of the tool's own, nothing else, so a page can never
 * steer the build (permalink, pagination, eleventyComputed, a layout path leading into the content root).
 * The tool's generated pages pass their settings as data instead (pages-plugin.ts).
 */
export const eleventyFrontMatter = {
  ...grayMatterOptions,
  engines: {
    ...grayMatterOptions.engines,
    yaml: (text: string): object =>
      Object.fromEntries(
        Object.entries(grayMatterOptions.engines.yaml(text)).filter(
          ([key, value]) =>
            PAGE_FIELDS.has(key) || (key === "layout" && (value === false || (typeof value === "string" && OWN_LAYOUT.test(value)))),
        ),
      ),
  },
};

/** A Markdown page must be a file of the content root itself: a link that leads outside it is never read. */
function outsideRoot(inputPath: string, realRoot: string): boolean {
  const abs = resolve(inputPath);
  if (!existsSync(abs)) return false; // virtual templates have no file
  return lstatSync(abs).isSymbolicLink() || !realpathSync(abs).startsWith(realRoot + sep);
}

/** Wires the handbook into Eleventy: Markdown, front matter parsing and the model as global data. */
export function handbookPlugin(eleventyConfig: EleventyConfig, options: PluginOptions): void {
  const root = resolve(options.rootDir);
  eleventyConfig.setQuietMode(true);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  // Same YAML 1.2 parser as the validator, no JavaScript front matter, no fields that steer the build.
  eleventyConfig.setFrontMatterParsingOptions(eleventyFrontMatter);

  // Defence in depth behind the validator (docs/sakerhet.md).
  const realRoot = realpathSync(root);
  eleventyConfig.addPreprocessor("bara-innehallsroten", "md", (data: { page: { inputPath: string } }) => {
    if (outsideRoot(data.page.inputPath, realRoot))
      throw new Error(
        `${toPosix(relative(root, resolve(data.page.inputPath)))}: filen är en symbolisk länk eller ligger utanför innehållsroten och byggs inte.`,
      );
  });

  const model = options.model;
  const sourceNames = (): Map<string, string> => new Map(model().källor.map((k) => [k.id, k.kortnamn]));
  const md = createMarkdown(sourceNames, () => model().process.steg);
  // Terms and abbreviations from the glossary are explained where they first appear on each page.
  md.use(glossaryPlugin, () => model().ordlista);
  eleventyConfig.setLibrary("md", md);

  eleventyConfig.addGlobalData("handbok", () => shared(model()));
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

/** Eleventy's own settings: Markdown, HTML and data files are never run through a template language. */
export const eleventySettings = {
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
  dataTemplateEngine: false,
};
