/**
 * A county goal's page, /mal/<period>/<mål>/: what is measured and how every centre is doing. In a large
 * county (ProgressViews.goalsSplit) the page shows counts per municipality and the centres' rows move to
 * parts, /mal/<period>/<mål>/del-<n>/, a few whole municipalities each (docs/decisions.md §10).
 */

import { statusBarsSvg } from "../../charts/status-bars.ts";
import { countStatuses, type Count } from "../../progress/aggregate.ts";
import type { CentreProgress, GoalProgress } from "../../progress/model.ts";
import { STATUS_DISPLAY, statusIconSvg } from "../../progress/status-display.ts";
import type { ProgressStatus } from "../../progress/status.ts";
import type { GoalPage, GoalPart, KommunGroup } from "../../progress/views.ts";
import { interpretationHtml } from "../../progress/tolkningar.ts";
import type { PageContext } from "./context.ts";
import { badge, esc, label, SCROLL_OPEN, sizeHint, valueText, scrollTable } from "./parts.ts";

/** Status counts as a table in the fixed order of the statuses. */
export function distributionTable(counts: Count<ProgressStatus>[], caption: string): string {
  return [
    '<table class="fordelning">',
    `<caption>${esc(caption)}</caption>`,
    '<thead><tr><th scope="col">Status</th><th scope="col">Antal</th></tr></thead>',
    `<tbody>${counts.map((c) => `<tr><th scope="row">${badge(c.key)}</th><td class="num">${c.count}</td></tr>`).join("")}</tbody>`,
    `<tfoot><tr><th scope="row">Totalt</th><td class="num">${counts.reduce((sum, c) => sum + c.count, 0)}</td></tr></tfoot>`,
    "</table>",
  ].join("\n");
}

const shortStatus = (status: ProgressStatus): string =>
  `<span class="status ${STATUS_DISPLAY[status].className}">${statusIconSvg(status)} <abbr title="${status}">${STATUS_DISPLAY[status].short}</abbr></span>`;

type Row = { cp: CentreProgress; progress: GoalProgress };

function rowHtml(page: GoalPage, r: Row): string {
  const t = r.progress;
  return `<tr><th scope="row"><a href="/familjecentraler/${esc(r.cp.centre.id)}/${page.current ? `#${esc(t.key)}` : ""}">${esc(
    r.cp.centre.namn,
  )}</a></th><td>${esc(r.cp.kommunNamn)}${interpretationHtml(r.cp.centre.tolkningar?.kommun)}</td><td class="num">${
    t.baseline ? `${esc(valueText(t.baseline.value, t.unit))} (${t.baseline.year})` : "–"
  }</td><td class="num">${t.result.latest ? `${esc(valueText(t.result.latest.value, t.unit))} (${t.result.latest.year})` : "–"}</td><td>${badge(
    t.result.status,
    t.result.manual,
  )}</td></tr>`;
}

function rowsTable(page: GoalPage, rows: Row[], caption: string): string {
  return [
    `${SCROLL_OPEN} data-pagefind-ignore>`,
    "<table>",
    `<caption>${esc(caption)}</caption>`,
    '<thead><tr><th scope="col">Familjecentral</th><th scope="col">Kommun</th><th scope="col">Utgångsläge</th><th scope="col">Senaste värde</th><th scope="col">Status</th></tr></thead>',
    "<tbody>",
    rows.map((r) => `${rowHtml(page, r)}\n`).join(""),
    "</tbody>",
    "</table>",
    "</div>",
  ].join("\n");
}

/** Counts per municipality for one indicator, each municipality linking to the part with its centres. */
function perKommunTable(ctx: PageContext, page: GoalPage, indicatorId: string, rows: Row[], name: string): string {
  const partOf = new Map<string, GoalPart>();
  for (const part of ctx.views.goalParts) if (part.goalPage === page) for (const k of part.kommuner) partOf.set(k.id, part);
  const byKommun = new Map<string, Row[]>();
  for (const r of rows) byKommun.set(r.cp.centre.kommun, [...(byKommun.get(r.cp.centre.kommun) ?? []), r]);
  const statuses = countStatuses([]).map((c) => c.key);
  const body = ctx.views.kommuner
    .filter((k) => byKommun.has(k.id))
    .map((k) => {
      const mine = byKommun.get(k.id) ?? [];
      const counts = countStatuses(mine.map((r) => r.progress.result.status));
      const part = partOf.get(k.id);
      const nameCell = part ? `<a href="${esc(part.url)}#${esc(indicatorId)}-${esc(k.id)}">${esc(k.namn)}</a>` : esc(k.namn);
      return `<tr><th scope="row">${nameCell}</th><td class="num">${mine.length}</td>${counts.map((c) => `<td class="num">${c.count}</td>`).join("")}</tr>`;
    });
  return [
    "<p>Varje kommuns familjecentraler med värden och status står på en egen sida; följ länken på kommunens namn.</p>",
    ...scrollTable({
      caption: `${esc(name)}: familjecentraler per status och kommun`,
      head: `<th scope="col">Kommun</th><th scope="col">Familjecentraler</th>${statuses.map((s) => `<th scope="col">${shortStatus(s)}</th>`).join("")}`,
      body: body.join(""),
      className: "statusmatris",
    }),
  ].join("\n");
}

/** The article of /mal/<period>/<mål>/. */
export function goalPageHtml(page: GoalPage, ctx: PageContext): string {
  const per = page.period;
  const m = page.goal;
  const out: string[] = [
    '<article class="framsteg" data-pagefind-weight="0.7">',
    `<h1>${esc(m.namn)}</h1>`,
    ...(per.status === "förslag"
      ? [
          '<p class="forslag" data-pagefind-ignore><strong>Förslag – inte beslutat.</strong> Målet ingår i ett förslag som länets styrgrupp ännu inte har beslutat.</p>',
        ]
      : []),
    `<p class="ingress">${m.beskrivning ? `${esc(m.beskrivning)} ` : ""}Fokusområde: ${esc(page.focus.namn)}. Målperiod ${per.startår}–${per.slutår}.</p>`,
    ...(m.uppdragspunkter ? [`<p>Bygger på punkterna ${esc(m.uppdragspunkter.join(", "))} i familjecentralens uppdrag.</p>`] : []),
    "",
    '<h2 id="fordelning">Så går det för familjecentralerna</h2>',
    '<div class="diagram-och-tabell" data-pagefind-ignore>',
    `<figure class="diagram">${statusBarsSvg({ id: `fordelning-${m.id}`, title: `Statusfördelning: ${m.namn}`, counts: page.counts })}</figure>`,
    distributionTable(page.counts, "Antal familjecentraler per status, alla indikatorer för målet"),
    "</div>",
    "",
  ];
  m.indikatorer.forEach((i, index) => {
    const ind = page.indicators[index];
    const rows = ind?.rows ?? [];
    out.push(
      `<section aria-labelledby="indikator-${esc(i.id)}">`,
      `<h2 id="indikator-${esc(i.id)}">${esc(i.namn)}</h2>`,
      '<dl class="fakta" data-pagefind-ignore>',
      `<div><dt>Enhet</dt><dd>${esc(label(i.enhet))}</dd></div>`,
      `<div><dt>Riktning</dt><dd>${esc(label(i.riktning))}</dd></div>`,
      `<div><dt>Datakälla</dt><dd>${esc(i["datakälla"])}</dd></div>`,
      `<div><dt>Länsmål</dt><dd>${
        i.länsmål
          ? `${esc(valueText(i.länsmål.värde, i.enhet))} år ${per.slutår}`
          : "Inget länsmål – statusen blir Underlag saknas om den inte sätts för hand"
      }</dd></div>`,
      `<div><dt>Länets utgångsläge</dt><dd>${i.utgångsläge ? `${esc(valueText(i.utgångsläge.värde, i.enhet))} (${i.utgångsläge.år})` : "Saknas"}</dd></div>`,
      "</dl>",
      ...(i.beskrivning ? [`<p>${esc(i.beskrivning)}</p>`] : []),
      `<p class="fordelning-text" data-pagefind-ignore>${(ind?.counts ?? [])
        .filter((c) => c.count > 0)
        .map((c) => `${badge(c.key)} ${c.count}`)
        .join(" · ")}</p>`,
      ctx.views.goalsSplit
        ? perKommunTable(ctx, page, i.id, rows, i.namn)
        : rowsTable(page, rows, `${i.namn}: senaste värde och status per familjecentral`),
      "</section>",
    );
  });
  const base = `/mal/${esc(per.id)}/${esc(m.id)}`;
  out.push(
    "",
    '<h2 id="nedladdning">Ladda ner data</h2>',
    "<ul data-pagefind-ignore>",
    `<li><a href="${base}.csv" download>${esc(m.namn)} som CSV för Excel</a> (CSV, ${esc(sizeHint(ctx.goalCsv(page)))})</li>`,
    `<li><a href="${base}.json" download>${esc(m.namn)} som JSON</a> (JSON, ${esc(sizeHint(ctx.goalJson(page)))})</li>`,
    "</ul>",
    '<p><a href="/lagesbild/nedladdningar/">Om filerna och metoden</a>.</p>',
    "</article>",
  );
  return out.join("\n");
}

/** "Alby–Ekby" or "Alby": the municipalities a part of a goal page covers. */
export function goalPartKommuner(part: GoalPart): string {
  const first = part.kommuner[0]?.namn ?? "";
  const last = part.kommuner.at(-1)?.namn ?? "";
  return first === last ? first : `${first}–${last}`;
}

export function goalPartTitle(part: GoalPart): string {
  const { goal, period } = part.goalPage;
  return `${goal.namn} (${period.startår}–${period.slutår}): ${goalPartKommuner(part)}`;
}

/** The article of a part of a split goal page: its municipalities' centres, indicator by indicator. */
export function goalPartHtml(part: GoalPart): string {
  const page = part.goalPage;
  const inPart = (k: KommunGroup) => (r: Row) => r.cp.centre.kommun === k.id;
  const out: string[] = [
    '<article class="framsteg">',
    `<h1>${esc(goalPartTitle(part))}</h1>`,
    `<p class="ingress">Senaste värde och status för familjecentralerna i ${esc(part.kommuner.map((k) => k.namn).join(", "))}. Målet, dess indikatorer och länets siffror står på <a href="/mal/${esc(
      page.period.id,
    )}/${esc(page.goal.id)}/">sidan om ${esc(page.goal.namn)}</a>.</p>`,
  ];
  page.goal.indikatorer.forEach((i, index) => {
    const rows = page.indicators[index]?.rows ?? [];
    out.push(`<section aria-labelledby="indikator-${esc(i.id)}">`, `<h2 id="indikator-${esc(i.id)}">${esc(i.namn)}</h2>`);
    for (const k of part.kommuner) {
      const mine = rows.filter(inPart(k));
      if (!mine.length) continue;
      out.push(
        `<h3 id="${esc(i.id)}-${esc(k.id)}">${esc(k.namn)}</h3>`,
        rowsTable(page, mine, `${i.namn}: senaste värde och status per familjecentral i ${k.namn}`),
      );
    }
    out.push("</section>");
  });
  out.push("</article>");
  return out.join("\n");
}
