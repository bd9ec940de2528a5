/**
 * Small helpers shared by the SVG charts: rounding coordinates so output is short and deterministic,
 * and the id rule for `aria-labelledby`.
 */

/**
 * A coordinate rounded to one decimal, written without trailing zeros and never as "-0".
 *
 * @example
 * coord(12.345); // → '12.3'
 * coord(-0.04); // → '0'
 */
export function coord(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/**
 * Checks that a chart id can be used in `id` and in the space-separated `aria-labelledby` list; ids
 * come from data slugs, and a bad one is a programming error, not a coordinator's.
 *
 * @example
 * chartId('forstagangsforaldrar-of'); // → 'forstagangsforaldrar-of'
 */
export function chartId(id: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) throw new RangeError(`Diagrammets id "${id}" får bara innehålla a–z, 0–9, - och _.`);
  return id;
}

/**
 * Estimated width of a label in viewBox units, for laying out legends without a browser to measure in.
 * Generous on purpose (0.6 em a character) so that items never overlap.
 *
 * @example
 * textWidth('Mätning', 13); // → 54.6
 */
export function textWidth(text: string, fontSize: number): number {
  return Math.round([...text].length * fontSize * 0.6 * 10) / 10;
}
