/**
 * Chart colours, checked against WCAG 2.1 on white by tests/charts/palette.test.ts: 4.5:1 for anything
 * drawn as text, 3:1 for marks that carry data (1.4.11). Gridlines are the one exception on purpose:
 * they only guide the eye, every value is also written as text and in the table beside the chart.
 * Series differ by shape and dash as well as colour, so nothing relies on colour alone.
 */

export const PALETTE = {
  /** Titles, labels, values. */
  text: "#1b1b1b",
  /** Tick labels and secondary text. */
  mutedText: "#595959",
  /** Axis lines. */
  axis: "#595959",
  /** Gridlines: decorative, deliberately faint. */
  grid: "#d6d6d6",
  /** The measured series. */
  measurement: "#005ea5",
  /** The baseline point. */
  baseline: "#4b4b4b",
  /** Target line and marker, deadline line. */
  target: "#a04b00",
  /** County average in the profile chart. */
  reference: "#767676",
} as const;

export type PaletteColour = keyof typeof PALETTE;

/** Colours that must pass as text (4.5:1); all others except `grid` must pass as graphics (3:1). */
export const TEXT_COLOURS: readonly PaletteColour[] = ["text", "mutedText", "measurement", "target"];

function channel(hex: string, offset: number): number {
  const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/**
 * WCAG 2.1 relative luminance of a `#rrggbb` colour.
 *
 * @example
 * relativeLuminance('#ffffff'); // → 1
 */
export function relativeLuminance(hex: string): number {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new RangeError(`Färgen ${hex} ska skrivas #rrggbb.`);
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/**
 * WCAG 2.1 contrast ratio between two `#rrggbb` colours, from 1 to 21.
 *
 * @example
 * contrastRatio('#767676', '#ffffff'); // → 4.54…
 */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
