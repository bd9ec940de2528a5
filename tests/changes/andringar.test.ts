import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/temp.ts";

const projectRoot = resolve(import.meta.dirname, "../..");
const git = (cwd: string, ...args: string[]): string =>
  execFileSync("git", ["-C", cwd, "-c", "user.name=Test", "-c", "user.email=test@exempel.se", ...args], { encoding: "utf8" });

const run = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/cli/andringar.ts", "--root", root, ...args], {
    cwd: projectRoot,
    encoding: "utf8",
  });

let repo = "";
let root = "";

describe("npm run andringar", () => {
  beforeAll(() => {
    repo = tempDir("fc-andringar-test-");
    root = join(repo, "handbok");
    cpSync(join(projectRoot, "tests/fixtures/minimal"), root, { recursive: true });
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "Start");
    const centre = join(root, "data/familjecentraler/norrby.yaml");
    let text = readFileSync(centre, "utf8");
    text = text.replace("mätningar: [{ år: 2025, värde: 30 }]", "mätningar: [{ år: 2025, värde: 40 }]");
    mkdirSync(join(root, "data/uppfoljning/2025"));
    writeFileSync(
      join(root, "data/uppfoljning/2025/norrby.yaml"),
      [
        "# yaml-language-server: $schema=../../../../../../schemas/uppfoljning.schema.json",
        "familjecentral: norrby",
        "år: 2025",
        "årsberättelse: { inlämnad: 2026-01-22 }",
        "besöksenkät: { antal_svar: 55 }",
        "länsmål:",
        "  - mål: lattillgangligt-stod",
        "    aktiviteter: [Babycafé på lördagar]",
        "    mätningar: [{ indikator: forstagangsforaldrar-of, värde: 50 }]",
        "",
      ].join("\n"),
    );
    writeFileSync(centre, text);
    const page = join(root, "content/vagledning/uppdrag/index.md");
    writeFileSync(page, readFileSync(page, "utf8") + "\nEtt nytt stycke.\n");
  });

  it("summarises measurements with statuses, the annual report, surveys and changed pages in Swedish Markdown", () => {
    const result = run(root, "--base", "main");

    expect(result.status).toBe(0);
    expect(result.stdout).toContain("## Vad ändringen gör med handbokens uppgifter");
    expect(result.stdout).toContain(
      "- Norrby: mätvärde 2025 för ”Andel som deltar i föräldragrupp” 30 % → 40 %; status Ej uppnått → Uppnått",
    );
    expect(result.stdout).toContain(
      [
        "### Nya uppföljningar",
        "",
        "- **Familjecentralen Norrby**, uppföljningen 2025 (ny fil `data/uppfoljning/2025/norrby.yaml`):",
        "  - Årsberättelsen inlämnad 2026-01-22.",
        "  - Besöksenkäten: 55 svar; kvoten 50 svar är nådd.",
      ].join("\n"),
    );
    // The status is the progress pages' own: without a baseline before the period the county goal had none.
    expect(result.stdout).toMatch(/ {2}- Indikatorn ”[^”]+” \(länsmål 2024–2025\): 50\s%; status Underlag saknas → Uppnått\./);
    expect(result.stdout).toContain("  - Aktiviteter för målet lattillgangligt-stod: Babycafé på lördagar.");
    // Values from the new file are not listed a second time among the centre's changes.
    expect(result.stdout).not.toContain("nytt uppföljningsår 2025");
    expect(result.stdout).not.toContain("nytt mätvärde 2025");
    expect(result.stdout).toMatch(/### Vägledningen\n\n- Ändrad sida: .* \(\/vagledning\/uppdrag\/\)\./);
  });

  it("says when nothing changed", () => {
    const clean = tempDir("fc-andringar-ren-");
    cpSync(join(projectRoot, "tests/fixtures/minimal"), clean, { recursive: true });
    git(clean, "init", "-q", "-b", "main");
    git(clean, "add", ".");
    git(clean, "commit", "-qm", "Start");

    const result = run(clean, "--base", "main");

    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Ändringen påverkar inte");
  });

  it("exits 2 with a Swedish message when the ref does not exist", () => {
    const result = run(root, "--base", "finns-inte");

    expect(result.status).toBe(2);
    expect(result.stderr).toContain("git-referensen ”finns-inte” finns inte");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
