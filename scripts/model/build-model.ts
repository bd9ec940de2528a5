import type { RuleContext } from "../validate/rules/context.ts";
import type { Handbok, Sida } from "./types.ts";

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

/** Assembles the typed model from validated files; call only when validation found no errors. */
export function buildModel(rootDir: string, ctx: RuleContext): Handbok {
  const lan = ctx.lan?.data;
  if (!lan) throw new Error("data/lan.yaml saknas");
  const sv = (a: string, b: string): number => a.localeCompare(b, "sv");
  const sidor: Sida[] = ctx.sidor
    .map(({ file, data }) => ({ ...data, fil: file.rel, url: pageUrl(file.rel), ord: countWords(file.body ?? "") }))
    .sort((a, b) => sv(a.url, b.url));
  return {
    rot: rootDir,
    län: lan,
    perioder: ctx.perioder.map(({ file, data }) => ({ ...data, fil: file.rel })).sort((a, b) => a.startår - b.startår),
    familjecentraler: ctx.centres.map(({ file, data }) => ({ ...data, fil: file.rel })).sort((a, b) => sv(a.namn, b.namn)),
    process: ctx.process?.data ?? { steg: [] },
    ordlista: [...(ctx.ordlista?.data.termer ?? [])].sort((a, b) => sv(a.term, b.term)),
    källor: ctx.kallor?.data.källor ?? [],
    läsvägar: ctx.lasvagar?.data.läsvägar ?? [],
    sidor,
  };
}
