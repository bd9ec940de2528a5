import { describe, expect, it } from "vitest";

import {
  countInOrder,
  countStatuses,
  daysBetween,
  reportDeadlineDate,
  reportingCompleteness,
  reportingState,
  visitorSurveyCompletion,
} from "../../scripts/progress/aggregate.ts";

describe("countStatuses", () => {
  it("counts every status in the fixed order of docs/progress-method.md §2, zeroes included", () => {
    const statuses = ["I fas", "Uppnått", "I fas", "Underlag saknas"] as const;

    const counts = countStatuses(statuses);

    expect(counts).toEqual([
      { key: "Uppnått", count: 1 },
      { key: "I fas", count: 2 },
      { key: "Behöver skyndas på", count: 0 },
      { key: "Begränsade framsteg", count: 0 },
      { key: "Försämring", count: 0 },
      { key: "Ej uppnått", count: 0 },
      { key: "Underlag saknas", count: 1 },
    ]);
  });

  it("gives all zeroes for an empty list", () => {
    const counts = countStatuses([]);

    expect(counts.map((entry) => entry.count)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe("countInOrder", () => {
  it("refuses a value outside the order instead of dropping it silently", () => {
    expect(() => countInOrder(["x"], ["a", "b"])).toThrow(RangeError);
  });
});

describe("reportDeadlineDate", () => {
  it("puts the deadline in the year after the follow-up year", () => {
    expect(reportDeadlineDate(2024, "01-31")).toBe("2025-01-31");
  });

  it("moves a 29 February deadline to the 28th in a year without one", () => {
    expect(reportDeadlineDate(2026, "02-29")).toBe("2027-02-28");
    expect(reportDeadlineDate(2027, "02-29")).toBe("2028-02-29");
  });

  it("refuses a deadline that is not MM-DD", () => {
    expect(() => reportDeadlineDate(2024, "1-31")).toThrow(/MM-DD/);
    expect(() => reportDeadlineDate(2024, "13-01")).toThrow(RangeError);
  });
});

describe("reportingState", () => {
  const options = { year: 2024, deadline: "01-31", nowYear: 2025 };

  it("is i tid for a report submitted on the deadline day", () => {
    expect(reportingState("2025-01-31", options)).toBe("i tid");
  });

  it("is sen for a report submitted after the deadline", () => {
    expect(reportingState("2025-02-01", options)).toBe("sen");
  });

  it("is saknas for a missing report once the follow-up year has moved past it", () => {
    expect(reportingState(null, options)).toBe("saknas");
    expect(reportingState(undefined, options)).toBe("saknas");
  });

  it("is ej inlämnad än for a missing report of the current follow-up year", () => {
    expect(reportingState(null, { ...options, nowYear: 2024 })).toBe("ej inlämnad än");
  });

  it("lets a known date decide instead of the follow-up year", () => {
    const current = { ...options, nowYear: 2024 };

    expect(reportingState(null, { ...current, asOf: "2025-01-31" })).toBe("ej inlämnad än");
    expect(reportingState(null, { ...current, asOf: "2025-02-01" })).toBe("saknas");
  });

  it("refuses a submission date that is not a real date", () => {
    expect(() => reportingState("2025-02-30", options)).toThrow(/Inlämningsdatumet/);
  });
});

describe("reportingCompleteness", () => {
  it("gives each centre its state, the days late, and counts in a fixed order", () => {
    const submissions = [
      { centreId: "spanga-tensta", submitted: "2025-01-24" },
      { centreId: "fittja", submitted: "2025-02-03" },
      { centreId: "alby", submitted: null },
      { centreId: "rinkeby" },
    ];

    const result = reportingCompleteness(submissions, { year: 2024, deadline: "01-31", nowYear: 2025 });

    expect(result).toEqual({
      year: 2024,
      deadlineDate: "2025-01-31",
      centres: [
        { centreId: "spanga-tensta", state: "i tid", submitted: "2025-01-24" },
        { centreId: "fittja", state: "sen", submitted: "2025-02-03", daysLate: 3 },
        { centreId: "alby", state: "saknas" },
        { centreId: "rinkeby", state: "saknas" },
      ],
      counts: [
        { key: "i tid", count: 1 },
        { key: "sen", count: 1 },
        { key: "saknas", count: 2 },
        { key: "ej inlämnad än", count: 0 },
      ],
    });
  });

  it("counts days across a month end and a leap day", () => {
    expect(daysBetween("2028-01-31", "2028-03-01")).toBe(30);
  });
});

describe("visitorSurveyCompletion", () => {
  it("reaches the quota of a large centre at 100 answers", () => {
    expect(visitorSurveyCompletion(104, "stor")).toEqual({ state: "kvot nådd", answers: 104, quota: 100, share: 1.04 });
    expect(visitorSurveyCompletion(100, "stor").state).toBe("kvot nådd");
  });

  it("is under kvot for a small centre below 50 answers", () => {
    expect(visitorSurveyCompletion(49, "liten")).toEqual({ state: "under kvot", answers: 49, quota: 50, share: 0.98 });
  });

  it("has no quota when the centre size is unknown", () => {
    expect(visitorSurveyCompletion(30, undefined)).toEqual({ state: "ingen kvot", answers: 30 });
  });

  it("is saknas when a survey year has no answers reported", () => {
    expect(visitorSurveyCompletion(undefined, "liten")).toEqual({ state: "saknas", quota: 50 });
    expect(visitorSurveyCompletion(undefined, undefined)).toEqual({ state: "saknas" });
  });
});
