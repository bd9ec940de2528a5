/**
 * The annual-report draft, /familjecentraler/<id>/arsberattelse/<år>/: what the handbook already knows
 * about a centre's year, laid out for print, and the same year's summary in the county's compilation.
 */

import { timeElement } from "../../format/sv.ts";
import type { ReportPage } from "../../progress/views.ts";
import { interpretationHtml, isUnknown } from "../../progress/tolkningar.ts";
import { badge, esc, label, numberText, valueText, scrollTable } from "./parts.ts";

const UNKNOWN = "Uppgift saknas i källorna";

const activitiesFor = (r: ReportPage, goalId: string): string[] => r.year.activities.find((a) => a.goalId === goalId)?.activities ?? [];

function goalsHtml(r: ReportPage): string {
  const y = r.year;
  if (!r.period) return `<p>Ingen målperiod omfattar ${y.year}.</p>`;
  const out: string[] = [
    `<p>Målperiod ${r.period.startår}–${r.period.slutår}${r.period.status === "förslag" ? " (förslag – inte beslutat)" : ""}. Status som den såg ut efter ${y.year}.</p>`,
  ];
  for (const g of r.goals) {
    const name = esc(g.group.goal.namn);
    out.push(`<h3>${name}</h3>`);
    const activities = activitiesFor(r, g.group.goal.id);
    out.push(
      activities.length
        ? `<p>Aktiviteter:</p><ul>${activities.map((a) => `<li>${esc(a)}</li>`).join("")}</ul>`
        : `<p>Inga aktiviteter registrerade för ${y.year}.</p>`,
    );
    const rows = g.rows.map(
      (row) =>
        `<tr><th scope="row">${esc(row.t.name)}</th><td class="num">${
          row.value !== undefined ? esc(valueText(row.value, row.t.unit)) : "ingen mätning"
        }</td><td class="num">${row.t.target ? `${esc(valueText(row.t.target.value, row.t.unit))} år ${row.t.target.year}` : "–"}</td><td>${badge(
          row.status,
          row.manual,
        )}</td></tr>`,
    );
    out.push(
      "<table>",
      `<caption>${name}: mätningar och status ${y.year}</caption>`,
      `<thead><tr><th scope="col">Indikator</th><th scope="col">Värde ${y.year}</th><th scope="col">Målvärde</th><th scope="col">Status</th></tr></thead>`,
      `<tbody>${rows.join("")}</tbody>`,
      "</table>",
    );
  }
  return out.join("\n");
}

function worksHtml(r: ReportPage): string {
  if (r.works.length === 0) return "";
  const year = r.year.year;
  const rows = r.works.map(({ t, status, manual }) => {
    const tk = t.interpretations ?? {};
    const upTo = t.measurements.filter((m) => m.year <= year);
    return [
      `<tr><th scope="row">${esc(t.goal)}<br><span class="liten">${esc(t.name)}</span></th>`,
      `<td class="num">${t.baseline ? `${esc(valueText(t.baseline.value, t.unit))} (${t.baseline.year})${interpretationHtml(tk["utgångsläge"])}` : "saknas"}</td>`,
      `<td class="num">${t.target ? `${esc(valueText(t.target.value, t.unit))} (${t.target.year})${interpretationHtml(tk["målvärde"])}` : "saknas"}</td>`,
      `<td>${upTo.length ? upTo.map((m) => `${esc(valueText(m.value, t.unit))} (${m.year})`).join(", ") : "inga"}</td>`,
      `<td>${badge(status, manual)}</td></tr>`,
    ].join("\n");
  });
  return [
    "<h2>Förbättringsarbeten</h2>",
    ...scrollTable({
      caption: `Förbättringsarbeten: status efter ${year}`,
      head: `<th scope="col">Mål</th><th scope="col">Utgångsläge</th><th scope="col">Målvärde</th><th scope="col">Mätningar till och med ${year}</th><th scope="col">Status</th>`,
      body: rows.join(""),
      searchable: true,
    }),
  ].join("\n");
}

/** The survey lines of a year, in the draft's words. */
function surveysHtml(r: ReportPage): string {
  const y = r.year;
  const v = y.visitorSurvey;
  const visitor = v
    ? `${esc(label(v.state))}${v.answers !== undefined ? `, ${esc(numberText(v.answers))} svar${v.quota ? ` av ${esc(v.quota)}` : ""}` : ""}`
    : "inte ett enkätår";
  const s = y.collaborationSurvey;
  const collaboration = s
    ? s.done
      ? `genomförd${s.answers !== undefined ? `, ${esc(numberText(s.answers))} svar` : ""}`
      : "saknas"
    : "inte ett enkätår";
  return [
    `<h2>Enkäter ${y.year}</h2>`,
    "<ul>",
    `<li>Besöksenkät: ${visitor}.</li>`,
    `<li>Samverkansenkät: ${collaboration}.</li>`,
    "</ul>",
  ].join("\n");
}

/** The draft's article, as the layout prints it inside <main>. */
export function annualReportHtml(r: ReportPage): string {
  const { cp, year: y } = r;
  const c = cp.centre;
  const tk = c.tolkningar ?? {};
  const name = esc(c.namn);
  const state = esc(label(y.reportState).toLowerCase());
  const facts = [
    `<div><dt>Kommun</dt><dd>${esc(cp.kommunNamn)}${interpretationHtml(tk.kommun)}</dd></div>`,
    `<div><dt>Typ</dt><dd>${isUnknown(c.typ) ? UNKNOWN : `${esc(label(c.typ))}${interpretationHtml(tk.typ)}`}</dd></div>`,
    `<div><dt>Samlokalisering</dt><dd>${esc(label(c.samlokalisering))}${interpretationHtml(tk.samlokalisering)}</dd></div>`,
    `<div><dt>Verksamheter</dt><dd>${
      isUnknown(c.verksamheter) || !Array.isArray(c.verksamheter)
        ? UNKNOWN
        : `${esc(c.verksamheter.join(", "))}${interpretationHtml(tk.verksamheter)}`
    }</dd></div>`,
    ...(c.andra_aktörer?.length ? [`<div><dt>Andra aktörer</dt><dd>${esc(c.andra_aktörer.join(", "))}</dd></div>`] : []),
    `<div><dt>Storlek</dt><dd>${c.storlek ? esc(label(c.storlek)) : "Okänd"}</dd></div>`,
  ];
  return [
    '<article class="framsteg utskrift">',
    `<h1>Årsberättelse ${y.year}: ${name}</h1>`,
    `<p class="ingress">Utkast sammanställt ur familjecentralens datafil. Ska lämnas till länets utvecklingsledare senast ${timeElement(y.deadlineDate)}.${
      y.submitted ? ` Inlämnad ${timeElement(y.submitted)} (${state}).` : ` Läge: ${state}.`
    }</p>`,
    '<p class="skarm">Skriv ut sidan eller spara den som PDF (Ctrl+P) för att skicka den.</p>',
    "",
    "<h2>Fakta</h2>",
    '<dl class="fakta">',
    ...facts,
    "</dl>",
    "",
    `<h2>Länsmål och aktiviteter ${y.year}</h2>`,
    goalsHtml(r),
    "",
    worksHtml(r),
    "",
    surveysHtml(r),
    `<p class="skarm"><a href="/familjecentraler/${esc(c.id)}/">Tillbaka till ${name}</a></p>`,
    "</article>",
  ].join("\n");
}
