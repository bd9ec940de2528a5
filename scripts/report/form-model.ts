/**
 * What the report form page of one centre shows, computed at build time from the year-file schema, the
 * goals the year may report (periods.ts) and the values already reported for the year.
 */
import { relative, resolve, sep } from "node:path";
import { FAKTORER, type Enhet, type Familjecentral, type Handbok, type Lan } from "../model/types.ts";
import { VISITOR_SURVEY_QUOTA } from "../model/survey.ts";
import { projectDir } from "../paths.ts";
import { goalChoices, workChoices } from "../scaffold/year.ts";
import { periodRef, workRefs } from "../validate/rules/year-files.ts";
import type { ReportEnv } from "../validate/rules/year-report.ts";
import { describe, schemaNode, titleOf } from "./schema-text.ts";
import { schemaPathFor, unitText, type GoalChoice, type WorkChoice } from "./year-file.ts";

/** One input of the form. `name` is the field's place in the year file, as the browser script reads it. */
export interface FormField {
  name: string;
  id: string;
  label: string;
  hint: string;
  kind: "datum" | "heltal" | "tal" | "rader";
  value: string;
}

export interface FormSection {
  id: string;
  title: string;
  intro: string;
  fields: FormField[];
}

/** Where a new file can be proposed: GitHub's or Gitea's new-file page, prefilled by query parameters. */
export interface NewFileTarget {
  host: "GitHub" | "Gitea";
  /** `<repo>/new/<branch>/<folder>` (GitHub) or `<repo>/_new/<branch>/<folder>` (Gitea). */
  base: string;
  /** Longest URL the host is trusted to accept; longer reports are offered as download and copy only. */
  maxLength: number;
}

/** What the browser script needs, passed in the form's data-rapport attribute. */
export interface FormConfig {
  centreId: string;
  centreName: string;
  year: number;
  fileName: string;
  /** Folder of the file in the repository, e.g. data/uppfoljning/2026. */
  folder: string;
  schemaPath: string;
  target?: NewFileTarget;
  /** Why there is no "Skicka som ändringsförslag" link at all, when there is none. */
  noTarget?: string;
  /** The file already exists: a new-file link would fail, so only download and copy are offered. */
  exists: boolean;
  editUrl?: string;
  goals: GoalChoice[];
  works: WorkChoice[];
  env: ReportEnv;
  fields: { name: string; id: string; label: string }[];
  storageKey: string;
}

export interface FormPage {
  centre: Familjecentral;
  year: number;
  /** Root-relative path of the year file, e.g. data/uppfoljning/2026/fittja.yaml. */
  file: string;
  repoFolder: string;
  periodText: string;
  sections: FormSection[];
  config: FormConfig;
}

const ASCII: Record<string, string> = { å: "a", ä: "a", ö: "o", é: "e" };
const fieldId = (name: string): string =>
  `f-${name
    .toLowerCase()
    .replace(/[åäöé]/g, (c) => ASCII[c] ?? c)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}`;

const numberKind = (unit: Enhet): FormField["kind"] => (unit === "antal" ? "tal" : "tal");
const show = (n: number | undefined): string => (n === undefined ? "" : String(n).replace(".", ","));

/** The new-file page of the repository in lan.yaml, or why there is none (docs/uppfoljning.md). */
export function newFileTarget(lan: Lan, folder: string): { target?: NewFileTarget; reason?: string } {
  if (!lan.källkod) return { reason: "handbokens arkiv anges inte i data/lan.yaml (källkod)" };
  const repo = lan.källkod.replace(/\/+$/, "");
  const branch = lan.gren ?? "main";
  let host: string;
  try {
    host = new URL(repo).hostname;
  } catch {
    return { reason: "adressen till handbokens arkiv i data/lan.yaml går inte att läsa" };
  }
  // GitHub and Gitea (and Forgejo, e.g. Codeberg) prefill a new file from `filename` and `value`; GitLab
  // does not (its new-file page takes no content), so it gets download and copy only.
  if (host === "github.com") return { target: { host: "GitHub", base: `${repo}/new/${branch}/${folder}`, maxLength: 8000 } };
  if (/gitea|forgejo|codeberg/.test(host)) return { target: { host: "Gitea", base: `${repo}/_new/${branch}/${folder}`, maxLength: 8000 } };
  if (/gitlab/.test(host)) return { reason: "GitLab kan inte fylla i en ny fil från en länk" };
  return { reason: `tjänsten ${host} är inte känd för att kunna fylla i en ny fil från en länk` };
}

/**
 * The form page of every centre for the county's uppföljningsår, or of only the centres in `only` (the
 * dev server's first rebuild part): each page is the same either way.
 */
export function formPages(handbok: Handbok, only?: ReadonlySet<string>): FormPage[] {
  const year = handbok.län.uppföljningsår;
  const goals = goalChoices(handbok, year);
  const periodIds = [...new Set(goals.map((g) => g.periodId))];
  const baseline = goals.some((g) => g.baselineYear);
  const periodText = !goals.length
    ? `Ingen målperiod omfattar ${year}, så det finns inga länsmål att rapportera i år.`
    : baseline
      ? `${year} är året före målperioden ${periodIds.join(" och ")}: värdena ni rapporterar blir familjecentralens utgångsläge för perioden.`
      : `Länsmålen kommer från målperioden ${periodIds.join(" och ")}.`;
  const rootPrefix = relative(projectDir, resolve(handbok.rot)).split(sep).join("/");
  const inRepo = rootPrefix && !rootPrefix.startsWith("..") ? `${rootPrefix}/` : "";
  const repoFolder = `${inRepo}data/uppfoljning/${year}`;
  const { target, reason } = newFileTarget(handbok.län, repoFolder);
  const periods = handbok.perioder.map(periodRef);

  const centres = only ? handbok.familjecentraler.filter((c) => only.has(c.id)) : handbok.familjecentraler;
  return centres.map((centre): FormPage => {
    const reported = centre.uppföljning?.find((u) => u.år === year);
    const works = workChoices(centre);
    const sections: FormSection[] = [];
    const field = (name: string, label: string, hint: string, kind: FormField["kind"], value: string): FormField => ({
      name,
      id: fieldId(name),
      label,
      hint,
      kind,
      value,
    });

    sections.push({
      id: "arsberattelse",
      title: titleOf(["årsberättelse"]),
      intro: describe(["årsberättelse"]),
      fields: [
        field(
          "årsberättelse.inlämnad",
          "Datum då årsberättelsen lämnades in",
          `Skriv ÅÅÅÅ-MM-DD, till exempel ${year + 1}-01-25. Lämna tomt om den inte är inlämnad än.`,
          "datum",
          reported?.årsberättelse?.inlämnad ?? "",
        ),
      ],
    });
    const quota = centre.storlek ? VISITOR_SURVEY_QUOTA[centre.storlek] : undefined;
    sections.push({
      id: "besoksenkat",
      title: titleOf(["besöksenkät"]),
      intro: describe(["besöksenkät"]),
      fields: [
        field(
          "besöksenkät.antal_svar",
          "Antal svar",
          `${describe(["besöksenkät", "antal_svar"])} ${quota ? `Er kvot: ${quota} svar.` : "Familjecentralens storlek är okänd, så det finns ingen kvot."} Ett heltal, 0 eller mer.`,
          "heltal",
          show(reported?.besöksenkät?.antal_svar),
        ),
      ],
    });
    const factor = (f: string): string => ["samverkansenkät", "faktorer", f].join(".");
    sections.push({
      id: "samverkansenkat",
      title: titleOf(["samverkansenkät"]),
      intro: `${describe(["samverkansenkät"])} Fyller ni i en faktor behöver alla nio vara ifyllda.`,
      fields: [
        field(
          "samverkansenkät.antal_svar",
          "Antal svar",
          `${describe(["samverkansenkät", "antal_svar"])} Ett heltal, 0 eller mer.`,
          "heltal",
          show(reported?.samverkansenkät?.antal_svar),
        ),
        ...FAKTORER.map((f) => {
          const node = schemaNode(["samverkansenkät", "faktorer", f]);
          return field(
            factor(f),
            node?.title ?? f,
            `${node?.description ?? ""} Skriv ett tal mellan ${node?.minimum ?? 1} och ${node?.maximum ?? 5}; decimalkomma går bra, till exempel 3,8.`,
            "tal",
            show(reported?.samverkansenkät?.faktorer[f]),
          );
        }),
      ],
    });
    for (const goal of goals) {
      const entry = reported?.länsmål?.find((g) => g.mål === goal.id);
      sections.push({
        id: `lansmal-${goal.id}`,
        title: `Länsmål: ${goal.namn}`,
        intro: `${goal.baselineYear ? `Utgångsläge för perioden ${goal.periodId}.` : `Perioden ${goal.periodId}.`} Målets id i filen: ${goal.id}.`,
        fields: [
          field(
            `länsmål.${goal.id}.aktiviteter`,
            "Aktiviteter under året",
            "Det ni har gjort för att nå målet, en aktivitet per rad.",
            "rader",
            (entry?.aktiviteter ?? []).join("\n"),
          ),
          ...goal.indikatorer.map((x) =>
            field(
              `länsmål.${goal.id}.${x.id}`,
              x.namn,
              `Indikator ${x.id}: ${unitText(x.enhet)}. Lämna tomt om ni inte har mätt den.`,
              numberKind(x.enhet),
              show(entry?.mätningar?.find((m) => m.indikator === x.id)?.värde),
            ),
          ),
        ],
      });
    }
    if (works.length)
      sections.push({
        id: "forbattringsarbeten",
        title: titleOf(["förbättringsarbeten"]),
        intro: `${describe(["förbättringsarbeten"])} Lämna tomt för arbeten ni inte har mätt i år.`,
        fields: works.map((w) => {
          const work = centre.förbättringsarbeten?.find((x) => x.id === w.id);
          return field(
            `förbättringsarbeten.${w.id}`,
            w.namn,
            `Förbättringsarbetet ${w.id}${work ? `: ${work.mål}` : ""} Värdet anges som ${unitText(w.enhet)}.`,
            "tal",
            show(reported?.förbättringsarbeten?.find((m) => m.id === w.id)?.värde),
          );
        }),
      });

    const env: ReportEnv = {
      folderYear: year,
      fileCentre: centre.id,
      // No list of centres: the form writes this centre's own id (year-file.ts), which exists since the
      // page is made from it, so the existence check could never fail here. The list of every id made each
      // form page about 14 kB heavier at national scale (400 centres), on the phones coordinators use.
      centre: {
        id: centre.id,
        fil: centre.fil,
        ...(centre.storlek && { storlek: centre.storlek }),
        // The centre file's own values only: values from this year's file are what the form replaces.
        works: workRefs(centre).map((w) => ({
          ...w,
          measuredYears: w.measuredYears.filter((y) => y !== year || !reported?.förbättringsarbeten?.some((m) => m.id === w.id)),
        })),
      },
      periods,
      nowYear: year,
    };
    const exists = reported?.fil !== undefined;
    const config: FormConfig = {
      centreId: centre.id,
      centreName: centre.namn,
      year,
      fileName: `${centre.id}.yaml`,
      folder: repoFolder,
      schemaPath: schemaPathFor(repoFolder),
      ...(target && { target }),
      ...(reason && { noTarget: reason }),
      exists,
      ...(exists &&
        handbok.län.källkod && {
          editUrl: `${handbok.län.källkod.replace(/\/+$/, "")}/edit/${handbok.län.gren ?? "main"}/${repoFolder}/${centre.id}.yaml`,
        }),
      goals,
      works,
      env,
      fields: sections.flatMap((s) => s.fields.map((f) => ({ name: f.name, id: f.id, label: f.label }))),
      storageKey: `fc-handbok:rapport:${handbok.län.id}:${centre.id}:${year}`,
    };
    return {
      centre,
      year,
      file: `data/uppfoljning/${year}/${centre.id}.yaml`,
      repoFolder,
      periodText,
      sections,
      config,
    };
  });
}
