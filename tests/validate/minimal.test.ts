import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { validateRoot } from "../../scripts/validate/index.ts";

const minimal = resolve(import.meta.dirname, "../fixtures/minimal");

describe("validateRoot", () => {
  it("accepts a small, complete content root and builds its model", () => {
    const result = validateRoot(minimal);

    expect(result.problems).toEqual([]);
    expect(result.model?.län.namn).toBe("Testlänet");
    expect(result.model?.sidor.map((s) => s.url)).toEqual(["/", "/om/", "/vagledning/uppdrag/"]);
    expect(result.model?.familjecentraler[0]?.id).toBe("norrby");
  });
});
