/**
 * The progress model: every status the progress pages and downloads show, computed once per build
 * from the validated handbook (docs/progress-method.md §8, rules in status.ts).
 *
 * The rule for a county-goal indicator at a centre (decided by the lead):
 * - target = the indicator's länsmål value in the period's last year (slutår);
 * - baseline = the centre's own measurement of the same indicator id in the latest follow-up year before
 *   the period's first year (from any earlier follow-up entry, whatever period), else the indicator's
 *   county utgångsläge, else none (→ Underlag saknas);
 * - measurements = the centre's values for the indicator in follow-up years inside the period, up to "now";
 * - a länsmål entry's manuell_status applies to all indicators of its goal.
 *
 * Decisions where the rule is silent:
 * - Manual status over several years: the latest entry for the goal (in the period, up to the year
 *   asked about) that sets a manual status applies, unless a later entry for the same goal reports a
 *   measurement of the indicator without one; then the numbers speak again.
 * - A centre that already started at or beyond the county target (its own baseline above an öka target,
 *   say) has not contradicted itself: the county set one target for all. Its status is computed as if
 *   the baseline equalled the target (docs/progress-method.md §5, t = b: Uppnått while at or beyond it, else
 *   Försämring), while pages and downloads still show the real baseline.
 * - "Status as of year Y" (history) re-runs the rules with nowYear = Y and only the measurements up to
 *   Y. History years are the county's follow-up years: every year some centre reported, plus
 *   uppföljningsår, never beyond it.
 * - Survey years: a year is a visitor- (collaboration-) survey year when at least one centre reported
 *   such a survey that year; a centre without one in a survey year has it missing.
 */

import type { Familjecentral, Handbok, Indikator, Malperiod, ManuellStatus, Tolkningar } from "../model/types.ts";
import {
  countStatuses,
  reportDeadlineDate,
  reportingState,
  visitorSurveyCompletion,
  type Count,
  type ReportingState,
  type SurveyCompletion,
} from "./aggregate.ts";
import { averageScores, type FactorScores } from "./samverkansfaktorer.ts";
import {
  contradictsDirection,
  progressStatus,
  type ManualStatus,
  type ProgressStatus,
  type Riktning,
  type StatusResult,
  type YearValue,
} from "./status.ts";

export type Enhet = "procent" | "antal" | "skala";

/** Where a baseline came from, shown beside it so a reader can tell the centre's own value from the county's. */
export type BaselineSource = "egen mätning" | "länets utgångsläge" | "förbättringsarbetet";

export interface HistoryPoint {
  year: number;
  status: ProgressStatus;
  manual: boolean;
}

/** What every tracked indicator has, whether it is an improvement work or a county goal. */
export interface TrackedIndicator {
  centreId: string;
  /** Unique per centre page, usable as an HTML id: `fa-<id>` or `lm-<period>-<indicator>`. */
  key: string;
  name: string;
  unit: Enhet;
  direction: Riktning;
  baseline?: YearValue;
  baselineSource?: BaselineSource;
  target?: YearValue;
  /** Year of the deadline (målvärde år / slutår). */
  deadlineYear: number;
  /** Exact deadline date where the data give one. */
  deadlineDate?: string;
  measurements: YearValue[];
  manual?: ManualStatus;
  result: StatusResult;
  history: HistoryPoint[];
}

export interface WorkProgress extends TrackedIndicator {
  kind: "förbättringsarbete";
  workId: string;
  goal: string;
  subGoal?: string;
  source?: string;
  /** Field → why its value is the handbook's interpretation (docs/kallor-och-tolkningar.md). */
  interpretations?: Tolkningar;
  /** No source gives a deadline: deadlineYear is then only the year status is judged in, never shown as one. */
  deadlineUnknown?: true;
}

export interface GoalProgress extends TrackedIndicator {
  kind: "länsmål";
  periodId: string;
  focusId: string;
  goalId: string;
  goalName: string;
  indicator: Indikator;
}

export interface YearReport {
  year: number;
  deadlineDate: string;
  submitted?: string;
  reportState: ReportingState;
  /** Only in visitor-survey years. */
  visitorSurvey?: SurveyCompletion;
  /** Only in collaboration-survey years: answers and mean scores, or missing. */
  collaborationSurvey?: { done: boolean; answers?: number; scores?: FactorScores; countyAverage: FactorScores };
  activities: { goalId: string; goalName: string; activities: string[] }[];
}

export interface CentreProgress {
  centre: Familjecentral;
  kommunNamn: string;
  quota?: number;
  works: WorkProgress[];
  /** Every period's indicators, current period first, then newest first. */
  goals: GoalProgress[];
  years: YearReport[];
}

export interface PeriodProgress {
  period: Malperiod;
  current: boolean;
  /** Every centre × indicator of the period. */
  indicators: GoalProgress[];
  counts: Count<ProgressStatus>[];
}

export interface ProgressModel {
  nowYear: number;
  deadline: string;
  followUpYears: number[];
  visitorSurveyYears: number[];
  collaborationSurveyYears: number[];
  centres: CentreProgress[];
  /** Current period first, then the others newest first. */
  periods: PeriodProgress[];
}

/** `build`, computed once per model object (once per build) and then returned from a cache. */
function oncePerHandbok<T>(build: (handbok: Handbok) => T): (handbok: Handbok) => T {
  const cache = new WeakMap<Handbok, T>();
  return (handbok) => {
    if (!cache.has(handbok)) cache.set(handbok, build(handbok));
    return cache.get(handbok) as T;
  };
}

/** The progress model of a handbook, computed once per model object (once per build). */
export const progressModel: (handbok: Handbok) => ProgressModel = oncePerHandbok((handbok) => buildProgressModel(handbok));

function toManual(manual: ManuellStatus | undefined): ManualStatus | undefined {
  return manual === undefined ? undefined : { status: manual.status, reason: manual.motivering };
}

/** The county's follow-up years: all reported years and uppföljningsår, never after it, ascending. */
export function followUpYears(handbok: Handbok): number[] {
  const now = handbok.län.uppföljningsår;
  const years = new Set<number>([now]);
  for (const centre of handbok.familjecentraler) for (const entry of centre.uppföljning ?? []) if (entry.år <= now) years.add(entry.år);
  return [...years].sort((a, b) => a - b);
}

function evaluate(
  input: { direction: Riktning; baseline?: YearValue; target?: YearValue; measurements: YearValue[] },
  manualAt: (year: number) => ManualStatus | undefined,
  nowYear: number,
  historyYears: readonly number[],
): { result: StatusResult; history: HistoryPoint[] } {
  const at = (year: number): StatusResult =>
    progressStatus({
      direction: input.direction,
      baseline: input.baseline,
      target: input.target,
      measurements: input.measurements.filter((m) => m.year <= year),
      nowYear: year,
      manual: manualAt(year),
    });
  const history = historyYears.map((year) => {
    const result = at(year);
    return { year, status: result.status, manual: result.manual };
  });
  return { result: at(nowYear), history };
}

function workProgress(centre: Familjecentral, nowYear: number, years: readonly number[]): WorkProgress[] {
  return (centre.förbättringsarbeten ?? []).map((work) => {
    const baseline = work.utgångsläge && { year: work.utgångsläge.år, value: work.utgångsläge.värde };
    const target = work.målvärde?.värde === undefined ? undefined : { year: work.målvärde.år, value: work.målvärde.värde };
    const measurements = work.mätningar.map((m) => ({ year: m.år, value: m.värde }));
    const manual = toManual(work.manuell_status);
    const { result, history } = evaluate(
      { direction: work.indikator.riktning, ...(baseline && { baseline }), ...(target && { target }), measurements },
      () => manual,
      nowYear,
      // Years before the baseline say nothing about this work.
      baseline ? years.filter((year) => year >= baseline.year) : years,
    );
    const deadlineDate = work.målvärde?.datum;
    return {
      kind: "förbättringsarbete",
      centreId: centre.id,
      key: `fa-${work.id}`,
      workId: work.id,
      goal: work.mål,
      ...(work.delmål !== undefined && { subGoal: work.delmål }),
      ...(work.källa !== undefined && { source: work.källa }),
      ...(work.tolkningar !== undefined && { interpretations: work.tolkningar }),
      ...(work.målvärde === undefined && { deadlineUnknown: true as const }),
      name: work.indikator.namn,
      unit: work.indikator.enhet,
      direction: work.indikator.riktning,
      ...(baseline && { baseline, baselineSource: "förbättringsarbetet" as const }),
      ...(target && { target }),
      deadlineYear: work.målvärde?.år ?? nowYear,
      ...(deadlineDate !== undefined && { deadlineDate }),
      measurements,
      ...(manual && { manual }),
      result,
      history,
    };
  });
}

/** The centre's value of one indicator per follow-up year (last listed wins within a year). */
function centreValues(centre: Familjecentral, indicatorId: string): YearValue[] {
  const byYear = new Map<number, number>();
  for (const entry of centre.uppföljning ?? []) {
    for (const goal of entry.länsmål ?? []) {
      for (const m of goal.mätningar ?? []) if (m.indikator === indicatorId) byYear.set(entry.år, m.värde);
    }
  }
  return [...byYear].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
}

/** The manual status for a goal as of a year (see the decision at the top of this file). */
function goalManualAt(
  centre: Familjecentral,
  period: Malperiod,
  goalId: string,
  indicatorId: string,
  year: number,
): ManualStatus | undefined {
  const entries = (centre.uppföljning ?? [])
    .filter((entry) => entry.år >= period.startår && entry.år <= Math.min(period.slutår, year))
    .sort((a, b) => a.år - b.år);
  let manual: ManualStatus | undefined;
  for (const entry of entries) {
    for (const goal of entry.länsmål ?? []) {
      if (goal.mål !== goalId) continue;
      if (goal.manuell_status !== undefined) manual = toManual(goal.manuell_status);
      else if ((goal.mätningar ?? []).some((m) => m.indikator === indicatorId)) manual = undefined;
    }
  }
  return manual;
}

function goalProgress(centre: Familjecentral, period: Malperiod, nowYear: number, years: readonly number[]): GoalProgress[] {
  const result: GoalProgress[] = [];
  const periodYears = years.filter((year) => year >= period.startår && year <= period.slutår);
  for (const focus of period.fokusområden) {
    for (const goal of focus.mål) {
      for (const indicator of goal.indikatorer) {
        const values = centreValues(centre, indicator.id);
        const before = values.filter((v) => v.year < period.startår).at(-1);
        let baseline: YearValue | undefined;
        let baselineSource: BaselineSource | undefined;
        if (before !== undefined) {
          baseline = before;
          baselineSource = "egen mätning";
        } else if (indicator.utgångsläge !== undefined) {
          baseline = { year: indicator.utgångsläge.år, value: indicator.utgångsläge.värde };
          baselineSource = "länets utgångsläge";
        }
        const target = indicator.länsmål === undefined ? undefined : { year: period.slutår, value: indicator.länsmål.värde };
        const measurements = values.filter((v) => v.year >= period.startår && v.year <= Math.min(period.slutår, nowYear));
        const manualAt = (year: number): ManualStatus | undefined => goalManualAt(centre, period, goal.id, indicator.id, year);
        const judgedBaseline =
          baseline && target && contradictsDirection(indicator.riktning, baseline.value, target.value)
            ? { ...baseline, value: target.value }
            : baseline;
        const { result: status, history } = evaluate(
          { direction: indicator.riktning, ...(judgedBaseline && { baseline: judgedBaseline }), ...(target && { target }), measurements },
          manualAt,
          nowYear,
          periodYears,
        );
        const manual = manualAt(nowYear);
        result.push({
          kind: "länsmål",
          centreId: centre.id,
          key: `lm-${period.id}-${indicator.id}`,
          periodId: period.id,
          focusId: focus.id,
          goalId: goal.id,
          goalName: goal.namn,
          indicator,
          name: indicator.namn,
          unit: indicator.enhet,
          direction: indicator.riktning,
          ...(baseline && { baseline }),
          ...(baselineSource && { baselineSource }),
          ...(target && { target }),
          deadlineYear: period.slutår,
          measurements,
          ...(manual && { manual }),
          result: status,
          history,
        });
      }
    }
  }
  return result;
}

/** Periods with the current one first, then the rest newest first. */
export function orderedPeriods(handbok: Handbok): Malperiod[] {
  const current = handbok.län.aktuell_period;
  return [...handbok.perioder].sort((a, b) => {
    if (a.id === current) return -1;
    if (b.id === current) return 1;
    return b.startår - a.startår;
  });
}

function goalNames(handbok: Handbok): Map<string, string> {
  const names = new Map<string, string>();
  for (const period of handbok.perioder)
    for (const focus of period.fokusområden) for (const goal of focus.mål) names.set(goal.id, goal.namn);
  return names;
}

/**
 * What every centre's progress depends on besides the centre's own files: the county's settings, its
 * periods and goals, and what is derived from all centres (the follow-up years, the survey years, the
 * county's survey averages). One centre's progress is a function of its own data and this basis only.
 */
export interface CountyBasis {
  nowYear: number;
  deadline: string;
  years: number[];
  periods: Malperiod[];
  kommuner: Map<string, string>;
  names: Map<string, string>;
  visitorSurveyYears: number[];
  collaborationSurveyYears: number[];
  countyAverage: Map<number, FactorScores>;
}

/** The county basis of a handbook, computed once per model object. */
export const countyBasis: (handbok: Handbok) => CountyBasis = oncePerHandbok((handbok) => buildCountyBasis(handbok));

/** The years and deadline every progress model takes from the county basis, whichever centres it holds. */
export function countyYears(
  basis: CountyBasis,
): Pick<ProgressModel, "nowYear" | "deadline" | "followUpYears" | "visitorSurveyYears" | "collaborationSurveyYears"> {
  return {
    nowYear: basis.nowYear,
    deadline: basis.deadline,
    followUpYears: basis.years,
    visitorSurveyYears: basis.visitorSurveyYears,
    collaborationSurveyYears: basis.collaborationSurveyYears,
  };
}

function buildCountyBasis(handbok: Handbok): CountyBasis {
  const years = followUpYears(handbok);
  const counted = new Set(years);
  // One pass over the centres, in the handbook's order (the averages add the scores in that order); a
  // centre's first entry for a year is its entry for that year.
  const visitor = new Set<number>();
  const scores = new Map<number, FactorScores[]>();
  for (const centre of handbok.familjecentraler) {
    const seen = new Set<number>();
    for (const e of centre.uppföljning ?? []) {
      if (seen.has(e.år)) continue;
      seen.add(e.år);
      if (!counted.has(e.år)) continue;
      if (e.besöksenkät !== undefined) visitor.add(e.år);
      if (e.samverkansenkät === undefined) continue;
      const list = scores.get(e.år) ?? [];
      list.push(e.samverkansenkät.faktorer);
      scores.set(e.år, list);
    }
  }
  const collaborationSurveyYears = years.filter((year) => scores.has(year));
  return {
    nowYear: handbok.län.uppföljningsår,
    deadline: handbok.län.tidsfrister.årsberättelse,
    years,
    periods: orderedPeriods(handbok),
    kommuner: new Map(handbok.län.kommuner.map((k) => [k.id, k.namn])),
    names: goalNames(handbok),
    visitorSurveyYears: years.filter((year) => visitor.has(year)),
    collaborationSurveyYears,
    countyAverage: new Map(collaborationSurveyYears.map((year) => [year, averageScores(scores.get(year) ?? [])])),
  };
}

/**
 * The part of the county basis that comes from the centres' own files, as a string two bases can be
 * compared by: when an edit to one centre leaves it unchanged, no other centre's progress changed either
 * (the dev server's first rebuild part relies on this, docs/dev-server.md §2). The rest of the basis comes
 * from files whose edits rebuild every page anyway.
 */
export function centreDerivedBasis(basis: CountyBasis): string {
  return JSON.stringify([basis.years, basis.visitorSurveyYears, basis.collaborationSurveyYears, [...basis.countyAverage]]);
}

/** One centre's progress against the county basis: the same object buildProgressModel makes for it. */
export function centreProgress(centre: Familjecentral, basis: CountyBasis): CentreProgress {
  const { nowYear, deadline, years, periods, kommuner, names, visitorSurveyYears, collaborationSurveyYears, countyAverage } = basis;
  const quota = visitorSurveyCompletion(0, centre.storlek).quota;
  // Every county follow-up year, the current one included, so a centre always has this year's draft.
  const yearReports = [...years]
    .sort((a, b) => b - a)
    .map((year): YearReport => {
      const entry = centre.uppföljning?.find((e) => e.år === year);
      const submitted = entry?.årsberättelse?.inlämnad ?? undefined;
      const report: YearReport = {
        year,
        deadlineDate: reportDeadlineDate(year, deadline),
        ...(submitted !== undefined && submitted !== null && { submitted }),
        reportState: reportingState(submitted, { year, deadline, nowYear }),
        activities: (entry?.länsmål ?? []).map((g) => ({
          goalId: g.mål,
          goalName: names.get(g.mål) ?? g.mål,
          activities: g.aktiviteter ?? [],
        })),
      };
      if (visitorSurveyYears.includes(year)) report.visitorSurvey = visitorSurveyCompletion(entry?.besöksenkät?.antal_svar, centre.storlek);
      if (collaborationSurveyYears.includes(year)) {
        const survey = entry?.samverkansenkät;
        report.collaborationSurvey = {
          done: survey !== undefined,
          ...(survey?.antal_svar !== undefined && { answers: survey.antal_svar }),
          ...(survey && { scores: survey.faktorer }),
          countyAverage: countyAverage.get(year) ?? {},
        };
      }
      return report;
    });
  return {
    centre,
    kommunNamn: kommuner.get(centre.kommun) ?? centre.kommun,
    ...(quota !== undefined && { quota }),
    works: workProgress(centre, nowYear, years),
    goals: periods.flatMap((period) => goalProgress(centre, period, nowYear, years)),
    years: yearReports,
  };
}

/** Centres in the order every progress page lists them. */
export const byCentreName = (a: Familjecentral, b: Familjecentral): number => a.namn.localeCompare(b.namn, "sv");

export function buildProgressModel(handbok: Handbok): ProgressModel {
  const basis = countyBasis(handbok);
  const centres = [...handbok.familjecentraler].sort(byCentreName).map((centre) => centreProgress(centre, basis));
  return {
    ...countyYears(basis),
    centres,
    periods: basis.periods.map((period) => {
      const indicators = centres.flatMap((c) => c.goals.filter((g) => g.periodId === period.id));
      return {
        period,
        current: period.id === handbok.län.aktuell_period,
        indicators,
        counts: countStatuses(indicators.map((g) => g.result.status)),
      };
    }),
  };
}

/** Every status of a centre's improvement work and county goals in the current period. */
export function currentStatuses(model: ProgressModel, centre: CentreProgress): TrackedIndicator[] {
  const current = model.periods.find((p) => p.current)?.period.id;
  return [...centre.works, ...centre.goals.filter((g) => g.periodId === current)];
}
