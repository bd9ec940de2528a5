import { describe, expect, it } from "vitest";
import type { UppfoljningFil } from "../../scripts/model/types.ts";
import { checkReport, type PeriodRef, type ReportEnv } from "../../scripts/validate/rules/year-report.ts";

// checkReport works out a year's goals and the set of centre ids once per list it is given and reuses them
// (docs/validation-speed.md §2). These tests pin that the reuse never hides a change: a caller that passes a
// different list, as the report form does after each edit of its configuration, gets answers for that list.

const period = (id: string, startår: number, slutår: number, goal: string, indicator: string): PeriodRef => ({
  id,
  startår,
  slutår,
  goals: [{ id: goal, namn: goal, indikatorer: [{ id: indicator, namn: indicator, enhet: "procent" }] }],
});

const report = (familjecentral: string, år: number, mål: string, indikator: string): UppfoljningFil => ({
  familjecentral,
  år,
  länsmål: [{ mål, aktiviteter: [], mätningar: [{ indikator, värde: 50 }] }],
});

const rules = (env: ReportEnv, file: UppfoljningFil): string[] => checkReport(file, env).map((p) => `${p.rule} ${p.path.join(".")}`);

describe("the year-file rules reuse what depends only on their lists, never across lists", () => {
  it("sees a centre that a new list of centres adds, and keeps answering for the old list", () => {
    const periods = [period("2024-2025", 2024, 2025, "mal-a", "ind-a")];
    const before = ["norrby"];
    const after = ["norrby", "söderby"];
    const file = report("söderby", 2025, "mal-a", "ind-a");

    expect(rules({ periods, centres: before }, file)).toEqual(["referens familjecentral"]);
    expect(rules({ periods, centres: after }, file)).toEqual([]);
    expect(rules({ periods, centres: before }, file)).toEqual(["referens familjecentral"]);
  });

  it("reads each year's goals from the periods it is given", () => {
    const first = [period("2024-2025", 2024, 2025, "mal-a", "ind-a")];
    const second = [period("2024-2025", 2024, 2025, "mal-b", "ind-b")];

    expect(rules({ periods: first }, report("norrby", 2025, "mal-a", "ind-a"))).toEqual([]);
    expect(rules({ periods: second }, report("norrby", 2025, "mal-a", "ind-a"))).toEqual(["referens länsmål.0.mål"]);
    expect(rules({ periods: second }, report("norrby", 2025, "mal-b", "ind-a"))).toEqual(["referens länsmål.0.mätningar.0.indikator"]);
    // The same periods, another year: the baseline year before the period has the period's goals, others none.
    expect(rules({ periods: first }, report("norrby", 2023, "mal-a", "ind-a"))).toEqual([]);
    expect(rules({ periods: first }, report("norrby", 2022, "mal-a", "ind-a"))).toEqual(["period länsmål"]);
  });
});
