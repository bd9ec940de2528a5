import { appendFileSync, existsSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { validateRoot } from "../validate/index.ts";
import { formatGithub, formatJson, formatStepSummary, formatText, summaryLine, type ReportFormat } from "../validate/report.ts";
import { parseSiteAddress, SITE_ADDRESS_ENV, SiteAddressError } from "../site/site-address.ts";
import { parseArgs, runCli, UsageError } from "./args.ts";

// npm run validate -- [--root DIR] [--format text|json|github] [--webbplats URL] [FILE...]
// Exit codes: 0 valid, 1 problems found (errors), 2 could not run.
await runCli("validate", () => {
  const { flags, positional } = parseArgs(process.argv.slice(2), { values: ["root", "format", "webbplats"] });
  const rootDir = resolve(String(flags.get("root") ?? "."));
  const format = String(flags.get("format") ?? "text") as ReportFormat;
  if (!["text", "json", "github"].includes(format)) throw new UsageError(`okänt format ”${format}”. Välj text, json eller github.`);
  if (!existsSync(rootDir)) throw new UsageError(`mappen ${rootDir} finns inte.`);
  const only = positional.map((f) => {
    const abs = resolve(f);
    if (!existsSync(abs)) throw new UsageError(`filen ${f} finns inte.`);
    return relative(rootDir, abs).split(sep).join("/");
  });
  // --webbplats checks the files as a build for that address would (docs/publishing.md §8).
  const webbplats = flags.get("webbplats");
  if (typeof webbplats === "string") {
    try {
      parseSiteAddress(webbplats, "--webbplats");
    } catch (error) {
      if (error instanceof SiteAddressError) throw new UsageError(error.message);
      throw error;
    }
  }
  const env = typeof webbplats === "string" ? { ...process.env, [SITE_ADDRESS_ENV]: webbplats } : process.env;
  // The typed model is for builds; a report needs only the problems (docs/validation-speed.md §4).
  const result = validateRoot(rootDir, only.length ? { only, env, model: false } : { env, model: false });
  // Annotations need repository-relative paths; the root may be a sub-folder such as examples/exempellan.
  const prefix = relative(process.cwd(), rootDir).split(sep).join("/");
  const filePrefix = prefix && !prefix.startsWith("..") ? `${prefix}/` : "";
  if (format === "json") process.stdout.write(formatJson(result.problems));
  else if (format === "github") {
    process.stdout.write(formatGithub(result.problems, filePrefix));
    process.stdout.write(`${summaryLine(result.problems, result.fileCount)}\n`);
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) appendFileSync(summaryFile, formatStepSummary(result.problems, result.fileCount, filePrefix));
  } else process.stdout.write(formatText(result.problems, result.fileCount));
  return result.problems.some((p) => p.severity === "fel") ? 1 : 0;
});
