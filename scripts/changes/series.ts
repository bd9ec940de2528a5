import type { Enhet, Familjecentral, Handbok } from "../model/types.ts";
import { progressModel, type TrackedIndicator } from "../progress/model.ts";

/** One indicator followed at one centre: an improvement work, or a county-goal indicator in a period. */
export interface Serie {
  key: string;
  namn: string;
  enhet: Enhet;
  värden: Map<number, number>;
  status: string;
  /** The tracked indicator behind the series, as the progress pages show it. */
  tracked: TrackedIndicator;
}

/**
 * Every indicator series of a centre, with its values by year and its status, taken from the progress
 * model itself so that the pull-request summary and the progress pages always agree. A county-goal series
 * includes the centre's own baseline-year value (the year before the period), since a report can set it.
 */
export function centreSeries(handbok: Handbok, centre: Familjecentral): Serie[] {
  const cp = progressModel(handbok).centres.find((c) => c.centre.id === centre.id);
  if (!cp) return [];
  const out: Serie[] = [];
  for (const work of cp.works)
    out.push({
      key: `arbete:${work.workId}`,
      namn: work.name,
      enhet: work.unit,
      värden: new Map(work.measurements.map((m) => [m.year, m.value])),
      status: work.result.status,
      tracked: work,
    });
  for (const goal of cp.goals) {
    const own = goal.baselineSource === "egen mätning" && goal.baseline ? [goal.baseline] : [];
    const values = [...own, ...goal.measurements];
    if (values.length === 0 && !goal.manual) continue;
    out.push({
      key: `länsmål:${goal.periodId}:${goal.indicator.id}`,
      namn: goal.name,
      enhet: goal.unit,
      värden: new Map(values.map((m) => [m.year, m.value])),
      status: goal.result.status,
      tracked: goal,
    });
  }
  return out;
}
