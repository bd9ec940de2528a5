/**
 * The county picture, /lagesbild/: reporting, surveys, status per goal and municipality, and the centres
 * that need attention.
 *
 * A county with many centres gets it in two levels (ProgressViews.countySplit), so that no page grows with
 * the number of centres (docs/decisions.md §10): /lagesbild/ keeps the county's figures and counts per municipality, and each
 * municipality's page, /lagesbild/kommun/<id>/, lists its centres one by one.
 */

import { timeElement } from "../../format/sv.ts";
import type { Count } from "../../progress/aggregate.ts";
import type { CentreProgress } from "../../progress/model.ts";
import { STATUS_DISPLAY, statusIconSvg } from "../../progress/status-display.ts";
import type { ProgressStatus } from "../../progress/status.ts";
import type { CountyPicture, KommunGroup } from "../../progress/views.ts";
import { interpretationHtml } from "../../progress/tolkningar.ts";
import { countyHasData } from "../progress-wording.ts";
import type { PageContext } from "./context.ts";
import { esc, label, numberText, SCROLL_OPEN, scrollTable } from "./parts.ts";

const kommunParts = (ctx: PageContext): KommunGroup[] => ctx.views.kommuner;
const kommunUrl = (id: string): string => `/lagesbild/kommun/${id}/`;

/** Where a municipality's reports of a year are compiled: its own part when the year is split. */
function compilationUrlFor(ctx: PageContext, year: number, kommun: string): string {
  const part = ctx.views.compilationPages.find((p) => p.year === year && p.kommun?.id === kommun && p.part === 1);
  return part?.url ?? `/lagesbild/sammanstallning/${year}/`;
}

const shortStatus = (status: ProgressStatus): string =>
  `<span class="status ${STATUS_DISPLAY[status].className}">${statusIconSvg(status)} <abbr title="${status}">${STATUS_DISPLAY[status].short}</abbr></span>`;

const countList = (counts: Count<string>[]): string =>
  counts
    .filter((c) => c.count > 0)
    .map((c) => `${esc(c.key)} ${c.count}`)
    .join(", ");

const kommunOf = (cp: CentreProgress): string => `${esc(cp.kommunNamn)}${interpretationHtml(cp.centre.tolkningar?.kommun)}`;
const centreLink = (cp: CentreProgress): string => `<a href="/familjecentraler/${esc(cp.centre.id)}/">${esc(cp.centre.namn)}</a>`;

function earlierHtml(lb: CountyPicture): string {
  return `<ul>${lb.earlier
    .map((e) => `<li><a href="/mal/${esc(e.period.id)}/">${e.period.startår}–${e.period.slutår}</a>: ${countList(e.counts)}</li>`)
    .join("")}</ul>`;
}

/** The per-centre reporting table of one year, for the given centres. */
function reportingTable(ctx: PageContext, year: CountyPicture["reporting"][number], centres: Set<string> | undefined): string {
  const byId = centreIndex(ctx);
  const rows = year.centres
    .filter((c) => centres === undefined || centres.has(c.centreId))
    .map((c) => {
      const cp = byId.get(c.centreId);
      return `<tr><th scope="row">${cp ? centreLink(cp) : ""}</th><td>${esc(label(c.state))}${c.daysLate ? ` (${c.daysLate} dagar efter sista dag)` : ""}</td><td>${
        c.submitted ? timeElement(c.submitted) : "–"
      }</td></tr>`;
    });
  return scrollTable({
    caption: `Årsberättelser för ${year.year} per familjecentral`,
    head: '<th scope="col">Familjecentral</th><th scope="col">Läge</th><th scope="col">Inlämnad</th>',
    body: rows.join(""),
  }).join("\n");
}

function visitorTable(lb: CountyPicture, centres: Set<string> | undefined): string {
  const rows = lb.visitor
    .filter((v) => centres === undefined || centres.has(v.cp.centre.id))
    .map((v) => {
      const s = v.report.visitorSurvey;
      return `<tr><th scope="row">${esc(v.cp.centre.namn)}</th><td class="num">${s?.answers !== undefined ? esc(numberText(s.answers)) : "–"}</td><td class="num">${
        s?.quota ? esc(s.quota) : "–"
      }</td><td>${esc(label(s?.state))}</td></tr>`;
    });
  return scrollTable({
    caption: `Besöksenkäten ${lb.visitorYear ?? ""}: svar mot kvot`,
    head: '<th scope="col">Familjecentral</th><th scope="col">Svar</th><th scope="col">Kvot</th><th scope="col">Läge</th>',
    body: rows.join(""),
  }).join("\n");
}

function collaborationMissing(lb: CountyPicture, centres: Set<string> | undefined): string {
  const missing = lb.collaboration.filter(
    (v) => v.report.collaborationSurvey?.done === false && (centres === undefined || centres.has(v.cp.centre.id)),
  );
  return missing.length ? `<p>Saknas: ${missing.map((v) => centreLink(v.cp)).join(", ")}.</p>` : "";
}

function attentionList(lb: CountyPicture, centres: Set<string> | undefined): string {
  const items = lb.attention.filter((a) => centres === undefined || centres.has(a.cp.centre.id));
  if (!items.length) return "<p>Ingen familjecentral behöver särskild uppmärksamhet just nu.</p>";
  return `<ul class="uppmarksamhet">${items
    .map((a) => `<li>${centreLink(a.cp)} (${kommunOf(a.cp)})<ul>${a.reasons.map((r) => `<li>${esc(r)}</li>`).join("")}</ul></li>`)
    .join("")}</ul>`;
}

const centreIndexCache = new WeakMap<PageContext, Map<string, CentreProgress>>();
function centreIndex(ctx: PageContext): Map<string, CentreProgress> {
  let index = centreIndexCache.get(ctx);
  if (!index) {
    index = new Map(ctx.views.model.centres.map((cp) => [cp.centre.id, cp]));
    centreIndexCache.set(ctx, index);
  }
  return index;
}

/** A table of counts per municipality, each name linking to the municipality's page. */
function perKommunCounts<T extends string>(
  ctx: PageContext,
  caption: string,
  keys: readonly T[],
  count: (cp: CentreProgress, key: T) => boolean,
  anchor: string,
): string {
  const rows = kommunParts(ctx).map(
    (k) =>
      `<tr><th scope="row"><a href="${kommunUrl(esc(k.id))}#${anchor}">${esc(k.namn)}</a></th><td class="num">${k.centres.length}</td>${keys
        .map((key) => `<td class="num">${k.centres.filter((cp) => count(cp, key)).length}</td>`)
        .join("")}</tr>`,
  );
  return scrollTable({
    caption: `${caption}`,
    head: `<th scope="col">Kommun</th><th scope="col">Familjecentraler</th>${keys.map((k) => `<th scope="col">${esc(label(k))}</th>`).join("")}`,
    body: rows.join(""),
  }).join("\n");
}

/** The article of /lagesbild/. */
export function countyPictureHtml(ctx: PageContext): string {
  const lb = ctx.views.county;
  const fm = ctx.views.model;
  const split = ctx.views.countySplit;
  const out: string[] = [
    '<article class="framsteg">',
    `<h1>Lägesbild för ${esc(ctx.handbok.län.namn)}</h1>`,
    `<p class="ingress">Hur uppföljningen går i länet: inlämnade årsberättelser och enkäter för uppföljningsåret ${fm.nowYear}, status för länsmålen per mål och kommun, och vilka familjecentraler som behöver uppmärksamhet.</p>`,
  ];
  if (!countyHasData(lb)) {
    const r = lb.reporting[0];
    out.push(
      `<p class="tomt-lage">Inga årsberättelser, enkätsvar eller mätningar har kommit in än${
        r ? ` – årsberättelserna för ${r.year} ska vara inlämnade senast ${timeElement(r.deadlineDate)}` : ""
      }.</p>`,
      '<p>Under tiden kan du se <a href="/mal/">vad som följs upp för varje mål</a> och <a href="/familjecentraler/">vilka familjecentraler som ingår</a>.</p>',
    );
    if (lb.earlier.length) out.push('<h2 id="tidigare">Tidigare perioder</h2>', earlierHtml(lb));
  } else {
    out.push(
      '<nav aria-label="På den här sidan" class="sidnav" data-pagefind-ignore><ul>',
      '<li><a href="#rapportering">Rapportering</a></li>',
      '<li><a href="#enkater">Enkäter</a></li>',
      '<li><a href="#per-mal">Status per mål</a></li>',
      '<li><a href="#per-kommun">Status per kommun</a></li>',
      '<li><a href="#uppmarksamhet">Behöver uppmärksamhet</a></li>',
      '<li><a href="#tidigare">Tidigare perioder</a></li>',
      '<li><a href="/lagesbild/nedladdningar/">Nedladdningar</a></li>',
      "</ul></nav>",
      "",
      '<h2 id="rapportering">Årsberättelser</h2>',
    );
    for (const r of lb.reporting) {
      out.push(
        `<h3 id="rapportering-${r.year}">Årsberättelser för ${r.year} (sista dag ${timeElement(r.deadlineDate)})</h3>`,
        `<ul class="summering" data-pagefind-ignore>${r.counts.map((c) => `<li><strong>${c.count}</strong> ${esc(label(c.key).toLowerCase())}</li>`).join("")}</ul>`,
      );
      if (split) {
        const state = new Map(r.centres.map((c) => [c.centreId, c.state]));
        out.push(
          perKommunCounts(
            ctx,
            `Årsberättelser för ${r.year} per kommun`,
            r.counts.map((c) => c.key),
            (cp, key) => state.get(cp.centre.id) === key,
            `rapportering-${r.year}`,
          ),
        );
      } else out.push(reportingTable(ctx, r, undefined));
      out.push(`<p><a href="/lagesbild/sammanstallning/${r.year}/">Sammanställning av årsberättelserna ${r.year}</a> för styrgruppen.</p>`);
    }
    out.push("", '<h2 id="enkater">Enkäter</h2>');
    if (lb.visitorYear) {
      out.push(`<h3>Besöksenkäten ${lb.visitorYear}</h3>`);
      if (split) {
        const state = new Map(lb.visitor.map((v) => [v.cp.centre.id, v.report.visitorSurvey?.state]));
        out.push(
          perKommunCounts(
            ctx,
            `Besöksenkäten ${lb.visitorYear}: familjecentraler per läge och kommun`,
            ["kvot nådd", "under kvot", "ingen kvot", "saknas"] as const,
            (cp, key) => state.get(cp.centre.id) === key,
            "enkater",
          ),
        );
      } else out.push(visitorTable(lb, undefined));
    } else out.push("<p>Ingen besöksenkät är registrerad ännu.</p>");
    if (lb.collaborationYear) {
      const done = lb.collaboration.filter((v) => v.report.collaborationSurvey?.done === true).length;
      const missing = lb.collaboration.filter((v) => v.report.collaborationSurvey?.done === false).length;
      out.push(
        `<h3>Samverkansenkäten ${lb.collaborationYear}</h3>`,
        `<ul class="summering" data-pagefind-ignore><li><strong>${done}</strong> genomförda</li><li><strong>${missing}</strong> saknas</li></ul>`,
      );
      if (split) {
        if (missing) out.push('<p>Vilka som saknas står på kommunernas sidor, se <a href="#per-kommun">Status per kommun</a>.</p>');
      } else {
        const list = collaborationMissing(lb, undefined);
        if (list) out.push(list);
      }
    } else out.push("<p>Ingen samverkansenkät är registrerad ännu.</p>");

    out.push("", `<h2 id="per-mal">Status per mål${lb.current ? ` ${lb.current.startår}–${lb.current.slutår}` : ""}</h2>`);
    if (lb.current) {
      const current = lb.current;
      if (current.status === "förslag") out.push('<p class="forslag"><strong>Förslag – inte beslutat.</strong></p>');
      out.push(
        `${SCROLL_OPEN} data-pagefind-ignore>`,
        '<table class="statusmatris">',
        "<caption>Antal bedömningar (familjecentral × indikator) per status och mål</caption>",
        `<thead><tr><th scope="col">Mål</th>${lb.worksCounts.map((c) => `<th scope="col">${shortStatus(c.key)}</th>`).join("")}</tr></thead>`,
        `<tbody>${lb.perGoal
          .map(
            (g) =>
              `<tr><th scope="row"><a href="/mal/${esc(current.id)}/${esc(g.goal.id)}/">${esc(g.goal.namn)}</a></th>${g.counts.map((c) => `<td class="num">${c.count}</td>`).join("")}</tr>`,
          )
          .join("")}`,
        `<tr><th scope="row">Förbättringsarbeten</th>${lb.worksCounts.map((c) => `<td class="num">${c.count}</td>`).join("")}</tr></tbody>`,
        "</table>",
        "</div>",
      );
    } else out.push("<p>Ingen aktuell målperiod.</p>");

    const ids = new Map(kommunParts(ctx).map((k) => [k.namn, k.id]));
    out.push(
      "",
      '<h2 id="per-kommun">Status per kommun</h2>',
      ...(split
        ? ["<p>Varje kommuns sida listar dess familjecentraler: årsberättelser, enkäter och vilka som behöver uppmärksamhet.</p>"]
        : []),
      `${SCROLL_OPEN} data-pagefind-ignore>`,
      '<table class="statusmatris">',
      `<caption>Länsmålens status per kommun${lb.current ? ` ${lb.current.startår}–${lb.current.slutår}` : ""}</caption>`,
      `<thead><tr><th scope="col">Kommun</th><th scope="col">Familjecentraler</th>${lb.worksCounts.map((c) => `<th scope="col">${shortStatus(c.key)}</th>`).join("")}</tr></thead>`,
      `<tbody>${lb.perKommun
        .map((k) => {
          const id = ids.get(k.namn);
          const name = split && id ? `<a href="${kommunUrl(esc(id))}">${esc(k.namn)}</a>` : esc(k.namn);
          return `<tr><th scope="row">${name}</th><td class="num">${k.centres}</td>${k.counts.map((c) => `<td class="num">${c.count}</td>`).join("")}</tr>`;
        })
        .join("")}</tbody>`,
      "</table>",
      "</div>",
    );
    const interpreted = fm.centres.filter((cp) => cp.centre.tolkningar?.kommun !== undefined).length;
    if (interpreted)
      out.push(
        `<p class="liten">Tolkning: för ${interpreted} av ${fm.centres.length} familjecentraler anger källorna bara orten, inte kommunen. Handboken har räknat dem till den kommun där orten ligger.</p>`,
      );

    out.push(
      "",
      '<h2 id="uppmarksamhet">Behöver uppmärksamhet</h2>',
      "<p>Familjecentraler med status Försämring, Ej uppnått eller Begränsade framsteg, eller med en årsberättelse som saknas eller kom in sent.</p>",
    );
    if (split) out.push(attentionByKommun(ctx, lb));
    else out.push(attentionList(lb, undefined));

    out.push("", '<h2 id="tidigare">Tidigare perioder</h2>', lb.earlier.length ? earlierHtml(lb) : "<p>Inga tidigare perioder.</p>");
  }
  out.push(
    "",
    '<h2 id="nedladdning">Nedladdningar</h2>',
    '<p><a href="/lagesbild/nedladdningar/">Hela länets data som CSV och JSON</a>, med en beskrivning av filerna och metoden.</p>',
    "</article>",
  );
  return out.join("\n");
}

function attentionByKommun(ctx: PageContext, lb: CountyPicture): string {
  if (!lb.attention.length) return "<p>Ingen familjecentral behöver särskild uppmärksamhet just nu.</p>";
  const count = new Map<string, number>();
  for (const a of lb.attention) count.set(a.cp.centre.kommun, (count.get(a.cp.centre.kommun) ?? 0) + 1);
  const items = kommunParts(ctx)
    .filter((k) => count.has(k.id))
    .map((k) => `<li><a href="${kommunUrl(esc(k.id))}#uppmarksamhet">${esc(k.namn)}</a>: ${count.get(k.id)} av ${k.centres.length}</li>`);
  return [
    `<p>${lb.attention.length} av ${ctx.views.model.centres.length} familjecentraler, per kommun:</p>`,
    `<ul class="kolumner">${items.join("")}</ul>`,
  ].join("\n");
}

/** The article of /lagesbild/kommun/<id>/: the municipality's centres one by one. */
export function countyKommunHtml(ctx: PageContext, kommun: KommunGroup): string {
  const lb = ctx.views.county;
  const ids = new Set(kommun.centres.map((cp) => cp.centre.id));
  const out: string[] = [
    '<article class="framsteg">',
    `<h1>Lägesbild för ${esc(kommun.namn)}</h1>`,
    `<p class="ingress">Familjecentralerna i ${esc(kommun.namn)} en och en: årsberättelser, enkäter och vilka som behöver uppmärksamhet. Länets siffror och status per mål står i <a href="/lagesbild/">lägesbilden för ${esc(
      ctx.handbok.län.namn,
    )}</a>.</p>`,
    '<h2 id="rapportering">Årsberättelser</h2>',
  ];
  for (const r of lb.reporting) {
    out.push(
      `<h3 id="rapportering-${r.year}">Årsberättelser för ${r.year} (sista dag ${timeElement(r.deadlineDate)})</h3>`,
      reportingTable(ctx, r, ids),
    );
    out.push(
      `<p><a href="${compilationUrlFor(ctx, r.year, kommun.id)}">Sammanställning av årsberättelserna ${r.year}</a> för styrgruppen.</p>`,
    );
  }
  out.push('<h2 id="enkater">Enkäter</h2>');
  if (lb.visitorYear) out.push(`<h3>Besöksenkäten ${lb.visitorYear}</h3>`, visitorTable(lb, ids));
  if (lb.collaborationYear) {
    const missing = collaborationMissing(lb, ids);
    out.push(`<h3>Samverkansenkäten ${lb.collaborationYear}</h3>`, missing || "<p>Alla har genomfört den.</p>");
  }
  out.push(
    '<h2 id="uppmarksamhet">Behöver uppmärksamhet</h2>',
    "<p>Familjecentraler med status Försämring, Ej uppnått eller Begränsade framsteg, eller med en årsberättelse som saknas eller kom in sent.</p>",
    attentionList(lb, ids),
    "</article>",
  );
  return out.join("\n");
}
