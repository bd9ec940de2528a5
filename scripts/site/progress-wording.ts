import { formatDate, formatPercent } from "../format/sv.ts";
import type { Count } from "../progress/aggregate.ts";
import type { TrackedIndicator } from "../progress/model.ts";
import type { ProgressStatus } from "../progress/status.ts";
import type { CountyPicture } from "../progress/views.ts";

// Plain-Swedish wording of an indicator's progress for readers. The status method's own figures
// (achieved share a, expected share e) stay in the CSV and JSON downloads; the page says what they mean:
// how much of the way from the starting point to the target, and how much of the time, had gone by the
// latest measurement.

const share = (value: number): string => formatPercent(value * 100, { maxDecimals: 0 });

/**
 * True when there is anything to draw or say beyond "missing": a starting point, a measurement, or a status
 * a coordinator set by hand with its reason (which the compact list of missing data would hide).
 */
export function hasMeasurements(t: TrackedIndicator): boolean {
  return t.baseline !== undefined || t.measurements.length > 0 || t.result.latest !== undefined || t.result.manual === true;
}

/** When the target is due, as a reader says it: "senast 30 november 2021", "senast 2028" or unknown. */
export function deadlineText(t: TrackedIndicator): string {
  // A work whose source gives no target has no deadline either (docs/kallor-och-tolkningar.md).
  if ("deadlineUnknown" in t && t.deadlineUnknown) return "målår saknas";
  return `senast ${t.deadlineDate ? formatDate(t.deadlineDate) : String(t.deadlineYear)}`;
}

/** One sentence on how far the indicator has come, or an empty string when it cannot be said. */
export function progressSentence(t: TrackedIndicator): string {
  const { achieved, expected, latest } = t.result;
  if (achieved === undefined || expected === undefined || !latest) return "";
  const when = `Vid mätningen ${latest.year}`;
  const time = `${share(Math.min(Math.max(expected, 0), 1))} av tiden fram till målåret hade gått`;
  if (achieved < 0) return `${when} hade värdet gått åt fel håll sedan utgångsläget, och ${time}.`;
  if (achieved >= 1) return `${when} var målvärdet nått (${share(achieved)} av vägen från utgångsläget), och ${time}.`;
  return `${when} var ${share(achieved)} av vägen från utgångsläget till målvärdet avklarad, och ${time}.`;
}

/**
 * True when the county picture has anything to show: a submitted annual report, survey answers, or an
 * indicator with a status other than "Underlag saknas". Without any, /lagesbild/ says in one sentence what
 * is missing and when it is due, instead of tables of zeros.
 */
export function countyHasData(lb: CountyPicture): boolean {
  const reports = lb.reporting.some((r) => r.centres.some((c) => c.submitted !== undefined));
  const visitor = lb.visitor.some((v) => v.report.visitorSurvey?.answers !== undefined);
  const collaboration = lb.collaboration.some((v) => v.report.collaborationSurvey?.done === true);
  const counted = (counts: Count<ProgressStatus>[]): boolean => counts.some((c) => c.key !== "Underlag saknas" && c.count > 0);
  const statuses = counted(lb.worksCounts) || lb.perGoal.some((g) => counted(g.counts));
  return reports || visitor || collaboration || statuses;
}
