import type { ProcessSteg } from "../model/types.ts";
import { loadStrings } from "./strings.ts";

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

interface ArshjulStrings {
  ansvarar: string;
  inga_steg: string;
  tom: string;
}

/** Consecutive months that hold exactly the same steps, e.g. September–November. */
interface Period {
  first: number;
  last: number;
  steps: ProcessSteg[];
}

function periods(steps: ProcessSteg[]): Period[] {
  const result: Period[] = [];
  for (let month = 1; month <= 12; month++) {
    const inMonth = steps.filter((s) => s.månader.includes(month));
    const previous = result.at(-1);
    const same = previous && previous.steps.length === inMonth.length && previous.steps.every((s, i) => s === inMonth[i]);
    if (previous && same) previous.last = month;
    else result.push({ first: month, last: month, steps: inMonth });
  }
  return result;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The annual wheel as a month-by-month list, straight from the county's process file (data/process.yaml),
 * so it reads on any screen, in print and without JavaScript. Months with the same steps are one entry
 * ("September–november"); months without steps say so, so the reader sees the whole year.
 */
export function renderArshjul(steps: ProcessSteg[]): string {
  const strings = loadStrings();
  const text = strings.arshjul as ArshjulStrings;
  const months = (strings.datum as { manader: string[] }).manader;
  if (steps.length === 0) return `<p class="arshjul arshjul--tom">${escapeHtml(text.tom)}</p>\n`;
  const items = periods(steps).map(({ first, last, steps: inPeriod }) => {
    const name = capitalise(first === last ? (months[first - 1] ?? "") : `${months[first - 1] ?? ""}–${months[last - 1] ?? ""}`);
    const body =
      inPeriod.length === 0
        ? `<p class="arshjul__inget">${escapeHtml(text.inga_steg)}</p>`
        : `<ul>${inPeriod
            .map(
              (s) =>
                `<li><strong>${escapeHtml(s.namn)}</strong> (${escapeHtml(s.frekvens)}). ` +
                `<span class="arshjul__ansvar">${escapeHtml(text.ansvarar)}: ${escapeHtml(s.ansvarig)}.</span></li>`,
            )
            .join("")}</ul>`;
    return `<li class="arshjul__period${inPeriod.length === 0 ? " arshjul__period--tom" : ""}"><p class="arshjul__manad">${escapeHtml(name)}</p>${body}</li>`;
  });
  return `<ol class="arshjul">${items.join("")}</ol>\n`;
}
