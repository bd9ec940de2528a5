import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FreezeError, freezeEdition } from "../../scripts/editions/freeze.ts";
import { sha256File } from "../../scripts/load/files.ts";
import { loadEditions } from "../../scripts/editions/model.ts";
import { validateRoot } from "../../scripts/validate/index.ts";
import { copyRoot, minimalRoot } from "./helpers.ts";

const freeze = (root: string, id = "2026-1") =>
  freezeEdition(root, { id, beslutad: "2026-11-17", av: "Länsgemensam styrgrupp", nästaGranskning: "2028-11-15" });

describe("freezeEdition", () => {
  it("copies every content file and records its checksum", () => {
    const root = copyRoot(minimalRoot);

    const { meta, files } = freeze(root);

    expect(files).toBe(3);
    const copied = join(root, "utgavor/2026-1/content/vagledning/uppdrag/index.md");
    expect(readFileSync(copied, "utf8")).toBe(readFileSync(join(root, "content/vagledning/uppdrag/index.md"), "utf8"));
    expect(meta.kontrollsummor["content/vagledning/uppdrag/index.md"]).toBe(sha256File(copied));
    const yaml = readFileSync(join(root, "utgavor/2026-1/utgava.yaml"), "utf8");
    expect(yaml.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/utgava\.schema\.json$/);
    expect(validateRoot(root).problems).toEqual([]);
  });

  it("links a new edition to the previous one", () => {
    const root = copyRoot(minimalRoot);
    freeze(root, "2026-1");

    const { meta } = freezeEdition(root, { id: "2028-1", beslutad: "2028-11-20", av: "Länsgemensam styrgrupp" });

    expect(meta.föregående).toBe("2026-1");
    expect(loadEditions(root).map((e) => e.id)).toEqual(["2026-1", "2028-1"]);
  });

  it("refuses an id that already exists", () => {
    const root = copyRoot(minimalRoot);
    freeze(root);

    expect(() => freeze(root)).toThrow(/utgåvan 2026-1 finns redan/);
  });

  it("refuses a date that is not a real calendar date", () => {
    const root = copyRoot(minimalRoot);

    expect(() => freezeEdition(root, { id: "x", beslutad: "2026-02-30", av: "Styrgruppen" })).toThrow(/inte ett riktigt datum/);
    expect(existsSync(join(root, "utgavor"))).toBe(false);
  });

  it("refuses content that does not validate and writes nothing", () => {
    const root = copyRoot(minimalRoot);
    const page = join(root, "content/vagledning/uppdrag/index.md");
    writeFileSync(page, readFileSync(page, "utf8").replace(/granskad: .*/, "granskad: 2026-13-01"));

    let error: unknown;
    try {
      freeze(root);
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(FreezeError);
    expect((error as FreezeError).problems[0]?.file).toBe("content/vagledning/uppdrag/index.md");
    expect(existsSync(join(root, "utgavor/2026-1"))).toBe(false);
  });
});
