import type { Enhet, Familjecentral, Handbok } from "../model/types.ts";
import { computeStatus, type YearValue } from "./status-port.ts";

/** One indicator followed at one centre: an improvement work, or a county-goal indicator in a period. */
export interface Serie {
  key: string;
  namn: string;
  enhet: Enhet;
  värden: Map<number, number>;
  status: string;
}

/** Every indicator series of a centre, with its measurements by year and its computed status. */
export function centreSeries(handbok: Handbok, centre: Familjecentral): Serie[] {
  const nowYear = handbok.län.uppföljningsår;
  const out: Serie[] = [];
  for (const work of centre.förbättringsarbeten ?? []) {
    const measurements: YearValue[] = work.mätningar.map((m) => ({ year: m.år, value: m.värde }));
    out.push({
      key: `arbete:${work.id}`,
      namn: work.indikator.namn,
      enhet: work.indikator.enhet,
      värden: new Map(measurements.map((m) => [m.year, m.value])),
      status: computeStatus({
        direction: work.indikator.riktning,
        baseline: work.utgångsläge ? { year: work.utgångsläge.år, value: work.utgångsläge.värde } : undefined,
        target: work.målvärde?.värde !== undefined ? { year: work.målvärde.år, value: work.målvärde.värde } : undefined,
        measurements,
        nowYear,
        manual: work.manuell_status,
      }),
    });
  }
  for (const period of handbok.perioder) {
    for (const area of period.fokusområden)
      for (const goal of area.mål)
        for (const indicator of goal.indikatorer) {
          const measurements: YearValue[] = [];
          let manual: { status: string; motivering: string } | undefined;
          for (const year of centre.uppföljning ?? []) {
            if (year.år < period.startår || year.år > period.slutår) continue;
            for (const entry of year.länsmål ?? []) {
              if (entry.mål !== goal.id) continue;
              if (entry.manuell_status) manual = entry.manuell_status;
              for (const m of entry.mätningar ?? []) if (m.indikator === indicator.id) measurements.push({ year: year.år, value: m.värde });
            }
          }
          if (measurements.length === 0 && !manual) continue;
          const first = measurements.find((m) => m.year === period.startår);
          const baseline =
            first ?? (indicator.utgångsläge ? { year: indicator.utgångsläge.år, value: indicator.utgångsläge.värde } : undefined);
          out.push({
            key: `länsmål:${period.id}:${indicator.id}`,
            namn: indicator.namn,
            enhet: indicator.enhet,
            värden: new Map(measurements.map((m) => [m.year, m.value])),
            status: computeStatus({
              direction: indicator.riktning,
              baseline,
              target: indicator.länsmål ? { year: period.slutår, value: indicator.länsmål.värde } : undefined,
              measurements,
              nowYear,
              manual,
            }),
          });
        }
  }
  return out;
}
