import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Familjecentral, Handbok } from "../model/types.ts";
import { projectDir, rootAt } from "../paths.ts";
import { goalsForYear } from "../report/periods.ts";
import { renderYearFile, type GoalChoice, type WorkChoice } from "../report/year-file.ts";
import { validateRoot } from "../validate/index.ts";
import { ScaffoldError } from "./centre.ts";

const YEAR = /^\d{4}$/;

/** The county goals a centre reports in `year`: the period's own, or the next period's in its baseline year. */
export function goalChoices(handbok: Handbok, year: number): GoalChoice[] {
  return goalsForYear(handbok.perioder, year).map(({ goal, period, baselineYear }) => ({
    id: goal.id,
    namn: goal.namn,
    periodId: period.id,
    baselineYear,
    indikatorer: goal.indikatorer.map((x) => ({ id: x.id, namn: x.namn, enhet: x.enhet })),
  }));
}

export function workChoices(centre: Familjecentral): WorkChoice[] {
  return (centre.förbättringsarbeten ?? []).map((w) => ({ id: w.id, namn: w.indikator.namn, enhet: w.indikator.enhet }));
}

/** The folder of a year's files relative to the installation, e.g. examples/exempellan/data/uppfoljning/2025. */
export function yearFolder(rootDir: string, year: number): string {
  return relative(projectDir, join(rootAt(rootDir).data, "uppfoljning", String(year)))
    .split(sep)
    .join("/");
}

/**
 * Creates the year files for `year`: one per centre (or only `id`), each listing the year's goals with
 * their indicators' ids, names and units in comments. Existing year files are never touched.
 */
export function createYearFiles(rootDir: string, yearText: string, id?: string): { created: string[]; skipped: string[] } {
  const root = rootAt(rootDir);
  if (!YEAR.test(yearText)) throw new ScaffoldError(`--ar ”${yearText}” ska vara ett årtal med fyra siffror, till exempel 2026.`);
  const year = Number(yearText);
  const validated = validateRoot(root.dir);
  if (!validated.model) throw new ScaffoldError("handbokens filer innehåller fel. Kör npm run validate och rätta dem först.");
  const handbok = validated.model;
  const centres = id ? handbok.familjecentraler.filter((c) => c.id === id) : handbok.familjecentraler;
  if (id && !centres.length)
    throw new ScaffoldError(`det finns ingen familjecentral med id ${id} (filen data/familjecentraler/${id}.yaml saknas).`);
  const dir = join(root.data, "uppfoljning", String(year));
  const goals = goalChoices(handbok, year);
  // Relative to the file itself, so the editor finds the schema wherever the root lies.
  const schemaPath = relative(dir, join(projectDir, "schemas", "uppfoljning.schema.json"))
    .split(sep)
    .join("/");
  const created: string[] = [];
  const skipped: string[] = [];
  for (const centre of centres) {
    const file = join(dir, `${centre.id}.yaml`);
    const rel = relative(process.cwd(), file);
    if (existsSync(file)) {
      skipped.push(rel);
      continue;
    }
    mkdirSync(dir, { recursive: true });
    const text = renderYearFile({
      centreId: centre.id,
      centreName: centre.namn,
      year,
      schemaPath,
      goals,
      works: workChoices(centre),
    });
    writeFileSync(file, text, { flag: "wx" });
    created.push(rel);
  }
  if (id && skipped.length) throw new ScaffoldError(`${skipped[0]} finns redan. Ändra den befintliga filen i stället.`);
  return { created, skipped };
}
