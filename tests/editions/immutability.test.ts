import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freezeEdition } from "../../scripts/editions/freeze.ts";
import { sha256File } from "../../scripts/load/files.ts";
import { validateRoot } from "../../scripts/validate/index.ts";
import { copyRoot, exampleRoot, minimalRoot } from "./helpers.ts";

const frozenRoot = (): string => {
  const root = copyRoot(minimalRoot);
  freezeEdition(root, { id: "2026-1", beslutad: "2026-11-17", av: "Länsgemensam styrgrupp" });
  return root;
};
const PAGE = "content/vagledning/uppdrag/index.md";

describe("checkEditions", () => {
  it("accepts the example county's editions, including the one with an erratum", () => {
    expect(validateRoot(exampleRoot).problems).toEqual([]);
  });

  it("fails when a frozen file changes, naming the file and how to record an erratum", () => {
    const root = frozenRoot();
    appendFileSync(join(root, "utgavor/2026-1", PAGE), "\nEn ändring i efterhand.\n");

    const problems = validateRoot(root).problems;

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: `utgavor/2026-1/${PAGE}`, line: 1, severity: "fel", rule: "utgåva" });
    expect(problems[0]?.message).toContain("har ändrats sedan utgåvan 2026-1 frystes");
    expect(problems[0]?.message).toContain("errata");
    expect(problems[0]?.message).toContain(sha256File(join(root, "utgavor/2026-1", PAGE)));
  });

  it("accepts the change once an erratum records the file's new checksum", () => {
    const root = frozenRoot();
    const file = join(root, "utgavor/2026-1", PAGE);
    writeFileSync(file, readFileSync(file, "utf8").replace("uppdrag", "uppdraget"));
    const meta = join(root, "utgavor/2026-1/utgava.yaml");
    const erratum = `errata:\n  - datum: 2026-12-01\n    fil: ${PAGE}\n    beskrivning: Rättade ett ord.\n    kontrollsumma: ${sha256File(file)}\n`;
    writeFileSync(meta, readFileSync(meta, "utf8").replace("errata: []\n", erratum));

    expect(validateRoot(root).problems).toEqual([]);
  });

  it("fails when a frozen file is removed or added", () => {
    const root = frozenRoot();
    rmSync(join(root, "utgavor/2026-1", PAGE));
    writeFileSync(join(root, "utgavor/2026-1/content/ny.md"), "ny");

    const messages = validateRoot(root).problems.map((p) => `${p.file}: ${p.message}`);

    expect(
      messages.some((m) =>
        m.startsWith("utgavor/2026-1/utgava.yaml: kontrollsummor.content/vagledning/uppdrag/index.md: filen saknas i utgåvan 2026-1"),
      ),
    ).toBe(true);
    expect(messages.some((m) => m.startsWith("utgavor/2026-1/content/ny.md: filen har lagts till"))).toBe(true);
  });

  it("checks the archived pages' front matter with the page schema", () => {
    const root = frozenRoot();
    const file = join(root, "utgavor/2026-1", PAGE);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^titel: .*$/m, "titel: x"));
    const meta = join(root, "utgavor/2026-1/utgava.yaml");
    const erratum = `errata:\n  - datum: 2026-12-01\n    fil: ${PAGE}\n    beskrivning: Kortade titeln.\n    kontrollsumma: ${sha256File(file)}\n`;
    writeFileSync(meta, readFileSync(meta, "utf8").replace("errata: []\n", erratum));

    const problems = validateRoot(root).problems;

    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(`utgavor/2026-1/${PAGE}`);
    expect(problems[0]?.line).toBeGreaterThan(1);
  });
});
