import { cpSync, existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validateRoot } from "../../scripts/validate/index.ts";
import { runCliBatch, type BatchResult } from "../support/cli-batch.ts";
import { tempDir } from "../support/temp.ts";

const projectRoot = resolve(import.meta.dirname, "../..");
const minimal = join(projectRoot, "tests/fixtures/minimal");
const copyMinimal = (): string => {
  const dir = join(tempDir("fc-scaffold-"), "rot");
  cpSync(minimal, dir, { recursive: true });
  return dir;
};

/** Each run: a command on a fresh copy of the minimal fixture. */
const RUNS = {
  centre: ["ny-familjecentral", "--id", "sodra-by", "--namn", "Familjecentralen Södra by", "--kommun", "norrby"],
  likeCentre: [
    "ny-familjecentral",
    ...["--id", "sodra-by", "--namn", "Familjecentralen Södra by", "--kommun", "norrby", "--typ", "familjecentralsliknande"],
  ],
  takenId: ["ny-familjecentral", "--id", "norrby", "--namn", "Familjecentralen Norrby", "--kommun", "norrby"],
  badId: ["ny-familjecentral", "--id", "Södra By", "--namn", "Familjecentralen Södra by", "--kommun", "norrby"],
  unknownMunicipality: ["ny-familjecentral", "--id", "sodra-by", "--namn", "Familjecentralen Södra by", "--kommun", "norby"],
  year: ["nytt-ar", "--ar", "2025"],
  yearWithoutGoals: ["nytt-ar", "--ar", "2022", "--id", "norrby"],
  existingYear: ["nytt-ar", "--id", "norrby", "--ar", "2024"],
} satisfies Record<string, string[]>;
type RunName = keyof typeof RUNS;

const roots = new Map<RunName, string>();
const results = new Map<RunName, BatchResult>();
// All runs in one Node process (tests/support/cli-batch.ts); tests/cli/help.test.ts starts these commands as
// real processes.
beforeAll(async () => {
  const names = Object.keys(RUNS) as RunName[];
  for (const name of names) roots.set(name, copyMinimal());
  const done = await runCliBatch(
    names.map((name) => {
      const [script, ...args] = RUNS[name];
      return { name: script ?? "", args: ["--root", roots.get(name)!, ...args] };
    }),
  );
  names.forEach((name, i) => results.set(name, done[i]!));
}, 0);

/** The root a run worked on and what the command did there. */
const cli = (name: RunName): { root: string; status: number; stdout: string; stderr: string } => {
  const result = results.get(name);
  if (!result) throw new Error(`${name} kördes inte`);
  return { root: roots.get(name)!, status: result.code, stdout: result.stdout, stderr: result.stderr };
};

describe("npm run ny-familjecentral", () => {
  it("creates a centre file with guiding comments that validates", () => {
    const { root, ...result } = cli("centre");

    expect(result.status).toBe(0);
    const text = readFileSync(join(root, "data/familjecentraler/sodra-by.yaml"), "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=.*familjecentral\.schema\.json$/);
    expect(text).toContain("# Samlokalisering (måste finnas): Hur verksamheterna delar lokaler");
    expect(parse(text)).toMatchObject({ id: "sodra-by", namn: "Familjecentralen Södra by", kommun: "norrby", typ: "familjecentral" });
    expect(validateRoot(root).problems).toEqual([]);
  });

  it("leaves a familjecentralsliknande centre's operations unknown instead of guessing them", () => {
    const { root, ...result } = cli("likeCentre");

    expect(result.status).toBe(0);
    const text = readFileSync(join(root, "data/familjecentraler/sodra-by.yaml"), "utf8");
    expect(parse(text)).toMatchObject({ typ: "familjecentralsliknande", verksamheter: "okänd" });
    expect(validateRoot(root).problems).toEqual([]);
  });

  it.each([
    ["takenId", "finns redan en familjecentral med id norrby"],
    ["badId", "små bokstäver a–z"],
    ["unknownMunicipality", "kommunen ”norby” finns inte i data/lan.yaml. Menade du norrby?"],
  ] as const)("refuses %s (%s) with a Swedish message and exit 1", (name, message) => {
    const { root, ...result } = cli(name);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(existsSync(join(root, "data/familjecentraler/sodra-by.yaml"))).toBe(false);
  });
});

describe("npm run nytt-ar", () => {
  it("creates the year file with the year's goals and every indicator's id, name and unit in comments", () => {
    const { root, ...result } = cli("year");
    const centre = join(root, "data/familjecentraler/norrby.yaml");
    const original = readFileSync(join(minimal, "data/familjecentraler/norrby.yaml"), "utf8");

    expect(result.status).toBe(0);
    expect(result.stdout).toContain("uppfoljning/2025/norrby.yaml");
    const text = readFileSync(join(root, "data/uppfoljning/2025/norrby.yaml"), "utf8");
    expect(text).toMatch(/^# yaml-language-server: \$schema=\S*schemas\/uppfoljning\.schema\.json\n/);
    expect(text).toContain("  - mål: lattillgangligt-stod  # ");
    expect(text).toMatch(/# forstagangsforaldrar-of – [^\n]+ \(procent, 0–100\)/);
    expect(text).toContain("#   - { id: foraldragrupper, värde: 0 }");
    expect(parse(text)).toEqual({
      familjecentral: "norrby",
      år: 2025,
      årsberättelse: { inlämnad: null },
      länsmål: [{ mål: "lattillgangligt-stod", aktiviteter: [], mätningar: [] }],
    });
    expect(readFileSync(centre, "utf8")).toBe(original);
    expect(validateRoot(root).problems).toEqual([]);
  });

  it("writes a working year file for a year with no goal period: annual report, surveys and improvement works", () => {
    const { root, ...result } = cli("yearWithoutGoals");

    expect(result.status).toBe(0);
    const text = readFileSync(join(root, "data/uppfoljning/2022/norrby.yaml"), "utf8");
    expect(text).toContain("inga länsmål att följa upp");
    expect(text).not.toMatch(/^länsmål/m);
    expect(validateRoot(root).problems).toEqual([]);
  });

  it("refuses a year file that already exists and leaves it untouched", () => {
    const { root, ...result } = cli("existingYear");
    const file = join(root, "data/uppfoljning/2024/norrby.yaml");
    const original = readFileSync(join(minimal, "data/uppfoljning/2024/norrby.yaml"), "utf8");

    expect(result.status).toBe(1);
    expect(result.stderr).toContain("finns redan");
    expect(readFileSync(file, "utf8")).toBe(original);
  });
});
