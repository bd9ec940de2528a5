import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "../../scripts/cli/args.ts";
import { projectDir } from "../../scripts/paths.ts";
import { runCliBatch } from "../support/cli-batch.ts";

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const run = promisify(execFile);

/** Every command in package.json's scripts that runs one of scripts/cli/*.ts, with how the user types it. */
const COMMANDS = [
  { file: "validate", typed: "npm run validate" },
  { file: "build", typed: "npm run build" },
  { file: "serve", typed: "npm start" },
  { file: "utgava", typed: "npm run utgava" },
  { file: "andringar", typed: "npm run andringar" },
  { file: "ny-familjecentral", typed: "npm run ny-familjecentral" },
  { file: "nytt-ar", typed: "npm run nytt-ar" },
  { file: "bench", typed: "npm run bench" },
];

// Every command's usage comes from one batch process (tests/support/cli-batch.ts): eight tsx processes cost
// ~3 s of CPU each just to start. The real process below proves the same for one command end to end.
const answers = runCliBatch(COMMANDS.map(({ file }) => ({ name: file, args: ["--help"] })));

describe("--help", () => {
  it.each(COMMANDS)("$typed -- --help prints Swedish usage with an example and the exit codes, and exits 0", async ({ file, typed }) => {
    const { code, stdout, stderr } = (await answers)[COMMANDS.findIndex((c) => c.file === file)]!;

    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(`Användning: ${typed}`);
    expect(stdout).toMatch(/Slutkoder: .*\b1? ?2 kommandot kunde inte köras\.|Slutkoder: 0 /);
    expect(stdout).toContain("--help");
    expect(stdout).toContain(`Exempel: ${typed} -- `);
  });

  it("npm run validate -- --help answers the same from a real process, with exit code 0", async () => {
    const real = await run(process.execPath, [tsxCli, resolve(projectDir, "scripts/cli/validate.ts"), "--help"], { cwd: projectDir });
    const batched = (await answers)[COMMANDS.findIndex((c) => c.file === "validate")]!;

    expect(real.stderr).toBe("");
    expect(real.stdout).toBe(batched.stdout);
  });

  it("covers every command in package.json", async () => {
    const { default: pkg } = await import("../../package.json", { with: { type: "json" } });
    // A command runs scripts/cli/<name>.ts directly or through the launcher (scripts/launch.js <name>).
    const cliFiles = Object.values(pkg.scripts as Record<string, string>)
      .map((script) => /scripts\/cli\/([\w-]+)\.ts/.exec(script)?.[1] ?? /scripts\/launch\.js ([\w-]+)/.exec(script)?.[1])
      .filter((name): name is string => name !== undefined);

    expect(cliFiles.sort()).toEqual(COMMANDS.map((c) => c.file).sort());
  });
});

describe("parseArgs", () => {
  const known = { values: ["root", "out"], switches: ["keep"] };

  it("reads values in both forms, switches and positional arguments", () => {
    const { flags, positional } = parseArgs(["--root", "a", "--out=b", "--keep", "fil.yaml"], known);

    expect(Object.fromEntries(flags)).toEqual({ root: "a", out: "b", keep: true });
    expect(positional).toEqual(["fil.yaml"]);
  });

  it("refuses unknown flags, missing values and values for switches in Swedish", () => {
    expect(() => parseArgs(["--rot", "."], known)).toThrow(
      new UsageError("okänd flagga --rot. Tillåtna: --root, --out, --keep. Se --help."),
    );
    expect(() => parseArgs(["--root"], known)).toThrow(new UsageError("--root behöver ett värde."));
    expect(() => parseArgs(["--keep=ja"], known)).toThrow(new UsageError("--keep tar inget värde."));
  });

  it("treats everything after -- as positional, even --help", () => {
    expect(parseArgs(["--", "--help"], known).positional).toEqual(["--help"]);
  });
});
