import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { projectDir } from "../../scripts/paths.ts";

export interface CliResult {
  code: number;
  output: string;
}

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

function withoutSiteAddress(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.FC_WEBBPLATS;
  return copy;
}

/**
 * Runs one of our CLI scripts (scripts/cli/<name>.ts) in a child process, as `npm run <name>` would: from
 * the launcher's bundle (scripts/launch.js, docs/decisions.md §14).
 */
export function runCli(name: "build" | "validate", args: string[]): Promise<CliResult> {
  return runNode([resolve(projectDir, "scripts/launch.js"), name, ...args]);
}

/** Runs a TypeScript file through tsx in a child process from the project folder, without colours or a site address. */
export function runTsx(script: string, args: string[]): Promise<CliResult> {
  return runNode([tsxCli, script, ...args]);
}

/** Runs Node with `args` in a child process from the project folder, without colours or a site address. */
function runNode(args: string[]): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: projectDir,
      // A site address from the caller's environment would move every test site under another base path.
      env: { ...withoutSiteAddress(process.env), FORCE_COLOR: "0", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? 1, output }));
  });
}

/** Builds the content root `rootDir` into `outDir`; throws with the build's own messages on failure. */
export async function buildRoot(rootDir: string, outDir: string, extraArgs: string[] = []): Promise<void> {
  const result = await runCli("build", ["--root", rootDir, "--out", outDir, ...extraArgs]);
  if (result.code !== 0) throw new Error(`Bygget av ${rootDir} misslyckades (kod ${result.code}):\n${result.output}`);
}
