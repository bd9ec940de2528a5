/**
 * Counts across centres for the county picture (lägesbild): statuses per goal, annual-report
 * completeness per year and visitor-survey answers against the quota.
 *
 * Decisions:
 * - Reporting without the clock. The report for year Y is due on MM-DD of Y + 1. A missing report
 *   counts as `saknas` only once the deadline has passed, and "now" is the county's follow-up year:
 *   for Y < uppföljningsår the deadline has passed; for Y ≥ uppföljningsår the county is still
 *   collecting, so the report is `ej inlämnad än`. The county moves on by raising `uppföljningsår`.
 *   A caller that knows a date (say, a decision date in the data) may pass `asOf` instead, and then the
 *   deadline has passed when `asOf` is later than the deadline date.
 * - A report submitted on the deadline day is in time. A submitted report is judged by its date alone,
 *   whatever the follow-up year.
 * - A deadline day that does not exist in that year (02-29) falls on the last day of the month.
 * - Visitor-survey quota: stor → 100 answers, liten → 50; unknown size has no quota, so it is reported
 *   as `ingen kvot` with the answer count rather than guessed.
 */

import { daysInMonth, parseIsoDate, type CalendarDate } from "../format/sv.ts";
import { STATUSES, type ProgressStatus } from "./status.ts";
import { VISITOR_SURVEY_QUOTA, type Storlek } from "../model/survey.ts";

export interface Count<T> {
  key: T;
  count: number;
}

/**
 * Counts values in a fixed order, zeroes included, so tables and charts always have the same columns.
 *
 * @example
 * countInOrder(['b', 'a', 'b'], ['a', 'b', 'c']); // → [{ key: 'a', count: 1 }, { key: 'b', count: 2 }, { key: 'c', count: 0 }]
 */
export function countInOrder<T>(values: Iterable<T>, order: readonly T[]): Count<T>[] {
  const counts = new Map<T, number>(order.map((key) => [key, 0]));
  for (const value of values) {
    const current = counts.get(value);
    if (current === undefined) throw new RangeError(`Okänt värde att räkna: ${String(value)}`);
    counts.set(value, current + 1);
  }
  return order.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

/**
 * How many indicators have each progress status, in the order of docs/progress-method.md §2, zeroes included.
 *
 * @example
 * countStatuses(['I fas', 'Uppnått', 'I fas'])[1]; // → { key: 'I fas', count: 2 }
 */
export function countStatuses(statuses: Iterable<ProgressStatus>): Count<ProgressStatus>[] {
  return countInOrder(statuses, STATUSES);
}

export const REPORTING_STATES = ["i tid", "sen", "saknas", "ej inlämnad än"] as const;
export type ReportingState = (typeof REPORTING_STATES)[number];

export interface ReportingOptions {
  /** The follow-up year the annual report describes. */
  year: number;
  /** lan.yaml `tidsfrister.årsberättelse`: "MM-DD" in the year after `year`. */
  deadline: string;
  /** lan.yaml `uppföljningsår`. */
  nowYear: number;
  /** Optional known date (YYYY-MM-DD) that decides whether the deadline has passed, instead of nowYear. */
  asOf?: string | undefined;
}

function pad(number: number): string {
  return String(number).padStart(2, "0");
}

/**
 * The date a year's annual report is due, as YYYY-MM-DD.
 *
 * @example
 * reportDeadlineDate(2024, '01-31'); // → '2025-01-31'
 * reportDeadlineDate(2026, '02-29'); // → '2027-02-28'
 */
export function reportDeadlineDate(year: number, deadline: string): string {
  const match = /^(\d{2})-(\d{2})$/.exec(deadline);
  const month = Number(match?.[1]);
  const day = Number(match?.[2]);
  if (match === null || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new RangeError(`Tidsfristen "${deadline}" ska skrivas MM-DD, till exempel 01-31.`);
  }
  const dueYear = year + 1;
  return `${dueYear}-${pad(month)}-${pad(Math.min(day, daysInMonth(dueYear, month)))}`;
}

function requireDate(iso: string, what: string): CalendarDate {
  const date = parseIsoDate(iso);
  if (date === undefined) throw new RangeError(`${what} "${iso}" är inget giltigt datum (ÅÅÅÅ-MM-DD).`);
  return date;
}

/**
 * Whole days from one ISO date to another (positive when `to` is later).
 *
 * @example
 * daysBetween('2025-01-31', '2025-02-03'); // → 3
 */
export function daysBetween(from: string, to: string): number {
  const dayNumber = (iso: string): number => {
    const { year, month, day } = requireDate(iso, "Datumet");
    return Date.UTC(year, month - 1, day) / 86_400_000;
  };
  return dayNumber(to) - dayNumber(from);
}

/**
 * Whether one centre's annual report for a year came in time, late, is missing, or is not due yet.
 *
 * @example
 * reportingState('2025-02-03', { year: 2024, deadline: '01-31', nowYear: 2025 }); // → 'sen'
 * reportingState(null, { year: 2025, deadline: '01-31', nowYear: 2025 }); // → 'ej inlämnad än'
 */
export function reportingState(submitted: string | null | undefined, options: ReportingOptions): ReportingState {
  const due = reportDeadlineDate(options.year, options.deadline);
  if (submitted !== null && submitted !== undefined) {
    requireDate(submitted, "Inlämningsdatumet");
    // ISO dates compare correctly as strings.
    return submitted <= due ? "i tid" : "sen";
  }
  const { asOf } = options;
  if (asOf !== undefined) requireDate(asOf, "Datumet");
  const passed = asOf !== undefined ? asOf > due : options.year < options.nowYear;
  return passed ? "saknas" : "ej inlämnad än";
}

export interface ReportSubmission {
  centreId: string;
  /** `årsberättelse.inlämnad`; null or undefined when not submitted. */
  submitted?: string | null | undefined;
}

export interface CentreReporting {
  centreId: string;
  state: ReportingState;
  submitted?: string;
  /** Days after the deadline, only for `sen`. */
  daysLate?: number;
}

export interface ReportingCompleteness {
  year: number;
  deadlineDate: string;
  centres: CentreReporting[];
  counts: Count<ReportingState>[];
}

/**
 * Annual-report completeness for one year across centres, in the order the centres were given.
 *
 * @example
 * reportingCompleteness([{ centreId: 'a', submitted: '2025-01-24' }], { year: 2024, deadline: '01-31', nowYear: 2025 })
 *   .counts[0]; // → { key: 'i tid', count: 1 }
 */
export function reportingCompleteness(submissions: readonly ReportSubmission[], options: ReportingOptions): ReportingCompleteness {
  const deadlineDate = reportDeadlineDate(options.year, options.deadline);
  const centres = submissions.map(({ centreId, submitted }): CentreReporting => {
    const state = reportingState(submitted, options);
    if (submitted === null || submitted === undefined) return { centreId, state };
    if (state === "sen") return { centreId, state, submitted, daysLate: daysBetween(deadlineDate, submitted) };
    return { centreId, state, submitted };
  });
  return {
    year: options.year,
    deadlineDate,
    centres,
    counts: countInOrder(
      centres.map((centre) => centre.state),
      REPORTING_STATES,
    ),
  };
}

// The quota itself lives with the model, so the validator's rules can use it without reaching up here.
export { VISITOR_SURVEY_QUOTA, type Storlek };

export const SURVEY_STATES = ["kvot nådd", "under kvot", "ingen kvot", "saknas"] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];

export interface SurveyCompletion {
  state: SurveyState;
  answers?: number;
  quota?: number;
  /** answers / quota; may exceed 1. */
  share?: number;
}

/**
 * A centre's visitor-survey answers against its quota. Pass `undefined` answers only for a survey year
 * in which the centre reported nothing.
 *
 * @example
 * visitorSurveyCompletion(104, 'stor'); // → { state: 'kvot nådd', answers: 104, quota: 100, share: 1.04 }
 * visitorSurveyCompletion(30, undefined); // → { state: 'ingen kvot', answers: 30 }
 */
export function visitorSurveyCompletion(answers: number | undefined, storlek: Storlek | undefined): SurveyCompletion {
  const quota = storlek === undefined ? undefined : VISITOR_SURVEY_QUOTA[storlek];
  if (answers === undefined) return quota === undefined ? { state: "saknas" } : { state: "saknas", quota };
  if (quota === undefined) return { state: "ingen kvot", answers };
  return { state: answers >= quota ? "kvot nådd" : "under kvot", answers, quota, share: answers / quota };
}
