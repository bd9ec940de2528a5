import type { EleventyConfig } from "../eleventy-plugin.ts";
import type { SiteContext } from "../site-context.ts";
import { navigationFilters } from "./navigation.ts";
import { pageFilters } from "./page.ts";
import { textFilters } from "./text.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nunjucks passes whatever the template has
export type FilterMap = Record<string, (...args: any[]) => unknown>;

/** Registers every template filter the layouts use, grouped by concern in this folder. */
export function registerFilters(eleventyConfig: EleventyConfig, ctx: SiteContext): void {
  const all: FilterMap = {
    ...textFilters(ctx),
    ...pageFilters(ctx),
    ...navigationFilters((ctx.strings.brodsmulor as { start: string }).start),
  };
  for (const [name, fn] of Object.entries(all)) eleventyConfig.addFilter(name, fn as (...args: never[]) => unknown);
}
