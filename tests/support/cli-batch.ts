import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { projectDir } from "../../scripts/paths.ts";

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

const tsxLoader = createRequire(import.meta.url).resolve("tsx");

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
  return new Promise<BatchResult[]>((done, fail) => {
    const child = spawn(
      process.execPath,
      ["--import", tsxLoader, resolve(import.meta.dirname, "cli-batch-child.ts"), jobsFile, resultsFile],
      {
        cwd: projectDir,
        // A site address from the caller's environment would move every test site under another base path.
        env: { ...withoutSiteAddress(process.env), FORCE_COLOR: "0", NO_COLOR: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code, signal) => {
      try {
        if (code !== 0) throw new Error(`cli-batch-child avslutades med ${code ?? signal}:\n${output}`);
        done(JSON.parse(readFileSync(resultsFile, "utf8")) as BatchResult[]);
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

function withoutSiteAddress(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.FC_WEBBPLATS;
  return copy;
}
