import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { validateRoot } from "../../scripts/validate/index.ts";
import { formatText } from "../../scripts/validate/report.ts";
import { FAKTORER } from "../../scripts/model/types.ts";
import { findPersonalEmails } from "../../scripts/validate/rules/privacy.ts";
import { tempRoot, type TempRoot } from "../support/fixture-root.ts";

const CENTRE = "data/familjecentraler/norrby.yaml";
const YEAR = "data/uppfoljning/2024/norrby.yaml";
const PERIOD = "data/mal/2024-2025.yaml";
const PAGE = "content/vagledning/uppdrag/index.md";

let root: TempRoot | undefined;
afterEach(() => root?.remove());

/** Breaks a copy of the minimal root with `change` and returns the validator's text report. */
function reportAfter(change: (r: TempRoot) => void): { text: string; errors: number } {
  root = tempRoot();
  change(root);
  const result = validateRoot(root.dir);
  return { text: formatText(result.problems, result.fileCount), errors: result.problems.filter((p) => p.severity === "fel").length };
}

describe("bad input gets a Swedish message with file, line and field", () => {
  it("reports a YAML syntax error with its line", () => {
    const { text } = reportAfter((r) => {
      r.replace(CENTRE, "typ: familjecentral", 'typ: "familjecentral');
    });

    expect(text).toMatchInlineSnapshot(`
      "data/familjecentraler/norrby.yaml:17:1 fel yaml ett tecken saknas, till exempel ett avslutande citattecken eller en hakparentes.
      1 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("reports tab indentation", () => {
    const { text } = reportAfter((r) => {
      r.replace(CENTRE, "  - id: foraldragrupper", "\t- id: foraldragrupper");
    });

    expect(text).toMatchInlineSnapshot(`
      "data/familjecentraler/norrby.yaml:11:1 fel yaml tabb används som indrag. YAML tillåter bara mellanslag: byt tabbarna mot två mellanslag per nivå.
      1 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("reports a duplicate key", () => {
    const { text } = reportAfter((r) => {
      r.replace(CENTRE, "storlek: liten", "storlek: liten\nstorlek: stor");
    });

    expect(text).toMatchInlineSnapshot(`
      "data/familjecentraler/norrby.yaml:9:1 fel dubblett nyckeln ”storlek” finns två gånger i samma avsnitt. Ta bort den ena eller byt namn på den.
      1 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("refuses an alias bomb (billion laughs)", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [name, prev] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
      ["e", "d"],
      ["f", "e"],
      ["g", "f"],
    ]) {
      bomb.push(`${name}: &${name} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`);
    }
    const { text } = reportAfter((r) => {
      r.write(CENTRE, bomb.join("\n") + "\n");
    });

    expect(text).toMatchInlineSnapshot(`
      "data/familjecentraler/norrby.yaml:1:1 fel yaml filen använder för många hänvisningar (*alias), mer än 50. Skriv ut värdena i stället för att hänvisa till dem.
      1 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("refuses __proto__ and constructor keys", () => {
    const { text } = reportAfter((r) => {
      r.replace(CENTRE, "storlek: liten", "storlek: liten\n__proto__: { fiktivt: true }\nkontakt:\n  constructor: x");
    });

    expect(text).toMatchInlineSnapshot(`
      "data/familjecentraler/norrby.yaml:9:1 fel nyckel nyckeln ”__proto__” är inte tillåten eftersom den kan ändra hur programmet fungerar. Ta bort den.
      data/familjecentraler/norrby.yaml:11:3 fel nyckel nyckeln ”constructor” är inte tillåten eftersom den kan ändra hur programmet fungerar. Ta bort den.
      2 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("explains an impossible date such as Geneta's 31 november", () => {
    const { text } = reportAfter((r) => {
      r.replace(CENTRE, "målvärde: { värde: 40, år: 2025 }", "målvärde: { värde: 40, år: 2021, datum: 2021-11-31 }");
    });

    expect(text).toMatchInlineSnapshot(`
      "data/familjecentraler/norrby.yaml:15:45 fel datum förbättringsarbeten[1].målvärde.datum: 2021-11-31 är inget riktigt datum: november 2021 har 30 dagar. Skriv ett datum som finns, till exempel 2021-11-30.
      1 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("names the key that a typo meant", () => {
    const { text } = reportAfter((r) => {
      r.replace(CENTRE, "målvärde:", "malvärde:");
    });

    expect(text).toMatchInlineSnapshot(`
      "data/familjecentraler/norrby.yaml:15:5 fel okänt-fält förbättringsarbeten[1].malvärde: fältet ”malvärde” finns inte i formatet. Menade du ”målvärde”?
      1 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("reports a wrong type", () => {
    const { text } = reportAfter((r) => {
      r.replace(CENTRE, "mätningar: [{ år: 2025, värde: 30 }]", 'mätningar: [{ år: "i fjol", värde: 30 }]');
    });

    expect(text).toMatchInlineSnapshot(`
      "data/familjecentraler/norrby.yaml:16:23 fel typ förbättringsarbeten[1].mätningar[1].år: ska vara ett heltal, men är ”i fjol”.
      1 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("refuses a percentage of 120", () => {
    const { text } = reportAfter((r) => {
      r.replace(CENTRE, "{ år: 2025, värde: 30 }", "{ år: 2025, värde: 120 }");
    });

    expect(text).toMatchInlineSnapshot(`
      "data/familjecentraler/norrby.yaml:16:36 fel intervall förbättringsarbeten[1].mätningar[1].värde: 120 är ingen möjlig procentsats. Ange ett värde mellan 0 och 100.
      1 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("refuses a collaboration-survey score of 6", () => {
    const factors = FAKTORER;
    const survey = `samverkansenkät:\n  faktorer:\n${factors.map((f, i) => `    ${f}: ${i === 1 ? 6 : 3.5}`).join("\n")}\n`;
    const { text } = reportAfter((r) => {
      r.replace(YEAR, "länsmål:\n", `${survey}länsmål:\n`);
    });

    expect(text).toMatchInlineSnapshot(`
      "data/uppfoljning/2024/norrby.yaml:8:14 fel intervall samverkansenkät.faktorer.lokaler: 6 ligger utanför det tillåtna. Värdet ska vara mellan 1 och 5.
      1 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("reports references to a goal, indicator, source and municipality that do not exist", () => {
    const { text } = reportAfter((r) => {
      r.replace(CENTRE, "kommun: norrby", "kommun: soderby");
      r.replace(CENTRE, "källor: [ffff-vagledning]", "källor: [ffff-vagledningen]");
      r.replace(YEAR, "indikator: forstagangsforaldrar-of", "indikator: forstagangsforaldrar");
      mkdirSync(join(r.dir, "data/uppfoljning/2025"));
      r.write(
        "data/uppfoljning/2025/norrby.yaml",
        "# yaml-language-server: $schema=../../../../../../schemas/uppfoljning.schema.json\nfamiljecentral: norrby\når: 2025\nårsberättelse: { inlämnad: null }\nlänsmål:\n  - mål: tillgangligt-stod\nförbättringsarbeten:\n  - { id: foraldragrup, värde: 35 }\n",
      );
    });

    expect(text).toMatchInlineSnapshot(`
      "data/familjecentraler/norrby.yaml:4:9 fel referens kommun: Kommunen ”soderby” finns inte i data/lan.yaml. Finns: norrby.
      data/familjecentraler/norrby.yaml:9:10 fel referens källor[1]: Källan ”ffff-vagledningen” finns inte i data/kallor.yaml. Menade du ”ffff-vagledning”?
      data/uppfoljning/2024/norrby.yaml:8:30 fel referens länsmål[1].mätningar[1].indikator: Indikatorn ”forstagangsforaldrar” finns inte i målet lattillgangligt-stod (2024-2025). Menade du ”forstagangsforaldrar-of”?
      data/uppfoljning/2025/norrby.yaml:6:10 fel referens länsmål[1].mål: Länsmålet ”tillgangligt-stod” finns inte i målperioden 2024-2025. Menade du ”lattillgangligt-stod”?
      data/uppfoljning/2025/norrby.yaml:8:11 fel referens förbättringsarbeten[1].id: Förbättringsarbetet ”foraldragrup” finns inte i data/familjecentraler/norrby.yaml. Menade du ”foraldragrupper”?
      5 fel och 0 varningar i 12 filer.
      "
    `);
  });

  it("reports a follow-up year outside every goal period, and a year that does not match its folder", () => {
    const { text } = reportAfter((r) => {
      r.replace(YEAR, "år: 2024\n", "år: 2029\n");
    });

    expect(text).toMatchInlineSnapshot(`
      "data/uppfoljning/2024/norrby.yaml:3:5 varning år år: 2029 ligger efter länets uppföljningsår 2025 (data/lan.yaml). Uppföljningen görs när året är slut: kontrollera årtalet.
      data/uppfoljning/2024/norrby.yaml:3:5 fel år år: 2029 stämmer inte med mappen 2024. Filen ska ligga i data/uppfoljning/2029/, eller så ska år vara 2024.
      data/uppfoljning/2024/norrby.yaml:4:28 fel ordning årsberättelse.inlämnad: årsberättelsen för 2029 kan inte ha lämnats in 2025-01-20, före året den handlar om.
      data/uppfoljning/2024/norrby.yaml:6:3 fel period länsmål: år 2029 hör inte till någon målperiod (2024-2025) och är inte heller året före en period, så det finns inga länsmål att följa upp. Ta bort länsmål eller kontrollera årtalet.
      3 fel och 1 varning i 11 filer.
      "
    `);
  });

  it("reports two files with the same id and an id that differs from its file name", () => {
    const { text } = reportAfter((r) => {
      r.write("data/familjecentraler/norrby-2.yaml", r.read(CENTRE));
    });

    expect(text).toMatchInlineSnapshot(`
      "data/familjecentraler/norrby-2.yaml:2:5 fel id id: ”norrby” stämmer inte med filens namn. Ändra id till ”norrby-2” eller byt namn på filen till norrby.yaml.
      data/familjecentraler/norrby.yaml:2:5 fel dubblett id: ”norrby” används redan i data/familjecentraler/norrby-2.yaml. Varje familjecentral ska ha ett eget id.
      2 fel och 0 varningar i 12 filer.
      "
    `);
  });

  it("reports an empty file", () => {
    const { text } = reportAfter((r) => {
      r.write(CENTRE, "");
    });

    expect(text).toMatchInlineSnapshot(`
      "data/familjecentraler/norrby.yaml:1:1 fel fil filen är tom. Fyll i den eller ta bort den.
      1 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("reports a file that is not UTF-8", () => {
    const { text } = reportAfter((r) => {
      r.write(CENTRE, Buffer.from(r.read(CENTRE).replace("# yaml", "# Spånga yaml"), "latin1"));
    });

    expect(text).toMatchInlineSnapshot(`
      "data/familjecentraler/norrby.yaml:1:1 fel teckenkodning filen är inte sparad som UTF-8, så å, ä och ö kan bli fel. Spara om filen med teckenkodningen UTF-8.
      1 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("refuses JavaScript front matter", () => {
    const { text } = reportAfter((r) => {
      r.write(PAGE, '---js\n{ id: "uppdrag", titel: require("fs").readFileSync("/etc/passwd", "utf8") }\n---\nText\n');
    });

    expect(text).toMatchInlineSnapshot(`
      "content/vagledning/uppdrag/index.md:1:4 fel front-matter front matter av typen ”js” är inte tillåten. Skriv uppgifterna som YAML och börja med en rad med bara ---.
      1 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("refuses a personnummer and a personal e-mail address in any field", () => {
    const { text } = reportAfter((r) => {
      r.replace(
        YEAR,
        "aktiviteter: [Öppen vägning på babycaféet]",
        "aktiviteter: [Ring Anna 19811218-9876 eller anna.andersson@gmail.com]",
      );
      r.replace(PAGE, "En familjecentral samlar", "Kontakta per.persson@kommun.se. En familjecentral samlar");
    });

    expect(text).toMatchInlineSnapshot(`
      "content/vagledning/uppdrag/index.md:11:10 fel personuppgift per.persson@kommun.se ser ut som en personlig e-postadress. Webbplatsen är offentlig: använd en funktionsadress, till exempel familjecentralen@kommun.se.
      data/uppfoljning/2024/norrby.yaml:7:19 fel personuppgift länsmål[1].aktiviteter[1]: 19811218-9876 ser ut som ett personnummer. Webbplatsen är offentlig: ta bort det.
      data/uppfoljning/2024/norrby.yaml:7:19 fel personuppgift länsmål[1].aktiviteter[1]: anna.andersson@gmail.com är en adress hos en allmän e-posttjänst och hör därför till en person, inte till verksamheten. Webbplatsen är offentlig: använd en funktionsadress hos kommunen eller regionen, till exempel familjecentralen@kommun.se.
      3 fel och 0 varningar i 11 filer.
      "
    `);
  });

  // The privacy scan skips files with no six digits in a row, no @ and no backslash (docs/validation-speed.md §3):
  // escapes are the one way a value gets characters its file does not show.
  it("finds a personnummer and an address written with escapes in a file that shows neither", () => {
    const { text } = reportAfter((r) => {
      r.replace(
        YEAR,
        "aktiviteter: [Öppen vägning på babycaféet]",
        String.raw`aktiviteter: ["Ring \x31\x39\x38\x31\x31\x32\x31\x38-9876 eller anna.andersson\x40gmail.com"]`,
      );
    });

    expect(text).toMatchInlineSnapshot(`
      "data/uppfoljning/2024/norrby.yaml:7:19 fel personuppgift länsmål[1].aktiviteter[1]: 19811218-9876 ser ut som ett personnummer. Webbplatsen är offentlig: ta bort det.
      data/uppfoljning/2024/norrby.yaml:7:19 fel personuppgift länsmål[1].aktiviteter[1]: anna.andersson@gmail.com är en adress hos en allmän e-posttjänst och hör därför till en person, inte till verksamheten. Webbplatsen är offentlig: använd en funktionsadress hos kommunen eller regionen, till exempel familjecentralen@kommun.se.
      2 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("flags free-mail addresses and name-shaped local parts with digits, and allows functional addresses", () => {
    const { text } = reportAfter((r) => {
      r.replace(
        YEAR,
        "aktiviteter: [Öppen vägning på babycaféet]",
        "aktiviteter: [Skriv till anna.andersson73@gmail.com, fc.norrby@hotmail.se, per.persson1980@kommun.se, familjecentralen@kommun.se eller bvc-norrby@region.se]",
      );
    });

    expect(text).toMatchInlineSnapshot(`
      "data/uppfoljning/2024/norrby.yaml:7:19 fel personuppgift länsmål[1].aktiviteter[1]: anna.andersson73@gmail.com är en adress hos en allmän e-posttjänst och hör därför till en person, inte till verksamheten. Webbplatsen är offentlig: använd en funktionsadress hos kommunen eller regionen, till exempel familjecentralen@kommun.se.
      data/uppfoljning/2024/norrby.yaml:7:58 fel personuppgift länsmål[1].aktiviteter[2]: fc.norrby@hotmail.se är en adress hos en allmän e-posttjänst och hör därför till en person, inte till verksamheten. Webbplatsen är offentlig: använd en funktionsadress hos kommunen eller regionen, till exempel familjecentralen@kommun.se.
      data/uppfoljning/2024/norrby.yaml:7:80 fel personuppgift länsmål[1].aktiviteter[3]: per.persson1980@kommun.se ser ut som en personlig e-postadress. Webbplatsen är offentlig: använd en funktionsadress, till exempel familjecentralen@kommun.se.
      3 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("finds e-mail addresses in linear time, so a 1 MB line cannot stall the check", () => {
    // A figure for the report, not a timed assertion: see tests/adversarial/ for the measured CPU time.
    const hits = findPersonalEmails(`${"a".repeat(1 << 20)} anna.andersson73@gmail.com`);
    expect(hits.map((h) => h.value)).toEqual(["anna.andersson73@gmail.com"]);
  });

  it.each([
    [
      "an unclosed [",
      CENTRE,
      "verksamheter: [barnmorskemottagning, barnavårdscentral, öppen förskola, socialtjänst]",
      "verksamheter: [barnmorskemottagning, barnavårdscentral",
    ],
    ["an impossible date, once", YEAR, "inlämnad: 2025-01-20", "inlämnad: 2021-11-31"],
    ["a decimal comma in a flow mapping", CENTRE, "utgångsläge: { värde: 20, år: 2024 }", "utgångsläge: { värde: 12,5, år: 2024 }"],
    ["a decimal comma in a plain value", CENTRE, "utgångsläge: { värde: 20, år: 2024 }", "utgångsläge:\n      värde: 12,5\n      år: 2024"],
    [
      "three spaces of indentation",
      CENTRE,
      "    mål: Fler föräldrar deltar i föräldragrupper.",
      "   mål: Fler föräldrar deltar i föräldragrupper.",
    ],
    ["a broken front matter, without a follow-on error in lasvagar.yaml", PAGE, "titel: Uppdraget", "titel: [Uppdraget"],
    [
      "measurements after uppföljningsår and twice for one year",
      CENTRE,
      "mätningar: [{ år: 2025, värde: 30 }]",
      "mätningar: [{ år: 2025, värde: 30 }, { år: 2025, värde: 31 }, { år: 2026, värde: 35 }]",
    ],
    ["a target on the wrong side of the baseline", CENTRE, "målvärde: { värde: 40, år: 2025 }", "målvärde: { värde: 10, år: 2025 }"],
  ])("names the real cause of %s", (_name, file, from, to) => {
    const { text } = reportAfter((r) => r.replace(file, from, to));

    expect(text).toMatchSnapshot();
  });

  it("requires every diagram to have an accessible title and description", () => {
    const { text } = reportAfter((r) => {
      r.replace(PAGE, "  accTitle: Testflöde\n  accDescr: Planera leder till uppföljning.\n", "");
    });

    expect(text).toMatchInlineSnapshot(`
      "content/vagledning/uppdrag/index.md:15:1 fel diagram diagrammet saknar beskrivning. Lägg till en rad accDescr: <en eller två meningar om vad diagrammet visar> i mermaid-blocket.
      content/vagledning/uppdrag/index.md:15:1 fel diagram diagrammet saknar titel. Lägg till en rad accTitle: <kort titel> i mermaid-blocket.
      2 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("reports a goal period whose measurements reference the wrong period's goal", () => {
    const { text } = reportAfter((r) => {
      r.replace(PERIOD, "      - id: lattillgangligt-stod", "      - id: lattillgangligt-stod-2");
    });

    expect(text).toMatchInlineSnapshot(`
      "data/uppfoljning/2024/norrby.yaml:6:10 fel referens länsmål[1].mål: Länsmålet ”lattillgangligt-stod” finns inte i målperioden 2024-2025. Menade du ”lattillgangligt-stod-2”?
      1 fel och 0 varningar i 11 filer.
      "
    `);
  });
});
