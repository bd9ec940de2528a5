/**
 * Swedish display formatting for the whole site: numbers, percentages, survey scales, years and dates.
 *
 * Written by hand instead of calling `Intl` at build time because a Node built with small-icu (or a
 * trimmed ICU) silently falls back to English and the build must be byte-identical on every machine.
 * The output matches what Node 20 with full ICU gives for `sv-SE` (a test checks this where full ICU is
 * present): U+00A0 no-break space between thousands, decimal comma, U+2212 minus sign, rounding half away
 * from zero on the shortest decimal form of the number (so 1.005 → "1,01", like ICU).
 * One deliberate difference: a value that rounds to zero is written "0", never "−0".
 */

/** No-break space: Intl sv-SE's thousands separator and the space before "%". */
export const NBSP = "\u00a0";
/** Typographic minus sign, as Intl sv-SE writes negative numbers. */
export const MINUS = "\u2212";

/** The unit of an indicator (FORMATS.md `enhet`). `skala` is the 1–5 survey scale. */
export type Enhet = "procent" | "antal" | "skala";

export interface NumberOptions {
  /** Most digits after the comma; trailing zeros beyond `minDecimals` are dropped. Default 2. */
  maxDecimals?: number;
  /** Fewest digits after the comma, padded with zeros. Default 0. */
  minDecimals?: number;
  /** Group thousands with a no-break space. Default true; years are never grouped. */
  grouping?: boolean;
}

/** A number split into its rounded decimal digits, without sign. */
export interface DecimalParts {
  negative: boolean;
  integer: string;
  fraction: string;
}

/** The exact decimal digits of a non-negative finite number, never in exponent form. */
function plainDecimal(abs: number): string {
  const shortest = String(abs);
  if (!/e/i.test(shortest)) return shortest;
  return abs >= 1 ? BigInt(abs).toString() : abs.toFixed(20);
}

/** Adds one to a string of decimal digits ("199" → "200", "99" → "100"). */
function incrementDigits(digits: string): string {
  let index = digits.length - 1;
  while (index >= 0 && digits.charCodeAt(index) === 57 /* "9" */) index -= 1;
  if (index < 0) return `1${"0".repeat(digits.length)}`;
  return `${digits.slice(0, index)}${String.fromCharCode(digits.charCodeAt(index) + 1)}${"0".repeat(digits.length - index - 1)}`;
}

/** True when a string of decimal digits is all zeros (or empty). */
function allZeros(digits: string): boolean {
  for (let index = 0; index < digits.length; index += 1) if (digits.charCodeAt(index) !== 48 /* "0" */) return false;
  return true;
}

/**
 * Rounds a number half away from zero on its decimal digits, which avoids the binary surprises of
 * `toFixed` (`(1.005).toFixed(2)` is "1.00").
 *
 * A build formats some hundred thousand numbers at national scale, so this works on the digit string with
 * index arithmetic and takes integers, the common case, without looking at digits at all
 * (docs/build-speed.md §3; tests/format/sv.test.ts compares it with the plain digit-by-digit version).
 *
 * @example
 * roundDecimal(-1234.565, { maxDecimals: 2 }); // → { negative: true, integer: '1234', fraction: '57' }
 */
export function roundDecimal(value: number, options: NumberOptions = {}): DecimalParts {
  if (!Number.isFinite(value)) throw new RangeError(`Kan inte formatera ${String(value)} som ett tal.`);
  const maxDecimals = options.maxDecimals ?? 2;
  const minDecimals = Math.min(options.minDecimals ?? 0, maxDecimals);
  const abs = Math.abs(value);
  // Integers below 10^21 print without exponent or fraction; -0 is not below zero.
  if (Number.isInteger(abs) && abs < 1e21) return { negative: value < 0, integer: String(abs), fraction: "".padEnd(minDecimals, "0") };
  const plain = plainDecimal(abs);
  const dot = plain.indexOf(".");
  let integer = dot < 0 ? plain : plain.slice(0, dot);
  let fraction = dot < 0 ? "" : plain.slice(dot + 1);
  if (fraction.length > maxDecimals) {
    const roundUp = fraction.charCodeAt(maxDecimals) >= 53; /* "5" */
    let digits = integer + fraction.slice(0, maxDecimals);
    if (roundUp) digits = incrementDigits(digits);
    integer = digits.slice(0, digits.length - maxDecimals) || "0";
    fraction = digits.slice(digits.length - maxDecimals);
  }
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48 /* "0" */) end -= 1;
  fraction = fraction.slice(0, end).padEnd(minDecimals, "0");
  const negative = value < 0 && !(allZeros(integer) && allZeros(fraction));
  if (integer.length > 1 && integer.charCodeAt(0) === 48) integer = integer.replace(/^0+(?=\d)/, "");
  return { negative, integer, fraction };
}

/** Puts a no-break space between each group of three digits, from the right. */
function groupThousands(integer: string): string {
  if (integer.length <= 3) return integer;
  return integer.replace(/\B(?=(\d{3})+$)/g, NBSP);
}

/**
 * Formats a number the Swedish way: decimal comma, no-break space between thousands, minus sign U+2212.
 *
 * @example
 * formatNumber(1234.5); // → '1 234,5' (with U+00A0)
 * formatNumber(17.66, { maxDecimals: 1 }); // → '17,7'
 */
export function formatNumber(value: number, options: NumberOptions = {}): string {
  const { negative, integer, fraction } = roundDecimal(value, options);
  const grouped = options.grouping === false ? integer : groupThousands(integer);
  return `${negative ? MINUS : ""}${grouped}${fraction === "" ? "" : `,${fraction}`}`;
}

/**
 * Formats a value already in percent units (41 means 41 %) with a no-break space before the sign.
 *
 * @example
 * formatPercent(41); // → '41 %' (with U+00A0)
 * formatPercent(17.7); // → '17,7 %'
 */
export function formatPercent(value: number, options: NumberOptions = {}): string {
  return `${formatNumber(value, { maxDecimals: 1, ...options })}${NBSP}%`;
}

/**
 * Formats a mean on the 1–5 survey scale, always with one decimal so columns line up.
 *
 * @example
 * formatScale(3.8); // → '3,8 av 5'
 * formatScale(4); // → '4,0 av 5'
 */
export function formatScale(value: number, max = 5): string {
  return `${formatNumber(value, { maxDecimals: 1, minDecimals: 1 })} av ${formatNumber(max)}`;
}

/**
 * Formats a measured value in its indicator's unit.
 *
 * @example
 * formatValue(41, 'procent'); // → '41 %'
 * formatValue(3.84, 'skala'); // → '3,8 av 5'
 * formatValue(1200, 'antal'); // → '1 200'
 */
export function formatValue(value: number, unit: Enhet): string {
  switch (unit) {
    case "procent":
      return formatPercent(value);
    case "skala":
      return formatScale(value);
    case "antal":
      return formatNumber(value, { maxDecimals: 1 });
  }
}

/**
 * Formats a year: digits only, never grouped ("2 025" would be Intl's number format).
 *
 * @example
 * formatYear(2025); // → '2025'
 */
export function formatYear(year: number): string {
  if (!Number.isInteger(year)) throw new RangeError(`Året ${String(year)} är inte ett heltal.`);
  return String(year);
}

/**
 * Formats a span of years with an en dash, as goal periods are written.
 *
 * @example
 * formatYearSpan(2027, 2028); // → '2027–2028'
 */
export function formatYearSpan(start: number, end: number): string {
  return start === end ? formatYear(start) : `${formatYear(start)}–${formatYear(end)}`;
}

/** Swedish month names, January first; lowercase as Swedish writes them. */
export const MONTH_NAMES = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
] as const;

export type MonthName = (typeof MONTH_NAMES)[number];

/**
 * The Swedish name of a month numbered 1–12.
 *
 * @example
 * monthName(1); // → 'januari'
 */
export function monthName(month: number): MonthName {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined || !Number.isInteger(month)) throw new RangeError(`Månad ${String(month)} finns inte (1–12).`);
  return name;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  // Every date read goes through here (parseIsoDate); a table instead of a Date object per call
  // (docs/build-speed.md §3). Date.UTC reads the years 0–99 as 1900–1999, so the table does too.
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || !Number.isSafeInteger(year))
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month !== 2) return MONTH_DAYS[month - 1] ?? 31;
  const y = year >= 0 && year <= 99 ? year + 1900 : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

/**
 * Reads a `YYYY-MM-DD` string as a real calendar date, or returns undefined (2025-02-29 is not one).
 *
 * @example
 * parseIsoDate('2025-01-24'); // → { year: 2025, month: 1, day: 24 }
 * parseIsoDate('2025-02-29'); // → undefined
 */
export function parseIsoDate(iso: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/**
 * Formats an ISO date as Swedish text. Throws on a string that is not a real date, because validation
 * should have stopped it long before output.
 *
 * @example
 * formatDate('2025-01-24'); // → '24 januari 2025'
 */
export function formatDate(iso: string): string {
  const date = parseIsoDate(iso);
  if (date === undefined) throw new RangeError(`"${iso}" är inget giltigt datum (ÅÅÅÅ-MM-DD).`);
  return `${date.day} ${monthName(date.month)} ${date.year}`;
}

/**
 * A `<time>` element that shows the Swedish date and keeps the ISO date machine-readable.
 *
 * @example
 * timeElement('2025-01-24'); // → '<time datetime="2025-01-24">24 januari 2025</time>'
 */
export function timeElement(iso: string): string {
  // formatDate has validated the string, so it holds only digits and dashes and needs no escaping.
  const text = formatDate(iso);
  return `<time datetime="${iso}">${text}</time>`;
}

/**
 * A count with the right Swedish noun form: singular only for exactly one (and minus one).
 *
 * @example
 * pluralize(1, 'dag', 'dagar'); // → '1 dag'
 * pluralize(0, 'svar', 'svar'); // → '0 svar'
 */
export function pluralize(count: number, singular: string, plural: string): string {
  return `${formatNumber(count)} ${Math.abs(count) === 1 ? singular : plural}`;
}

/**
 * A number of days: "1 dag", "2 dagar".
 *
 * @example
 * formatDays(3); // → '3 dagar'
 */
export function formatDays(count: number): string {
  return pluralize(count, "dag", "dagar");
}
