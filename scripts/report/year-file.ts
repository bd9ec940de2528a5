/**
 * Writes a year file (data/uppfoljning/<år>/<id>.yaml) as text: the `$schema` line, guiding comments from
 * the schema's Swedish descriptions, and either the reported values (the report form) or an empty template
 * listing every indicator to fill in (npm run nytt-ar). Pure, so the form and the CLI write the same file.
 */
import { FAKTORER, type Enhet, type LansmalUppfoljning, type UppfoljningFil } from "../model/types.ts";
import { commentLines, yamlScalar } from "../scaffold/comments.ts";
import { describe } from "./schema-text.ts";

/** One county goal the year may report, with its indicators. */
export interface GoalChoice {
  id: string;
  namn: string;
  periodId: string;
  /** The year is the year before the period starts: values become the centre's baseline. */
  baselineYear: boolean;
  indikatorer: { id: string; namn: string; enhet: Enhet }[];
}

export interface WorkChoice {
  id: string;
  namn: string;
  enhet: Enhet;
}

export interface YearFileInput {
  centreId: string;
  centreName: string;
  year: number;
  /** `$schema` path relative to the file, e.g. ../../../schemas/uppfoljning.schema.json. */
  schemaPath: string;
  goals: GoalChoice[];
  works: WorkChoice[];
  /** The values to write; undefined writes the empty template. */
  report?: UppfoljningFil;
}

/** How a unit is written in comments and hints. */
export function unitText(unit: Enhet): string {
  if (unit === "procent") return "procent, 0–100";
  if (unit === "skala") return "medelvärde på skalan 1–5";
  return "antal, 0 eller mer";
}

const num = (n: number): string => String(n);

/** The `$schema` path for a year file in `folder` (the file's folder relative to the installation). */
export function schemaPathFor(folder: string): string {
  const depth = folder.split("/").filter(Boolean).length;
  return `${"../".repeat(depth)}schemas/uppfoljning.schema.json`;
}

export function renderYearFile(input: YearFileInput): string {
  const { year, report } = input;
  const out: string[] = [`# yaml-language-server: $schema=${input.schemaPath}`];
  const note = (text: string, indent = ""): void => {
    out.push(...commentLines(text, indent));
  };
  note(
    `Uppföljningen ${year} för ${input.centreName}. En fil per familjecentral och år; fälten beskrivs i schemas/uppfoljning.schema.json. Rader som börjar med # är förklaringar.`,
  );
  out.push(`familjecentral: ${input.centreId}`, `år: ${year}`);

  note(`Årsberättelse: ${describe(["årsberättelse"])} Datum skrivs ÅÅÅÅ-MM-DD.`);
  const sent = report?.årsberättelse?.inlämnad ?? null;
  out.push(`årsberättelse: { inlämnad: ${sent ?? "null"} }`);

  note(`Besöksenkät: ${describe(["besöksenkät"])} ${describe(["besöksenkät", "antal_svar"])}`);
  if (report?.besöksenkät) out.push(`besöksenkät: { antal_svar: ${num(report.besöksenkät.antal_svar)} }`);
  else out.push("# besöksenkät: { antal_svar: 0 }");

  note(`Samverkansenkät: ${describe(["samverkansenkät"])}`);
  const survey = report?.samverkansenkät;
  const c = survey ? "" : "# ";
  out.push(`${c}samverkansenkät:`);
  if (!survey || survey.antal_svar !== undefined) out.push(`${c}  antal_svar: ${survey?.antal_svar ?? 0}`);
  out.push(`${c}  faktorer:`);
  for (const f of FAKTORER) {
    const value = survey?.faktorer[f];
    out.push(`${c}    ${f}: ${value === undefined ? "" : num(value)}  # ${describe(["samverkansenkät", "faktorer", f])}`);
  }

  const goals = input.goals;
  if (!goals.length) {
    note(`Länsmål: ingen målperiod omfattar ${year} eller börjar ${year + 1}, så det finns inga länsmål att följa upp det här året.`);
  } else {
    const periods = [...new Set(goals.map((g) => g.periodId))];
    const baseline = goals.some((g) => g.baselineYear);
    note(
      `Länsmål: ${describe(["länsmål"])} Målen kommer från perioden ${periods.join(" och ")}.${baseline ? ` ${year} är året före perioden: värdena blir familjecentralens utgångsläge.` : ""}`,
    );
    const entries: LansmalUppfoljning[] = report
      ? (report.länsmål ?? [])
      : goals.map((g) => ({ mål: g.id, aktiviteter: [], mätningar: [] }));
    if (!entries.length) out.push("länsmål: []");
    else out.push("länsmål:");
    for (const entry of entries) {
      const goal = goals.find((g) => g.id === entry.mål);
      out.push(`  - mål: ${entry.mål}${goal ? `  # ${goal.namn}` : ""}`);
      const activities = entry.aktiviteter ?? [];
      if (!activities.length) out.push("    aktiviteter: []");
      else out.push("    aktiviteter:", ...activities.map((a) => `      - ${yamlScalar(a)}`));
      if (goal) {
        note("Indikatorer (id – namn, enhet):", "    ");
        for (const x of goal.indikatorer) note(`${x.id} – ${x.namn} (${unitText(x.enhet)})`, "    ");
      }
      const measurements = entry.mätningar ?? [];
      if (!measurements.length) out.push("    mätningar: []");
      else {
        out.push("    mätningar:");
        for (const m of measurements) out.push(`      - { indikator: ${m.indikator}, värde: ${num(m.värde)} }`);
      }
      if (entry.manuell_status)
        out.push(
          "    manuell_status:",
          `      status: ${entry.manuell_status.status}`,
          `      motivering: ${yamlScalar(entry.manuell_status.motivering)}`,
        );
    }
  }

  if (input.works.length) {
    note(`Förbättringsarbeten: ${describe(["förbättringsarbeten"])} Ett värde per arbete och år.`);
    const values = report?.förbättringsarbeten ?? [];
    if (values.length) {
      out.push("förbättringsarbeten:");
      for (const v of values) {
        const work = input.works.find((w) => w.id === v.id);
        const date = v.datum ? `, datum: ${v.datum}` : "";
        out.push(`  - { id: ${v.id}, värde: ${num(v.värde)}${date} }${work ? `  # ${work.namn} (${unitText(work.enhet)})` : ""}`);
      }
    } else {
      out.push("# förbättringsarbeten:");
      for (const w of input.works) out.push(`#   - { id: ${w.id}, värde: 0 }  # ${w.namn} (${unitText(w.enhet)})`);
    }
  }
  return `${out.join("\n")}\n`;
}
