import { afterEach, describe, expect, it } from "vitest";
import { typContradiction } from "../../scripts/validate/rules/centre-facts.ts";
import { validateRoot } from "../../scripts/validate/index.ts";
import { formatText } from "../../scripts/validate/report.ts";
import { tempRoot, type TempRoot } from "../support/fixture-root.ts";

const CENTRE = "data/familjecentraler/norrby.yaml";
const FOUR = "verksamheter: [barnmorskemottagning, barnavårdscentral, öppen förskola, socialtjänst]";

let root: TempRoot | undefined;
afterEach(() => root?.remove());

function reportAfter(change: (r: TempRoot) => void): string {
  root = tempRoot();
  change(root);
  const result = validateRoot(root.dir);
  return formatText(result.problems, result.fileCount);
}

describe("typ must agree with verksamheter (the handbook's definitions)", () => {
  it("flags a familjecentral that lacks one of the four base operations, with file, line and field", () => {
    const text = reportAfter((r) => r.replace(CENTRE, FOUR, "verksamheter: [barnmorskemottagning, barnavårdscentral]"));

    expect(text).toMatchInlineSnapshot(`
      "data/familjecentraler/norrby.yaml:5:6 fel typ-verksamheter typ: familjecentral kräver alla fyra basverksamheter, men öppen förskola och socialtjänst saknas i verksamheter. Lägg till dem, skriv typ: familjecentralsliknande, eller skriv okänd där källan inte säger något.
      1 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("flags a familjecentralsliknande verksamhet without a municipal operation", () => {
    const text = reportAfter((r) => {
      r.replace(CENTRE, "typ: familjecentral", "typ: familjecentralsliknande");
      r.replace(CENTRE, FOUR, "verksamheter: [barnmorskemottagning, barnavårdscentral]");
    });

    expect(text).toContain(
      "norrby.yaml:5:6 fel typ-verksamheter typ: familjecentralsliknande kräver barnavårdscentral och minst en kommunal verksamhet (öppen förskola eller socialtjänst), men verksamheter är [barnmorskemottagning, barnavårdscentral].",
    );
  });

  it("flags all four operations in shared premises called familjecentralsliknande", () => {
    const text = reportAfter((r) => r.replace(CENTRE, "typ: familjecentral", "typ: familjecentralsliknande"));

    expect(text).toContain("norrby.yaml:5:6 fel typ-verksamheter typ: alla fyra basverksamheter i samma lokaler");
  });

  it("accepts unknown operations or an unknown type, and says nothing about the pair", () => {
    expect(reportAfter((r) => r.replace(CENTRE, FOUR, "verksamheter: okänd"))).toBe("Inga fel i 11 filer.\n");
    expect(reportAfter((r) => r.replace(CENTRE, "typ: familjecentral", "typ: okänd"))).toBe("Inga fel i 11 filer.\n");
  });

  it("explains what verksamheter may be when it is neither a list nor okänd", () => {
    const text = reportAfter((r) => r.replace(CENTRE, FOUR, "verksamheter: vet ej"));

    expect(text).toContain("norrby.yaml:7:15 fel typ verksamheter: ”vet ej” är inte tillåtet här. Skriv en lista eller okänd.");
  });

  it("still names the wrong item inside a list of operations", () => {
    const text = reportAfter((r) => r.replace(CENTRE, FOUR, "verksamheter: [barnavårdscentral, öppna förskolan]"));

    expect(text).toContain("verksamheter[2]: ”öppna förskolan” är inte ett tillåtet värde. Menade du ”öppen förskola”?");
    expect(text).not.toContain("Skriv en lista eller okänd");
  });

  it("agrees with the definitions case by case", () => {
    const c = (typ: string, verksamheter: string[] | "okänd", samlokalisering = "delvis") =>
      typContradiction({ typ, verksamheter, samlokalisering } as Parameters<typeof typContradiction>[0]);

    expect(c("familjecentral", ["barnmorskemottagning", "barnavårdscentral", "öppen förskola", "socialtjänst"], "helt")).toBeUndefined();
    expect(c("familjecentralsliknande", ["barnavårdscentral", "öppen förskola"])).toBeUndefined();
    expect(c("familjecentralsliknande", ["barnavårdscentral", "socialtjänst"])).toBeUndefined();
    expect(
      c("familjecentralsliknande", ["barnmorskemottagning", "barnavårdscentral", "öppen förskola", "socialtjänst"], "ej"),
    ).toBeUndefined();
    expect(c("familjecentralsliknande", ["öppen förskola", "socialtjänst"])).toBeDefined();
    expect(c("familjecentral", ["barnavårdscentral", "öppen förskola", "socialtjänst"], "helt")).toBeDefined();
  });
});

describe("interpretation marks", () => {
  it("accepts a reason for a field the file has, at the centre and in an improvement work", () => {
    const text = reportAfter((r) => {
      r.replace(CENTRE, "storlek: liten", "storlek: liten\ntolkningar:\n  kommun: källorna anger bara orten");
      r.replace(
        CENTRE,
        "    målvärde: { värde: 40, år: 2025 }",
        "    målvärde: { värde: 40, år: 2025 }\n    tolkningar: { utgångsläge: källan anger inget år }",
      );
    });

    expect(text).toBe("Inga fel i 11 filer.\n");
  });

  it("refuses a reason for a field the file does not have", () => {
    const text = reportAfter((r) => {
      r.replace(CENTRE, "storlek: liten", "storlek: liten\ntolkningar:\n  andra_namn: källan stavar annorlunda");
      r.replace(
        CENTRE,
        "    målvärde: { värde: 40, år: 2025 }",
        "    målvärde: { värde: 40, år: 2025 }\n    tolkningar: { källa: källan nämner inte orten }",
      );
    });

    expect(text).toContain(
      "norrby.yaml:10:3 fel tolkning tolkningar.andra_namn: tolkningen gäller fältet ”andra_namn”, som inte finns i filen.",
    );
    expect(text).toContain(
      "fel tolkning förbättringsarbeten[1].tolkningar.källa: tolkningen gäller fältet ”källa”, som inte finns i förbättringsarbetet.",
    );
  });

  it("refuses a mark on a field that is never an interpretation", () => {
    const text = reportAfter((r) => r.replace(CENTRE, "storlek: liten", "storlek: liten\ntolkningar:\n  id: källan anger inget id"));

    expect(text).toContain("norrby.yaml:10:3 fel okänt-fält tolkningar.id: fältet ”id” finns inte i formatet.");
  });

  it("refuses an empty reason", () => {
    const text = reportAfter((r) => r.replace(CENTRE, "storlek: liten", "storlek: liten\ntolkningar: { kommun: '' }"));

    expect(text).toContain("tolkningar.kommun: texten är för kort.");
  });
});
