import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { COMMANDS } from "../../scripts/launch.js";

const projectDir = resolve(import.meta.dirname, "../..");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's commands (scripts/cli/<name>.ts) as `npm run <name>` does: from the launcher's
 * bundle for the commands it bundles (docs/decisions.md §14), through tsx for the others.
 */
export function runCommand(name: string, args: string[], env: Record<string, string> = {}, cwd = projectDir): RunResult {
  const command = Object.hasOwn(COMMANDS, name)
    ? [resolve(projectDir, "scripts/launch.js"), name, ...args]
    : ["--import", "tsx", resolve(projectDir, "scripts/cli", `${name}.ts`), ...args];
  const result = spawnSync(process.execPath, command, {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
