/**
 * The collaboration-survey profile: for each factor a centre's mean score (thick bar, value in bold)
 * against a reference such as the county average (thin grey bar), on the 1–5 scale, as static SVG with
 * every value written as text. The two series differ in thickness and text weight as well as colour.
 * Labels sit above their bars rather than beside them so long factor names fit on a phone.
 *
 * Decision: bars start at 1, the lowest possible answer, so a bar's length is the distance above the
 * bottom of the scale; a score of exactly 1 has no bar but still shows its value.
 */

import { escapeHtml } from "../format/escape.ts";
import { formatNumber, pluralize } from "../format/sv.ts";
import { SAMVERKANSFAKTORER, type FactorScores } from "../progress/samverkansfaktorer.ts";
import { PALETTE } from "./palette.ts";
import { linearScale } from "./scale.ts";
import { chartId, coord } from "./svg.ts";

export interface ProfileRow {
  label: string;
  value?: number | undefined;
  reference?: number | undefined;
}

export interface ProfileChartInput {
  /** Unique on the page; used for the ids of `<title>` and `<desc>`. */
  id: string;
  title: string;
  /** Name of the main series, e.g. the centre's name. */
  seriesName: string;
  /** Name of the comparison series. */
  referenceName?: string;
  rows: readonly ProfileRow[];
}

const WIDTH = 360;
const FONT_SIZE = 13;
const SCALE_MIN = 1;
const SCALE_MAX = 5;
const BAR_LEFT = 8;
const BAR_RIGHT = 300;
const LEGEND_HEIGHT = 44;
const ROW_HEIGHT = 54;
const DEFAULT_REFERENCE = "Länets medel";

/**
 * Rows for the nine survey factors in their fixed order, from a centre's scores and a reference.
 *
 * @example
 * factorRows({ tid: 3.4 }, { tid: 3.6 })[0]; // → { label: 'Tid', value: 3.4, reference: 3.6 }
 */
export function factorRows(scores: FactorScores, reference: FactorScores = {}): ProfileRow[] {
  return SAMVERKANSFAKTORER.map(({ key, label }) => ({ label, value: scores[key], reference: reference[key] }));
}

/** A score with one decimal, as the survey reports means: "3,4". */
function score(value: number): string {
  return formatNumber(value, { minDecimals: 1, maxDecimals: 1 });
}

/**
 * The profile described in Swedish sentences: highest and lowest factor and how many lie above the
 * reference.
 *
 * @example
 * describeProfile({ id: 'p', title: 'T', seriesName: 'FC Norr', rows: [{ label: 'Tid', value: 3, reference: 2.5 }] });
 * // → 'Medelvärden på skalan 1–5 för 1 faktor. FC Norr: högst Tid (3,0), lägst Tid (3,0). 1 av 1 faktor ligger över länets medel.'
 */
export function describeProfile(input: ProfileChartInput): string {
  const reference = input.referenceName ?? DEFAULT_REFERENCE;
  const rated = input.rows.filter((row): row is ProfileRow & { value: number } => row.value !== undefined);
  const sentences = [`Medelvärden på skalan 1–5 för ${pluralize(input.rows.length, "faktor", "faktorer")}.`];
  if (rated.length === 0) {
    sentences.push(`${input.seriesName}: inga värden.`);
    return sentences.join(" ");
  }
  // First of equals wins, so the sentence does not depend on sort stability.
  const highest = rated.reduce((best, row) => (row.value > best.value ? row : best));
  const lowest = rated.reduce((worst, row) => (row.value < worst.value ? row : worst));
  sentences.push(`${input.seriesName}: högst ${highest.label} (${score(highest.value)}), lägst ${lowest.label} (${score(lowest.value)}).`);
  const compared = rated.filter((row) => row.reference !== undefined);
  if (compared.length > 0) {
    const above = compared.filter((row) => row.value > (row.reference ?? Number.POSITIVE_INFINITY)).length;
    sentences.push(
      `${above} av ${pluralize(compared.length, "faktor", "faktorer")} ligger över ${reference.charAt(0).toLowerCase()}${reference.slice(1)}.`,
    );
  }
  const missing = input.rows.filter((row) => row.value === undefined).map((row) => row.label);
  if (missing.length > 0) sentences.push(`Värde saknas för ${missing.join(", ")}.`);
  return sentences.join(" ");
}

/**
 * The profile chart as an SVG string; identical input gives a byte-identical string.
 *
 * @example
 * profileChartSvg({ id: 'samverkan-2024', title: 'Samverkansenkät 2024', seriesName: 'FC Norr',
 *   rows: factorRows({ tid: 3.4 }, { tid: 3.6 }) });
 * // → '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 …" role="img" …>…</svg>'
 */
export function profileChartSvg(input: ProfileChartInput): string {
  const id = chartId(input.id);
  const referenceName = input.referenceName ?? DEFAULT_REFERENCE;
  const x = linearScale(SCALE_MIN, SCALE_MAX, BAR_LEFT, BAR_RIGHT);
  const plotTop = LEGEND_HEIGHT;
  const plotBottom = plotTop + input.rows.length * ROW_HEIGHT;
  const height = plotBottom + 28;
  const ticks = [1, 2, 3, 4, 5];
  const bar = (value: number): string => coord(Math.max(0, x(value) - BAR_LEFT));

  const legend = [
    `<g class="chart-legend" fill="${PALETTE.text}">`,
    `<rect x="${BAR_LEFT}" y="6" width="22" height="12" fill="${PALETTE.measurement}"/>`,
    `<text x="${BAR_LEFT + 28}" y="16" font-weight="bold">${escapeHtml(input.seriesName)}</text>`,
    `<rect x="${BAR_LEFT}" y="27" width="22" height="6" fill="${PALETTE.reference}"/>`,
    `<text x="${BAR_LEFT + 28}" y="35">${escapeHtml(referenceName)}</text>`,
    "</g>",
  ];
  const grid = [
    `<g class="chart-grid" stroke="${PALETTE.grid}" stroke-width="1">`,
    ...ticks.map((tick) => `<line x1="${coord(x(tick))}" y1="${plotTop}" x2="${coord(x(tick))}" y2="${plotBottom}"/>`),
    "</g>",
    `<g class="chart-axis" fill="${PALETTE.mutedText}" text-anchor="middle">`,
    ...ticks.map((tick) => `<text x="${coord(x(tick))}" y="${plotBottom + 18}">${formatNumber(tick)}</text>`),
    "</g>",
  ];
  const rows = input.rows.map((row, index) => {
    const top = plotTop + index * ROW_HEIGHT;
    const parts = [`<g class="chart-row">`, `<text x="${BAR_LEFT}" y="${top + 15}" fill="${PALETTE.text}">${escapeHtml(row.label)}</text>`];
    if (row.value === undefined) {
      parts.push(`<text x="${BAR_LEFT}" y="${top + 32}" fill="${PALETTE.mutedText}">Värde saknas</text>`);
    } else {
      parts.push(
        `<rect x="${BAR_LEFT}" y="${top + 21}" width="${bar(row.value)}" height="12" fill="${PALETTE.measurement}"/>`,
        `<text x="${coord(x(row.value) + 6)}" y="${top + 32}" fill="${PALETTE.text}" font-weight="bold">${score(row.value)}</text>`,
      );
    }
    if (row.reference !== undefined) {
      parts.push(
        `<rect x="${BAR_LEFT}" y="${top + 37}" width="${bar(row.reference)}" height="6" fill="${PALETTE.reference}"/>`,
        `<text x="${coord(x(row.reference) + 6)}" y="${top + 45}" fill="${PALETTE.mutedText}" font-size="12">${score(row.reference)}</text>`,
      );
    }
    parts.push("</g>");
    return parts.join("");
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" class="chart chart-profile" role="img" aria-labelledby="${id}-titel ${id}-beskrivning" font-family="system-ui, sans-serif" font-size="${FONT_SIZE}">`,
    `<title id="${id}-titel">${escapeHtml(input.title)}</title>`,
    `<desc id="${id}-beskrivning">${escapeHtml(describeProfile(input))}</desc>`,
    ...legend,
    ...grid,
    ...rows,
    "</svg>",
  ].join("");
}

/**
 * The same data as the profile chart, as an HTML table with a caption and scoped headers.
 *
 * @example
 * profileChartTable({ id: 'p', title: 'Samverkansenkät 2024', seriesName: 'FC Norr', rows: [{ label: 'Tid', value: 3.4 }] });
 * // → '<table class="chart-table"><caption>Samverkansenkät 2024</caption>…<th scope="row">Tid</th><td class="num">3,4</td><td class="num">saknas</td>…'
 */
export function profileChartTable(input: ProfileChartInput, caption: string = input.title): string {
  const cell = (value: number | undefined): string =>
    value === undefined ? '<td class="num">saknas</td>' : `<td class="num">${score(value)}</td>`;
  const body = input.rows
    .map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th>${cell(row.value)}${cell(row.reference)}</tr>`)
    .join("");
  return [
    '<table class="chart-table">',
    `<caption>${escapeHtml(caption)} <span class="chart-table-scale">(medelvärde, skala 1–5)</span></caption>`,
    `<thead><tr><th scope="col">Faktor</th><th scope="col">${escapeHtml(input.seriesName)}</th><th scope="col">${escapeHtml(input.referenceName ?? DEFAULT_REFERENCE)}</th></tr></thead>`,
    `<tbody>${body}</tbody>`,
    "</table>",
  ].join("");
}
