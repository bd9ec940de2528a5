/** A goal period's page, /mal/<period>/: the decision, the overall goal, its status and every goal. */

import { statusBarsSvg } from "../../charts/status-bars.ts";
import { timeElement } from "../../format/sv.ts";
import type { PeriodProgress } from "../../progress/model.ts";
import { distributionTable } from "./goal-page.ts";
import { esc, valueText } from "./parts.ts";

export function periodPageHtml(mp: PeriodProgress): string {
  const per = mp.period;
  const span = `${per.startår}–${per.slutår}`;
  const out: string[] = ['<article class="framsteg">', `<h1>Länsgemensamma mål ${span}</h1>`];
  if (per.status === "förslag")
    out.push(
      '<p class="forslag"><strong>Förslag – inte beslutat.</strong> Målen är ett förslag som länets styrgrupp ännu inte har beslutat.</p>',
    );
  else
    out.push(
      `<p class="beslut">Beslutade ${per.beslut ? timeElement(per.beslut.datum) : ""} av ${esc(per.beslut?.beslutat_av)}${
        per.beslut?.diarienummer ? ` (diarienummer ${esc(per.beslut.diarienummer)})` : ""
      }.</p>`,
    );
  out.push(
    `<p>${mp.current ? "Det här är den aktuella perioden." : "Det här är inte den aktuella perioden."} <a href="/mal/">Alla perioder</a>.</p>`,
    '<h2 id="overgripande-mal">Övergripande mål</h2>',
    `<p class="ingress">${esc(per["övergripande_mål"])}</p>`,
    '<h2 id="status">Status för perioden</h2>',
    '<div class="diagram-och-tabell">',
    `<figure class="diagram">${statusBarsSvg({
      id: `fordelning-${per.id}`,
      title: `Statusfördelning för alla indikatorer och familjecentraler ${span}`,
      counts: mp.counts,
    })}</figure>`,
    distributionTable(mp.counts, `Antal bedömningar per status, alla mål ${span}`),
    "</div>",
  );
  for (const f of per.fokusområden) {
    out.push(`<h2 id="fokus-${esc(f.id)}">${esc(f.namn)}</h2>`);
    if (f.beskrivning) out.push(`<p>${esc(f.beskrivning)}</p>`);
    for (const m of f.mål) {
      out.push(`<h3 id="mal-${esc(m.id)}"><a href="/mal/${esc(per.id)}/${esc(m.id)}/">${esc(m.namn)}</a></h3>`);
      if (m.beskrivning) out.push(`<p>${esc(m.beskrivning)}</p>`);
      out.push(
        `<ul>${m.indikatorer
          .map(
            (i) =>
              `<li>${esc(i.namn)}${i.länsmål ? ` – länsmål ${esc(valueText(i.länsmål.värde, i.enhet))} år ${per.slutår}` : " – inget länsmål"}</li>`,
          )
          .join("")}</ul>`,
      );
    }
  }
  out.push("</article>");
  return out.join("\n");
}
