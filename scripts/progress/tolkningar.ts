/**
 * How unknown facts and the handbook's interpretations read on pages and in downloads. The rules behind
 * them are in docs/kallor-och-tolkningar.md: a value no source gives is either written okänd (and the
 * reader is told "uppgift saknas i källorna") or marked with the reason it is an interpretation, so a
 * reader never takes a guess for a source's word.
 */

import { escapeHtml } from "../format/escape.ts";
import { OKAND, type Tolkningar } from "../model/types.ts";

export const UNKNOWN_TEXT = "uppgift saknas i källorna";

/** The mark beside an interpreted value, in plain Swedish: "tolkning: källan anger inget år". */
export function interpretationText(reason: string): string {
  return `tolkning: ${reason}`;
}

/** The mark as HTML, or "" when the value is not an interpretation. */
export function interpretationHtml(reason: string | undefined): string {
  return reason === undefined ? "" : ` <span class="tolkning">(${escapeHtml(interpretationText(reason))})</span>`;
}

/** Whether a fact is explicitly unknown. */
export const isUnknown = (value: unknown): boolean => value === OKAND;

/**
 * All marks of a row in one cell, "kommun – tolkning: …; utgångsläge – tolkning: …", for the CSV files,
 * where a reader of a spreadsheet has no page around the value.
 */
export function interpretationsCell(...maps: (Tolkningar | undefined)[]): string {
  return maps
    .flatMap((map) => Object.entries(map ?? {}))
    .flatMap(([field, reason]) => (reason === undefined ? [] : [`${field} – ${interpretationText(reason)}`]))
    .join("; ");
}
