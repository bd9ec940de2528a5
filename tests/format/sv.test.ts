import { describe, expect, it } from "vitest";

import {
  daysInMonth,
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
  type DecimalParts,
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

  it("gives the same digits as the plain digit-by-digit rounding it replaced, on integers and fractions of every size", () => {
    // The version before the fast paths (docs/build-speed.md §3), kept here as the reference.
    const incrementDigits = (digits: string): string => {
      const chars = digits.split("");
      for (let index = chars.length - 1; index >= 0; index -= 1) {
        if (chars[index] === "9") {
          chars[index] = "0";
        } else {
          chars[index] = String(Number(chars[index]) + 1);
          return chars.join("");
        }
      }
      return `1${chars.join("")}`;
    };
    const reference = (value: number, maxDecimals: number, minDecimalsOption: number): DecimalParts => {
      const minDecimals = Math.min(minDecimalsOption, maxDecimals);
      const abs = Math.abs(value);
      const shortest = String(abs);
      const plain = /e/i.test(shortest) ? (abs >= 1 ? BigInt(abs).toString() : abs.toFixed(20)) : shortest;
      const [integerPart = "0", fractionPart = ""] = plain.split(".");
      let integer = integerPart;
      let fraction = fractionPart;
      if (fraction.length > maxDecimals) {
        const roundUp = (fraction[maxDecimals] ?? "0") >= "5";
        let digits = integer + fraction.slice(0, maxDecimals);
        if (roundUp) digits = incrementDigits(digits);
        integer = digits.slice(0, digits.length - maxDecimals) || "0";
        fraction = digits.slice(digits.length - maxDecimals);
      }
      fraction = fraction.replace(/0+$/, "").padEnd(minDecimals, "0");
      const isZero = /^0*$/.test(integer + fraction);
      return { negative: value < 0 && !isZero, integer: integer.replace(/^0+(?=\d)/, ""), fraction };
    };
    // A fixed pseudo-random sequence (no Math.random: a failure must be reproducible).
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const values = [
      0,
      -0,
      1,
      -1,
      9.995,
      -9.995,
      0.5,
      -0.5,
      0.05,
      -0.004,
      99.95,
      999.9996,
      1e21,
      -1e21,
      1.5e-7,
      -1.5e-7,
      5e-324,
      2 ** 53,
      123456789.98765,
    ];
    for (let i = 0; i < 2000; i++) {
      const magnitude = 10 ** Math.floor(next() * 12 - 4);
      const raw = (next() - 0.5) * magnitude;
      values.push(raw, Math.round(raw), Math.round(raw * 100) / 100, Math.round(raw * 10) / 10 + 0.05);
    }
    const mismatches: string[] = [];
    for (const value of values)
      for (const [maxDecimals, minDecimals] of [
        [2, 0],
        [1, 0],
        [1, 1],
        [10, 0],
        [0, 0],
        [3, 2],
      ] as const) {
        const ours = roundDecimal(value, { maxDecimals, minDecimals });
        const expected = reference(value, maxDecimals, minDecimals);
        if (JSON.stringify(ours) !== JSON.stringify(expected)) mismatches.push(`${value} ${maxDecimals}/${minDecimals}`);
      }

    expect(mismatches).toEqual([]);
  });
});

describe("daysInMonth", () => {
  it("counts the days of every month of the years 0–2999 exactly as Date.UTC does", () => {
    const mismatches: string[] = [];
    for (let year = 0; year < 3000; year++)
      for (let month = 1; month <= 12; month++)
        if (daysInMonth(year, month) !== new Date(Date.UTC(year, month, 0)).getUTCDate()) mismatches.push(`${year}-${month}`);

    expect(mismatches).toEqual([]);
    expect([daysInMonth(2024, 2), daysInMonth(2100, 2), daysInMonth(2000, 2), daysInMonth(-4, 2)]).toEqual([29, 28, 29, 29]);
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
