import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { changeSummary } from "../../scripts/changes/summary.ts";
import { validateRoot } from "../../scripts/validate/index.ts";

const projectDir = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "fc-arsfil-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the change summary of a new year file in the bundled county", () => {
  it("names centre and year, lists the 2026 values as the 2027–2028 baseline and the statuses they give", () => {
    for (const part of ["content", "data", "utgavor"]) cpSync(join(projectDir, part), join(dir, part), { recursive: true });
    const before = validateRoot(dir).model!;
    mkdirSync(join(dir, "data/uppfoljning/2026"), { recursive: true });
    writeFileSync(
      join(dir, "data/uppfoljning/2026/fittja.yaml"),
      [
        "# yaml-language-server: $schema=../../../schemas/uppfoljning.schema.json",
        "familjecentral: fittja",
        "år: 2026",
        "årsberättelse: { inlämnad: 2027-01-25 }",
        "besöksenkät: { antal_svar: 40 }",
        "länsmål:",
        "  - mål: lattillgangligt-stod",
        "    mätningar: [{ indikator: forstagangsforaldrar-of, värde: 48 }]",
        "",
      ].join("\n"),
    );
    const after = validateRoot(dir).model!;

    const text = changeSummary({ handbok: before, rootDir: dir }, { handbok: after, rootDir: dir }, "`main`");

    expect(text).toContain("- **Fittja familjecentral**, uppföljningen 2026 (ny fil `data/uppfoljning/2026/fittja.yaml`):");
    expect(text).toContain("  - Årsberättelsen inlämnad 2027-01-25.");
    expect(text).toContain("  - Besöksenkäten: 40 svar; familjecentralens storlek är okänd, så det finns ingen kvot att jämföra med.");
    expect(text).toMatch(/ {2}- Utgångsläge för ”Andel svarande förstagångsföräldrar [^”]+” \(länsmål 2027–2028\): 48\s%; status [^.]+\./);
  });
});
