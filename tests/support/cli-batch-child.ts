// Runs many invocations of our CLI scripts in this one Node process (see cli-batch.ts for why and how).
// argv: <jobs.json> <results.json>. Each job imports its scripts/cli/<name>.ts afresh (a new module URL),
// with its own argv, working folder and environment, and with stdout/stderr captured.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BatchJob, BatchResult } from "./cli-batch.ts";

const [jobsFile, resultsFile] = process.argv.slice(2);
if (!jobsFile || !resultsFile) throw new Error("användning: cli-batch-child.ts <jobb.json> <resultat.json>");
const jobs = JSON.parse(readFileSync(jobsFile, "utf8")) as BatchJob[];
const cliDir = resolve(import.meta.dirname, "../../scripts/cli");
const startDir = process.cwd();
const startArgv = [...process.argv];
const startEnv = { ...process.env };
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);

const results: BatchResult[] = [];
for (const [index, job] of jobs.entries()) {
  let stdout = "";
  let stderr = "";
  let output = "";
  const capture =
    (into: "stdout" | "stderr") =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      if (into === "stdout") stdout += text;
      else stderr += text;
      output += text;
      const done = rest.find((r): r is () => void => typeof r === "function");
      done?.();
      return true;
    };
  process.argv = [startArgv[0] ?? process.execPath, resolve(cliDir, `${job.name}.ts`), ...job.args];
  process.chdir(job.cwd ?? startDir);
  for (const key of Object.keys(process.env)) if (!(key in startEnv)) delete process.env[key];
  Object.assign(process.env, startEnv, job.env ?? {});
  process.exitCode = undefined;
  process.stdout.write = capture("stdout");
  process.stderr.write = capture("stderr");
  let crashed: string | undefined;
  try {
    // The query makes a new module instance, so the script's top level runs again as in a fresh process.
    await import(`${pathToFileURL(resolve(cliDir, `${job.name}.ts`)).href}?batch=${index}`);
  } catch (error) {
    crashed = error instanceof Error ? (error.stack ?? error.message) : String(error);
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
  }
  const code = crashed ? -1 : Number(process.exitCode ?? 0);
  results.push({ code, stdout, stderr: crashed ? `${stderr}${crashed}\n` : stderr, output: crashed ? `${output}${crashed}\n` : output });
}
process.chdir(startDir);
process.exitCode = 0;
writeFileSync(resultsFile, JSON.stringify(results));
