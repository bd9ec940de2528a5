import { displayPath, rootAt } from "../paths.ts";
import { buildModel } from "../model/build-model.ts";
import type { Handbok } from "../model/types.ts";
import { collectSources } from "./collect.ts";
import { parseSource, Reporter, type ParsedSource } from "./parse-sources.ts";
import { sortProblems, type Problem } from "./problem.ts";
import { buildContext } from "./rules/context.ts";
import { checkIdentity } from "./rules/identity.ts";
import { checkReferences } from "./rules/references.ts";
import { checkValues } from "./rules/values.ts";
import { checkPrivacy } from "./rules/privacy.ts";
import { checkDiagrams } from "./rules/diagrams.ts";
import { checkEditions } from "../editions/check.ts";
import { timed } from "../build-phases.ts";

export interface ValidationResult {
  problems: Problem[];
  /** The typed model, present only when there are no errors (warnings allowed). */
  model?: Handbok;
  fileCount: number;
}

/** Options for partial runs: report only problems in these root-relative files (all files are still read for cross-references). */
export interface ValidateOptions {
  only?: string[];
}

/** Validates a whole content root: every file against its schema, then the cross-file rules. */
export function validateRoot(rootDir: string, options: ValidateOptions = {}): ValidationResult {
  const root = rootAt(rootDir);
  const reporter = new Reporter();
  const { sources, missing, unknown } = collectSources(root);
  for (const abs of missing)
    reporter.file(displayPath(root, abs), "fil", "filen saknas. Varje handbok behöver den; se README.md för formatet.");
  for (const abs of unknown)
    reporter.file(
      displayPath(root, abs),
      "fil",
      "filen används inte: den ligger inte där handboken letar efter data. Flytta den till data/familjecentraler/ eller data/mal/, eller ta bort den.",
      1,
      1,
      "varning",
    );
  const parsed: ParsedSource[] = [];
  for (const ref of sources) {
    const file = parseSource(root, ref, reporter);
    if (file) parsed.push(file);
  }
  const ctx = buildContext(parsed, reporter);
  checkPrivacy(ctx);
  checkDiagrams(ctx);
  checkIdentity(ctx);
  checkReferences(ctx);
  checkValues(ctx);
  checkEditions(root, reporter);
  let problems = sortProblems(reporter.problems);
  const hasErrors = problems.some((p) => p.severity === "fel");
  const model = hasErrors ? undefined : timed("model", () => buildModel(root.dir, ctx));
  if (options.only) {
    const wanted = new Set(options.only);
    problems = problems.filter((p) => wanted.has(p.file));
  }
  return { problems, model, fileCount: sources.length };
}
