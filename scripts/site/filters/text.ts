import { formatDate } from "../dates.ts";
import { fill } from "../strings.ts";
import type { SiteContext } from "../site-context.ts";
import type { FilterMap } from "./types.ts";

/** Text and date formatting. */
export function textFilters(ctx: SiteContext): FilterMap {
  const months = (ctx.strings.datum as { manader: string[] }).manader;
  return {
    fyll: (template: string, values: Record<string, string | number>) => fill(String(template ?? ""), values ?? {}),
    datum: (iso: string) => formatDate(iso, months),
    // Pages with a diagram load Mermaid; all others stay free of it.
    harDiagram: (html: string) => typeof html === "string" && html.includes("diagram--mermaid"),
  };
}
