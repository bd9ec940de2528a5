import { describe, expect, it } from "vitest";
import { closest } from "../../scripts/validate/closest.ts";
import { explainDate, keyPath, pointerToPath } from "../../scripts/validate/messages.ts";
import { findPersonnummer, isPersonalEmail } from "../../scripts/validate/rules/privacy.ts";
import { pageUrl } from "../../scripts/model/build-model.ts";
import { parseYaml } from "../../scripts/load/yaml.ts";

describe("closest", () => {
  it("finds the key a coordinator meant, ignoring missing ring and dots", () => {
    expect(closest("malvärde", ["målvärde", "mätningar", "mål"])).toBe("målvärde");
    expect(closest("utgangslage", ["utgångsläge", "målvärde"])).toBe("utgångsläge");
  });

  it("suggests nothing when no candidate is close", () => {
    expect(closest("telefon", ["målvärde", "mätningar"])).toBeUndefined();
  });
});

describe("messages", () => {
  it("explains why a date does not exist, including leap years", () => {
    expect(explainDate("2021-11-31")).toContain("november 2021 har 30 dagar");
    expect(explainDate("2023-02-29")).toContain("februari 2023 har 28 dagar");
    expect(explainDate("2021-13-01")).toContain("månaden 13 finns inte");
  });

  it("shows key paths with 1-based list positions", () => {
    expect(keyPath(pointerToPath("/förbättringsarbeten/0/målvärde/datum"))).toBe("förbättringsarbeten[1].målvärde.datum");
    expect(keyPath([])).toBe("(filen)");
  });
});

describe("privacy", () => {
  it("finds personnummer with a valid check digit and ignores other digit runs", () => {
    expect(findPersonnummer("Ring 19811218-9876 nu").map((h) => h.value)).toEqual(["19811218-9876"]);
    expect(findPersonnummer("811218-9876")).toHaveLength(1);
    expect(findPersonnummer("DRN RS 2023/1654 och 2025-01-24 och 19811218-9875")).toEqual([]);
  });

  it("tells personal addresses from functional ones", () => {
    expect(isPersonalEmail("anna.andersson@gmail.com")).toBe(true);
    expect(isPersonalEmail("per-olof.persson@kommun.se")).toBe(true);
    expect(isPersonalEmail("familjecentralen.norrby@norrby.se")).toBe(false);
    expect(isPersonalEmail("info@exempel.se")).toBe(false);
  });
});

describe("pageUrl", () => {
  it("turns content paths into Swedish site URLs", () => {
    expect(pageUrl("content/index.md")).toBe("/");
    expect(pageUrl("content/vagledning/uppdrag/index.md")).toBe("/vagledning/uppdrag/");
    expect(pageUrl("content/om/kontakt.md")).toBe("/om/kontakt/");
  });
});

describe("parseYaml", () => {
  it("keeps YAML 1.2 semantics: no stays a string and dates stay strings", () => {
    const result = parseYaml("svar: no\ndatum: 2025-01-24\n");

    expect(result.ok && result.data).toEqual({ svar: "no", datum: "2025-01-24" });
  });
});
