import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runTsx } from "./build.ts";

/** One invocation of scripts/cli/<name>.ts, as `npm run <name> -- ...args` would make it. */
export interface BatchJob {
  name: string;
  args: string[];
  /** Working folder (default: the project folder). */
  cwd?: string;
  /** Extra environment variables for this job only. */
  env?: Record<string, string>;
}

export interface BatchResult {
  /** process.exitCode as the script left it (-1 if it threw past runCli, which a real run shows as a crash). */
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in the order they were written. */
  output: string;
}

/**
 * Runs many CLI invocations in one child Node process, one after another, and returns their exit codes and
 * output in order. Starting Node and compiling the CLI through tsx costs ~3 s of CPU per process; a test
 * file that checks dozens of refusals or usage texts pays that once here. Each job imports the CLI script
 * as a new module (its top level runs again) with its own argv, folder and environment; modules the script
 * imports are shared, as they hold no per-run state. Keep one real spawn (tests/support/run.ts or build.ts)
 * per file for what only a real process shows: the exit status Node reports and output flushing.
 */
export function runCliBatch(jobs: BatchJob[]): Promise<BatchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "fc-cli-batch-"));
  const jobsFile = join(dir, "jobs.json");
  const resultsFile = join(dir, "results.json");
  writeFileSync(jobsFile, JSON.stringify(jobs));
  return runTsx(resolve(import.meta.dirname, "cli-batch-child.ts"), [jobsFile, resultsFile])
    .then(({ code, output }) => {
      if (code !== 0) throw new Error(`cli-batch-child avslutades med kod ${code}:\n${output}`);
      return JSON.parse(readFileSync(resultsFile, "utf8")) as BatchResult[];
    })
    .finally(() => rmSync(dir, { recursive: true, force: true }));
}
