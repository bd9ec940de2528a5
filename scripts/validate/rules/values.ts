import type { Enhet } from "../../model/types.ts";
import type { ParsedSource } from "../parse-sources.ts";
import type { RuleContext } from "./context.ts";
import { valueMessage } from "../value-messages.ts";

/** Reports a value that is impossible for its unit (see value-messages.ts). */
function checkValue(ctx: RuleContext, file: ParsedSource, path: (string | number)[], value: number | undefined, unit: Enhet): void {
  if (value === undefined) return;
  const message = valueMessage(value, unit);
  if (message) ctx.reporter.at(file, path, "intervall", message);
}

/** Value ranges and the order of years and dates, which the schema alone cannot see. */
export function checkValues(ctx: RuleContext): void {
  for (const { file, data } of ctx.perioder) {
    data.fokusområden.forEach((f, fi) =>
      f.mål.forEach((g, gi) =>
        g.indikatorer.forEach((x, ii) => {
          const base = ["fokusområden", fi, "mål", gi, "indikatorer", ii];
          checkValue(ctx, file, [...base, "länsmål", "värde"], x.länsmål?.värde, x.enhet);
          checkValue(ctx, file, [...base, "utgångsläge", "värde"], x.utgångsläge?.värde, x.enhet);
        }),
      ),
    );
  }
  for (const { file, data } of ctx.centres) {
    data.förbättringsarbeten?.forEach((w, wi) => {
      const base = ["förbättringsarbeten", wi];
      const unit = w.indikator.enhet;
      checkValue(ctx, file, [...base, "utgångsläge", "värde"], w.utgångsläge?.värde, unit);
      checkValue(ctx, file, [...base, "målvärde", "värde"], w.målvärde?.värde, unit);
      if (w.utgångsläge && w.målvärde && w.målvärde.år < w.utgångsläge.år) {
        ctx.reporter.at(
          file,
          [...base, "målvärde", "år"],
          "ordning",
          `målvärdets år ${w.målvärde.år} ligger före utgångsläget ${w.utgångsläge.år}. Tidsgränsen ska komma efter utgångsläget.`,
        );
      }
      if (w.utgångsläge?.datum && w.målvärde?.datum && w.målvärde.datum <= w.utgångsläge.datum) {
        ctx.reporter.at(
          file,
          [...base, "målvärde", "datum"],
          "ordning",
          `tidsgränsen ${w.målvärde.datum} ligger inte efter utgångsläget ${w.utgångsläge.datum}.`,
        );
      }
      for (const [key, v] of [
        ["utgångsläge", w.utgångsläge],
        ["målvärde", w.målvärde],
      ] as const) {
        if (v?.datum && Number(v.datum.slice(0, 4)) !== v.år)
          ctx.reporter.at(
            file,
            [...base, key, "datum"],
            "ordning",
            `datumet ${v.datum} hör inte till året ${v.år}. Ändra år eller datum så att de stämmer.`,
          );
      }
      w.mätningar.forEach((m, mi) => {
        checkValue(ctx, file, [...base, "mätningar", mi, "värde"], m.värde, unit);
        if (w.utgångsläge && m.år < w.utgångsläge.år) {
          ctx.reporter.at(
            file,
            [...base, "mätningar", mi, "år"],
            "ordning",
            `mätningen från ${m.år} är äldre än utgångsläget (${w.utgångsläge.år}). Flytta den till utgångsläget eller rätta året.`,
          );
        }
      });
      if (w.manuell_status && w.mätningar.length > 0 && w.utgångsläge && w.målvärde?.värde !== undefined) {
        ctx.reporter.at(
          file,
          [...base, "manuell_status"],
          "manuell-status",
          "målet har mätvärden, så statusen räknas fram ur dem. Ta bort manuell_status.",
          { severity: "varning" },
        );
      }
    });
  }
  for (const { file, data } of ctx.sidor) {
    if (data.nästa_granskning <= data.granskad)
      ctx.reporter.at(
        file,
        ["nästa_granskning"],
        "ordning",
        `nästa granskning (${data.nästa_granskning}) ska komma efter senaste granskningen (${data.granskad}).`,
      );
  }
}
