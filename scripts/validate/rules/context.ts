import { basename } from "node:path";
import type { ParsedSource, Reporter } from "../parse-sources.ts";
import type { Familjecentral, Kalla, UppfoljningFil, Lan, Lasvag, Malperiod, Process, Sidhuvud, Term } from "../../model/types.ts";

/** What the cross-file rules see: every schema-valid file, typed, plus the reporter. */
export interface RuleContext {
  reporter: Reporter;
  all: ParsedSource[];
  lan?: { file: ParsedSource; data: Lan };
  perioder: { file: ParsedSource; data: Malperiod }[];
  centres: { file: ParsedSource; data: Familjecentral }[];
  /** Year files, data/uppfoljning/<år>/<id>.yaml. */
  years: { file: ParsedSource; data: UppfoljningFil }[];
  process?: { file: ParsedSource; data: Process };
  ordlista?: { file: ParsedSource; data: { termer: Term[] } };
  kallor?: { file: ParsedSource; data: { källor: Kalla[] } };
  lasvagar?: { file: ParsedSource; data: { läsvägar: Lasvag[] } };
  sidor: { file: ParsedSource; data: Sidhuvud }[];
  /** Front matter ids of guidance pages that did not parse or did not pass their schema. */
  brokenPageIds?: Set<string>;
}

export function buildContext(files: ParsedSource[], reporter: Reporter): RuleContext {
  const valid = files.filter((f) => f.valid);
  const of = <T>(kind: ParsedSource["kind"]): { file: ParsedSource; data: T }[] =>
    valid.filter((f) => f.kind === kind).map((file) => ({ file, data: file.data as T }));
  return {
    reporter,
    all: files,
    lan: of<Lan>("lan")[0],
    perioder: of<Malperiod>("malperiod"),
    centres: of<Familjecentral>("familjecentral"),
    years: of<UppfoljningFil>("uppfoljning"),
    process: of<Process>("process")[0],
    ordlista: of<{ termer: Term[] }>("ordlista")[0],
    kallor: of<{ källor: Kalla[] }>("kallor")[0],
    lasvagar: of<{ läsvägar: Lasvag[] }>("lasvagar")[0],
    sidor: of<Sidhuvud>("sida"),
  };
}

/** The file's name without extension: the id a centre or period file must carry. */
export function fileId(file: ParsedSource): string {
  return basename(file.abs).replace(/\.yaml$/, "");
}

/** Reports every repeated value of `key` in a list, pointing at the second occurrence. */
export function reportDuplicates<T>(
  ctx: RuleContext,
  file: ParsedSource,
  items: T[],
  key: (item: T) => string,
  path: (index: number) => (string | number)[],
  what: string,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined)
      ctx.reporter.at(
        file,
        path(index),
        "dubblett",
        `${what} ”${k}” finns redan (post ${first + 1}). Varje id ska vara unikt: byt namn på den ena.`,
      );
    else seen.set(k, index);
  });
}
