import type { Familjecentral, Handbok, Uppfoljningsar } from "../model/types.ts";
import { formatNumber, formatValue } from "../format/sv.ts";
import { quotaNote } from "../validate/rules/year-report.ts";
import { centreSeries, type Serie } from "./series.ts";

/** A year file that the change adds: which centre and year, and the file. */
export interface NewYearFile {
  centre: Familjecentral;
  year: Uppfoljningsar;
}

/** Year files present after the change and not before, by path (data/uppfoljning/<år>/<id>.yaml). */
export function newYearFiles(before: Handbok, after: Handbok): NewYearFile[] {
  const old = new Set(before.familjecentraler.flatMap((c) => (c.uppföljning ?? []).map((y) => y.fil)));
  return after.familjecentraler.flatMap((centre) =>
    (centre.uppföljning ?? []).filter((y) => y.fil !== undefined && !old.has(y.fil)).map((year) => ({ centre, year })),
  );
}

const span = (key: string): string => {
  const m = /^länsmål:(\d{4})-(\d{4}):/.exec(key);
  return m ? `${m[1]}–${m[2]}` : "";
};

/**
 * The Swedish Markdown lines describing one new year file: centre, year, every reported value and the
 * status each indicator gets from it (the same status the progress pages will show).
 */
export function yearFileLines(file: NewYearFile, before: Handbok, after: Handbok): string[] {
  const { centre, year } = file;
  const y = year.år;
  const lines = [`- **${centre.namn}**, uppföljningen ${y} (ny fil \`${year.fil ?? ""}\`):`];
  const add = (text: string): void => {
    lines.push(`  - ${text}`);
  };
  const sent = year.årsberättelse?.inlämnad;
  add(sent ? `Årsberättelsen inlämnad ${sent}.` : "Årsberättelsen är inte inlämnad än.");
  if (year.besöksenkät)
    add(`Besöksenkäten: ${formatNumber(year.besöksenkät.antal_svar)} svar; ${quotaNote(year.besöksenkät.antal_svar, centre.storlek)}.`);
  if (year.samverkansenkät) {
    const values: number[] = Object.values(year.samverkansenkät.faktorer);
    const overall = values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
    const answers = year.samverkansenkät.antal_svar;
    add(
      `Samverkansenkäten: ${answers === undefined ? "okänt antal" : formatNumber(answers)} svar, alla nio faktorer${overall === undefined ? "" : `, medelvärde ${formatNumber(overall, { maxDecimals: 1 })}`}.`,
    );
  }
  const oldSeries = new Map(centreSeries(before, before.familjecentraler.find((c) => c.id === centre.id) ?? centre).map((s) => [s.key, s]));
  const show = (serie: Serie, value: number, what: string): void => {
    const old = oldSeries.get(serie.key);
    const status = old && old.status !== serie.status ? `status ${old.status} → ${serie.status}` : `status ${serie.status}`;
    add(`${what}: ${formatValue(value, serie.enhet)}; ${status}.`);
  };
  const works = new Set((year.förbättringsarbeten ?? []).map((w) => w.id));
  const indicators = new Set((year.länsmål ?? []).flatMap((g) => (g.mätningar ?? []).map((m) => m.indikator)));
  for (const serie of centreSeries(after, centre)) {
    const value = serie.värden.get(y);
    if (value === undefined) continue;
    const [kind, , id] = serie.key.split(":");
    if (kind === "arbete") {
      if (works.has(serie.key.slice("arbete:".length))) show(serie, value, `Förbättringsarbetet ”${serie.namn}”`);
    } else if (id !== undefined && indicators.has(id)) {
      const baselineYear = serie.tracked.baseline?.year === y && serie.tracked.baselineSource === "egen mätning";
      show(serie, value, `${baselineYear ? "Utgångsläge för" : "Indikatorn"} ”${serie.namn}” (länsmål ${span(serie.key)})`);
    }
  }
  for (const goal of year.länsmål ?? []) {
    if (goal.aktiviteter?.length) add(`Aktiviteter för målet ${goal.mål}: ${goal.aktiviteter.join("; ")}.`);
    if (goal.manuell_status)
      add(`Status för målet ${goal.mål} satt för hand: ${goal.manuell_status.status} (${goal.manuell_status.motivering}).`);
  }
  return lines;
}
