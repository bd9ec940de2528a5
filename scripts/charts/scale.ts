/**
 * Axis scales for the build-time charts. Tick values are rounded to 10 decimals so that 0.1 + 0.2 style
 * noise never reaches the output, which must be byte-identical between builds.
 */

export interface Ticks {
  min: number;
  max: number;
  step: number;
  values: number[];
}

function clean(value: number): number {
  const rounded = Number(value.toFixed(10));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * The nearest "nice" step (1, 2, 2.5 or 5 times a power of ten) at or above a rough step.
 *
 * @example
 * niceStep(7); // → 10
 * niceStep(0.3); // → 0.5
 */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const factor = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return clean(factor * power);
}

/**
 * Ticks that cover [min, max] with about `count` nice values, widened to whole steps.
 *
 * @example
 * niceTicks(0, 37); // → { min: 0, max: 40, step: 10, values: [0, 10, 20, 30, 40] }
 */
export function niceTicks(min: number, max: number, count = 5): Ticks {
  const low = Math.min(min, max);
  const high = max === min ? low + 1 : Math.max(min, max);
  const step = niceStep((high - low) / Math.max(1, count - 1));
  const first = clean(Math.floor(clean(low / step)) * step);
  const last = clean(Math.ceil(clean(high / step)) * step);
  const values: number[] = [];
  for (let index = 0; clean(first + index * step) <= last; index += 1) values.push(clean(first + index * step));
  return { min: first, max: last, step, values };
}

/**
 * A linear map from a data domain to a pixel range; a zero-width domain maps to the middle.
 *
 * @example
 * linearScale(0, 10, 100, 200)(5); // → 150
 */
export function linearScale(domainMin: number, domainMax: number, rangeStart: number, rangeEnd: number): (value: number) => number {
  const span = domainMax - domainMin;
  if (span === 0) return () => (rangeStart + rangeEnd) / 2;
  return (value) => rangeStart + ((value - domainMin) / span) * (rangeEnd - rangeStart);
}
