/**
 * An indicator's chart as static, accessible SVG rendered at build time (no JavaScript): years along
 * x, values up y; the baseline as a square, measurements as circles joined by a line, the target as a
 * dashed horizontal line with a diamond at the target year, and the deadline as a dashed vertical line.
 * Every value is also written as text, the `<desc>` says in words what the chart shows, and
 * `lineChartTable` gives the same data as a table to put beside it. The progress status is shown as
 * text by the page, never by the chart's colours.
 *
 * Decisions: the y axis starts at 0 for procent and antal (a line starting elsewhere exaggerates
 * change) and is fixed at 1–5 for skala; the width comes from the viewBox only (360 units, close to a
 * phone's width so 13-unit text stays readable there), the page's CSS caps it on wide screens.
 */

import { escapeHtml } from "../format/escape.ts";
import { formatValue, formatYear, type Enhet } from "../format/sv.ts";
import type { ProgressStatus, Riktning, YearValue } from "../progress/status.ts";
import { PALETTE } from "./palette.ts";
import { linearScale, niceTicks, type Ticks } from "./scale.ts";
import { chartId, coord, textWidth } from "./svg.ts";

export interface LineChartInput {
  /** Unique on the page; used for the ids of `<title>` and `<desc>`. */
  id: string;
  /** The indicator's name, the chart's accessible title. */
  title: string;
  unit: Enhet;
  direction: Riktning;
  baseline?: YearValue | undefined;
  target?: YearValue | undefined;
  /** Year of the deadline when it differs from the target's year, or when there is no target value. */
  deadlineYear?: number | undefined;
  measurements: readonly YearValue[];
  /** When given, the description ends with the status in words. */
  status?: ProgressStatus | undefined;
}

const WIDTH = 360;
const FONT_SIZE = 13;
const PLOT = { left: 56, right: WIDTH - 16, top: 30, bottom: 196 } as const;
const LEGEND_TOP = 240;
const LEGEND_ROW = 20;

type Row = { year: number; value: number; kind: "Utgångsläge" | "Mätning" | "Målvärde" };

const KIND_ORDER: Readonly<Record<Row["kind"], number>> = { Utgångsläge: 0, Mätning: 1, Målvärde: 2 };

/** Measurements sorted by year, stable for equal years. */
function sortedMeasurements(measurements: readonly YearValue[]): YearValue[] {
  return [...measurements].sort((first, second) => first.year - second.year);
}

/**
 * The chart's data as rows in year order (baseline, then measurements, then target within a year).
 *
 * @example
 * chartRows({ id: 'x', title: 'X', unit: 'antal', direction: 'öka', baseline: { year: 2020, value: 1 }, measurements: [] });
 * // → [{ year: 2020, value: 1, kind: 'Utgångsläge' }]
 */
export function chartRows(input: LineChartInput): Row[] {
  const rows: Row[] = [];
  if (input.baseline !== undefined) rows.push({ ...input.baseline, kind: "Utgångsläge" });
  for (const measurement of input.measurements) rows.push({ ...measurement, kind: "Mätning" });
  if (input.target !== undefined) rows.push({ ...input.target, kind: "Målvärde" });
  return rows.sort((first, second) => first.year - second.year || KIND_ORDER[first.kind] - KIND_ORDER[second.kind]);
}

function deadlineOf(input: LineChartInput): number | undefined {
  return input.deadlineYear ?? input.target?.year;
}

function yTicks(unit: Enhet, values: readonly number[]): Ticks {
  if (unit === "skala") {
    const low = Math.min(1, ...values);
    const high = Math.max(5, ...values);
    return low === 1 && high === 5 ? { min: 1, max: 5, step: 1, values: [1, 2, 3, 4, 5] } : niceTicks(low, high);
  }
  const low = Math.min(0, ...values);
  const high = Math.max(1, ...values);
  // Headroom above the highest value leaves space for its label inside the plot.
  return niceTicks(low, high + (high - low) * 0.08);
}

function xYears(rows: readonly Row[], deadline: number | undefined): { min: number; max: number; ticks: number[] } {
  const years = rows.map((row) => row.year);
  if (deadline !== undefined) years.push(deadline);
  const min = years.length === 0 ? 0 : Math.min(...years);
  const max = years.length === 0 ? 0 : Math.max(...years);
  const low = min === max ? min - 1 : min;
  const high = min === max ? max + 1 : max;
  const step = Math.max(1, Math.ceil((high - low) / 8));
  const ticks: number[] = [];
  for (let year = low; year <= high; year += step) ticks.push(year);
  return { min: low, max: high, ticks };
}

/**
 * The chart described in Swedish sentences, for `<desc>` (and any text alternative).
 *
 * @example
 * describeLineChart({ id: 'x', title: 'X', unit: 'procent', direction: 'öka',
 *   baseline: { year: 2019, value: 17.7 }, target: { year: 2022, value: 30 }, measurements: [] });
 * // → 'Indikatorn ska öka. Utgångsläge 17,7 % år 2019. Inga mätningar ännu. Målvärde 30 % år 2022.'
 */
export function describeLineChart(input: LineChartInput): string {
  const value = (point: YearValue): string => `${formatValue(point.value, input.unit)} år ${formatYear(point.year)}`;
  const sentences = [`Indikatorn ska ${input.direction}.`];
  if (input.baseline !== undefined) sentences.push(`Utgångsläge ${value(input.baseline)}.`);
  const measurements = sortedMeasurements(input.measurements);
  sentences.push(measurements.length === 0 ? "Inga mätningar ännu." : `Mätningar: ${measurements.map(value).join(", ")}.`);
  if (input.target !== undefined) sentences.push(`Målvärde ${value(input.target)}.`);
  const deadline = deadlineOf(input);
  if (deadline !== undefined && deadline !== input.target?.year) sentences.push(`Målår ${formatYear(deadline)}.`);
  if (input.status !== undefined) sentences.push(`Status: ${input.status}.`);
  return sentences.join(" ");
}

interface LegendItem {
  symbol: (x: number, y: number) => string;
  label: string;
}

function legend(items: readonly LegendItem[]): { svg: string; height: number } {
  let x = PLOT.left;
  let y = LEGEND_TOP;
  const parts: string[] = [];
  for (const item of items) {
    const width = 22 + textWidth(item.label, FONT_SIZE);
    if (x + width > WIDTH - 4 && x > PLOT.left) {
      x = PLOT.left;
      y += LEGEND_ROW;
    }
    parts.push(item.symbol(x + 8, y - 4), `<text x="${coord(x + 20)}" y="${coord(y)}">${escapeHtml(item.label)}</text>`);
    x += width + 12;
  }
  return { svg: `<g class="chart-legend" fill="${PALETTE.text}">${parts.join("")}</g>`, height: y + 10 };
}

const square = (x: number, y: number, colour: string): string =>
  `<rect x="${coord(x - 4.5)}" y="${coord(y - 4.5)}" width="9" height="9" fill="${colour}"/>`;
const circle = (x: number, y: number, colour: string): string =>
  `<circle cx="${coord(x)}" cy="${coord(y)}" r="4.5" fill="${colour}" stroke="#ffffff" stroke-width="1.5"/>`;
const diamond = (x: number, y: number, colour: string): string =>
  `<path d="M${coord(x)} ${coord(y - 6)}l6 6-6 6-6-6z" fill="#ffffff" stroke="${colour}" stroke-width="2"/>`;
const dashedLine = (x1: number, y1: number, x2: number, y2: number, colour: string): string =>
  `<line x1="${coord(x1)}" y1="${coord(y1)}" x2="${coord(x2)}" y2="${coord(y2)}" stroke="${colour}" stroke-width="2" stroke-dasharray="6 4"/>`;

/**
 * The indicator chart as an SVG string; identical input gives a byte-identical string.
 *
 * @example
 * lineChartSvg({ id: 'foraldragrupper', title: 'Andel som deltar i föräldragrupp', unit: 'procent',
 *   direction: 'öka', baseline: { year: 2019, value: 17.7 }, target: { year: 2022, value: 30 },
 *   measurements: [{ year: 2021, value: 22 }] });
 * // → '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 …" role="img" aria-labelledby="…">…</svg>'
 */
export function lineChartSvg(input: LineChartInput): string {
  const id = chartId(input.id);
  const rows = chartRows(input);
  const deadline = deadlineOf(input);
  const yAxis = yTicks(
    input.unit,
    rows.map((row) => row.value),
  );
  const xAxis = xYears(rows, deadline);
  const x = linearScale(xAxis.min, xAxis.max, PLOT.left + 26, PLOT.right - 16);
  const y = linearScale(yAxis.min, yAxis.max, PLOT.bottom, PLOT.top);
  const label = (value: number): string => escapeHtml(formatValue(value, input.unit));
  const parts: string[] = [];

  parts.push(
    `<g class="chart-grid" stroke="${PALETTE.grid}" stroke-width="1">`,
    ...yAxis.values.map((value) => `<line x1="${PLOT.left}" y1="${coord(y(value))}" x2="${PLOT.right}" y2="${coord(y(value))}"/>`),
    "</g>",
    `<g class="chart-axis" fill="${PALETTE.mutedText}">`,
    ...yAxis.values.map((value) => `<text x="${PLOT.left - 6}" y="${coord(y(value) + 4.5)}" text-anchor="end">${label(value)}</text>`),
    ...xAxis.ticks.map((year) => `<text x="${coord(x(year))}" y="${PLOT.bottom + 20}" text-anchor="middle">${formatYear(year)}</text>`),
    "</g>",
    `<line class="chart-axis-line" x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" stroke="${PALETTE.axis}" stroke-width="1.5"/>`,
  );

  if (deadline !== undefined) {
    const deadlineX = x(deadline);
    const anchor = deadlineX > (PLOT.left + PLOT.right) / 2 ? "end" : "start";
    const offset = anchor === "end" ? 4 : -4;
    parts.push(
      `<g class="chart-deadline">`,
      dashedLine(deadlineX, PLOT.top, deadlineX, PLOT.bottom, PALETTE.target),
      `<text x="${coord(deadlineX + offset)}" y="${PLOT.top - 10}" text-anchor="${anchor}" fill="${PALETTE.target}">Målår ${formatYear(deadline)}</text>`,
      "</g>",
    );
  }

  if (input.target !== undefined) {
    const targetY = y(input.target.value);
    parts.push(
      `<g class="chart-target">`,
      dashedLine(PLOT.left, targetY, PLOT.right, targetY, PALETTE.target),
      diamond(x(input.target.year), targetY, PALETTE.target),
      `<text x="${PLOT.left + 4}" y="${coord(targetY - 7)}" fill="${PALETTE.target}">Mål ${label(input.target.value)}</text>`,
      "</g>",
    );
  }

  // The line starts at the baseline unless a measurement of the same year already marks the start.
  const baselineYear = input.baseline?.year;
  const startsAtBaseline = input.baseline !== undefined && !input.measurements.some((point) => point.year === baselineYear);
  const line = [...(startsAtBaseline && input.baseline !== undefined ? [input.baseline] : []), ...sortedMeasurements(input.measurements)];
  if (line.length > 1) {
    const points = line.map((point) => `${coord(x(point.year))},${coord(y(point.value))}`).join(" ");
    parts.push(
      `<polyline class="chart-line" points="${points}" fill="none" stroke="${PALETTE.measurement}" stroke-width="2.5" stroke-linejoin="round"/>`,
    );
  }
  if (input.baseline !== undefined) {
    const { year, value } = input.baseline;
    // Below the square, so it never meets a measurement label of the same year (those go above),
    // unless that would run into the year labels.
    const below = y(value) + 20;
    const labelY = below <= PLOT.bottom - 4 ? below : y(value) - 10;
    parts.push(
      `<g class="chart-baseline">`,
      square(x(year), y(value), PALETTE.baseline),
      `<text x="${coord(x(year))}" y="${coord(labelY)}" text-anchor="middle" fill="${PALETTE.text}">${label(value)}</text>`,
      "</g>",
    );
  }
  if (input.measurements.length > 0) {
    parts.push(
      `<g class="chart-measurements" fill="${PALETTE.measurement}">`,
      ...sortedMeasurements(input.measurements).map(
        ({ year, value }) =>
          circle(x(year), y(value), PALETTE.measurement) +
          `<text x="${coord(x(year))}" y="${coord(y(value) - 10)}" text-anchor="middle" font-weight="bold">${label(value)}</text>`,
      ),
      "</g>",
    );
  }
  if (rows.length === 0) {
    parts.push(
      `<text x="${(PLOT.left + PLOT.right) / 2}" y="${(PLOT.top + PLOT.bottom) / 2}" text-anchor="middle" fill="${PALETTE.text}">Inga värden ännu</text>`,
    );
  }

  const items: LegendItem[] = [];
  if (input.baseline !== undefined) items.push({ symbol: (lx, ly) => square(lx, ly, PALETTE.baseline), label: "Utgångsläge" });
  if (input.measurements.length > 0) items.push({ symbol: (lx, ly) => circle(lx, ly, PALETTE.measurement), label: "Mätning" });
  if (input.target !== undefined) items.push({ symbol: (lx, ly) => diamond(lx, ly, PALETTE.target), label: "Målvärde" });
  if (deadline !== undefined) items.push({ symbol: (lx, ly) => dashedLine(lx - 7, ly, lx + 7, ly, PALETTE.target), label: "Målår" });
  const { svg: legendSvg, height } = legend(items);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${coord(height)}" class="chart chart-line" role="img" aria-labelledby="${id}-titel ${id}-beskrivning" font-family="system-ui, sans-serif" font-size="${FONT_SIZE}">`,
    `<title id="${id}-titel">${escapeHtml(input.title)}</title>`,
    `<desc id="${id}-beskrivning">${escapeHtml(describeLineChart(input))}</desc>`,
    ...parts,
    legendSvg,
    "</svg>",
  ].join("");
}

/**
 * The same data as the chart, as an HTML table with a caption and scoped headers.
 *
 * @example
 * lineChartTable({ id: 'x', title: 'Besök', unit: 'antal', direction: 'öka', measurements: [{ year: 2024, value: 1200 }] });
 * // → '<table class="chart-table"><caption>Besök</caption><thead>…</thead><tbody><tr><th scope="row">2024</th><td>Mätning</td><td class="num">1 200</td></tr></tbody></table>'
 */
export function lineChartTable(input: LineChartInput, caption: string = input.title): string {
  const body = chartRows(input)
    .map(
      (row) =>
        `<tr><th scope="row">${formatYear(row.year)}</th><td>${row.kind}</td><td class="num">${escapeHtml(formatValue(row.value, input.unit))}</td></tr>`,
    )
    .join("");
  const empty = body === "" ? '<tr><td colspan="3">Inga värden ännu.</td></tr>' : body;
  return [
    '<table class="chart-table">',
    `<caption>${escapeHtml(caption)}</caption>`,
    '<thead><tr><th scope="col">År</th><th scope="col">Typ</th><th scope="col">Värde</th></tr></thead>',
    `<tbody>${empty}</tbody>`,
    "</table>",
  ].join("");
}
