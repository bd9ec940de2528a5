/**
 * How each progress status is shown: always the status text plus an icon, never colour alone
 * (WCAG 1.4.1). The icons are decorative next to the text, so they are hidden from screen readers.
 * Each status has a plain-text symbol (for text-only contexts such as the search index or a terminal), a 16×16
 * stroked SVG path drawn in currentColor (so it follows the text colour and its contrast), and an
 * ASCII CSS class.
 */

import type { ProgressStatus } from "./status.ts";

export interface StatusDisplay {
  status: ProgressStatus;
  /** ASCII slug, also the suffix of the class and icon id. */
  slug: string;
  /** CSS class for the status badge, e.g. `status-i-fas`. */
  className: string;
  /** A plain text character that reads as the icon where SVG cannot go. */
  symbol: string;
  /** The id of the icon's `<symbol>` in the sprite from `statusIconSprite`. */
  iconId: string;
  /** Path data on a 16×16 grid, to be stroked, not filled. */
  iconPath: string;
  /** Short text for narrow table headers; the full status text is used everywhere else. */
  short: string;
  /** One Swedish sentence for the legend explaining what the status means. */
  explanation: string;
}

function display(
  status: ProgressStatus,
  slug: string,
  symbol: string,
  iconPath: string,
  short: string,
  explanation: string,
): StatusDisplay {
  return { status, slug, className: `status-${slug}`, symbol, iconId: `ikon-status-${slug}`, iconPath, short, explanation };
}

export const STATUS_DISPLAY: Readonly<Record<ProgressStatus, StatusDisplay>> = {
  Uppnått: display("Uppnått", "uppnatt", "✓", "M3 8.5l3.5 3.5L13 4.5", "Uppnått", "Senaste mätningen har nått målvärdet."),
  "I fas": display(
    "I fas",
    "i-fas",
    "→",
    "M2.5 8h10M9 4.5L12.5 8 9 11.5",
    "I fas",
    "Utvecklingen går i den takt som behövs för att nå målvärdet i tid.",
  ),
  "Behöver skyndas på": display(
    "Behöver skyndas på",
    "behover-skyndas-pa",
    "»",
    "M3 4l4 4-4 4M9 4l4 4-4 4",
    "Skyndas på",
    "Utvecklingen går åt rätt håll men för långsamt för att nå målvärdet i tid.",
  ),
  "Begränsade framsteg": display(
    "Begränsade framsteg",
    "begransade-framsteg",
    "–",
    "M3 8h10",
    "Begränsat",
    "Små eller inga framsteg sedan utgångsläget.",
  ),
  Försämring: display(
    "Försämring",
    "forsamring",
    "↘",
    "M4 4l8 8M12 6.5V12H6.5",
    "Försämring",
    "Värdet har rört sig bort från målvärdet sedan utgångsläget.",
  ),
  "Ej uppnått": display(
    "Ej uppnått",
    "ej-uppnatt",
    "✗",
    "M4 4l8 8M12 4l-8 8",
    "Ej uppnått",
    "Tiden för målet har gått ut utan att målvärdet nåddes.",
  ),
  "Underlag saknas": display(
    "Underlag saknas",
    "underlag-saknas",
    "?",
    "M5.5 6a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.5v.7M8 13v.01",
    "Saknas",
    "Utgångsläge, målvärde eller mätning saknas, så framstegen går inte att bedöma.",
  ),
};

const STROKE = 'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';

/**
 * A self-contained inline SVG icon for a status, hidden from assistive technology.
 *
 * @example
 * statusIconSvg('I fas');
 * // → '<svg class="status-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="…" …/></svg>'
 */
export function statusIconSvg(status: ProgressStatus): string {
  const { iconPath } = STATUS_DISPLAY[status];
  return `<svg class="status-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="${iconPath}" ${STROKE}/></svg>`;
}

/**
 * A status as the site shows it: icon and text in one span with the status class.
 *
 * @example
 * statusBadge('Uppnått'); // → '<span class="status status-uppnatt"><svg …></svg> Uppnått</span>'
 */
export function statusBadge(status: ProgressStatus, options: { manual?: boolean } = {}): string {
  const { className } = STATUS_DISPLAY[status];
  const byHand = options.manual === true ? ' <span class="status-manuell">(satt manuellt)</span>' : "";
  return `<span class="status ${className}">${statusIconSvg(status)} ${status}${byHand}</span>`;
}

/**
 * A hidden sprite with one `<symbol>` per status, for pages that show many statuses and would rather
 * reference icons with `<use href="#ikon-status-…">` than repeat the paths.
 *
 * @example
 * statusIconSprite().startsWith('<svg xmlns="http://www.w3.org/2000/svg" hidden'); // → true
 */
export function statusIconSprite(): string {
  const symbols = Object.values(STATUS_DISPLAY)
    .map(({ iconId, iconPath }) => `<symbol id="${iconId}" viewBox="0 0 16 16"><path d="${iconPath}" ${STROKE}/></symbol>`)
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" hidden aria-hidden="true">${symbols}</svg>`;
}
