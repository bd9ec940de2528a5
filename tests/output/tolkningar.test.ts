import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import { siteOrSkip } from "../support/browser.ts";
import { builtSites } from "../support/site.ts";

/** The built site of one content root, or a skipped test when it was not built. */
function outDir(name: string, context: TestContext): string {
  const site = builtSites().find((s) => s.name === name);
  if (!site) throw new Error(`ingen byggd webbplats med namnet ${name}`);
  return siteOrSkip(site, context).outDir;
}

/** The text of a page's facts list, one "term: value" per line, tags stripped. */
function facts(html: string): string[] {
  const dl = /<dl class="fakta"[^>]*>([\s\S]*?)<\/dl>/.exec(html)?.[1] ?? "";
  return [...dl.matchAll(/<dt>(.*?)<\/dt>\s*<dd>(.*?)<\/dd>/g)].map(
    ([, term, value]) => `${term}: ${(value ?? "").replace(/<[^>]+>/g, "").replace(/&#39;/g, "'")}`,
  );
}

describe("unknown facts and interpretations on the bundled handbook's pages and downloads", () => {
  it("says a centre's unknown operations and type are missing from the sources instead of guessing", (context) => {
    const out = outDir("handbok", context);
    const farsta = facts(readFileSync(join(out, "familjecentraler/farsta/index.html"), "utf8"));

    expect(farsta).toContain("Typ: Uppgift saknas i källorna");
    expect(farsta).toContain("Verksamheter: Uppgift saknas i källorna");
    expect(farsta).toContain("Kommun: Stockholm (tolkning: källorna anger bara orten, inte kommunen)");
    expect(farsta).toContain("Källor: Rydberg 2021");
    // Rågsved's page states nothing from QRC 2021 (the shared improvement work is on Högdalen's page).
    expect(facts(readFileSync(join(out, "familjecentraler/ragsved/index.html"), "utf8"))).toContain("Källor: Rydberg 2021");
  });

  it("never lists a Stockholm centre's operations without a source's word or a tolkning mark", (context) => {
    const out = outDir("handbok", context);
    const centres = readdirSync(join(out, "familjecentraler"), { withFileTypes: true }).filter((d) => d.isDirectory());

    const unmarked = centres.flatMap((d) => {
      const line = facts(readFileSync(join(out, "familjecentraler", d.name, "index.html"), "utf8")).find((f) =>
        f.startsWith("Verksamheter:"),
      );
      return line === undefined || line.includes("Uppgift saknas i källorna") || line.includes("(tolkning: ") ? [] : [`${d.name}: ${line}`];
    });

    expect(centres.length).toBe(31);
    expect(unmarked).toEqual([]);
  });

  it("marks an interpreted baseline year, municipality and type beside the value, in plain Swedish", (context) => {
    const out = outDir("handbok", context);
    const html = readFileSync(join(out, "familjecentraler/fittja/index.html"), "utf8");

    expect(html).toContain(
      '0\u00a0% (2020) <span class="tolkning">(tolkning: källan anger inget år, bara ”i nuläget”; 2020 är året arbetet började)</span>',
    );
    expect(facts(html)).toEqual(
      expect.arrayContaining([
        "Kommun: Botkyrka (tolkning: källorna anger bara orten, inte kommunen)",
        "Typ: Familjecentralsliknande verksamhet (tolkning: källorna klassar den inte; delvis samlokaliserad betyder att BVC delar lokaler med öppna förskolan)",
        "Verksamheter: Uppgift saknas i källorna",
      ]),
    );
    // A work without any deadline in its source shows none, not the follow-up year.
    expect(html).toMatch(/<dt>Mål<\/dt>\s*<dd>Ska öka, målvärde saknas \(målår saknas\)<\/dd>/);
    expect(html).not.toContain("Målår 2026");
    const bro = readFileSync(join(out, "familjecentraler/bro/index.html"), "utf8");
    expect(bro).toContain("(tolkning: QRC 2021 skriver Upplands Bro; att arbetet gäller Bro och inte Kungsängen är en tolkning)");
  });

  it("tells the county picture that most municipalities are the handbook's interpretation wherever it groups by them", (context) => {
    const out = outDir("handbok", context);
    const html = readFileSync(join(out, "lagesbild/index.html"), "utf8");
    // Without any reports the page says so in one sentence and shows no table per municipality.
    const groupsByMunicipality = html.includes("Länsmålens status per kommun");

    expect(html.includes("Tolkning: för 30 av 31 familjecentraler anger källorna bara orten, inte kommunen.")).toBe(groupsByMunicipality);
  });

  it("carries unknowns as null and interpretations with their reasons in JSON", (context) => {
    const out = outDir("handbok", context);
    const data = JSON.parse(readFileSync(join(out, "familjecentraler/fittja.json"), "utf8")) as {
      familjecentral: { typ: string | null; verksamheter: string[] | null; tolkningar: Record<string, string> };
      förbättringsarbeten: { tolkningar: Record<string, string>; målår: number | null }[];
    };

    expect(data.familjecentral.verksamheter).toBeNull();
    expect(data.familjecentral.tolkningar.kommun).toBe("källorna anger bara orten, inte kommunen");
    expect(data.förbättringsarbeten[0]?.tolkningar["utgångsläge"]).toContain("källan anger inget år");
    expect(data.förbättringsarbeten[0]?.målår).toBeNull();
    const farsta = JSON.parse(readFileSync(join(out, "familjecentraler/farsta.json"), "utf8")) as {
      familjecentral: { typ: string | null };
    };
    expect(farsta.familjecentral.typ).toBeNull();
  });

  it("puts every mark of a row in the CSV's Tolkningar column", (context) => {
    const out = outDir("handbok", context);
    const [header, row] = readFileSync(join(out, "familjecentraler/fittja.csv"), "utf8").split("\r\n");

    expect(header?.split(";").at(-1)).toBe("Tolkningar");
    expect(row).toContain(
      '"kommun – tolkning: källorna anger bara orten, inte kommunen; utgångsläge – tolkning: källan anger inget år, bara ”i nuläget”; 2020 är året arbetet började"',
    );
    expect(header).not.toContain("Påhittade uppgifter");
  });
});

describe("the fictional county's downloads say they are made up", () => {
  it("marks every row of every CSV file as fictional, like its JSON", (context) => {
    const out = outDir("exempellan", context);

    for (const rel of ["familjecentraler/norrvik.csv", "mal/2024-2025/foraldragrupper.csv", "lagesbild/lansdata.csv"]) {
      const rows = readFileSync(join(out, rel), "utf8").split("\r\n").filter(Boolean);
      expect(rows[0]?.endsWith(";Påhittade uppgifter"), rel).toBe(true);
      expect(
        rows.slice(1).every((r) => r.endsWith(";ja – påhittat exempellän utan verkliga familjecentraler")),
        rel,
      ).toBe(true);
    }
    expect((JSON.parse(readFileSync(join(out, "familjecentraler/norrvik.json"), "utf8")) as { fiktivt: boolean }).fiktivt).toBe(true);
  });
});
