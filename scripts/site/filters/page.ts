import type { Lasvag, Sida } from "../../model/types.ts";
import { readingMinutes } from "../reading-time.ts";
import type { SiteContext } from "../site-context.ts";
import { extractToc, nestToc } from "../toc.ts";
import type { FilterMap } from "./types.ts";

/** Filters about one guidance page: its contents list, dates, sources and reading paths. */
export function pageFilters(ctx: SiteContext): FilterMap {
  const names = ctx.strings.malgrupp as Record<string, string>;
  const byId = (): Map<string, Sida> => new Map(ctx.model().sidor.map((s) => [s.id, s]));
  return {
    toc: (html: string) => nestToc(extractToc(String(html ?? ""))),
    senastUppdaterad: (sida?: Sida) => (sida ? ctx.lastUpdated(sida) : undefined),
    redigeraUrl: (sida?: Sida) => (sida ? ctx.editUrl(sida) : undefined),
    forsenad: (nextReview?: string) => ctx.overdue(nextReview),
    malgruppsnamn: (ids?: string[]) => (ids ?? []).map((id) => names[id] ?? id),
    kallorFor: (ids?: string[] | string) => {
      const wanted = typeof ids === "string" ? [ids] : (ids ?? []);
      const all = ctx.model().källor;
      return wanted.map((id) => all.find((k) => k.id === id)).filter(Boolean);
    },
    term: (id: string) => ctx.model().ordlista.find((t) => t.id === id),
    lasvagarFor: (id?: string) => (id ? ctx.model().läsvägar.filter((v) => v.sidor.includes(id)) : []),
    // A reading path's pages in order with reading times; ids the model does not know are skipped
    // (the validator reports them).
    lasvag: (vag: Lasvag) => {
      const pages = byId();
      const sidor = vag.sidor
        .map((id) => pages.get(id))
        .filter((s): s is Sida => Boolean(s))
        .map((s) => ({ url: s.url, titel: s.titel, sammanfattning: s.sammanfattning, minuter: readingMinutes(s.ord) }));
      return { sidor, minuter: sidor.reduce((sum, s) => sum + s.minuter, 0) };
    },
  };
}
