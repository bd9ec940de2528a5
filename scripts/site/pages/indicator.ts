/**
 * One tracked indicator on a centre page: with measurements as status, numbers in plain Swedish, history,
 * chart and its table; without them as a line in a compact list instead of a wall of empty charts.
 * Numbers, status lines and charts stay out of the search index: they read as noise in an excerpt and are
 * the same words on every centre page.
 */

import { lineChartSvg, lineChartTable } from "../../charts/line-chart.ts";
import type { GoalProgress, WorkProgress } from "../../progress/model.ts";
import { interpretationHtml } from "../../progress/tolkningar.ts";
import { deadlineText, progressSentence } from "../progress-wording.ts";
import { badge, chartInput, esc, label, valueText } from "./parts.ts";

export type Tracked = WorkProgress | GoalProgress;

const interpretations = (t: Tracked): Partial<Record<string, string>> => (t.kind === "förbättringsarbete" ? (t.interpretations ?? {}) : {});

/** An indicator with measurements, under a heading of level `hn` (h4 for works, h5 for county goals). */
export function indicatorHtml(t: Tracked, hn: "h4" | "h5", nowYear: number): string {
  const ttk = interpretations(t);
  const out: string[] = [];
  out.push(`<div class="indikator" id="${esc(t.key)}">`);
  out.push(`<${hn}${t.kind === "länsmål" ? " data-pagefind-ignore" : ""}>${esc(t.name)}</${hn}>`);
  out.push("<div data-pagefind-ignore>");
  if (ttk.indikator) out.push(`<p class="indikator-skal">Indikatorn${interpretationHtml(ttk.indikator)}</p>`);
  out.push(`<p class="indikator-status">Status ${nowYear}: ${badge(t.result.status, t.result.manual)}</p>`);
  if (t.result.reason) out.push(`<p class="indikator-skal">${t.result.manual ? "Motivering: " : ""}${esc(t.result.reason)}</p>`);
  const baseline = t.baseline
    ? `${esc(valueText(t.baseline.value, t.unit))} (${t.baseline.year}${
        t.baselineSource && t.baselineSource !== "förbättringsarbetet" ? `, ${esc(t.baselineSource)}` : ""
      })${interpretationHtml(ttk["utgångsläge"])}`
    : "saknas";
  const goal = t.target
    ? `${esc(label(t.direction))} till ${esc(valueText(t.target.value, t.unit))} ${esc(deadlineText(t))}`
    : `${esc(label(t.direction))}, målvärde saknas (${esc(deadlineText(t))})`;
  const latest = t.result.latest ? `${esc(valueText(t.result.latest.value, t.unit))} (${t.result.latest.year})` : "ingen ännu";
  out.push('<dl class="nyckeltal">');
  out.push(`<div><dt>Utgångsläge</dt><dd>${baseline}</dd></div>`);
  out.push(`<div><dt>Mål</dt><dd>${goal}${interpretationHtml(ttk["målvärde"])}</dd></div>`);
  out.push(`<div><dt>Senaste mätning</dt><dd>${latest}</dd></div>`);
  out.push("</dl>");
  const sentence = progressSentence(t);
  if (sentence) out.push(`<p class="framsteg-mening">${esc(sentence)}</p>`);
  if (t.history.length > 1) {
    const years = t.history.map((h) => `<span class="historik-ar">${h.year}: ${badge(h.status, h.manual)}</span>`).join(", ");
    out.push(`<p class="historik">Status år för år: ${years}</p>`);
  }
  const input = chartInput(t);
  out.push('<div class="diagram-och-tabell">');
  out.push(`<figure class="diagram">${lineChartSvg(input)}</figure>`);
  out.push(lineChartTable(input, `${t.name}: värden`));
  out.push("</div>", "</div>", "</div>");
  return out.join("\n");
}

/** County-goal indicators followed up but not measured yet, as one compact list ("" when there are none). */
export function missingListHtml(missing: readonly Tracked[]): string {
  if (missing.length === 0) return "";
  const items = missing.map((t) => {
    const goal = t.target
      ? `mål: ${esc(valueText(t.target.value, t.unit))} ${esc(deadlineText(t))}`
      : `${esc(label(t.direction).toLowerCase())} ${esc(deadlineText(t))}`;
    const manual = t.result.manual ? `. Status satt för hand: ${badge(t.result.status, t.result.manual)}` : "";
    return `<li id="${esc(t.key)}"><span class="saknas-lista__namn">${esc(t.name)}</span> <span class="saknas-lista__vad" data-pagefind-ignore>– ${goal}; utgångsläge och mätningar saknas${manual}.</span></li>`;
  });
  return `<ul class="saknas-lista">\n${items.join("\n")}\n</ul>`;
}
