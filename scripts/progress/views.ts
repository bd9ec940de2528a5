/**
 * What each progress page shows, shaped for the Nunjucks templates in _includes/sidor/ so that they
 * only loop and print: centre pages, goal pages, the county picture and the annual-report drafts.
 */

import type { Fokusomrade, Handbok, Mal, Malperiod } from "../model/types.ts";
import { countStatuses, reportingCompleteness, type Count, type ReportingCompleteness, type ReportingState } from "./aggregate.ts";
import {
  byCentreName,
  centreProgress,
  countyBasis,
  countyYears,
  progressModel,
  type CentreProgress,
  type PeriodProgress,
  type GoalProgress,
  type ProgressModel,
  type TrackedIndicator,
  type WorkProgress,
  type YearReport,
} from "./model.ts";
import type { ProgressStatus } from "./status.ts";

export interface GoalGroup {
  goal: Mal;
  focus: Fokusomrade;
  indicators: GoalProgress[];
}

export interface CentrePeriod {
  period: Malperiod;
  current: boolean;
  goals: GoalGroup[];
}

export interface CentrePage {
  cp: CentreProgress;
  periods: CentrePeriod[];
  /** The latest year with a collaboration survey, for the profile chart. */
  profileYear?: YearReport;
}

export interface GoalPage {
  period: Malperiod;
  current: boolean;
  focus: Fokusomrade;
  goal: Mal;
  counts: Count<ProgressStatus>[];
  indicators: { id: string; rows: { cp: CentreProgress; progress: GoalProgress }[]; counts: Count<ProgressStatus>[] }[];
}

export interface ReportPage {
  cp: CentreProgress;
  year: YearReport;
  /** Status as of the report's year. */
  works: { t: WorkProgress; status: ProgressStatus; manual: boolean }[];
  period?: Malperiod;
  goals: { group: GoalGroup; rows: { t: GoalProgress; status: ProgressStatus; manual: boolean; value?: number }[] }[];
}

export interface AttentionItem {
  cp: CentreProgress;
  reasons: string[];
}

export interface CountyPicture {
  current?: Malperiod;
  reporting: ReportingCompleteness[];
  visitorYear?: number;
  visitor: { cp: CentreProgress; report: YearReport }[];
  collaborationYear?: number;
  collaboration: { cp: CentreProgress; report: YearReport }[];
  perGoal: { goal: Mal; focus: Fokusomrade; counts: Count<ProgressStatus>[] }[];
  perKommun: { namn: string; centres: number; counts: Count<ProgressStatus>[] }[];
  worksCounts: Count<ProgressStatus>[];
  attention: AttentionItem[];
  earlier: { period: Malperiod; counts: Count<ProgressStatus>[] }[];
}

/** A municipality with centres, in the county file's order. */
export interface KommunGroup {
  id: string;
  namn: string;
  centres: CentreProgress[];
}

/**
 * One page of a year's compilation of annual reports: the whole year on one page, or, for a county with
 * many centres, an overview of the year and one part per municipality (split again when a municipality
 * alone has too many centres), so that no page grows with the number of centres (docs/decisions.md §10).
 */
export interface CompilationPage {
  year: number;
  url: string;
  kind: "hela" | "översikt" | "del";
  /** The reports on the page: every centre's for "hela" and "del", none for "översikt". */
  reports: ReportPage[];
  /** For "del": its municipality, and which part of it when the municipality is split. */
  kommun?: { id: string; namn: string };
  part?: number;
  parts?: number;
  /** For "översikt": its parts. */
  children?: CompilationPage[];
}

/**
 * A part of a goal page in a large county: the per-centre rows of a few whole municipalities, at most
 * GOAL_ROWS_PER_PART rows (centre × indicator) unless one municipality alone has more.
 */
export interface GoalPart {
  goalPage: GoalPage;
  url: string;
  part: number;
  kommuner: KommunGroup[];
}

/** A municipality's page of the county picture, /lagesbild/kommun/<id>/ (only when the picture is split). */
export interface CountyKommunPage {
  url: string;
  kommun: KommunGroup;
}

export interface ProgressViews {
  model: ProgressModel;
  centrePages: CentrePage[];
  goalPages: GoalPage[];
  reportPages: ReportPage[];
  compilationYears: number[];
  /** Every page of every year's compilation, newest year first. */
  compilationPages: CompilationPage[];
  county: CountyPicture;
  /** Municipalities with centres, in the county file's order. */
  kommuner: KommunGroup[];
  /** Whether /lagesbild/ shows counts per municipality, with a page for each (countyKommunPages). */
  countySplit: boolean;
  countyKommunPages: CountyKommunPage[];
  /** Whether goal pages show counts per municipality, with the centres' rows in goalParts. */
  goalsSplit: boolean;
  goalParts: GoalPart[];
}

/**
 * Above this many centres, /lagesbild/ shows counts per municipality and each municipality gets a page, and
 * each goal page shows counts per municipality with the centres' rows on parts (goalParts).
 */
export const COUNTY_PICTURE_SPLIT_ABOVE = 100;
/** At most this many rows (centre × indicator, about 0.5 KB each) on one part of a split goal page. */
export const GOAL_ROWS_PER_PART = 150;
/**
 * At most this many table rows on one page of a compilation. A centre's section costs its goal and work
 * rows (about 0.5 KB each) plus about two rows' worth of heading and text.
 */
export const COMPILATION_MAX_ROWS = 200;
const compilationRows = (r: ReportPage): number => 2 + r.works.length + r.goals.reduce((sum, g) => sum + g.rows.length, 0);

function kommunGroups(handbok: Handbok, model: ProgressModel): KommunGroup[] {
  const byKommun = new Map<string, CentreProgress[]>();
  for (const cp of model.centres) byKommun.set(cp.centre.kommun, [...(byKommun.get(cp.centre.kommun) ?? []), cp]);
  return handbok.län.kommuner.flatMap((k) => {
    const centres = byKommun.get(k.id) ?? [];
    return centres.length ? [{ id: k.id, namn: k.namn, centres }] : [];
  });
}

function goalParts(goalPages: GoalPage[], kommuner: KommunGroup[]): GoalPart[] {
  return goalPages.flatMap((goalPage) => {
    const perCentre = Math.max(1, goalPage.indicators.length);
    const groups: KommunGroup[][] = [];
    let rows = 0;
    for (const k of kommuner) {
      const needed = k.centres.length * perCentre;
      const last = groups.at(-1);
      if (last && rows + needed <= GOAL_ROWS_PER_PART) {
        last.push(k);
        rows += needed;
      } else {
        groups.push([k]);
        rows = needed;
      }
    }
    return groups.map((group, i) => ({
      goalPage,
      url: `/mal/${goalPage.period.id}/${goalPage.goal.id}/del-${i + 1}/`,
      part: i + 1,
      kommuner: group,
    }));
  });
}

function compilationPages(years: number[], reportPages: ReportPage[], kommuner: KommunGroup[]): CompilationPage[] {
  const byYear = new Map<number, ReportPage[]>();
  for (const r of reportPages) byYear.set(r.year.year, [...(byYear.get(r.year.year) ?? []), r]);
  return years.flatMap((year): CompilationPage[] => {
    const reports = byYear.get(year) ?? [];
    const url = `/lagesbild/sammanstallning/${year}/`;
    if (reports.reduce((sum, r) => sum + compilationRows(r), 0) <= COMPILATION_MAX_ROWS) return [{ year, url, kind: "hela", reports }];
    const byCentre = new Map(reports.map((r) => [r.cp.centre.id, r]));
    const children = kommuner.flatMap((k) => {
      // A municipality is split only when it alone is over the limit; its parts are filled in order.
      const chunks: ReportPage[][] = [];
      let rows = 0;
      for (const r of k.centres.flatMap((cp) => byCentre.get(cp.centre.id) ?? [])) {
        const last = chunks.at(-1);
        if (last && rows + compilationRows(r) <= COMPILATION_MAX_ROWS) {
          last.push(r);
          rows += compilationRows(r);
        } else {
          chunks.push([r]);
          rows = compilationRows(r);
        }
      }
      return chunks.map((chunk, i): CompilationPage => ({
        year,
        url: `${url}${k.id}/${i === 0 ? "" : `del-${i + 1}/`}`,
        kind: "del",
        reports: chunk,
        kommun: { id: k.id, namn: k.namn },
        part: i + 1,
        parts: chunks.length,
      }));
    });
    return [{ year, url, kind: "översikt", reports: [], children }, ...children];
  });
}

const ATTENTION: readonly ProgressStatus[] = ["Försämring", "Ej uppnått", "Begränsade framsteg"];
const REPORT_PROBLEMS: readonly ReportingState[] = ["saknas", "sen"];

function groupsFor(period: Malperiod, goals: readonly GoalProgress[]): GoalGroup[] {
  return period.fokusområden.flatMap((focus) =>
    focus.mål.map((goal) => ({ goal, focus, indicators: goals.filter((g) => g.periodId === period.id && g.goalId === goal.id) })),
  );
}

const statusAt = (t: TrackedIndicator, year: number): { status: ProgressStatus; manual: boolean } => {
  const point = t.history.find((h) => h.year === year);
  return point ? { status: point.status, manual: point.manual } : { status: t.result.status, manual: t.result.manual };
};

/** The periods as a centre's own pages need them: which period, and whether it is the current one. */
type PeriodRef = Pick<PeriodProgress, "period" | "current">;

function centrePageOf(cp: CentreProgress, periods: readonly PeriodRef[]): CentrePage {
  const profileYear = cp.years.find((y) => y.collaborationSurvey?.scores !== undefined);
  return {
    cp,
    periods: periods.map((p) => ({ period: p.period, current: p.current, goals: groupsFor(p.period, cp.goals) })),
    ...(profileYear && { profileYear }),
  };
}

function reportPagesOf(cp: CentreProgress, periods: readonly PeriodRef[]): ReportPage[] {
  return cp.years.map((year): ReportPage => {
    const period = periods.find((p) => p.period.startår <= year.year && year.year <= p.period.slutår)?.period;
    return {
      cp,
      year,
      works: cp.works.map((t) => ({ t, ...statusAt(t, year.year) })),
      ...(period && { period }),
      goals: period
        ? groupsFor(period, cp.goals).map((group) => ({
            group,
            rows: group.indicators.map((t) => {
              const value = t.measurements.find((m) => m.year === year.year)?.value;
              return { t, ...statusAt(t, year.year), ...(value !== undefined && { value }) };
            }),
          }))
        : [],
    };
  });
}

/**
 * The views of only some centres, for the dev server's first rebuild part (docs/dev-server.md §2): their
 * centre pages and annual-report drafts are the objects progressViews makes for them, as long as the county
 * basis is the same (centreDerivedBasis); everything that sums up centres is left empty, and the model holds
 * only these centres.
 */
export function ownViews(handbok: Handbok, centreIds: ReadonlySet<string>): ProgressViews {
  const basis = countyBasis(handbok);
  const centres = handbok.familjecentraler
    .filter((c) => centreIds.has(c.id))
    .sort(byCentreName)
    .map((centre) => centreProgress(centre, basis));
  const periods = basis.periods.map((period) => ({ period, current: period.id === handbok.län.aktuell_period }));
  const model: ProgressModel = {
    ...countyYears(basis),
    centres,
    periods: periods.map((p) => ({ ...p, indicators: [], counts: [] })),
  };
  return {
    model,
    centrePages: centres.map((cp) => centrePageOf(cp, periods)),
    goalPages: [],
    reportPages: centres.flatMap((cp) => reportPagesOf(cp, periods)),
    compilationYears: [],
    compilationPages: [],
    county: { reporting: [], visitor: [], collaboration: [], perGoal: [], perKommun: [], worksCounts: [], attention: [], earlier: [] },
    kommuner: [],
    countySplit: false,
    countyKommunPages: [],
    goalsSplit: false,
    goalParts: [],
  };
}

const cache = new WeakMap<Handbok, ProgressViews>();

export function progressViews(handbok: Handbok): ProgressViews {
  const cached = cache.get(handbok);
  if (cached) return cached;
  const model = progressModel(handbok);
  const periods = model.periods;

  const centrePages = model.centres.map((cp) => centrePageOf(cp, periods));

  const goalPages = periods.flatMap((p) =>
    p.period.fokusområden.flatMap((focus) =>
      focus.mål.map((goal): GoalPage => {
        const all = p.indicators.filter((g) => g.goalId === goal.id);
        return {
          period: p.period,
          current: p.current,
          focus,
          goal,
          counts: countStatuses(all.map((g) => g.result.status)),
          indicators: goal.indikatorer.map((indicator) => {
            const rows = model.centres.flatMap((cp) =>
              cp.goals.filter((g) => g.periodId === p.period.id && g.indicator.id === indicator.id).map((progress) => ({ cp, progress })),
            );
            return { id: indicator.id, rows, counts: countStatuses(rows.map((r) => r.progress.result.status)) };
          }),
        };
      }),
    ),
  );

  const reportPages = model.centres.flatMap((cp) => reportPagesOf(cp, periods));

  const compilationYears = [...model.followUpYears].sort((a, b) => b - a);
  const kommuner = kommunGroups(handbok, model);
  const countySplit = model.centres.length > COUNTY_PICTURE_SPLIT_ABOVE;

  return cacheAndReturn(handbok, {
    model,
    centrePages,
    goalPages,
    reportPages,
    compilationYears,
    compilationPages: compilationPages(compilationYears, reportPages, kommuner),
    county: countyPicture(handbok, model),
    kommuner,
    countySplit,
    countyKommunPages: countySplit ? kommuner.map((kommun) => ({ url: `/lagesbild/kommun/${kommun.id}/`, kommun })) : [],
    goalsSplit: countySplit,
    goalParts: countySplit ? goalParts(goalPages, kommuner) : [],
  });
}

function cacheAndReturn(handbok: Handbok, views: ProgressViews): ProgressViews {
  cache.set(handbok, views);
  return views;
}

function countyPicture(handbok: Handbok, model: ProgressModel): CountyPicture {
  const currentPeriod = model.periods.find((p) => p.current);
  const current = currentPeriod?.period;
  // The previous year only when the county followed it up: a year nobody reported is not "missing".
  const reporting = [model.nowYear, model.nowYear - 1]
    .filter((year) => model.followUpYears.includes(year))
    .map((year) =>
      reportingCompleteness(
        model.centres.map((cp) => ({
          centreId: cp.centre.id,
          submitted: cp.centre.uppföljning?.find((e) => e.år === year)?.årsberättelse?.inlämnad,
        })),
        { year, deadline: model.deadline, nowYear: model.nowYear },
      ),
    );
  const visitorYear = model.visitorSurveyYears.at(-1);
  const collaborationYear = model.collaborationSurveyYears.at(-1);
  const inYear = (year: number | undefined) =>
    year === undefined
      ? []
      : model.centres.flatMap((cp) => {
          const report = cp.years.find((y) => y.year === year);
          return report ? [{ cp, report }] : [];
        });
  const currentGoals = currentPeriod?.indicators ?? [];

  const attention = model.centres.flatMap((cp): AttentionItem[] => {
    const reasons: string[] = [];
    const statuses = [...cp.works, ...cp.goals.filter((g) => g.periodId === current?.id)];
    for (const status of ATTENTION) {
      const hits = statuses.filter((t) => t.result.status === status);
      if (hits.length > 0) reasons.push(`${status}: ${hits.map((t) => t.name).join("; ")}`);
    }
    for (const year of reporting) {
      const state = year.centres.find((c) => c.centreId === cp.centre.id)?.state;
      if (state !== undefined && REPORT_PROBLEMS.includes(state))
        reasons.push(`Årsberättelsen för ${year.year} ${state === "sen" ? "kom in sent" : "saknas"}`);
    }
    return reasons.length > 0 ? [{ cp, reasons }] : [];
  });

  return {
    ...(current && { current }),
    reporting,
    ...(visitorYear !== undefined && { visitorYear }),
    visitor: inYear(visitorYear),
    ...(collaborationYear !== undefined && { collaborationYear }),
    collaboration: inYear(collaborationYear),
    perGoal: current
      ? current.fokusområden.flatMap((focus) =>
          focus.mål.map((goal) => ({
            goal,
            focus,
            counts: countStatuses(currentGoals.filter((g) => g.goalId === goal.id).map((g) => g.result.status)),
          })),
        )
      : [],
    perKommun: handbok.län.kommuner
      .map((k) => {
        const centres = model.centres.filter((cp) => cp.centre.kommun === k.id);
        const ids = new Set(centres.map((cp) => cp.centre.id));
        return {
          namn: k.namn,
          centres: centres.length,
          counts: countStatuses(currentGoals.filter((g) => ids.has(g.centreId)).map((g) => g.result.status)),
        };
      })
      .filter((k) => k.centres > 0),
    worksCounts: countStatuses(model.centres.flatMap((cp) => cp.works.map((w) => w.result.status))),
    attention,
    earlier: model.periods.filter((p) => !p.current).map((p) => ({ period: p.period, counts: p.counts })),
  };
}
