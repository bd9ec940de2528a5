/**
 * A centre's page, /familjecentraler/<id>/: facts, its own improvement works, the county goals period by
 * period, the follow-up years, the collaboration profile and the downloads. Written once per centre from
 * the view object (scripts/progress/views.ts); the page template only prints it.
 */

import { profileChartSvg, profileChartTable } from "../../charts/profile-chart.ts";
import { timeElement } from "../../format/sv.ts";
import type { CentrePage, CentrePeriod } from "../../progress/views.ts";
import { interpretationHtml, isUnknown } from "../../progress/tolkningar.ts";
import { deadlineText as deadlineOf, hasMeasurements } from "../progress-wording.ts";
import type { PageContext } from "./context.ts";
import { indicatorHtml, missingListHtml } from "./indicator.ts";
import { badge, dayOfYear, esc, label, numberText, profileInput, SCROLL_OPEN, sizeHint, valueText } from "./parts.ts";

const UNKNOWN = "Uppgift saknas i källorna";

function factsHtml(page: CentrePage, ctx: PageContext): string {
  const { cp } = page;
  const c = cp.centre;
  const tk = c.tolkningar ?? {};
  const rows: string[] = [];
  const row = (term: string, value: string): void => void rows.push(`<div><dt>${term}</dt><dd>${value}</dd></div>`);
  row("Kommun", `${esc(cp.kommunNamn)}${interpretationHtml(tk.kommun)}`);
  row("Typ", isUnknown(c.typ) ? UNKNOWN : `${esc(label(c.typ))}${interpretationHtml(tk.typ)}`);
  row("Samlokalisering", `${esc(label(c.samlokalisering))}${interpretationHtml(tk.samlokalisering)}`);
  row(
    "Verksamheter",
    isUnknown(c.verksamheter) || !Array.isArray(c.verksamheter)
      ? UNKNOWN
      : `${esc(c.verksamheter.join(", "))}${interpretationHtml(tk.verksamheter)}`,
  );
  if (c.andra_aktörer?.length) row("Andra aktörer", `${esc(c.andra_aktörer.join(", "))}${interpretationHtml(tk["andra_aktörer"])}`);
  row(
    "Storlek",
    c.storlek
      ? `${esc(label(c.storlek))}${interpretationHtml(tk.storlek)} – kvot i besöksenkäten ${esc(cp.quota)} svar`
      : "Okänd – ingen kvot i besöksenkäten",
  );
  if (c.andra_namn?.length) row("Andra namn", `${esc(c.andra_namn.join(", "))}${interpretationHtml(tk.andra_namn)}`);
  const email = c.kontakt?.["e-post"];
  if (email) row("Kontakt", `<a href="mailto:${esc(email)}">${esc(email)}</a>`);
  row("Källor", c.källor.map((id) => esc(ctx.sourceName(id))).join(", "));
  return `<dl class="fakta" data-pagefind-ignore>\n${rows.join("\n")}\n</dl>`;
}

function worksHtml(page: CentrePage, ctx: PageContext): string {
  const { works } = page.cp;
  if (works.length === 0) return "";
  const measured = works.filter(hasMeasurements);
  const missing = works.filter((t) => !hasMeasurements(t));
  const out: string[] = [
    '<h2 id="forbattringsarbeten" data-pagefind-ignore>Förbättringsarbeten</h2>',
    `<p data-pagefind-ignore>Familjecentralens egna mål. Status ${ctx.nowYear} räknas fram enligt <a href="/lagesbild/nedladdningar/#metod">handbokens metod</a>.</p>`,
  ];
  for (const t of measured) {
    out.push(`<section class="forbattringsarbete" aria-labelledby="${esc(t.key)}-rubrik">`);
    out.push(`<h3 id="${esc(t.key)}-rubrik">${esc(t.goal)}</h3>`);
    if (t.subGoal) out.push(`<p>Delmål: ${esc(t.subGoal)}</p>`);
    if (t.source)
      out.push(`<p class="liten">Källa: ${esc(ctx.sourceName(t.source))}${interpretationHtml(t.interpretations?.["källa"])}</p>`);
    out.push(indicatorHtml(t, "h4", ctx.nowYear), "</section>");
  }
  if (missing.length > 0) {
    out.push(
      `<h3 id="forbattringsarbeten-utan-matning" data-pagefind-ignore>${
        measured.length ? "Fler förbättringsarbeten, utan mätningar än" : "Följs upp – mätningar saknas än"
      }</h3>`,
      '<ul class="saknas-lista">',
    );
    for (const t of missing) {
      const ttk = t.interpretations ?? {};
      const goal = t.target
        ? `Mål: ${esc(valueText(t.target.value, t.unit))} ${esc(deadlineOf(t))}`
        : `${esc(label(t.direction))} ${esc(deadlineOf(t))}`;
      const source = t.source ? ` Källa: ${esc(ctx.sourceName(t.source))}${interpretationHtml(ttk["källa"])}.` : "";
      out.push(
        `<li id="${esc(t.key)}"><span class="saknas-lista__namn">${esc(t.goal)}</span>${
          t.subGoal ? ` <span class="saknas-lista__delmal">Delmål: ${esc(t.subGoal)}</span>` : ""
        } <span class="saknas-lista__vad" data-pagefind-ignore>Indikator: ${esc(t.name)}${interpretationHtml(ttk.indikator)}. ${goal}${interpretationHtml(
          ttk["målvärde"],
        )}; utgångsläge och mätningar saknas.${source}</span></li>`,
      );
    }
    out.push("</ul>");
  }
  return out.join("\n");
}

function periodHtml(p: CentrePeriod, ctx: PageContext): string {
  const id = esc(p.period.id);
  const out: string[] = [
    `<section class="period" aria-labelledby="period-${id}">`,
    `<h3 id="period-${id}" data-pagefind-ignore>${p.current ? "Aktuell period" : "Period"} ${p.period.startår}–${p.period.slutår}${
      p.period.status === "förslag" ? ' <span class="forslag-etikett">Förslag – inte beslutat</span>' : ""
    }</h3>`,
  ];
  const goalLink = (goalId: string, name: string): string => `<a href="/mal/${id}/${esc(goalId)}/">${esc(name)}</a>`;
  if (p.current) {
    if (!p.goals.some((g) => g.indicators.some(hasMeasurements))) {
      out.push(
        "<p data-pagefind-ignore>Inga mätningar är registrerade för länsmålen än. Det här följs upp:</p>",
        '<ul class="saknas-lista">',
      );
      for (const g of p.goals) {
        const list = g.indicators.length
          ? `<ul data-pagefind-ignore>${g.indicators.map((t) => `<li id="${esc(t.key)}">${esc(t.name)}</li>`).join("")}</ul>`
          : "";
        out.push(`<li data-pagefind-ignore>${goalLink(g.goal.id, g.goal.namn)}${list}</li>`);
      }
      out.push("</ul>");
    } else {
      for (const g of p.goals) {
        const gid = `mal-${id}-${esc(g.goal.id)}`;
        out.push(`<section class="lansmal" aria-labelledby="${gid}">`);
        out.push(`<h4 id="${gid}" data-pagefind-ignore>${goalLink(g.goal.id, g.goal.namn)}</h4>`);
        for (const t of g.indicators.filter(hasMeasurements)) out.push(indicatorHtml(t, "h5", ctx.nowYear));
        const missing = g.indicators.filter((t) => !hasMeasurements(t));
        if (missing.length) out.push(`<p class="saknas-rubrik">Mätningar saknas än för:</p>${missingListHtml(missing)}`);
        out.push("</section>");
      }
    }
  } else {
    const rows = p.goals.flatMap((g) =>
      g.indicators.map(
        (t) =>
          `<tr><td>${goalLink(g.goal.id, g.goal.namn)}</td><th scope="row">${esc(t.name)}</th><td class="num">${
            t.result.latest ? `${esc(valueText(t.result.latest.value, t.unit))} (${t.result.latest.year})` : "–"
          }</td><td class="num">${t.target ? esc(valueText(t.target.value, t.unit)) : "–"}</td><td>${badge(t.result.status, t.result.manual)}</td></tr>`,
      ),
    );
    out.push(
      `${SCROLL_OPEN} data-pagefind-ignore>`,
      "<table>",
      `<caption>Status för länsmålen ${p.period.startår}–${p.period.slutår}</caption>`,
      '<thead><tr><th scope="col">Mål</th><th scope="col">Indikator</th><th scope="col">Senaste värde</th><th scope="col">Målvärde</th><th scope="col">Status</th></tr></thead>',
      "<tbody>",
      rows.join(""),
      "</tbody>",
      "</table>",
      "</div>",
    );
  }
  out.push("</section>");
  return out.join("\n");
}

function followUpHtml(page: CentrePage, ctx: PageContext): string {
  const { cp } = page;
  const c = cp.centre;
  const out: string[] = [
    '<h2 id="uppfoljning" data-pagefind-ignore>Årsberättelser och enkäter</h2>',
    "<div data-pagefind-ignore>",
    `<p>Årsberättelsen för ett år ska vara inlämnad senast den ${esc(dayOfYear(ctx.deadline))} året efter. Besöksenkäten ska ge ${
      cp.quota ? esc(cp.quota) : "100 eller 50"
    } svar.</p>`,
  ];
  if (cp.years.length) {
    out.push(
      `${SCROLL_OPEN}>`,
      "<table>",
      `<caption>Uppföljning per år för ${esc(c.namn)}</caption>`,
      '<thead><tr><th scope="col">År</th><th scope="col">Årsberättelse</th><th scope="col">Besöksenkät</th><th scope="col">Samverkansenkät</th><th scope="col">Utkast</th></tr></thead>',
      "<tbody>",
    );
    const rows = cp.years.map((y) => {
      const v = y.visitorSurvey;
      const visitor = v
        ? `${esc(label(v.state))}${v.answers !== undefined ? `: ${esc(numberText(v.answers))} svar${v.quota ? ` av ${esc(v.quota)}` : ""}` : ""}`
        : "Inget enkätår";
      const s = y.collaborationSurvey;
      const collaboration = s
        ? s.done
          ? `Genomförd${s.answers !== undefined ? `: ${esc(numberText(s.answers))} svar` : ""}`
          : "Saknas"
        : "Inget enkätår";
      return [
        "<tr>",
        `<th scope="row">${y.year}</th>`,
        `<td>${esc(label(y.reportState))}${y.submitted ? ` (${timeElement(y.submitted)})` : ""}<br><span class="liten">Sista dag ${timeElement(y.deadlineDate)}</span></td>`,
        `<td>${visitor}</td>`,
        `<td>${collaboration}</td>`,
        `<td><a href="/familjecentraler/${esc(c.id)}/arsberattelse/${y.year}/">Årsberättelse ${y.year}</a></td>`,
        "</tr>",
      ].join("\n");
    });
    out.push(rows.join(""), "</tbody>", "</table>", "</div>");
  } else {
    out.push("<p>Inga uppföljningsår är registrerade ännu.</p>");
  }
  out.push("</div>");
  return out.join("\n");
}

function profileHtml(page: CentrePage): string {
  const py = page.profileYear;
  if (!py) return "";
  const input = profileInput(page.cp, py);
  return [
    `<h2 id="samverkansprofil" data-pagefind-ignore>Samverkansprofil ${py.year}</h2>`,
    "<p>Medelvärden för samverkansenkätens nio faktorer (skala 1–5) jämfört med länets medel samma år.</p>",
    '<div class="diagram-och-tabell" data-pagefind-ignore>',
    `<figure class="diagram">${profileChartSvg(input)}</figure>`,
    profileChartTable(input),
    "</div>",
  ].join("\n");
}

/** The centre page's article, as the layout prints it inside <main>. */
export function centrePageHtml(page: CentrePage, ctx: PageContext): string {
  const { cp } = page;
  const c = cp.centre;
  const tk = c.tolkningar ?? {};
  const id = esc(c.id);
  const name = esc(c.namn);
  const type = isUnknown(c.typ) ? "Verksamhet av okänd typ" : esc(label(c.typ));
  const out: string[] = [
    '<article class="framsteg" data-pagefind-filter="typ:Familjecentral" data-pagefind-weight="0.5">',
    `<h1>${name}</h1>`,
    `<p class="ingress">${type} i <span data-pagefind-filter="kommun">${esc(cp.kommunNamn)}</span>${interpretationHtml(tk.kommun)}, ${esc(
      label(c.samlokalisering).toLowerCase(),
    )}.</p>`,
    `<p class="rapportlank" data-pagefind-ignore><a href="/familjecentraler/${id}/rapportera/">Rapportera uppföljningen för ${ctx.nowYear}</a> (för samordnaren; <a href="/samordnare/uppdatera/">så uppdaterar du uppgifterna</a>)</p>`,
    '<nav aria-label="På den här sidan" class="sidnav" data-pagefind-ignore>',
    "<ul>",
    '<li><a href="#fakta">Fakta</a></li>',
    ...(cp.works.length ? ['<li><a href="#forbattringsarbeten">Förbättringsarbeten</a></li>'] : []),
    '<li><a href="#lansmal">Länsmål</a></li>',
    '<li><a href="#uppfoljning">Årsberättelser och enkäter</a></li>',
    ...(page.profileYear ? ['<li><a href="#samverkansprofil">Samverkansprofil</a></li>'] : []),
    '<li><a href="#nedladdning">Ladda ner data</a></li>',
    "</ul>",
    "</nav>",
    "",
    '<h2 id="fakta" data-pagefind-ignore>Fakta</h2>',
    factsHtml(page, ctx),
    '<p class="liten" data-pagefind-ignore>Det som ingen källa anger står som ”uppgift saknas i källorna”. Uppgifter som är handbokens egen tolkning är märkta ”tolkning” med skälet.</p>',
    "",
    worksHtml(page, ctx),
    "",
    '<h2 id="lansmal" data-pagefind-ignore>Länsmål</h2>',
    ...page.periods.map((p) => periodHtml(p, ctx)),
    "",
    followUpHtml(page, ctx),
    "",
    profileHtml(page),
    "",
    '<h2 id="nedladdning" data-pagefind-ignore>Ladda ner data</h2>',
    "<ul data-pagefind-ignore>",
    `<li><a href="/familjecentraler/${id}.csv" download>${name} som CSV för Excel</a> (CSV, ${esc(sizeHint(ctx.centreCsv(cp)))})</li>`,
    `<li><a href="/familjecentraler/${id}.json" download>${name} som JSON</a> (JSON, ${esc(sizeHint(ctx.centreJson(cp)))})</li>`,
    "</ul>",
    `<p data-pagefind-ignore><a href="/lagesbild/nedladdningar/">Om filerna och metoden</a>. Källfil: <code>${esc(c.fil)}</code>.</p>`,
    "</article>",
  ];
  return out.join("\n");
}
