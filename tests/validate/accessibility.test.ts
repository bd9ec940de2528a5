import { afterEach, describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { projectDir } from "../../scripts/paths.ts";
import { validateRoot } from "../../scripts/validate/index.ts";
import { formatText } from "../../scripts/validate/report.ts";
import { tempRoot, type TempRoot } from "../support/fixture-root.ts";

// The accessibility statement's facts (docs/publishing.md §8): a real county must give them before it
// publishes; a preview only warns; a fictional county may leave them out.

const LAN = "data/lan.yaml";
const ADDRESS = "webbplats: https://testlanet.exempel.se/\n";
const FACTS = `tillgänglighet:
  e-post: tillganglighet@exempel.se
  bedömning:
    datum: 2025-11-20
    metod: Självskattning med automatiska tester av alla sidor.
  brister:
    - { rubrik: Diagram, beskrivning: Diagrammen ritas med JavaScript. }
`;
const PUBLISHING = { FC_WEBBPLATS: "https://testlanet.exempel.se/" };

let root: TempRoot | undefined;
afterEach(() => root?.remove());

function validate(change: (r: TempRoot) => void, env: NodeJS.ProcessEnv = {}): { text: string; valid: boolean } {
  root = tempRoot();
  change(root);
  const result = validateRoot(root.dir, { env });
  return { text: formatText(result.problems, result.fileCount), valid: result.model !== undefined };
}

const real = (r: TempRoot): void => r.replace(LAN, "fiktivt: true", "fiktivt: false");
const withoutAddress = (r: TempRoot): void => r.replace(LAN, ADDRESS, "");

describe("the accessibility statement's facts in lan.yaml", () => {
  it("refuses a real county without them when it has a site address, naming file, line and field", () => {
    const { text, valid } = validate(real);

    expect(valid).toBe(false);
    expect(text).toMatchInlineSnapshot(`
      "data/lan.yaml:4:1 fel tillgänglighet tillgänglighet.bedömning: saknas. Handboken byggs för publicering, med adressen från webbplats: i data/lan.yaml, och länet är inte fiktivt. Då måste tillgänglighetsredogörelsen ange när och hur webbplatsen bedömdes (bedömning med datum och metod). Lägg till fältet i data/lan.yaml. Hitta aldrig på en uppgift: bygg utan webbplatsadress för en förhandsvisning tills den finns.
      data/lan.yaml:4:1 fel tillgänglighet tillgänglighet.brister: saknas. Handboken byggs för publicering, med adressen från webbplats: i data/lan.yaml, och länet är inte fiktivt. Då måste tillgänglighetsredogörelsen ange de kända bristerna (brister, en lista; en tom lista säger att inga brister är kända). Lägg till fältet i data/lan.yaml. Hitta aldrig på en uppgift: bygg utan webbplatsadress för en förhandsvisning tills den finns.
      data/lan.yaml:4:1 fel tillgänglighet tillgänglighet.e-post: saknas. Handboken byggs för publicering, med adressen från webbplats: i data/lan.yaml, och länet är inte fiktivt. Då måste tillgänglighetsredogörelsen ange en e-postadress för synpunkter (en funktionsadress som någon läser, till exempel tillganglighet@region.se). Lägg till fältet i data/lan.yaml. Hitta aldrig på en uppgift: bygg utan webbplatsadress för en förhandsvisning tills den finns.
      3 fel och 0 varningar i 11 filer.
      "
    `);
  });

  it("refuses it too when the address comes from FC_WEBBPLATS (the Pages workflow) or --webbplats", () => {
    const { text, valid } = validate((r) => {
      real(r);
      withoutAddress(r);
    }, PUBLISHING);

    expect(valid).toBe(false);
    expect(text).toContain(
      "fel tillgänglighet tillgänglighet.e-post: saknas. Handboken byggs för publicering, med adressen från miljövariabeln FC_WEBBPLATS",
    );
    expect(text).toContain("3 fel och 0 varningar");
  });

  it("only warns for a real county built without a site address, so a preview still builds", () => {
    const { text, valid } = validate((r) => {
      real(r);
      withoutAddress(r);
    });

    expect(valid).toBe(true);
    expect(text).toContain(
      "data/lan.yaml:4:1 varning tillgänglighet tillgänglighet.e-post: saknas. Tillgänglighetsredogörelsen säger då att uppgiften inte är angiven. Innan handboken publiceras (med en webbplatsadress) måste data/lan.yaml ange en e-postadress för synpunkter",
    );
    expect(text).toContain("0 fel och 3 varningar");
  });

  it("points at the block and names only the missing field when the rest is given", () => {
    const { text } = validate((r) => {
      real(r);
      r.replace(LAN, "kommuner:", FACTS.replace("  e-post: tillganglighet@exempel.se\n", "") + "kommuner:");
    }, PUBLISHING);

    expect(text).toMatch(/^data\/lan\.yaml:10:1 fel tillgänglighet tillgänglighet\.e-post: saknas\./m);
    expect(text).toContain("1 fel och 0 varningar");
  });

  it("accepts a real county that gives every fact, and an empty list of gaps", () => {
    expect(validate((r) => (real(r), r.replace(LAN, "kommuner:", `${FACTS}kommuner:`)), PUBLISHING).text).toBe("Inga fel i 11 filer.\n");
    const noGaps = FACTS.replace(/ {2}brister:\n.*\n/, "  brister: []\n");
    expect(validate((r) => (real(r), r.replace(LAN, "kommuner:", `${noGaps}kommuner:`)), PUBLISHING).text).toBe("Inga fel i 11 filer.\n");
  });

  it("lets a fictional county leave the facts out, with or without an address", () => {
    expect(validate(() => undefined, PUBLISHING).text).toBe("Inga fel i 11 filer.\n");
    expect(validate(withoutAddress).text).toBe("Inga fel i 11 filer.\n");
  });

  it("refuses a personal or free-mail address for feedback like any other address", () => {
    const { text } = validate((r) => {
      real(r);
      r.replace(LAN, "kommuner:", FACTS.replace("tillganglighet@exempel.se", "anna.andersson@gmail.com") + "kommuner:");
    }, PUBLISHING);

    expect(text).toMatch(
      /data\/lan\.yaml:\d+:\d+ fel personuppgift tillgänglighet\.e-post: anna\.andersson@gmail\.com är en adress hos en allmän e-posttjänst/,
    );
  });

  it("the bundled Stockholm handbook: a warning for its missing feedback address, an error when it is published", () => {
    const bundled = resolve(projectDir);
    const preview = validateRoot(bundled, { env: {} });
    const published = validateRoot(bundled, { env: PUBLISHING });

    expect(preview.model).toBeDefined();
    expect(preview.problems.map((p) => `${p.file} ${p.severity} ${/^\S+: saknas\./.exec(p.message)?.[0] ?? p.message}`)).toEqual([
      "data/lan.yaml varning tillgänglighet.e-post: saknas.",
    ]);
    expect(published.model).toBeUndefined();
    expect(published.problems.map((p) => `${p.file} ${p.severity} ${/^\S+: saknas\./.exec(p.message)?.[0] ?? p.message}`)).toEqual([
      "data/lan.yaml fel tillgänglighet.e-post: saknas.",
    ]);
  });

  it("the example county gives every fact, so it builds for publication", () => {
    expect(validateRoot(resolve(projectDir, "examples/exempellan"), { env: PUBLISHING }).problems).toEqual([]);
  });
});
