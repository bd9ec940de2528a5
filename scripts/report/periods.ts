import type { Mal, Malperiod } from "../model/types.ts";

/** A goal period as far as one follow-up year is concerned. */
export interface PeriodForYear {
  period: Malperiod;
  /**
   * True when the year is the year before the period starts: the period's baseline year. The centre's
   * values that year become its own baseline for the period's indicators (docs/uppfoljning.md).
   */
  baselineYear: boolean;
}

/**
 * The goal periods whose indicators a centre may report in `year`: the period the year lies in, and the
 * period that starts the year after (its baseline year). Containing period first.
 */
export function periodsForYear(perioder: readonly Malperiod[], year: number): PeriodForYear[] {
  const inside = perioder.filter((p) => year >= p.startår && year <= p.slutår).map((period) => ({ period, baselineYear: false }));
  const before = perioder.filter((p) => p.startår === year + 1).map((period) => ({ period, baselineYear: true }));
  return [...inside, ...before];
}

/** Every goal a centre may report in `year`, each with the period it comes from (first period wins on a shared id). */
export function goalsForYear(perioder: readonly Malperiod[], year: number): { goal: Mal; period: Malperiod; baselineYear: boolean }[] {
  const seen = new Set<string>();
  const out: { goal: Mal; period: Malperiod; baselineYear: boolean }[] = [];
  for (const { period, baselineYear } of periodsForYear(perioder, year))
    for (const focus of period.fokusområden)
      for (const goal of focus.mål) {
        if (seen.has(goal.id)) continue;
        seen.add(goal.id);
        out.push({ goal, period, baselineYear });
      }
  return out;
}
