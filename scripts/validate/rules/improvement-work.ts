import { improvementMessages } from "../messages.ts";
import type { RuleContext } from "./context.ts";

/**
 * Rules over a centre's own improvement work (förbättringsarbeten): its measurements and its target.
 * The progress pages leave such data out of the status or explain it away on the page, but the
 * coordinator should hear it when the file is checked:
 * - a measurement for a year after the county's uppföljningsår (lan.yaml) cannot have been made yet;
 * - one measurement per year: a second one for the same year makes the series ambiguous;
 * - a target on the wrong side of the baseline for the indicator's riktning would mean aiming for a
 *   worse value (öka with a lower target, minska with a higher one).
 */
export function checkImprovementWork(ctx: RuleContext): void {
  const nowYear = ctx.lan?.data.uppföljningsår;
  for (const { file, data } of ctx.centres) {
    data.förbättringsarbeten?.forEach((w, wi) => {
      const base = ["förbättringsarbeten", wi];
      const seen = new Map<number, number>();
      w.mätningar.forEach((m, mi) => {
        const path = [...base, "mätningar", mi, "år"];
        if (nowYear !== undefined && m.år > nowYear)
          ctx.reporter.at(file, path, "framtida-år", improvementMessages.afterFollowUpYear(m.år, nowYear));
        const first = seen.get(m.år);
        if (first !== undefined) ctx.reporter.at(file, path, "dubblett", improvementMessages.duplicateYear(m.år, first + 1));
        else seen.set(m.år, mi);
      });
      const baseline = w.utgångsläge?.värde;
      const target = w.målvärde?.värde;
      if (baseline === undefined || target === undefined) return;
      const wrongSide = w.indikator.riktning === "öka" ? target < baseline : target > baseline;
      if (wrongSide)
        ctx.reporter.at(
          file,
          [...base, "målvärde", "värde"],
          "riktning",
          improvementMessages.targetAgainstDirection(target, baseline, w.indikator.riktning),
          {
            severity: "varning",
          },
        );
    });
  }
}
