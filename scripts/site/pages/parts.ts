/**
 * Small pieces shared by the progress pages written as TypeScript (scripts/site/pages/): escaping of data,
 * the Swedish words for enum values, numbers and dates as readers see them, and the inputs of the charts.
 * Every value from data goes through `esc` (scripts/format/escape.ts); the functions that return HTML
 * (badges, charts, interpretation marks) escape their own data.
 */

import type { LineChartInput } from "../../charts/line-chart.ts";
import { factorRows, type ProfileChartInput } from "../../charts/profile-chart.ts";
import { escapeHtml } from "../../format/escape.ts";
import { formatNumber, formatValue, formatYear, monthName, type Enhet } from "../../format/sv.ts";
import type { CentreProgress, TrackedIndicator, YearReport } from "../../progress/model.ts";
import { statusBadge } from "../../progress/status-display.ts";
import type { ProgressStatus } from "../../progress/status.ts";

/** Swedish words for the enum values of the data, as readers see them. */
export const LABELS: Readonly<Record<string, string>> = {
  familjecentral: "Familjecentral",
  familjecentralsliknande: "Familjecentralsliknande verksamhet",
  helt: "Helt samlokaliserad",
  delvis: "Delvis samlokaliserad",
  ej: "Inte samlokaliserad",
  stor: "Stor",
  liten: "Liten",
  "i tid": "Inlämnad i tid",
  sen: "Inlämnad sent",
  saknas: "Saknas",
  "ej inlämnad än": "Inte inlämnad än (tidsfristen har inte gått ut)",
  "kvot nådd": "Kvoten nådd",
  "under kvot": "Under kvoten",
  "ingen kvot": "Ingen kvot (storlek okänd)",
  förslag: "Förslag – inte beslutat",
  beslutad: "Beslutad",
  öka: "Ska öka",
  minska: "Ska minska",
  procent: "Procent",
  antal: "Antal",
  skala: "Skala 1–5",
};

/** A data value as HTML text; nothing for a missing value, as the templates printed it. */
export function esc(value: string | number | undefined | null): string {
  return value === undefined || value === null ? "" : escapeHtml(String(value));
}

/** The reader's word for an enum value (plain text, not escaped). */
export function label(value: string | undefined): string {
  return value === undefined ? "" : (LABELS[value] ?? value);
}

/** A measured value with its unit, or a dash when there is none (plain text). */
export function valueText(value: number | undefined, unit: Enhet): string {
  return value === undefined ? "–" : formatValue(value, unit);
}

/** A count such as survey answers, Swedish style, or a dash (plain text). */
export function numberText(value: number | undefined | null, maxDecimals = 2): string {
  return value === undefined || value === null ? "–" : formatNumber(value, { maxDecimals });
}

/** A yearly deadline "MM-DD" as readers say it: "31 januari". */
export function dayOfYear(mmdd: string): string {
  const [month, day] = mmdd.split("-").map(Number);
  return `${day ?? ""} ${monthName(month ?? 1)}`;
}

/** A status at a point in time, with "(satt manuellt)" when a coordinator set it. */
export function badge(status: ProgressStatus, manual = false): string {
  return statusBadge(status, { manual });
}

/** A download's size as readers expect it next to a link: "2 kB". */
export function sizeHint(text: string): string {
  const bytes = Buffer.byteLength(text, "utf8");
  return bytes < 1024 ? `${formatNumber(bytes)} byte` : `${formatNumber(Math.ceil(bytes / 1024))} kB`;
}

/** The scrollable wrapper every wide table sits in, labelled for screen readers. */
export const SCROLL_OPEN = '<div class="tabell-rulla" tabindex="0" role="region" aria-label="Tabell som kan rullas i sidled"';

/** A wide table in its scrollable wrapper. Caption, header cells and body are HTML, already escaped. */
export interface ScrollTable {
  caption: string;
  /** The header row's cells (`<th scope="col">…</th>…`). */
  head: string;
  /** The body's rows. */
  body: string;
  className?: string;
  /** Tables of figures stay out of the search index unless a page says otherwise. */
  searchable?: boolean;
}

/** The lines of a ScrollTable, for a page function to join with its other lines. */
export function scrollTable(t: ScrollTable): string[] {
  return [
    `${SCROLL_OPEN}${t.searchable ? "" : " data-pagefind-ignore"}>`,
    t.className ? `<table class="${t.className}">` : "<table>",
    `<caption>${t.caption}</caption>`,
    `<thead><tr>${t.head}</tr></thead>`,
    `<tbody>${t.body}</tbody>`,
    "</table>",
    "</div>",
  ];
}

export function chartInput(t: TrackedIndicator): LineChartInput {
  return {
    id: t.key,
    title: t.name,
    unit: t.unit,
    direction: t.direction,
    baseline: t.baseline,
    target: t.target,
    // A work whose source gives no deadline gets no deadline line: the follow-up year is not a målår.
    deadlineYear: "deadlineUnknown" in t && t.deadlineUnknown ? undefined : t.deadlineYear,
    measurements: t.measurements,
    status: t.result.status,
  };
}

export function profileInput(cp: CentreProgress, year: YearReport): ProfileChartInput {
  return {
    id: `samverkan-${year.year}`,
    title: `Samverkansenkäten ${formatYear(year.year)}: ${cp.centre.namn} jämfört med länets medel`,
    seriesName: cp.centre.namn,
    referenceName: `Länets medel ${formatYear(year.year)}`,
    rows: factorRows(year.collaborationSurvey?.scores ?? {}, year.collaborationSurvey?.countyAverage ?? {}),
  };
}
