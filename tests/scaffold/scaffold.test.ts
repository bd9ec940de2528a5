import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validateRoot } from "../../scripts/validate/index.ts";

const projectRoot = resolve(import.meta.dirname, "../..");
const copyMinimal = (): string => {
  const dir = join(mkdtempSync(join(tmpdir(), "fc-scaffold-")), "rot");
  cpSync(join(projectRoot, "tests/fixtures/minimal"), dir, { recursive: true });
  return dir;
};
const cli = (script: string, root: string, ...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", `scripts/cli/${script}.ts`, "--root", root, ...args], {
    cwd: projectRoot,
    encoding: "utf8",
  });

describe("npm run ny-familjecentral", () => {
  it("creates a centre file with guiding comments that validates", () => {
    const root = copyMinimal();

    const result = cli("ny-familjecentral", root, "--id", "sodra-by", "--namn", "Familjecentralen Södra by", "--kommun", "norrby");

    expect(result.status).toBe(0);
    const text = readFileSync(join(root, "data/familjecentraler/sodra-by.yaml"), "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=.*familjecentral\.schema\.json$/);
    expect(text).toContain("# Samlokalisering (måste finnas): Hur verksamheterna delar lokaler");
    expect(parse(text)).toMatchObject({ id: "sodra-by", namn: "Familjecentralen Södra by", kommun: "norrby", typ: "familjecentral" });
    expect(validateRoot(root).problems).toEqual([]);
  });

  it("leaves a familjecentralsliknande centre's operations unknown instead of guessing them", () => {
    const root = copyMinimal();

    const result = cli(
      "ny-familjecentral",
      root,
      ...["--id", "sodra-by", "--namn", "Familjecentralen Södra by", "--kommun", "norrby", "--typ", "familjecentralsliknande"],
    );

    expect(result.status).toBe(0);
    const text = readFileSync(join(root, "data/familjecentraler/sodra-by.yaml"), "utf8");
    expect(parse(text)).toMatchObject({ typ: "familjecentralsliknande", verksamheter: "okänd" });
    expect(validateRoot(root).problems).toEqual([]);
  });

  it.each([
    [["--id", "norrby", "--namn", "Familjecentralen Norrby", "--kommun", "norrby"], "finns redan en familjecentral med id norrby"],
    [["--id", "Södra By", "--namn", "Familjecentralen Södra by", "--kommun", "norrby"], "små bokstäver a–z"],
    [
      ["--id", "sodra-by", "--namn", "Familjecentralen Södra by", "--kommun", "norby"],
      "kommunen ”norby” finns inte i data/lan.yaml. Menade du norrby?",
    ],
  ])("refuses %j with a Swedish message and exit 1", (args, message) => {
    const root = copyMinimal();

    const result = cli("ny-familjecentral", root, ...args);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(existsSync(join(root, "data/familjecentraler/sodra-by.yaml"))).toBe(false);
  });
});

describe("npm run nytt-ar", () => {
  it("creates the year file with the year's goals and every indicator's id, name and unit in comments", () => {
    const root = copyMinimal();
    const centre = join(root, "data/familjecentraler/norrby.yaml");
    const original = readFileSync(centre, "utf8");

    const result = cli("nytt-ar", root, "--ar", "2025");

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
    const root = copyMinimal();

    const result = cli("nytt-ar", root, "--ar", "2022", "--id", "norrby");

    expect(result.status).toBe(0);
    const text = readFileSync(join(root, "data/uppfoljning/2022/norrby.yaml"), "utf8");
    expect(text).toContain("inga länsmål att följa upp");
    expect(text).not.toMatch(/^länsmål/m);
    expect(validateRoot(root).problems).toEqual([]);
  });

  it("refuses a year file that already exists and leaves it untouched", () => {
    const root = copyMinimal();
    const file = join(root, "data/uppfoljning/2024/norrby.yaml");
    const original = readFileSync(file, "utf8");

    const result = cli("nytt-ar", root, "--id", "norrby", "--ar", "2024");

    expect(result.status).toBe(1);
    expect(result.stderr).toContain("finns redan");
    expect(readFileSync(file, "utf8")).toBe(original);
  });
});
