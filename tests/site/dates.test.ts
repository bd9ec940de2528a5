import { describe, expect, it } from "vitest";
import { formatDate, isOverdue, referenceDate } from "../../scripts/site/dates.ts";

const months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

describe("formatDate", () => {
  it("writes an ISO date the Swedish way", () => {
    expect(formatDate("2026-10-05", months)).toBe("5 oktober 2026");
  });

  it("passes unknown shapes through", () => {
    expect(formatDate("hösten 2026", months)).toBe("hösten 2026");
  });
});

describe("referenceDate", () => {
  it("prefers FC_BUILD_DATE, then the HEAD commit date, then the content's latest date", () => {
    expect(referenceDate({ env: "2030-01-01", headDate: "2026-11-23", contentDates: [], followUpYear: 2026 })).toBe("2030-01-01");
    expect(referenceDate({ headDate: "2026-11-23", contentDates: ["2027-01-01"], followUpYear: 2026 })).toBe("2026-11-23");
    expect(referenceDate({ contentDates: ["2025-10-15", "2026-02-01", "x"], followUpYear: 2026 })).toBe("2026-02-01");
    expect(referenceDate({ contentDates: [], followUpYear: 2026 })).toBe("2026-12-31");
  });

  it("refuses a malformed FC_BUILD_DATE in Swedish", () => {
    expect(() => referenceDate({ env: "idag", contentDates: [], followUpYear: 2026 })).toThrow(/FC_BUILD_DATE/);
  });
});

describe("isOverdue", () => {
  it("is true only when the next review lies before the reference date", () => {
    expect(isOverdue("2026-11-22", "2026-11-23")).toBe(true);
    expect(isOverdue("2026-11-23", "2026-11-23")).toBe(false);
    expect(isOverdue(undefined, "2026-11-23")).toBe(false);
  });
});
