import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCliBatch, type BatchResult } from "../support/cli-batch.ts";
import { runCommand } from "../support/run.ts";
import { MINIMAL, tempRoot, type TempRoot } from "../support/fixture-root.ts";

let broken: TempRoot;
/** A county that is not fictional and has no site address and no accessibility facts (docs/publishing.md §8). */
let real: TempRoot;
beforeAll(() => {
  broken = tempRoot();
  broken.replace("data/familjecentraler/norrby.yaml", "{ år: 2025, värde: 30 }", "{ år: 2025, värde: 130 }");
  real = tempRoot();
  real.replace("data/lan.yaml", "fiktivt: true", "fiktivt: false");
  real.replace("data/lan.yaml", "webbplats: https://testlanet.exempel.se/\n", "");
});
afterAll(() => {
  broken.remove();
  real.remove();
});

describe("npm run validate", () => {
  const cases: { name: string; args: () => string[]; exitCode: number; stdout?: RegExp; stderr?: RegExp }[] = [
    { name: "a valid root exits 0 with a summary", args: () => ["--root", MINIMAL], exitCode: 0, stdout: /^Inga fel i 11 filer\.$/m },
    {
      name: "problems exit 1 with one line each",
      args: () => ["--root", broken.dir],
      exitCode: 1,
      stdout: /^data\/familjecentraler\/norrby\.yaml:16:36 fel intervall .*130/m,
    },
    {
      name: "json lists problem objects",
      args: () => ["--root", broken.dir, "--format", "json"],
      exitCode: 1,
      stdout: /"rule": "intervall"/,
    },
    { name: "an unknown format exits 2", args: () => ["--format", "xml"], exitCode: 2, stderr: /okänt format ”xml”/ },
    { name: "an unknown flag exits 2", args: () => ["--rot", "."], exitCode: 2, stderr: /okänd flagga --rot/ },
    { name: "a missing root exits 2", args: () => ["--root", "/finns/inte"], exitCode: 2, stderr: /finns inte/ },
    {
      name: "a file argument limits the report to that file",
      args: () => ["--root", broken.dir, join(broken.dir, "data/lan.yaml")],
      exitCode: 0,
      stdout: /^Inga fel/m,
    },
    {
      name: "a real county without accessibility facts only warns without a site address",
      args: () => ["--root", real.dir],
      exitCode: 0,
      stdout: /^data\/lan\.yaml:\d+:1 varning tillgänglighet tillgänglighet\.e-post: saknas\./m,
    },
    {
      name: "--webbplats checks as for publication: the same county is refused",
      args: () => ["--root", real.dir, "--webbplats", "https://testlanet.exempel.se/"],
      exitCode: 1,
      stdout: /^data\/lan\.yaml:\d+:1 fel tillgänglighet tillgänglighet\.e-post: saknas\. Handboken byggs för publicering/m,
    },
    {
      name: "a bad --webbplats exits 2",
      args: () => ["--webbplats", "handbok.exempel.se"],
      exitCode: 2,
      stderr: /--webbplats: .*ingen fullständig adress/,
    },
  ];

  // All cases in one batch process (tests/support/cli-batch.ts); the step-summary case and the build below
  // run as real processes.
  let results: BatchResult[] = [];
  beforeAll(async () => {
    results = await runCliBatch(cases.map((c) => ({ name: "validate", args: c.args() })));
  }, 0);

  it.each(cases)("$name", (c) => {
    const { exitCode, stdout, stderr } = c;
    const result = results[cases.indexOf(c)]!;

    expect(result.code).toBe(exitCode);
    if (stdout) expect(result.stdout).toMatch(stdout);
    if (stderr) expect(result.stderr).toMatch(stderr);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("writes GitHub annotations and the full list to the step summary", () => {
    const summaryDir = mkdtempSync(join(tmpdir(), "fc-summary-"));
    const summary = join(summaryDir, "summary.md");

    const result = runCommand("validate", ["--root", broken.dir, "--format", "github"], { GITHUB_STEP_SUMMARY: summary });

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=.*norrby\.yaml,line=16,col=36,title=intervall::förbättringsarbeten\[1\]/m);
    expect(readFileSync(summary, "utf8")).toContain("| Plats | Typ | Regel | Meddelande |");
    rmSync(summaryDir, { recursive: true, force: true });
  });
});

describe("npm run build with invalid data", () => {
  it("exits 1, prints the problems, writes no site and leaves the sources untouched", () => {
    const before = broken.read("data/familjecentraler/norrby.yaml");
    const out = join(broken.dir, "_site");

    const result = runCommand("build", ["--root", broken.dir, "--out", out]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/norrby\.yaml:16:36 fel intervall/);
    expect(result.stderr).toMatch(/Ingen webbplats skrevs/);
    expect(() => readFileSync(join(out, "index.html"))).toThrow();
    expect(broken.read("data/familjecentraler/norrby.yaml")).toBe(before);
  });
});

describe("npm run build for publication without the accessibility facts", () => {
  it("exits 1 naming the missing field and writes no site", () => {
    const out = join(real.dir, "_site");

    const result = runCommand("build", ["--root", real.dir, "--out", out, "--webbplats", "https://testlanet.exempel.se/"]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/data\/lan\.yaml:\d+:1 fel tillgänglighet tillgänglighet\.e-post: saknas/);
    expect(result.stderr).toMatch(/Ingen webbplats skrevs/);
    expect(() => readFileSync(join(out, "index.html"))).toThrow();
  });
});
