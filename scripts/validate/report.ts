import type { Problem } from "./problem.ts";

export type ReportFormat = "text" | "json" | "github";

/** The closing line of a text report, e.g. "2 fel och 1 varning i 40 filer." */
export function summaryLine(problems: Problem[], fileCount: number): string {
  const errors = problems.filter((p) => p.severity === "fel").length;
  const warnings = problems.length - errors;
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  if (problems.length === 0) return `Inga fel i ${n(fileCount, "fil", "filer")}.`;
  return `${n(errors, "fel", "fel")} och ${n(warnings, "varning", "varningar")} i ${n(fileCount, "fil", "filer")}.`;
}

/** One line per problem as `path:line:col fel|varning regel meddelande` (the markdownlint-cli2 shape). */
export function formatText(problems: Problem[], fileCount: number): string {
  const lines = problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.severity} ${p.rule} ${p.message}`);
  return [...lines, summaryLine(problems, fileCount)].join("\n") + "\n";
}

export function formatJson(problems: Problem[]): string {
  return JSON.stringify(problems, null, 2) + "\n";
}

// GitHub workflow commands need %, CR and LF escaped in data and also , and : in properties.
const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** `::error file=…,line=…,col=…::…` annotations; `filePrefix` maps root-relative paths to repository paths. */
export function formatGithub(problems: Problem[], filePrefix = ""): string {
  return problems
    .map(
      (p) =>
        `::${p.severity === "fel" ? "error" : "warning"} file=${escapeProperty(filePrefix + p.file)},line=${p.line},col=${p.col},title=${escapeProperty(p.rule)}::${escapeData(p.message)}`,
    )
    .join("\n")
    .concat(problems.length ? "\n" : "");
}

/**
 * The job summary: GitHub shows only ten annotations per step, so the whole list goes here as a table.
 */
export function formatStepSummary(problems: Problem[], fileCount: number, filePrefix = ""): string {
  const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const rows = problems.map(
    (p) => `| ${cell(filePrefix + p.file)}:${p.line}:${p.col} | ${p.severity} | ${cell(p.rule)} | ${cell(p.message)} |`,
  );
  const table = problems.length ? ["| Plats | Typ | Regel | Meddelande |", "|---|---|---|---|", ...rows].join("\n") + "\n" : "";
  return `## Kontroll av handbokens filer\n\n${summaryLine(problems, fileCount)}\n\n${table}`;
}
