/**
 * The compilation of a year's annual reports for the county's steering group,
 * /lagesbild/sammanstallning/<år>/: every centre's year on one printable page, or, for a county with many
 * centres, an overview of the year with one page per municipality (ProgressViews.compilationPages,
 * docs/decisions.md §10).
 */

import { timeElement } from "../../format/sv.ts";
import type { CompilationPage, ReportPage } from "../../progress/views.ts";
import { interpretationHtml } from "../../progress/tolkningar.ts";
import type { PageContext } from "./context.ts";
import { badge, esc, label, valueText } from "./parts.ts";

/** The page's title, also its h1. */
export function compilationTitle(page: CompilationPage): string {
  const base = `Sammanställning av årsberättelserna ${page.year}`;
  if (page.kind !== "del" || !page.kommun) return base;
  return `${base}: ${page.kommun.namn}${(page.parts ?? 1) > 1 ? `, del ${page.part ?? 1} av ${page.parts ?? 1}` : ""}`;
}

function centreSection(r: ReportPage): string {
  const { cp, year: y } = r;
  const id = esc(cp.centre.id);
  const name = esc(cp.centre.namn);
  const v = y.visitorSurvey;
  const visitor = v
    ? `${esc(label(v.state).toLowerCase())}${v.answers !== undefined ? ` (${esc(v.answers)} svar)` : ""}`
    : "inte ett enkätår";
  const s = y.collaborationSurvey;
  const collaboration = s ? (s.done ? "genomförd" : "saknas") : "inte ett enkätår";
  const out: string[] = [
    `<section class="sammanstallning-fc" aria-labelledby="fc-${id}">`,
    `<h2 id="fc-${id}">${name} (${esc(cp.kommunNamn)}${interpretationHtml(cp.centre.tolkningar?.kommun)})</h2>`,
    `<p>Årsberättelse: ${esc(label(y.reportState).toLowerCase())}${y.submitted ? `, ${timeElement(y.submitted)}` : ""}. Besöksenkät: ${visitor}. Samverkansenkät: ${collaboration}.</p>`,
  ];
  if (r.goals.length) {
    const rows = r.goals.flatMap((g) => {
      const activities = y.activities.find((a) => a.goalId === g.group.goal.id)?.activities ?? [];
      const cell = activities.length ? esc(activities.join("; ")) : "–";
      return g.rows.map(
        (row) =>
          `<tr><th scope="row">${esc(g.group.goal.namn)}<br><span class="liten">${esc(row.t.name)}</span></th><td>${cell}</td><td class="num">${
            row.value !== undefined ? esc(valueText(row.value, row.t.unit)) : "–"
          }</td><td>${badge(row.status, row.manual)}</td></tr>`,
      );
    });
    out.push(
      "<table>",
      `<caption>${name}: länsmål ${y.year}</caption>`,
      `<thead><tr><th scope="col">Mål och indikator</th><th scope="col">Aktiviteter</th><th scope="col">Värde ${y.year}</th><th scope="col">Status</th></tr></thead>`,
      `<tbody>${rows.join("")}</tbody>`,
      "</table>",
    );
  }
  if (r.works.length) {
    out.push(
      "<table>",
      `<caption>${name}: förbättringsarbeten efter ${y.year}</caption>`,
      '<thead><tr><th scope="col">Mål</th><th scope="col">Status</th></tr></thead>',
      `<tbody>${r.works.map((w) => `<tr><th scope="row">${esc(w.t.goal)}</th><td>${badge(w.status, w.manual)}</td></tr>`).join("")}</tbody>`,
      "</table>",
    );
  }
  out.push(`<p class="skarm"><a href="/familjecentraler/${id}/arsberattelse/${y.year}/">Hela årsberättelsen</a></p>`, "</section>");
  return out.join("\n");
}

function reportsHtml(reports: ReportPage[]): string[] {
  return [
    `<nav aria-label="Familjecentraler i sammanställningen" class="skarm"><ul class="kolumner">${reports
      .map((r) => `<li><a href="#fc-${esc(r.cp.centre.id)}">${esc(r.cp.centre.namn)}</a></li>`)
      .join("")}</ul></nav>`,
    ...reports.map(centreSection),
  ];
}

/** The overview of a split year: each municipality's part with the centres it holds. */
function overviewHtml(page: CompilationPage): string[] {
  const parts = page.children ?? [];
  return [
    '<nav aria-label="Kommuner i sammanställningen">',
    ...parts.map((part) =>
      [
        `<h2 id="kommun-${esc(part.kommun?.id)}${(part.part ?? 1) > 1 ? `-del-${part.part ?? 1}` : ""}"><a href="${esc(part.url)}">${esc(
          compilationTitle(part).replace(/^[^:]*: /, ""),
        )}</a></h2>`,
        `<ul class="kolumner">${part.reports
          .map((r) => `<li><a href="${esc(part.url)}#fc-${esc(r.cp.centre.id)}">${esc(r.cp.centre.namn)}</a></li>`)
          .join("")}</ul>`,
      ].join("\n"),
    ),
    "</nav>",
  ];
}

/** The article of one compilation page. */
export function compilationHtml(page: CompilationPage, ctx: PageContext): string {
  const county = esc(ctx.handbok.län.namn);
  const year = page.year;
  const out: string[] = ['<article class="framsteg utskrift">', `<h1>${esc(compilationTitle(page))}</h1>`];
  if (page.kind === "hela") {
    out.push(
      `<p class="ingress">Alla familjecentralers årsberättelser för ${year} i ${county}, för länets styrgrupp. Skriv ut sidan eller spara den som PDF.</p>`,
      ...reportsHtml(page.reports),
    );
  } else if (page.kind === "översikt") {
    const centres = (page.children ?? []).reduce((sum, p) => sum + p.reports.length, 0);
    out.push(
      `<p class="ingress">Familjecentralernas årsberättelser för ${year} i ${county}, för länets styrgrupp: ${centres} familjecentraler, en sida per kommun. Skriv ut en kommuns sida eller spara den som PDF.</p>`,
      ...overviewHtml(page),
    );
  } else {
    const kommun = esc(page.kommun?.namn);
    const siblings = ctx.views.compilationPages.filter((p) => p.year === year && p.kommun?.id === page.kommun?.id);
    out.push(
      `<p class="ingress">Årsberättelserna för ${year} från familjecentralerna i ${kommun}, för länets styrgrupp. Skriv ut sidan eller spara den som PDF. <a href="/lagesbild/sammanstallning/${year}/">Alla kommuner ${year}</a>.</p>`,
    );
    if (siblings.length > 1)
      out.push(
        `<nav aria-label="Delar av sammanställningen för ${kommun}" class="skarm"><ul>${siblings
          .map((p) =>
            p === page
              ? `<li><span aria-current="page">Del ${p.part ?? 1}</span></li>`
              : `<li><a href="${esc(p.url)}">Del ${p.part ?? 1}</a></li>`,
          )
          .join("")}</ul></nav>`,
      );
    out.push(...reportsHtml(page.reports));
  }
  out.push("</article>");
  return out.join("\n");
}
