import { existsSync, readdirSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import type { Familjecentral, Malperiod } from "../../model/types.ts";
import { checkReport, type PeriodRef, type ReportEnv, type WorkRef } from "./year-report.ts";
import type { RuleContext } from "./context.ts";

/** A goal period reduced to what the year-file rules look at. */
export function periodRef(period: Malperiod): PeriodRef {
  return {
    id: period.id,
    startår: period.startår,
    slutår: period.slutår,
    goals: period.fokusområden.flatMap((f) =>
      f.mål.map((g) => ({ id: g.id, namn: g.namn, indikatorer: g.indikatorer.map((x) => ({ id: x.id, namn: x.namn, enhet: x.enhet })) })),
    ),
  };
}

/** A centre's improvement works as the year-file rules see them. */
export function workRefs(centre: Familjecentral): WorkRef[] {
  return (centre.förbättringsarbeten ?? []).map((w) => ({
    id: w.id,
    namn: w.indikator.namn,
    enhet: w.indikator.enhet,
    ...(w.utgångsläge && { utgångslägeÅr: w.utgångsläge.år }),
    measuredYears: w.mätningar.map((m) => m.år),
  }));
}

/**
 * The ids of every centre file beside a year file (data/uppfoljning/<år>/<id>.yaml → data/familjecentraler/).
 * Listed once per folder and run: at national scale there are ten year files per centre, and listing the
 * folder for each of them was most of a validation run.
 */
function centreIdLister(): (yearFolder: string) => string[] {
  const listed = new Map<string, string[]>();
  const byFolder = new Map<string, string[]>();
  return (yearFolder) => {
    // Keyed by the year file's folder first: the path arithmetic per file cost more than the rule itself.
    const known = byFolder.get(yearFolder);
    if (known) return known;
    const dir = join(dirname(dirname(yearFolder)), "familjecentraler");
    let ids = listed.get(dir);
    if (!ids) {
      ids = existsSync(dir) ? readdirSync(dir).flatMap((f) => (f.endsWith(".yaml") ? [f.slice(0, -5)] : [])) : [];
      listed.set(dir, ids);
    }
    byFolder.set(yearFolder, ids);
    return ids;
  };
}

/** Year files: their place (data/uppfoljning/<år>/<id>.yaml), one per centre and year, and the rules in year-report.ts. */
export function checkYearFiles(ctx: RuleContext): void {
  const periods = ctx.perioder.map((p) => periodRef(p.data));
  const centres = new Map(ctx.centres.map((c) => [c.data.id, c]));
  const owners = new Map<string, string>();
  const centreIds = centreIdLister();
  // Ten year files per centre: what the rules see of it (its works reduced) is built once, not once per file.
  const centreEnvs = new Map<string, NonNullable<ReportEnv["centre"]>>();
  const centreEnvOf = (centre: { file: { rel: string }; data: Familjecentral }): NonNullable<ReportEnv["centre"]> => {
    let env = centreEnvs.get(centre.data.id);
    if (!env) {
      env = { id: centre.data.id, fil: centre.file.rel, works: workRefs(centre.data) };
      if (centre.data.storlek) env.storlek = centre.data.storlek;
      centreEnvs.set(centre.data.id, env);
    }
    return env;
  };
  const nowYear = ctx.lan?.data.uppföljningsår;
  for (const { file, data } of ctx.years) {
    // Sliced, not dirname()/basename(): the file's path came from the folder walk, so its last separator
    // splits it exactly as they would, without normalising it again for 4,000 files (docs/validation-speed.md §2).
    const slash = file.abs.lastIndexOf(sep);
    const yearFolder = file.abs.slice(0, slash);
    const folder = yearFolder.slice(yearFolder.lastIndexOf(sep) + 1);
    const inYearFolder = /^\d{4}$/.test(folder);
    if (!inYearFolder) {
      ctx.reporter.at(
        file,
        [],
        "plats",
        `filen ska ligga i en mapp som heter som året, alltså data/uppfoljning/${data.år}/${file.abs.slice(slash + 1)}. Flytta den dit.`,
      );
    }
    const key = `${data.år}/${data.familjecentral}`;
    const other = owners.get(key);
    if (other)
      ctx.reporter.at(
        file,
        ["familjecentral"],
        "dubblett",
        `${other} har redan uppföljningen ${data.år} för ”${data.familjecentral}”. En familjecentral har en fil per år: slå ihop dem.`,
      );
    else owners.set(key, file.rel);
    const centre = centres.get(data.familjecentral);
    // Assigned, not spread from conditional objects: four spreads per file were a runtime call each, 4,000
    // times over (docs/validation-speed.md §8). checkReport reads each field by name, never their order.
    const env: ReportEnv = {
      // fileId() without basename(): the name after the last separator (docs/validation-speed.md §2).
      fileCentre: file.abs.slice(slash + 1).replace(/\.yaml$/, ""),
      // Centre files by name, read or not: a centre file with a syntax error still exists.
      centres: centreIds(yearFolder),
      periods,
    };
    if (inYearFolder) env.folderYear = Number(folder);
    if (centre) env.centre = centreEnvOf(centre);
    if (ctx.lan) env.nowYear = nowYear;
    for (const p of checkReport(data, env)) ctx.reporter.at(file, p.path, p.rule, p.message, { severity: p.severity });
  }
}
