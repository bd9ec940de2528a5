/**
 * How many centres have each status, as a static horizontal bar chart: one row per status in the fixed
 * order of docs/progress-method.md §2, the status name and its count written as text, so neither colour nor bar length
 * carries meaning alone. `statusBarsTable` gives the same numbers as a table to put beside it.
 */

import { escapeHtml } from "../format/escape.ts";
import { formatNumber, pluralize } from "../format/sv.ts";
import type { Count } from "../progress/aggregate.ts";
import type { ProgressStatus } from "../progress/status.ts";
import { PALETTE } from "./palette.ts";
import { chartId, coord } from "./svg.ts";

const WIDTH = 360;
const FONT_SIZE = 13;
const ROW = 40;
const BAR_LEFT = 8;
const BAR_MAX = 300;

export interface StatusBarsInput {
  id: string;
  title: string;
  counts: readonly Count<ProgressStatus>[];
}

export function describeStatusBars(input: StatusBarsInput): string {
  const total = input.counts.reduce((sum, c) => sum + c.count, 0);
  const parts = input.counts.filter((c) => c.count > 0).map((c) => `${c.key} ${formatNumber(c.count)}`);
  return `${pluralize(total, "bedömning", "bedömningar")} fördelade på status. ${parts.length === 0 ? "Inga bedömningar." : `${parts.join(", ")}.`}`;
}

/**
 * @example
 * statusBarsSvg({ id: 'f', title: 'Fördelning', counts: countStatuses(['I fas']) });
 * // → '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 …" role="img" …>…</svg>'
 */
export function statusBarsSvg(input: StatusBarsInput): string {
  const id = chartId(input.id);
  const max = Math.max(1, ...input.counts.map((c) => c.count));
  const height = input.counts.length * ROW + 8;
  const rows = input.counts.map((c, index) => {
    const top = index * ROW + 4;
    const width = (c.count / max) * (BAR_MAX - BAR_LEFT);
    return [
      `<g class="chart-row">`,
      `<text x="${BAR_LEFT}" y="${top + 13}" fill="${PALETTE.text}">${escapeHtml(c.key)}</text>`,
      c.count > 0 ? `<rect x="${BAR_LEFT}" y="${top + 19}" width="${coord(width)}" height="12" fill="${PALETTE.measurement}"/>` : "",
      `<text x="${coord(BAR_LEFT + width + 6)}" y="${top + 30}" fill="${PALETTE.text}" font-weight="bold">${formatNumber(c.count)}</text>`,
      "</g>",
    ].join("");
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" class="chart chart-bars" role="img" aria-labelledby="${id}-titel ${id}-beskrivning" font-family="system-ui, sans-serif" font-size="${FONT_SIZE}">`,
    `<title id="${id}-titel">${escapeHtml(input.title)}</title>`,
    `<desc id="${id}-beskrivning">${escapeHtml(describeStatusBars(input))}</desc>`,
    ...rows,
    "</svg>",
  ].join("");
}
