/** One problem found in the handbook's sources, as data; formatters turn it into text for each audience. */
export interface Problem {
  /** Path relative to the content root, with forward slashes. */
  file: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based column. */
  col: number;
  severity: "fel" | "varning";
  /** Short rule id in Swedish, e.g. `schema`, `datum`, `referens`. */
  rule: string;
  /** Swedish message that says what is wrong and how to fix it. */
  message: string;
}

/** Sorts problems by file, line and column so that every run reports in the same order. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file, "sv") || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message, "sv"),
  );
}
