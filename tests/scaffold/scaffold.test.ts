import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
  it("appends a year with the period's goals and keeps the original bytes as a prefix", () => {
    const root = copyMinimal();
    const file = join(root, "data/familjecentraler/norrby.yaml");
    const original = readFileSync(file, "utf8");

    const result = cli("nytt-ar", root, "--id", "norrby", "--ar", "2025");

    expect(result.status).toBe(0);
    const updated = readFileSync(file, "utf8");
    expect(updated.startsWith(original)).toBe(true);
    const added = updated.slice(original.length);
    expect(added).toMatch(/^ {2}- år: 2025\n/);
    expect(added).toContain("    årsberättelse: { inlämnad: null }");
    expect(added).toContain("      - mål: lattillgangligt-stod");
    expect(added).toMatch(/\n\s+# Årsberättelse: /);
    const year = (parse(updated) as { uppföljning: unknown[] }).uppföljning[1];
    expect(year).toEqual({
      år: 2025,
      årsberättelse: { inlämnad: null },
      länsmål: [{ mål: "lattillgangligt-stod", aktiviteter: [], mätningar: [] }],
    });
    expect(validateRoot(root).problems).toEqual([]);
  });

  it("inserts after the last year when other fields follow, leaving every other byte and comment in place", () => {
    const root = copyMinimal();
    const file = join(root, "data/familjecentraler/norrby.yaml");
    const text = readFileSync(file, "utf8");
    const [head, tail] = text.split("uppföljning:\n") as [string, string];
    const original = `${head}uppföljning:\n${tail}# Kommentar som ska stå kvar.\nandra_aktörer: [bibliotek]  # efter uppföljningen\n`;
    writeFileSync(file, original);

    const result = cli("nytt-ar", root, "--id", "norrby", "--ar", "2025");

    expect(result.status).toBe(0);
    const updated = readFileSync(file, "utf8");
    const at = original.indexOf("# Kommentar som ska stå kvar.");
    const inserted = updated.slice(at, updated.length - (original.length - at));
    expect(updated.slice(0, at)).toBe(original.slice(0, at));
    expect(updated.slice(at + inserted.length)).toBe(original.slice(at));
    expect(inserted).toMatch(/^ {2}- år: 2025\n[\s\S]*\n$/);
    expect(validateRoot(root).problems).toEqual([]);
  });

  it("refuses a year that already exists and leaves the file untouched", () => {
    const root = copyMinimal();
    const file = join(root, "data/familjecentraler/norrby.yaml");
    const original = readFileSync(file, "utf8");

    const result = cli("nytt-ar", root, "--id", "norrby", "--ar", "2024");

    expect(result.status).toBe(1);
    expect(result.stderr).toContain("har redan uppföljningsåret 2024");
    expect(readFileSync(file, "utf8")).toBe(original);
  });
});
