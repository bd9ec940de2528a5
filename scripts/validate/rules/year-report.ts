/**
 * The cross-file rules of a year file (data/uppfoljning/<år>/<id>.yaml): years, centre, goal, indicator and
 * improvement-work references, value ranges, quotas and duplicates. Pure and free of Node, so the CLI
 * validator and the report form's browser bundle give the same Swedish messages from one source.
 */
import type { Enhet, UppfoljningFil } from "../../model/types.ts";
import { VISITOR_SURVEY_QUOTA } from "../../model/survey.ts";
import { closest } from "../closest.ts";
import { valueMessage } from "../value-messages.ts";

export type PathSegment = string | number;

/** A goal period as the rules need it. */
export interface PeriodRef {
  id: string;
  startår: number;
  slutår: number;
  goals: { id: string; namn: string; indikatorer: { id: string; namn: string; enhet: Enhet }[] }[];
}

/** One of the centre's improvement works, with the years its centre file already has measurements for. */
export interface WorkRef {
  id: string;
  namn: string;
  enhet: Enhet;
  utgångslägeÅr?: number;
  measuredYears: number[];
}

/** What a year file is checked against. */
export interface ReportEnv {
  /** The year the file's folder names (data/uppfoljning/<år>/); undefined when the folder is not a year. */
  folderYear?: number;
  /** The centre id the file's name gives. */
  fileCentre?: string;
  /** Every centre id in the handbook, for suggestions; undefined skips the existence check. */
  centres?: readonly string[];
  /** The centre the file reports for, when it exists. */
  centre?: { id: string; fil: string; storlek?: "stor" | "liten"; works: WorkRef[] };
  periods: readonly PeriodRef[];
  /** The county's uppföljningsår (data/lan.yaml). */
  nowYear?: number;
}

export interface ReportProblem {
  path: PathSegment[];
  rule: string;
  message: string;
  severity: "fel" | "varning";
}

/**
 * What a number of visitor-survey answers means against the centre's quota. A count under the quota is a
 * result to show, not an error, so this is a note for the form and the change summary, never a problem.
 */
export function quotaNote(answers: number, size: "stor" | "liten" | undefined): string {
  if (!size) return "familjecentralens storlek är okänd, så det finns ingen kvot att jämföra med";
  const quota = VISITOR_SURVEY_QUOTA[size];
  return answers >= quota ? `kvoten ${quota} svar är nådd` : `under kvoten ${quota} svar (${quota - answers} svar saknas)`;
}

function unknownRef(value: string, known: readonly string[], what: string, where: string): string {
  const meant = closest(value, known);
  const hint = meant ? ` Menade du ”${meant}”?` : known.length > 0 && known.length <= 16 ? ` Finns: ${known.join(", ")}.` : "";
  return `${what} ”${value}” finns inte i ${where}.${hint}`;
}

// The validator checks thousands of year files against the same few periods and the same list of centres.
// What depends only on those (a set of the ids, each year's goals) is worked out once per list and reused,
// keyed by the very arrays the caller passes, so a caller with new arrays gets fresh answers. The arrays are
// therefore read-only once passed (`readonly` in ReportEnv): a caller that changes its lists passes new ones,
// as the validator and the report form do (docs/validation-speed.md §2).
const centreSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function lookup(ids: readonly string[]): ReadonlySet<string> {
  let set = centreSets.get(ids);
  if (!set) centreSets.set(ids, (set = new Set(ids)));
  return set;
}

interface YearGoals {
  periods: PeriodRef[];
  goals: Map<
    string,
    { goal: PeriodRef["goals"][number]; period: PeriodRef; indicators: Map<string, PeriodRef["goals"][number]["indikatorer"][number]> }
  >;
}
const goalsByYear = new WeakMap<readonly PeriodRef[], Map<number, YearGoals>>();
function goalsOf(all: readonly PeriodRef[], year: number): YearGoals {
  let years = goalsByYear.get(all);
  if (!years) goalsByYear.set(all, (years = new Map<number, YearGoals>()));
  let found = years.get(year);
  if (!found) {
    const periods = reportablePeriods(all, year);
    const goals: YearGoals["goals"] = new Map();
    for (const period of periods)
      for (const goal of period.goals)
        if (!goals.has(goal.id)) goals.set(goal.id, { goal, period, indicators: new Map(goal.indikatorer.map((x) => [x.id, x])) });
    years.set(year, (found = { periods, goals }));
  }
  return found;
}

/** The periods whose goals a year may report: the one it lies in, then the one it is the baseline year of. */
export function reportablePeriods(periods: readonly PeriodRef[], year: number): PeriodRef[] {
  return [...periods.filter((p) => year >= p.startår && year <= p.slutår), ...periods.filter((p) => p.startår === year + 1)];
}

/** Checks one schema-valid year file against the handbook around it. */
export function checkReport(report: UppfoljningFil, env: ReportEnv): ReportProblem[] {
  const out: ReportProblem[] = [];
  const add = (path: PathSegment[], rule: string, message: string, severity: ReportProblem["severity"] = "fel"): void => {
    out.push({ path, rule, message, severity });
  };
  const year = report.år;

  if (env.folderYear !== undefined && env.folderYear !== year)
    add(
      ["år"],
      "år",
      `${year} stämmer inte med mappen ${env.folderYear}. Filen ska ligga i data/uppfoljning/${year}/, eller så ska år vara ${env.folderYear}.`,
    );
  if (env.nowYear !== undefined && year > env.nowYear)
    add(
      ["år"],
      "år",
      `${year} ligger efter länets uppföljningsår ${env.nowYear} (data/lan.yaml). Uppföljningen görs när året är slut: kontrollera årtalet.`,
      "varning",
    );
  if (env.fileCentre !== undefined && env.fileCentre !== report.familjecentral)
    add(
      ["familjecentral"],
      "id",
      `”${report.familjecentral}” stämmer inte med filens namn. Ändra till ”${env.fileCentre}” eller byt namn på filen till ${report.familjecentral}.yaml.`,
    );
  if (env.centres && !lookup(env.centres).has(report.familjecentral))
    add(["familjecentral"], "referens", unknownRef(report.familjecentral, env.centres, "Familjecentralen", "data/familjecentraler/"));

  const sent = report.årsberättelse?.inlämnad;
  if (sent && Number(sent.slice(0, 4)) <= year - 1)
    add(["årsberättelse", "inlämnad"], "ordning", `årsberättelsen för ${year} kan inte ha lämnats in ${sent}, före året den handlar om.`);

  checkGoals(report, env, add);
  checkWorks(report, env, add);
  return out;
}

type Add = (path: PathSegment[], rule: string, message: string, severity?: ReportProblem["severity"]) => void;

function checkGoals(report: UppfoljningFil, env: ReportEnv, add: Add): void {
  const year = report.år;
  const entries = report.länsmål ?? [];
  if (!entries.length) return;
  const { periods, goals } = goalsOf(env.periods, year);
  if (!periods.length) {
    const names = env.periods.map((p) => p.id).join(", ") || "inga";
    add(
      ["länsmål"],
      "period",
      `år ${year} hör inte till någon målperiod (${names}) och är inte heller året före en period, så det finns inga länsmål att följa upp. Ta bort länsmål eller kontrollera årtalet.`,
    );
    return;
  }
  const where = periods.map((p) => p.id).join(" och ");
  const firstEntry = new Map<string, number>();
  entries.forEach((entry, li) => {
    const first = firstEntry.get(entry.mål);
    if (first !== undefined)
      add(
        ["länsmål", li, "mål"],
        "dubblett",
        `Länsmålet ”${entry.mål}” står redan i post ${first + 1}. Skriv allt om ett mål i en och samma post.`,
      );
    else firstEntry.set(entry.mål, li);
    const found = goals.get(entry.mål);
    if (!found) {
      add(["länsmål", li, "mål"], "referens", unknownRef(entry.mål, [...goals.keys()], "Länsmålet", `målperioden ${where}`));
      return;
    }
    const indicators = found.indicators;
    const measured = new Map<string, number>();
    entry.mätningar?.forEach((m, mi) => {
      const indicator = indicators.get(m.indikator);
      if (!indicator) {
        add(
          ["länsmål", li, "mätningar", mi, "indikator"],
          "referens",
          unknownRef(m.indikator, [...indicators.keys()], "Indikatorn", `målet ${found.goal.id} (${found.period.id})`),
        );
        return;
      }
      const before = measured.get(m.indikator);
      if (before !== undefined)
        add(
          ["länsmål", li, "mätningar", mi, "indikator"],
          "dubblett",
          `indikatorn ”${m.indikator}” har redan ett värde i mätning ${before + 1}. Ett år har ett värde per indikator: ta bort det ena.`,
        );
      else measured.set(m.indikator, mi);
      const problem = valueMessage(m.värde, indicator.enhet);
      if (problem) add(["länsmål", li, "mätningar", mi, "värde"], "intervall", problem);
    });
  });
}

function checkWorks(report: UppfoljningFil, env: ReportEnv, add: Add): void {
  const year = report.år;
  const entries = report.förbättringsarbeten ?? [];
  if (!entries.length || !env.centre) return;
  const works = new Map(env.centre.works.map((w) => [w.id, w]));
  const first = new Map<string, number>();
  entries.forEach((entry, wi) => {
    const base: PathSegment[] = ["förbättringsarbeten", wi];
    const work = works.get(entry.id);
    if (!work) {
      add(
        [...base, "id"],
        "referens",
        unknownRef(entry.id, [...works.keys()], "Förbättringsarbetet", env.centre?.fil ?? "familjecentralens fil"),
      );
      return;
    }
    const seen = first.get(entry.id);
    if (seen !== undefined)
      add(
        [...base, "id"],
        "dubblett",
        `förbättringsarbetet ”${entry.id}” har redan ett värde i post ${seen + 1}. Ett år har ett värde per förbättringsarbete: ta bort det ena.`,
      );
    else first.set(entry.id, wi);
    if (work.measuredYears.includes(year))
      add(
        [...base, "id"],
        "dubblett",
        `${env.centre?.fil ?? "familjecentralens fil"} har redan en mätning ${year} för förbättringsarbetet ”${entry.id}”. Ta bort den ena, så att året har ett enda värde.`,
      );
    if (work.utgångslägeÅr !== undefined && year < work.utgångslägeÅr)
      add(
        [...base, "id"],
        "ordning",
        `mätningen från ${year} är äldre än förbättringsarbetets utgångsläge (${work.utgångslägeÅr}). Flytta den till utgångsläget eller rätta året.`,
      );
    const problem = valueMessage(entry.värde, work.enhet);
    if (problem) add([...base, "värde"], "intervall", problem);
    if (entry.datum && Number(entry.datum.slice(0, 4)) !== year)
      add(
        [...base, "datum"],
        "ordning",
        `datumet ${entry.datum} hör inte till året ${year}. Ändra datumet eller lägg mätningen i rätt års fil.`,
      );
  });
}
