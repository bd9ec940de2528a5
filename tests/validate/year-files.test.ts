import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { progressModel } from "../../scripts/progress/model.ts";
import { validateRoot } from "../../scripts/validate/index.ts";
import { formatText } from "../../scripts/validate/report.ts";
import { tempRoot, type TempRoot } from "../support/fixture-root.ts";

const projectDir = resolve(import.meta.dirname, "../..");
const HEADER = "# yaml-language-server: $schema=../../../../../../schemas/uppfoljning.schema.json\n";

let root: TempRoot | undefined;
const dirs: string[] = [];
afterEach(() => {
  root?.remove();
  root = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Writes a year file into a copy of the minimal root and returns the validator's text report. */
function withYearFile(rel: string, body: string, change?: (r: TempRoot) => void): string {
  root = tempRoot();
  mkdirSync(join(root.dir, rel, ".."), { recursive: true });
  root.write(rel, HEADER + body);
  change?.(root);
  const result = validateRoot(root.dir);
  return formatText(result.problems, result.fileCount);
}

describe("year files (data/uppfoljning/<år>/<id>.yaml)", () => {
  it("accepts the year before a period as its baseline year and uses the value as the centre's own baseline", () => {
    root = tempRoot();
    mkdirSync(join(root.dir, "data/uppfoljning/2023"));
    root.write(
      "data/uppfoljning/2023/norrby.yaml",
      `${HEADER}familjecentral: norrby\når: 2023\nårsberättelse: { inlämnad: 2024-01-15 }\nlänsmål:\n  - mål: lattillgangligt-stod\n    mätningar: [{ indikator: forstagangsforaldrar-of, värde: 33 }]\n`,
    );
    const result = validateRoot(root.dir);

    expect(result.problems).toEqual([]);
    const goal = progressModel(result.model!).centres[0]?.goals.find((g) => g.indicator.id === "forstagangsforaldrar-of");
    expect(goal?.baseline).toEqual({ year: 2023, value: 33 });
    expect(goal?.baselineSource).toBe("egen mätning");
  });

  it("gives a year with no goal period a working report: annual report, surveys and improvement works", () => {
    const factors =
      "    tid: 4\n    lokaler: 4\n    ledningens_stöd: 4\n    kollegornas_engagemang: 4\n    samsyn: 4\n    kunskap_om_uppdrag: 4\n    besökarnas_inflytande: 4\n    gemensam_kompetensutveckling: 4\n    flöde_mellan_verksamheter: 4\n";
    const text = withYearFile(
      "data/uppfoljning/2021/norrby.yaml",
      `familjecentral: norrby\når: 2021\nårsberättelse: { inlämnad: 2022-01-20 }\nbesöksenkät: { antal_svar: 60 }\nsamverkansenkät:\n  faktorer:\n${factors}`,
    );

    expect(text).toContain("Inga fel");
  });

  it("adds this year's improvement-work values to the work's measurements in the model", () => {
    root = tempRoot();
    mkdirSync(join(root.dir, "data/uppfoljning/2025"));
    root.replace("data/familjecentraler/norrby.yaml", "mätningar: [{ år: 2025, värde: 30 }]", "mätningar: []");
    root.write(
      "data/uppfoljning/2025/norrby.yaml",
      `${HEADER}familjecentral: norrby\når: 2025\nårsberättelse: { inlämnad: null }\nförbättringsarbeten:\n  - { id: foraldragrupper, värde: 30 }\n`,
    );
    const result = validateRoot(root.dir);

    expect(result.problems).toEqual([]);
    const centre = result.model?.familjecentraler[0];
    expect(centre?.förbättringsarbeten?.[0]?.mätningar).toEqual([{ år: 2025, värde: 30 }]);
    expect(centre?.uppföljning?.map((u) => [u.år, u.fil])).toEqual([
      [2024, "data/uppfoljning/2024/norrby.yaml"],
      [2025, "data/uppfoljning/2025/norrby.yaml"],
    ]);
  });

  it("reports wrong centre and year, duplicates, scales and impossible values with file, line and field", () => {
    const text = withYearFile(
      "data/uppfoljning/2025/norrby.yaml",
      [
        "familjecentral: norby",
        "år: 2025",
        "årsberättelse: { inlämnad: 2024-12-30 }",
        "länsmål:",
        "  - mål: lattillgangligt-stod",
        "    mätningar:",
        "      - { indikator: forstagangsforaldrar-of, värde: 120 }",
        "      - { indikator: forstagangsforaldrar-of, värde: 40 }",
        "  - mål: lattillgangligt-stod",
        "förbättringsarbeten:",
        "  - { id: foraldragrupper, värde: 35 }",
        "",
      ].join("\n"),
    );

    expect(text).toMatchInlineSnapshot(`
      "data/uppfoljning/2025/norrby.yaml:2:17 fel id familjecentral: ”norby” stämmer inte med filens namn. Ändra till ”norrby” eller byt namn på filen till norby.yaml.
      data/uppfoljning/2025/norrby.yaml:2:17 fel referens familjecentral: Familjecentralen ”norby” finns inte i data/familjecentraler/. Menade du ”norrby”?
      data/uppfoljning/2025/norrby.yaml:4:28 fel ordning årsberättelse.inlämnad: årsberättelsen för 2025 kan inte ha lämnats in 2024-12-30, före året den handlar om.
      data/uppfoljning/2025/norrby.yaml:8:54 fel intervall länsmål[1].mätningar[1].värde: 120 är ingen möjlig procentsats. Ange ett värde mellan 0 och 100.
      data/uppfoljning/2025/norrby.yaml:9:22 fel dubblett länsmål[1].mätningar[2].indikator: indikatorn ”forstagangsforaldrar-of” har redan ett värde i mätning 1. Ett år har ett värde per indikator: ta bort det ena.
      data/uppfoljning/2025/norrby.yaml:10:10 fel dubblett länsmål[2].mål: Länsmålet ”lattillgangligt-stod” står redan i post 1. Skriv allt om ett mål i en och samma post.
      6 fel och 0 varningar i 12 filer.
      "
    `);
  });

  it("explains an impossible date in one message", () => {
    const text = withYearFile(
      "data/uppfoljning/2025/norrby.yaml",
      "familjecentral: norrby\når: 2025\nårsberättelse: { inlämnad: 2026-02-30 }\n",
    );

    expect(text).toContain("årsberättelse.inlämnad: 2026-02-30 är inget riktigt datum: februari 2026 har 28 dagar.");
    expect(text).toContain("1 fel och 0 varningar");
  });

  it("reports a measurement that the centre file already has for the same year, and a file outside a year folder", () => {
    const text = withYearFile(
      "data/uppfoljning/2025/norrby.yaml",
      "familjecentral: norrby\når: 2025\nårsberättelse: { inlämnad: null }\nförbättringsarbeten:\n  - { id: foraldragrupper, värde: 35 }\n",
      (r) => {
        mkdirSync(join(r.dir, "data/uppfoljning/senaste"));
        r.write("data/uppfoljning/senaste/norrby.yaml", `${HEADER}familjecentral: norrby\når: 2024\nårsberättelse: { inlämnad: null }\n`);
      },
    );

    expect(text).toMatchInlineSnapshot(`
      "data/uppfoljning/2025/norrby.yaml:6:11 fel dubblett förbättringsarbeten[1].id: data/familjecentraler/norrby.yaml har redan en mätning 2025 för förbättringsarbetet ”foraldragrupper”. Ta bort den ena, så att året har ett enda värde.
      data/uppfoljning/senaste/norrby.yaml:2:1 fel plats filen ska ligga i en mapp som heter som året, alltså data/uppfoljning/2024/norrby.yaml. Flytta den dit.
      data/uppfoljning/senaste/norrby.yaml:2:17 fel dubblett familjecentral: data/uppfoljning/2024/norrby.yaml har redan uppföljningen 2024 för ”norrby”. En familjecentral har en fil per år: slå ihop dem.
      3 fel och 0 varningar i 13 filer.
      "
    `);
  });
});

describe("a centre file that still has the old uppföljning list", () => {
  it("says where the yearly follow-up went", () => {
    root = tempRoot();
    root.write("data/familjecentraler/norrby.yaml", `${root.read("data/familjecentraler/norrby.yaml")}uppföljning:\n  - år: 2025\n`);
    const text = formatText(validateRoot(root.dir).problems, 11);

    expect(text).toContain(
      "uppföljning: fältet ”uppföljning” finns inte i formatet. Uppföljningen ligger i en egen fil per år, data/uppfoljning/<år>/<id>.yaml",
    );
  });
});

describe("the bundled county (Stockholms län) can report its uppföljningsår 2026", () => {
  it("accepts 2026 values for the 2027–2028 goals as the baseline year", () => {
    const dir = mkdtempSync(join(tmpdir(), "fc-sthlm-"));
    dirs.push(dir);
    for (const part of ["content", "data", "utgavor"]) cpSync(join(projectDir, part), join(dir, part), { recursive: true });
    mkdirSync(join(dir, "data/uppfoljning/2026"), { recursive: true });
    writeFileSync(
      join(dir, "data/uppfoljning/2026/fittja.yaml"),
      "# yaml-language-server: $schema=../../../schemas/uppfoljning.schema.json\nfamiljecentral: fittja\når: 2026\nårsberättelse: { inlämnad: 2027-01-25 }\nlänsmål:\n  - mål: lattillgangligt-stod\n    aktiviteter: [Öppen vägning på babycaféet]\n    mätningar: [{ indikator: forstagangsforaldrar-of, värde: 48 }]\n",
    );
    const result = validateRoot(dir);

    expect(result.problems.filter((p) => p.file.startsWith("data/uppfoljning"))).toEqual([]);
    const fittja = progressModel(result.model!).centres.find((c) => c.centre.id === "fittja");
    const goal = fittja?.goals.find((g) => g.periodId === "2027-2028" && g.indicator.id === "forstagangsforaldrar-of");
    expect(goal?.baseline).toEqual({ year: 2026, value: 48 });
    expect(fittja?.years.find((y) => y.year === 2026)?.submitted).toBe("2027-01-25");
  });
});
