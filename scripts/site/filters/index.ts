import type { EleventyConfig } from "../eleventy-plugin.ts";
import type { SiteContext } from "../site-context.ts";
import { directPages } from "../direct-pages.ts";
import { navigationFilters } from "./navigation.ts";
import { pageFilters } from "./page.ts";
import { textFilters } from "./text.ts";
import type { FilterMap } from "./types.ts";

export type { FilterMap } from "./types.ts";

/** Registers every template filter the layouts use, grouped by concern in this folder. */
export function registerFilters(eleventyConfig: EleventyConfig, ctx: SiteContext): void {
  const all: FilterMap = {
    ...textFilters(ctx),
    ...pageFilters(ctx),
    ...navigationFilters((ctx.strings.brodsmulor as { start: string }).start, directPages(eleventyConfig)),
  };
  for (const [name, fn] of Object.entries(all)) eleventyConfig.addFilter(name, fn as (...args: never[]) => unknown);
}
