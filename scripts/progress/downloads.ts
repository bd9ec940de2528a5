/**
 * The downloads: JSON with every computed status (so the method of docs/progress-method.md can be checked from
 * outside) and CSV that Swedish Excel opens correctly (csv.ts), per centre, per county goal and for the
 * whole county. Keys are Swedish like the YAML; status texts are exactly those of docs/progress-method.md §2.
 *
 * Decisions: the shares a and e are not rounded (status.ts reports them unrounded, the CSV keeps ten
 * decimals); a missing value is null in JSON and an empty cell in CSV; rows come in the order of the
 * pages (centres by name, current period first, improvement work before county goals).
 *
 * Unknown facts (okänd in the YAML) are null in JSON, like any missing value. Values that are the
 * handbook's interpretation carry their reason: `tolkningar` in JSON, a Tolkningar column in CSV, so a
 * spreadsheet never shows an interpretation as a source's fact (docs/kallor-och-tolkningar.md). The
 * fictional county's CSV files say on every row that the data are made up, as its JSON does.
 */

import { toCsv, type CsvCell } from "../format/csv.ts";
import { OKAND, type Handbok, type Mal, type Malperiod } from "../model/types.ts";
import type { CentreProgress, GoalProgress, ProgressModel, WorkProgress, YearReport } from "./model.ts";
import type { StatusResult } from "./status.ts";
import { interpretationsCell } from "./tolkningar.ts";

export interface StatusJson {
  status: string;
  a: number | null;
  e: number | null;
  senaste: { år: number; värde: number } | null;
  manuell: boolean;
  skäl: string | null;
}

export function statusJson(result: StatusResult): StatusJson {
  return {
    status: result.status,
    a: result.achieved ?? null,
    e: result.expected ?? null,
    senaste: result.latest === undefined ? null : { år: result.latest.year, värde: result.latest.value },
    manuell: result.manual,
    skäl: result.reason ?? null,
  };
}

const yearValue = (point: { year: number; value: number } | undefined): { år: number; värde: number } | null =>
  point === undefined ? null : { år: point.year, värde: point.value };

function indicatorJson(t: WorkProgress | GoalProgress): Record<string, unknown> {
  const common = {
    indikator: t.name,
    enhet: t.unit,
    riktning: t.direction,
    utgångsläge: yearValue(t.baseline),
    utgångsläge_källa: t.baselineSource ?? null,
    målvärde: yearValue(t.target),
    målår: t.kind === "förbättringsarbete" && t.deadlineUnknown ? null : t.deadlineYear,
    mätningar: t.measurements.map((m) => ({ år: m.year, värde: m.value })),
    ...statusJson(t.result),
    historik: t.history.map((h) => ({ år: h.year, status: h.status, manuell: h.manual })),
  };
  if (t.kind === "förbättringsarbete") {
    return {
      typ: "förbättringsarbete",
      id: t.workId,
      mål: t.goal,
      delmål: t.subGoal ?? null,
      ...common,
      tolkningar: t.interpretations ?? {},
    };
  }
  return { typ: "länsmål", period: t.periodId, mål_id: t.goalId, mål: t.goalName, indikator_id: t.indicator.id, ...common };
}

function reportJson(y: YearReport): Record<string, unknown> {
  return {
    år: y.year,
    årsberättelse: { inlämnad: y.submitted ?? null, sista_dag: y.deadlineDate, läge: y.reportState },
    besöksenkät: y.visitorSurvey
      ? { läge: y.visitorSurvey.state, antal_svar: y.visitorSurvey.answers ?? null, kvot: y.visitorSurvey.quota ?? null }
      : null,
    samverkansenkät: y.collaborationSurvey
      ? {
          genomförd: y.collaborationSurvey.done,
          antal_svar: y.collaborationSurvey.answers ?? null,
          faktorer: y.collaborationSurvey.scores ?? null,
          länets_medel: y.collaborationSurvey.countyAverage,
        }
      : null,
  };
}

function centreFacts(cp: CentreProgress): Record<string, unknown> {
  const c = cp.centre;
  return {
    id: c.id,
    namn: c.namn,
    kommun: c.kommun,
    kommunnamn: cp.kommunNamn,
    typ: c.typ === OKAND ? null : c.typ,
    samlokalisering: c.samlokalisering,
    verksamheter: c.verksamheter === OKAND ? null : c.verksamheter,
    tolkningar: c.tolkningar ?? {},
    storlek: c.storlek ?? null,
    besöksenkät_kvot: cp.quota ?? null,
  };
}

const METHOD = "Status enligt handbokens metod: a = (v − b)/(t − b), e = (y − y₀)/(y₁ − y₀); se /lagesbild/nedladdningar/.";

function header(handbok: Handbok, model: ProgressModel): Record<string, unknown> {
  return { län: handbok.län.namn, fiktivt: handbok.län.fiktivt, uppföljningsår: model.nowYear, metod: METHOD };
}

// `<`, `>` and `&` as \u escapes: the same JSON value, but a file opened by a browser that sniffs content, or
// pasted into an HTML page, can never close a tag or start markup from a centre's free text (docs/sakerhet.md).
// Without indentation (docs/decisions.md §16): the files are for programs (the CSV files are the ones for
// people), and indentation made them 70 % larger (the county file 15.3 MB instead of 8.1 MB at national scale).
const escapeJson = (text: string): string => text.replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
const json = (value: unknown): string => escapeJson(JSON.stringify(value));

// A centre's indicators and years appear in three files each (its own, its goals', the county's). Their JSON
// text is made once and spliced into each file (docs/build-speed.md §8): the same bytes JSON.stringify gives
// for the whole object, since a member's text does not depend on what surrounds it and the escapes above
// change single characters. Only object texts from `json` are spliced, so keys JSON.stringify leaves out
// (undefined values) stay out.
/** The members of an object's JSON text, without its braces. */
const members = (objectJson: string): string => objectJson.slice(1, -1);
const member = (key: string, valueJson: string): string => `${JSON.stringify(key)}:${valueJson}`;
const object = (...parts: string[]): string => `{${parts.filter((part) => part !== "").join(",")}}`;
const array = (items: readonly string[]): string => `[${items.join(",")}]`;

function memo<K extends object>(make: (key: K) => string): (key: K) => string {
  const texts = new WeakMap<K, string>();
  return (key) => {
    let text = texts.get(key);
    if (text === undefined) {
      text = make(key);
      texts.set(key, text);
    }
    return text;
  };
}

const indicatorText = memo((t: WorkProgress | GoalProgress) => json(indicatorJson(t)));
const reportText = memo((y: YearReport) => json(reportJson(y)));
const factsText = memo((cp: CentreProgress) => json(centreFacts(cp)));
/** A centre's improvement work, county goals and years, as members of an object. */
const centreBody = memo((cp: CentreProgress) =>
  [
    member("förbättringsarbeten", array(cp.works.map(indicatorText))),
    member("länsmål", array(cp.goals.map(indicatorText))),
    member("uppföljning", array(cp.years.map(reportText))),
  ].join(","),
);

export function centreJson(handbok: Handbok, model: ProgressModel, cp: CentreProgress): string {
  return `${object(members(json(header(handbok, model))), member("familjecentral", factsText(cp)), centreBody(cp))}\n`;
}

export function goalIndicators(model: ProgressModel, periodId: string, goalId: string): GoalProgress[] {
  return model.centres.flatMap((c) => c.goals.filter((g) => g.periodId === periodId && g.goalId === goalId));
}

export function goalJson(handbok: Handbok, model: ProgressModel, period: Malperiod, goal: Mal): string {
  const names = new Map(model.centres.map((c) => [c.centre.id, c.centre.namn]));
  const rows = goalIndicators(model, period.id, goal.id).map((g) =>
    object(
      member("familjecentral", json(g.centreId)),
      member("familjecentral_namn", json(names.get(g.centreId) ?? g.centreId)),
      members(indicatorText(g)),
    ),
  );
  return `${object(
    members(json(header(handbok, model))),
    member("period", json({ id: period.id, startår: period.startår, slutår: period.slutår, status: period.status })),
    member("mål", json({ id: goal.id, namn: goal.namn, indikatorer: goal.indikatorer })),
    member("familjecentraler", array(rows)),
  )}\n`;
}

export function countyJson(handbok: Handbok, model: ProgressModel): string {
  const periods = model.periods.map((p) => ({ id: p.period.id, aktuell: p.current, status: p.period.status, antal_per_status: p.counts }));
  const centres = model.centres.map((cp) => object(members(factsText(cp)), centreBody(cp)));
  return `${object(members(json(header(handbok, model))), member("perioder", json(periods)), member("familjecentraler", array(centres)))}\n`;
}

export const CSV_HEADER = [
  "Familjecentral",
  "Familjecentral id",
  "Kommun",
  "Typ",
  "Period",
  "Mål",
  "Indikator",
  "Enhet",
  "Riktning",
  "Utgångsläge",
  "Utgångsläge år",
  "Utgångsläge källa",
  "Målvärde",
  "Målår",
  "Senaste värde",
  "Senaste år",
  "Status",
  "a (uppnådd andel)",
  "e (förväntad andel)",
  "Satt manuellt",
  "Skäl",
  "Tolkningar",
] as const;

/** Options of the CSV files: a fictional county says so on every row. */
export interface CsvOptions {
  fiktivt?: boolean;
}

const FICTION_HEADER = "Påhittade uppgifter";
const FICTION_CELL = "ja – påhittat exempellän utan verkliga familjecentraler";

/** Centre facts that a CSV row shows, so their interpretation marks belong in the row. */
const ROW_FACTS = ["namn", "kommun"] as const;

function csvRow(cp: CentreProgress, t: WorkProgress | GoalProgress, options: CsvOptions): CsvCell[] {
  const isGoal = t.kind === "länsmål";
  const facts = Object.fromEntries(ROW_FACTS.flatMap((k) => (cp.centre.tolkningar?.[k] ? [[k, cp.centre.tolkningar[k]]] : [])));
  return [
    cp.centre.namn,
    cp.centre.id,
    cp.kommunNamn,
    isGoal ? "Länsmål" : "Förbättringsarbete",
    isGoal ? t.periodId : "",
    isGoal ? t.goalName : t.goal,
    t.name,
    t.unit,
    t.direction,
    t.baseline?.value,
    t.baseline?.year,
    t.baselineSource,
    t.target?.value,
    t.kind === "förbättringsarbete" && t.deadlineUnknown ? undefined : t.deadlineYear,
    t.result.latest?.value,
    t.result.latest?.year,
    t.result.status,
    t.result.achieved,
    t.result.expected,
    t.result.manual,
    t.result.reason,
    interpretationsCell(facts, isGoal ? undefined : t.interpretations),
    ...(options.fiktivt ? [FICTION_CELL] : []),
  ];
}

const csvHeader = (options: CsvOptions): CsvCell[] => [...CSV_HEADER, ...(options.fiktivt ? [FICTION_HEADER] : [])];

export function centreCsv(cp: CentreProgress, options: CsvOptions = {}): string {
  return toCsv([csvHeader(options), ...[...cp.works, ...cp.goals].map((t) => csvRow(cp, t, options))]);
}

export function goalCsv(model: ProgressModel, periodId: string, goalId: string, options: CsvOptions = {}): string {
  const byId = new Map(model.centres.map((c) => [c.centre.id, c]));
  return toCsv([
    csvHeader(options),
    ...goalIndicators(model, periodId, goalId).flatMap((g) => {
      const cp = byId.get(g.centreId);
      return cp ? [csvRow(cp, g, options)] : [];
    }),
  ]);
}

export function countyCsv(model: ProgressModel, options: CsvOptions = {}): string {
  return toCsv([csvHeader(options), ...model.centres.flatMap((cp) => [...cp.works, ...cp.goals].map((t) => csvRow(cp, t, options)))]);
}
