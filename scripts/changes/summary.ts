import type { Enhet, Familjecentral, Handbok, Malperiod, Tolkningar } from "../model/types.ts";
import { editionFolders } from "../editions/model.ts";
import { compareVersions, currentComparables } from "../editions/view.ts";
import { centreSeries, type Serie } from "./series.ts";
import { newYearFiles, yearFileLines } from "./year-summary.ts";

/** One side of the comparison: a validated model and where its files are. */
export interface Snapshot {
  handbok: Handbok;
  rootDir: string;
}

const number = (n: number): string => String(n).replace(".", ",");
const withUnit = (n: number, enhet: Enhet): string => (enhet === "procent" ? `${number(n)} %` : number(n));
const show = (v: unknown): string => {
  if (v === undefined || v === null) return "–";
  if (Array.isArray(v)) return v.map((x) => show(x)).join(", ");
  if (typeof v === "object") return JSON.stringify(v);
  if (typeof v === "number") return number(v);
  return typeof v === "string" ? v : JSON.stringify(v);
};
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const FACTS: (keyof Familjecentral)[] = [
  "namn",
  "andra_namn",
  "kommun",
  "typ",
  "samlokalisering",
  "verksamheter",
  "andra_aktörer",
  "storlek",
  "källor",
  "kontakt",
];

/**
 * Interpretation marks added, changed or removed on one object (a centre or one improvement work). A
 * reviewer must see them: a mark is what tells readers a value is the handbook's reading, not a source's
 * (docs/kallor-och-tolkningar.md).
 */
export function interpretationChanges(was: Tolkningar | undefined, now: Tolkningar | undefined, what = ""): string[] {
  const before = was ?? {};
  const after = now ?? {};
  const of = (field: string): string => `tolkning av ${field.replace(/_/g, " ")}${what}`;
  const lines: string[] = [];
  for (const [field, reason] of Object.entries(after)) {
    if (reason === undefined) continue;
    const prev = before[field];
    if (prev === undefined) lines.push(`ny ${of(field)}: ”${reason}”`);
    else if (prev !== reason) lines.push(`${of(field)} ändrad: ”${prev}” → ”${reason}”`);
  }
  for (const [field, reason] of Object.entries(before))
    if (reason !== undefined && after[field] === undefined) lines.push(`${of(field)} borttagen (var ”${reason}”)`);
  return lines;
}

/**
 * The Swedish lines describing what changed at one centre. Years whose file is new (`reported`) are
 * described by the year-file section instead, so their values are not listed twice.
 */
export function centreChanges(
  before: Snapshot,
  after: Snapshot,
  was: Familjecentral,
  now: Familjecentral,
  reported: ReadonlySet<number> = new Set(),
): string[] {
  const lines: string[] = [];
  for (const key of FACTS)
    if (!same(was[key], now[key])) lines.push(`${String(key).replace(/_/g, " ")}: ${show(was[key])} → ${show(now[key])}`);
  lines.push(...interpretationChanges(was.tolkningar, now.tolkningar));
  const oldWorks = new Map((was.förbättringsarbeten ?? []).map((w) => [w.id, w]));
  for (const work of now.förbättringsarbeten ?? [])
    lines.push(...interpretationChanges(oldWorks.get(work.id)?.tolkningar, work.tolkningar, ` i förbättringsarbetet ”${work.mål}”`));

  const oldSeries = new Map(centreSeries(before.handbok, was).map((s) => [s.key, s]));
  for (const serie of centreSeries(after.handbok, now)) {
    const old: Serie | undefined = oldSeries.get(serie.key);
    const parts: string[] = [];
    let fromNewFiles = false;
    for (const [year, value] of [...serie.värden].sort((a, b) => a[0] - b[0])) {
      const prev = old?.värden.get(year);
      if (prev === undefined && reported.has(year)) fromNewFiles = true;
      else if (prev === undefined) parts.push(`nytt mätvärde ${year} för ”${serie.namn}”: ${withUnit(value, serie.enhet)}`);
      else if (prev !== value)
        parts.push(`mätvärde ${year} för ”${serie.namn}” ${withUnit(prev, serie.enhet)} → ${withUnit(value, serie.enhet)}`);
    }
    for (const [year, value] of old?.värden ?? [])
      if (!serie.värden.has(year)) parts.push(`mätvärde ${year} för ”${serie.namn}” borttaget (var ${withUnit(value, serie.enhet)})`);
    const statusChanged = (old ? old.status !== serie.status : serie.status !== "Underlag saknas") && (parts.length > 0 || !fromNewFiles);
    if (statusChanged) parts.push(`status ${old?.status ?? "–"} → ${serie.status}${parts.length ? "" : ` för ”${serie.namn}”`}`);
    if (parts.length) lines.push(parts.join("; "));
  }
  for (const key of oldSeries.keys())
    if (!centreSeries(after.handbok, now).some((s) => s.key === key))
      lines.push(`uppföljningen av ”${oldSeries.get(key)?.namn}” är borttagen`);

  const oldYears = new Map((was.uppföljning ?? []).map((y) => [y.år, y]));
  for (const year of now.uppföljning ?? []) {
    if (reported.has(year.år)) continue;
    const prev = oldYears.get(year.år);
    if (!prev) lines.push(`nytt uppföljningsår ${year.år}`);
    const sent = year.årsberättelse?.inlämnad ?? null;
    const wasSent = prev?.årsberättelse?.inlämnad ?? null;
    if (sent !== wasSent)
      lines.push(
        sent
          ? `årsberättelse för ${year.år} inlämnad ${sent}${wasSent ? ` (tidigare ${wasSent})` : ""}`
          : `årsberättelse för ${year.år} markerad som inte inlämnad`,
      );
    if (!same(prev?.besöksenkät, year.besöksenkät))
      lines.push(`besöksenkät ${year.år}: ${year.besöksenkät ? `${year.besöksenkät.antal_svar} svar` : "borttagen"}`);
    if (!same(prev?.samverkansenkät, year.samverkansenkät))
      lines.push(
        `samverkansenkät ${year.år}: ${year.samverkansenkät ? `${year.samverkansenkät.antal_svar ?? "okänt antal"} svar, nio faktorer` : "borttagen"}`,
      );
    const activities = (y: typeof year | undefined): string[] => (y?.länsmål ?? []).flatMap((m) => m.aktiviteter ?? []);
    const added = activities(year).filter((a) => !activities(prev).includes(a));
    if (added.length) lines.push(`nya aktiviteter ${year.år}: ${added.join("; ")}`);
  }
  for (const year of was.uppföljning ?? [])
    if (!(now.uppföljning ?? []).some((y) => y.år === year.år)) lines.push(`uppföljningsår ${year.år} borttaget`);
  return lines;
}

function periodChanges(was: Malperiod | undefined, now: Malperiod | undefined): string[] {
  const id = now?.id ?? was?.id ?? "";
  if (!was) return [`Ny målperiod ${id} (${now?.status ?? ""}).`];
  if (!now) return [`Målperioden ${id} är borttagen.`];
  const lines: string[] = [];
  if (was.status !== now.status) lines.push(`status ${was.status} → ${now.status}`);
  if (!same(was.beslut, now.beslut)) lines.push(`beslut: ${now.beslut ? `${now.beslut.beslutat_av}, ${now.beslut.datum}` : "borttaget"}`);
  const goals = (p: Malperiod) => new Map(p.fokusområden.flatMap((f) => f.mål).map((m) => [m.id, m]));
  const [g0, g1] = [goals(was), goals(now)];
  for (const [gid, goal] of g1) {
    const old = g0.get(gid);
    if (!old) {
      lines.push(`nytt mål ”${goal.namn}”`);
      continue;
    }
    if (old.namn !== goal.namn) lines.push(`målet ”${old.namn}” heter nu ”${goal.namn}”`);
    const ind0 = new Map(old.indikatorer.map((i) => [i.id, i]));
    for (const ind of goal.indikatorer) {
      const prev = ind0.get(ind.id);
      if (!prev) lines.push(`ny indikator ”${ind.namn}” under ”${goal.namn}”`);
      else if (!same(prev.länsmål, ind.länsmål))
        lines.push(`länsmål för ”${ind.namn}” ${show(prev.länsmål?.värde)} → ${show(ind.länsmål?.värde)}`);
      else if (!same(prev, ind)) lines.push(`indikatorn ”${ind.namn}” är ändrad`);
    }
    for (const prev of old.indikatorer)
      if (!goal.indikatorer.some((i) => i.id === prev.id)) lines.push(`indikatorn ”${prev.namn}” är borttagen`);
  }
  for (const [gid, goal] of g0) if (!g1.has(gid)) lines.push(`målet ”${goal.namn}” är borttaget`);
  if (!lines.length && !same({ ...was, fil: "" }, { ...now, fil: "" })) lines.push("texter ändrade");
  return lines.map((l) => `Målperiod ${id}: ${l}.`);
}

/** The Swedish Markdown summary of what a change does to the handbook's data and guidance. */
export function changeSummary(before: Snapshot | undefined, after: Snapshot, baseLabel: string): string {
  const empty: Snapshot = { handbok: { ...after.handbok, familjecentraler: [], perioder: [], sidor: [] }, rootDir: after.rootDir };
  const base = before ?? empty;
  const out: string[] = [`## Vad ändringen gör med handbokens uppgifter`, "", `Jämfört med ${baseLabel}.`, ""];
  const sections: [string, string[]][] = [];

  const wasCentres = new Map(base.handbok.familjecentraler.map((c) => [c.id, c]));
  const nowCentres = new Map(after.handbok.familjecentraler.map((c) => [c.id, c]));
  const added = newYearFiles(base.handbok, after.handbok);
  sections.push(["Nya uppföljningar", added.flatMap((file) => yearFileLines(file, base.handbok, after.handbok))]);
  const reportedBy = (id: string): Set<number> => new Set(added.filter((f) => f.centre.id === id).map((f) => f.year.år));
  const centreLines: string[] = [];
  for (const c of after.handbok.familjecentraler)
    if (!wasCentres.has(c.id)) centreLines.push(`- Ny familjecentral: **${c.namn}** (${c.fil}).`);
  for (const c of base.handbok.familjecentraler) if (!nowCentres.has(c.id)) centreLines.push(`- Borttagen familjecentral: **${c.namn}**.`);
  for (const c of after.handbok.familjecentraler) {
    const was = wasCentres.get(c.id);
    if (!was) continue;
    const short = c.namn.replace(/^Familjecentralen\s+/, "");
    for (const line of centreChanges(base, after, was, c, reportedBy(c.id))) centreLines.push(`- ${short}: ${line}`);
  }
  sections.push(["Familjecentraler", centreLines]);

  const periodIds = [...new Set([...base.handbok.perioder, ...after.handbok.perioder].map((p) => p.id))].sort();
  sections.push([
    "Länsgemensamma mål",
    periodIds.flatMap((id) => {
      const was = base.handbok.perioder.find((p) => p.id === id);
      const now = after.handbok.perioder.find((p) => p.id === id);
      return same(was && { ...was, fil: "" }, now && { ...now, fil: "" }) ? [] : periodChanges(was, now).map((l) => `- ${l}`);
    }),
  ]);

  const pages = compareVersions(
    currentComparables(base.rootDir, base.handbok.sidor),
    currentComparables(after.rootDir, after.handbok.sidor),
  );
  const pageLines = [
    ...pages.tillagda.map((p) => `- Ny sida: ${p.titel} (${p.url ?? ""}).`),
    ...pages.ändrade.map((p) => `- Ändrad sida: ${p.titel} (${p.url ?? ""})${p.flyttadFrån ? `, flyttad från ${p.flyttadFrån}` : ""}.`),
    ...pages.borttagna.map((p) => `- Borttagen sida: ${p.titel} (id ${p.id}).`),
  ];
  const oldEditions = new Set(before ? editionFolders(before.rootDir) : []);
  for (const id of editionFolders(after.rootDir)) if (!oldEditions.has(id)) pageLines.push(`- Ny fryst utgåva: ${id}.`);
  sections.push(["Vägledningen", pageLines]);

  let any = false;
  for (const [title, lines] of sections) {
    if (!lines.length) continue;
    any = true;
    out.push(`### ${title}`, "", ...lines, "");
  }
  if (!any) out.push("Ändringen påverkar inte familjecentralernas uppgifter, målen eller vägledningens sidor.", "");
  return out.join("\n");
}
