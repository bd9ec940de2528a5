import type { RuleContext } from "../validate/rules/context.ts";
import type { Familjecentral, Handbok, Sida, UppfoljningFil, Uppfoljningsar } from "./types.ts";

/**
 * Site URL of a guidance page from its path under content/.
 * @example pageUrl("content/vagledning/uppdrag/index.md") // "/vagledning/uppdrag/"
 */
export function pageUrl(rel: string): string {
  const inner = rel.replace(/^content\//, "").replace(/\.md$/, "");
  const trimmed = inner === "index" ? "" : inner.replace(/\/index$/, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

const countWords = (text: string): number => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/**
 * A centre as the progress code and templates know it: its file plus its year files. Each year file becomes
 * an `uppföljning` entry, and its improvement-work values join the works' `mätningar`, so a centre reads the
 * same whether its years were reported in year files or (before them) in the centre file.
 */
export function withYears(centre: Familjecentral, years: { rel: string; data: UppfoljningFil }[]): Familjecentral {
  const own = years.filter((y) => y.data.familjecentral === centre.id).sort((a, b) => a.data.år - b.data.år);
  return joinYears(centre, own);
}

/** withYears for a centre whose own year files are already picked out and sorted by year. */
function joinYears(centre: Familjecentral, own: { rel: string; data: UppfoljningFil }[]): Familjecentral {
  if (!own.length) return centre;
  const uppföljning: Uppfoljningsar[] = own.map(({ rel, data }) => {
    const year: Uppfoljningsar = { år: data.år, fil: rel };
    if (data.årsberättelse) year.årsberättelse = data.årsberättelse;
    if (data.besöksenkät) year.besöksenkät = data.besöksenkät;
    if (data.samverkansenkät) year.samverkansenkät = data.samverkansenkät;
    if (data.länsmål) year.länsmål = data.länsmål;
    if (data.förbättringsarbeten) year.förbättringsarbeten = data.förbättringsarbeten;
    return year;
  });
  const förbättringsarbeten = centre.förbättringsarbeten?.map((work) => {
    const added = own.flatMap(({ data }) =>
      (data.förbättringsarbeten ?? [])
        .filter((m) => m.id === work.id)
        .map((m) => ({ värde: m.värde, år: data.år, ...(m.datum !== undefined && { datum: m.datum }) })),
    );
    return added.length ? { ...work, mätningar: [...work.mätningar, ...added].sort((a, b) => a.år - b.år) } : work;
  });
  return { ...centre, ...(förbättringsarbeten && { förbättringsarbeten }), uppföljning };
}

/** Assembles the typed model from validated files; call only when validation found no errors. */
export function buildModel(rootDir: string, ctx: RuleContext): Handbok {
  const lan = ctx.lan?.data;
  if (!lan) throw new Error("data/lan.yaml saknas");
  const sv = (a: string, b: string): number => a.localeCompare(b, "sv");
  const sidor: Sida[] = ctx.sidor
    .map(({ file, data }) => ({ ...data, fil: file.rel, url: pageUrl(file.rel), ord: countWords(file.body ?? "") }))
    .sort((a, b) => sv(a.url, b.url));
  // Grouped once by centre: filtering every year file for every centre was 400 × 4,000 comparisons at
  // national scale, about 40 ms of CPU per validation (docs/validation-speed.md §2).
  const yearsOf = new Map<string, { rel: string; data: UppfoljningFil }[]>();
  for (const { file, data } of ctx.years) {
    const list = yearsOf.get(data.familjecentral);
    if (list) list.push({ rel: file.rel, data });
    else yearsOf.set(data.familjecentral, [{ rel: file.rel, data }]);
  }
  for (const list of yearsOf.values()) list.sort((a, b) => a.data.år - b.data.år);
  return {
    rot: rootDir,
    län: lan,
    perioder: ctx.perioder.map(({ file, data }) => ({ ...data, fil: file.rel })).sort((a, b) => a.startår - b.startår),
    familjecentraler: ctx.centres
      .map(({ file, data }) => joinYears({ ...data, fil: file.rel }, yearsOf.get(data.id) ?? []))
      .sort((a, b) => sv(a.namn, b.namn)),
    process: ctx.process?.data ?? { steg: [] },
    ordlista: [...(ctx.ordlista?.data.termer ?? [])].sort((a, b) => sv(a.term, b.term)),
    källor: ctx.kallor?.data.källor ?? [],
    läsvägar: ctx.lasvagar?.data.läsvägar ?? [],
    sidor,
  };
}
