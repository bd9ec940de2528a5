import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { changeSummary, interpretationChanges } from "../../scripts/changes/summary.ts";
import { validateRoot } from "../../scripts/validate/index.ts";

const fixture = resolve(import.meta.dirname, "../fixtures/minimal");
const dir = mkdtempSync(join(tmpdir(), "fc-tolkning-andring-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("interpretation marks in the change summary", () => {
  it("lists a mark that is added, changed or removed, with the field and the reason", () => {
    expect(interpretationChanges(undefined, { kommun: "Orten ligger i kommunen." })).toEqual([
      "ny tolkning av kommun: ”Orten ligger i kommunen.”",
    ]);
    expect(interpretationChanges({ andra_namn: "A" }, { andra_namn: "B" })).toEqual(["tolkning av andra namn ändrad: ”A” → ”B”"]);
    expect(interpretationChanges({ storlek: "Gissad." }, {})).toEqual(["tolkning av storlek borttagen (var ”Gissad.”)"]);
    expect(interpretationChanges({ typ: "Samma." }, { typ: "Samma." })).toEqual([]);
  });

  it("shows a reviewer the marks a pull request adds to a centre and to one of its improvement works", () => {
    cpSync(fixture, dir, { recursive: true });
    const before = validateRoot(dir).model!;
    const file = join(dir, "data/familjecentraler/norrby.yaml");
    const text = readFileSync(file, "utf8")
      .replace("storlek: liten\n", "storlek: liten\ntolkningar:\n  storlek: Källan anger antalet besök, inte storleken.\n")
      .replace(
        "    mätningar: [{ år: 2025, värde: 30 }]",
        "    mätningar: [{ år: 2025, värde: 30 }]\n    tolkningar:\n      målvärde: Källan säger ”fördubbla”; handboken räknar det som 40 %.",
      );
    writeFileSync(file, text);
    const result = validateRoot(dir);
    expect(result.model, JSON.stringify(result.problems)).toBeDefined();

    const summary = changeSummary({ handbok: before, rootDir: dir }, { handbok: result.model!, rootDir: dir }, "`main`");

    expect(summary).toContain("- Norrby: ny tolkning av storlek: ”Källan anger antalet besök, inte storleken.”");
    expect(summary).toContain(
      "- Norrby: ny tolkning av målvärde i förbättringsarbetet ”Fler föräldrar deltar i föräldragrupper.”: ”Källan säger ”fördubbla”; handboken räknar det som 40 %.”",
    );
  });
});
