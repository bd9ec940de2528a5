import { describe, expect, it } from "vitest";

import {
  formatDate,
  formatDays,
  formatNumber,
  formatPercent,
  formatScale,
  formatValue,
  formatYear,
  formatYearSpan,
  monthName,
  parseIsoDate,
  pluralize,
  roundDecimal,
  timeElement,
} from "../../scripts/format/sv.ts";

const hasFullSwedishIcu =
  Intl.NumberFormat.supportedLocalesOf(["sv-SE"]).length === 1 && new Intl.NumberFormat("sv-SE").format(1234.5) === "1\u00a0234,5";

describe("formatNumber", () => {
  it("writes a decimal comma and a no-break space between thousands", () => {
    const value = 1234.5;

    const text = formatNumber(value);

    expect(text).toBe("1\u00a0234,5");
  });

  it("groups millions and leaves three-digit numbers alone", () => {
    expect(formatNumber(1234567)).toBe("1\u00a0234\u00a0567");
    expect(formatNumber(999)).toBe("999");
  });

  it("writes negative numbers with the minus sign U+2212", () => {
    const value = -1234.5;

    const text = formatNumber(value);

    expect(text).toBe("\u22121\u00a0234,5");
  });

  it("rounds half away from zero on the decimal digits, not the binary value", () => {
    expect(formatNumber(1.005, { maxDecimals: 2 })).toBe("1,01");
    expect(formatNumber(2.5, { maxDecimals: 0 })).toBe("3");
    expect(formatNumber(-2.5, { maxDecimals: 0 })).toBe("\u22123");
    expect(formatNumber(999.96, { maxDecimals: 1 })).toBe("1\u00a0000");
  });

  it("never writes minus zero", () => {
    const value = -0.04;

    const text = formatNumber(value, { maxDecimals: 1 });

    expect(text).toBe("0");
  });

  it("pads to the minimum number of decimals and drops trailing zeros beyond it", () => {
    expect(formatNumber(4, { minDecimals: 1, maxDecimals: 1 })).toBe("4,0");
    expect(formatNumber(4.1, { maxDecimals: 3 })).toBe("4,1");
  });

  it("writes very large and very small numbers without exponent notation", () => {
    expect(formatNumber(1e21)).toBe("1\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000");
    expect(formatNumber(1.5e-7, { maxDecimals: 2 })).toBe("0");
  });

  it("refuses values that are not finite numbers", () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
  });

  it.runIf(hasFullSwedishIcu)("matches Intl sv-SE where the machine has full ICU data", () => {
    const values = [0, 7, 17.7, 999, 1234.5, 1234567.891, -42.25, 100000, 0.125];

    const ours = values.map((value) => formatNumber(value, { maxDecimals: 2 }));

    const intl = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 });
    expect(ours).toEqual(values.map((value) => intl.format(value)));
  });
});

describe("roundDecimal", () => {
  it("carries into the integer part when the fraction rounds up", () => {
    const value = 9.995;

    const parts = roundDecimal(value, { maxDecimals: 2 });

    expect(parts).toEqual({ negative: false, integer: "10", fraction: "" });
  });
});

describe("formatPercent, formatScale and formatValue", () => {
  it("writes a percentage with a no-break space before the sign", () => {
    expect(formatPercent(41)).toBe("41\u00a0%");
    expect(formatPercent(17.66)).toBe("17,7\u00a0%");
  });

  it("writes a survey mean with one decimal out of five", () => {
    expect(formatScale(3.8)).toBe("3,8 av 5");
    expect(formatScale(4)).toBe("4,0 av 5");
    expect(formatScale(3.25)).toBe("3,3 av 5");
  });

  it("chooses the format from the indicator unit", () => {
    expect(formatValue(41, "procent")).toBe("41\u00a0%");
    expect(formatValue(3.84, "skala")).toBe("3,8 av 5");
    expect(formatValue(1200, "antal")).toBe("1\u00a0200");
  });
});

describe("years and months", () => {
  it("never groups the digits of a year", () => {
    expect(formatYear(2025)).toBe("2025");
  });

  it("joins a period of years with an en dash", () => {
    expect(formatYearSpan(2027, 2028)).toBe("2027–2028");
    expect(formatYearSpan(2027, 2027)).toBe("2027");
  });

  it("names months in lowercase Swedish", () => {
    expect([1, 5, 12].map(monthName)).toEqual(["januari", "maj", "december"]);
    expect(() => monthName(13)).toThrow(RangeError);
  });
});

describe("dates", () => {
  it("writes an ISO date as day, month name and year", () => {
    const iso = "2025-01-24";

    const text = formatDate(iso);

    expect(text).toBe("24 januari 2025");
  });

  it("keeps the ISO date in the datetime attribute of a time element", () => {
    expect(timeElement("2025-03-01")).toBe('<time datetime="2025-03-01">1 mars 2025</time>');
  });

  it("accepts only real calendar dates", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate("2025-02-29")).toBeUndefined();
    expect(parseIsoDate("2025-1-24")).toBeUndefined();
    expect(() => formatDate("<script>")).toThrow(RangeError);
  });

  it.runIf(hasFullSwedishIcu)("matches Intl sv-SE long dates where the machine has full ICU data", () => {
    const iso = "2025-10-05";

    const ours = formatDate(iso);

    const intl = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    expect(ours).toBe(intl.format(new Date(Date.UTC(2025, 9, 5))));
  });
});

describe("plurals", () => {
  it("uses the singular only for exactly one", () => {
    expect(formatDays(1)).toBe("1 dag");
    expect(formatDays(2)).toBe("2 dagar");
    expect(formatDays(0)).toBe("0 dagar");
    expect(pluralize(1, "centrum", "centrum")).toBe("1 centrum");
  });
});
