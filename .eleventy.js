// Composition root: Eleventy is driven by scripts/cli/build.ts and scripts/cli/serve.ts, which
// validate the content root first and pass its model here through FC_ROOT and the model registry.
import { configureDirectories, handbookPlugin, eleventySettings } from "./scripts/site/eleventy-plugin.ts";
import { sitePlugin, siteAddressOf } from "./scripts/site/site-plugin.ts";
import { editionsPlugin } from "./scripts/editions/editions-plugin.ts";
import { samordnarePlugin } from "./scripts/scaffold/samordnare-plugin.ts";
import { progressPlugin } from "./scripts/site/progress-plugin.ts";
import { reportPlugin } from "./scripts/report/report-plugin.ts";
import { currentModel, currentRoot } from "./scripts/site/model-registry.ts";
import { liveIndexPlugin } from "./scripts/site/pagefind.ts";
import { devScopePlugin } from "./scripts/site/dev-scope.ts";

/** @param {import("./scripts/site/eleventy-plugin.ts").EleventyConfig} eleventyConfig */
export default function (eleventyConfig) {
  configureDirectories(eleventyConfig, currentRoot());
  eleventyConfig.addPlugin(handbookPlugin, { rootDir: currentRoot(), model: currentModel });
  const address = siteAddressOf(currentModel());
  eleventyConfig.addPlugin(sitePlugin, { rootDir: currentRoot(), model: currentModel, address });
  eleventyConfig.addPlugin(editionsPlugin, { rootDir: currentRoot(), model: currentModel });
  eleventyConfig.addPlugin(samordnarePlugin, { rootDir: currentRoot(), model: currentModel });
  eleventyConfig.addPlugin(progressPlugin, { model: currentModel });
  eleventyConfig.addPlugin(reportPlugin, { model: currentModel });
  // The dev server's partial rebuilds (docs/dev-server.md); a no-op in every other build.
  eleventyConfig.addPlugin(devScopePlugin);
  // Last, so that search indexes each page as it is written, after every other transform.
  eleventyConfig.addPlugin(liveIndexPlugin);
  // Eleventy takes the base path only from the config's return value (docs/publishing.md).
  return { pathPrefix: address.pathPrefix };
}

export const config = eleventySettings;
