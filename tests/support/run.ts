import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const projectDir = resolve(import.meta.dirname, "../..");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's commands (scripts/cli/<name>.ts) as a user would, through tsx. */
export function runCommand(name: string, args: string[], env: Record<string, string> = {}, cwd = projectDir): RunResult {
  const result = spawnSync(process.execPath, ["--import", "tsx", resolve(projectDir, "scripts/cli", `${name}.ts`), ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
