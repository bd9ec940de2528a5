/**
 * CSV that Swedish Excel opens correctly with a double click: semicolon between fields (the list
 * separator of a Swedish Windows), decimal comma, CRLF line ends and a UTF-8 byte-order mark (without it
 * Excel reads the file as Windows-1252 and å, ä, ö break).
 */

import { roundDecimal } from "./sv.ts";

/** A value that can stand in one CSV cell; null and undefined become an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

export const CSV_SEPARATOR = ";";
export const CSV_LINE_END = "\r\n";
export const UTF8_BOM = "\uFEFF";

/** Characters that make Excel read a text cell as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Characters that force a cell into quotes. */
const NEEDS_QUOTES = /[;"\r\n,]|^\s|\s$/;

/**
 * A number as Excel sv-SE reads it: decimal comma, ASCII hyphen-minus, no thousands separator, and every
 * digit kept (up to 10 decimals) so the download carries the data, not the display.
 *
 * @example
 * csvNumber(-1234.5); // → '-1234,5'
 */
export function csvNumber(value: number): string {
  const { negative, integer, fraction } = roundDecimal(value, { maxDecimals: 10 });
  return `${negative ? "-" : ""}${integer}${fraction === "" ? "" : `,${fraction}`}`;
}

/**
 * One cell: numbers with a decimal comma, booleans as ja/nej, text quoted when it holds a separator,
 * a quote, a line break or edge spaces. Text that Excel would run as a formula gets a leading apostrophe,
 * which Excel shows as plain text; numbers are never touched because they arrive as numbers.
 *
 * @example
 * csvField('Spånga; Tensta'); // → '"Spånga; Tensta"'
 * csvField(17.7); // → '17,7'
 * csvField('=1+1'); // → "'=1+1"
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return csvNumber(value);
  if (typeof value === "boolean") return value ? "ja" : "nej";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A whole file: optional byte-order mark, one line per row, CRLF after every line including the last.
 *
 * @example
 * toCsv([['År', 'Värde'], [2024, 41.5]]); // → '\uFEFFÅr;Värde\r\n2024;41,5\r\n'
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(csvField).join(CSV_SEPARATOR) + CSV_LINE_END).join("");
  return (options.bom ?? true) ? UTF8_BOM + body : body;
}
