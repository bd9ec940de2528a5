import { displayPath, rootAt } from "../paths.ts";
import { basename, dirname } from "node:path";
import { readText } from "../load/read-text.ts";
import { buildModel } from "../model/build-model.ts";
import type { Handbok } from "../model/types.ts";
import { collectSources } from "./collect.ts";
import { forgetVanished, parseSource, Reporter, type ParsedSource } from "./parse-sources.ts";
import { sortProblems, type Problem } from "./problem.ts";
import { buildContext } from "./rules/context.ts";
import { checkIdentity } from "./rules/identity.ts";
import { checkReferences } from "./rules/references.ts";
import { checkValues } from "./rules/values.ts";
import { checkCentreFacts } from "./rules/centre-facts.ts";
import { checkImprovementWork } from "./rules/improvement-work.ts";
import { checkPrivacy } from "./rules/privacy.ts";
import { checkDiagrams } from "./rules/diagrams.ts";
import { checkEditions } from "./rules/editions.ts";
import { checkYearFiles } from "./rules/year-files.ts";
import { checkAccessibilityStatement } from "./rules/accessibility.ts";
import { timed } from "../build-phases.ts";

export interface ValidationResult {
  problems: Problem[];
  /** The typed model, present only when there are no errors (warnings allowed). */
  model?: Handbok;
  fileCount: number;
}

/** The id a page's front matter gives, read without parsing (the page did not parse). */
function guessPageId(abs: string): string | undefined {
  const read = readText(abs);
  const written = read.ok ? /^id:[ \t]*["']?([a-z0-9-]{1,100})/m.exec(read.text.slice(0, 10_000))?.[1] : undefined;
  // Pages are usually named after their folder (uppdrag/index.md has id uppdrag).
  const name = basename(abs) === "index.md" ? basename(dirname(abs)) : basename(abs, ".md");
  return written ?? name;
}

/** Options for partial runs: report only problems in these root-relative files (all files are still read for cross-references). */
export interface ValidateOptions {
  only?: string[];
  /** The environment that says whether this run has a site address (FC_WEBBPLATS); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Build the typed model when there are no errors (default true); `npm run validate` only reports. */
  model?: boolean;
}

/** Validates a whole content root: every file against its schema, then the cross-file rules. */
export function validateRoot(rootDir: string, options: ValidateOptions = {}): ValidationResult {
  const root = rootAt(rootDir);
  const reporter = new Reporter();
  const { sources, missing, unknown, rejected } = collectSources(root);
  for (const p of rejected) reporter.file(p.rel, p.rule, p.message);
  for (const abs of missing)
    reporter.file(displayPath(root, abs), "fil", "filen saknas. Varje handbok behöver den; se README.md för formatet.");
  for (const abs of unknown)
    reporter.file(
      displayPath(root, abs),
      "fil",
      "filen används inte: den ligger inte där handboken letar efter data. Flytta den till data/familjecentraler/, data/mal/ eller data/uppfoljning/<år>/, eller ta bort den.",
      1,
      1,
      "varning",
    );
  const parsed: ParsedSource[] = [];
  const brokenPageIds = new Set<string>();
  for (const ref of sources) {
    const file = parseSource(root, ref, reporter);
    if (file) parsed.push(file);
    if (ref.kind !== "sida" || file?.valid) continue;
    const id = file ? (file.data as { id?: unknown }).id : guessPageId(ref.abs);
    if (typeof id === "string") brokenPageIds.add(id);
  }
  const ctx = buildContext(parsed, reporter);
  ctx.brokenPageIds = brokenPageIds;
  checkPrivacy(ctx);
  checkDiagrams(ctx);
  checkIdentity(ctx);
  checkReferences(ctx);
  checkValues(ctx);
  checkCentreFacts(ctx);
  checkImprovementWork(ctx);
  checkYearFiles(ctx);
  checkAccessibilityStatement(ctx, { env: options.env ?? process.env });
  checkEditions(root, reporter);
  // Every file of this validation has been read (editions' pages too): the cache forgets the others.
  forgetVanished(root);
  let problems = sortProblems(reporter.problems);
  const hasErrors = problems.some((p) => p.severity === "fel");
  const model = hasErrors || options.model === false ? undefined : timed("model", () => buildModel(root.dir, ctx));
  if (options.only) {
    const wanted = new Set(options.only);
    problems = problems.filter((p) => wanted.has(p.file));
  }
  return { problems, model, fileCount: sources.length };
}
