import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { projectDir, rootAt } from "../paths.ts";
import { closest } from "../validate/closest.ts";
import { validateRoot } from "../validate/index.ts";
import { commentLines, yamlScalar } from "./comments.ts";
import { fieldDescription, schemaLevels } from "./schema-docs.ts";

/** A refusal in Swedish (exit 1): the file would not be valid or would overwrite another. */
export class ScaffoldError extends Error {}

export interface NewCentre {
  id: string;
  namn: string;
  kommun: string;
  typ?: string;
  samlokalisering?: string;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FOUR = ["barnmorskemottagning", "barnavårdscentral", "öppen förskola", "socialtjänst"];

const about = (key: string, indent = ""): string[] => {
  const top = schemaLevels("familjecentral")[0];
  const field = top?.fields.find((f) => f.key === key);
  const head = field ? `${field.title}${field.required ? " (måste finnas)" : ""}: ` : "";
  const values = field?.values ? ` Tillåtna värden: ${field.values.join(", ")}.` : "";
  return commentLines(`${head}${fieldDescription("familjecentral", key)}${values}`, indent);
};

/** The relative path from a centre file to the schema, for the editor line. */
export function schemaLine(fileDir: string): string {
  const rel = relative(fileDir, join(projectDir, "schemas", "familjecentral.schema.json"))
    .split(sep)
    .join("/");
  return `# yaml-language-server: $schema=${rel}`;
}

/**
 * Creates data/familjecentraler/<id>.yaml with guiding comments taken from the schema's Swedish
 * descriptions, and checks that the result validates; refuses an existing id, a bad slug or an
 * unknown municipality.
 */
export function createCentre(rootDir: string, input: NewCentre): string {
  const root = rootAt(rootDir);
  if (!SLUG.test(input.id))
    throw new ScaffoldError(
      `id ”${input.id}” går inte att använda: skriv små bokstäver a–z, siffror och bindestreck, till exempel spanga-tensta.`,
    );
  const dir = join(root.data, "familjecentraler");
  const file = join(dir, `${input.id}.yaml`);
  if (existsSync(file)) throw new ScaffoldError(`det finns redan en familjecentral med id ${input.id} (${relative(process.cwd(), file)}).`);
  if (input.namn.trim().length < 3)
    throw new ScaffoldError("--namn ska vara familjecentralens namn, till exempel ”Familjecentralen Fittja”.");
  const typ = input.typ ?? "familjecentral";
  const samlokalisering = input.samlokalisering ?? "helt";
  if (!["familjecentral", "familjecentralsliknande"].includes(typ))
    throw new ScaffoldError(`--typ ”${typ}” finns inte. Välj familjecentral eller familjecentralsliknande.`);
  if (!["helt", "delvis", "ej"].includes(samlokalisering))
    throw new ScaffoldError(`--samlokalisering ”${samlokalisering}” finns inte. Välj helt, delvis eller ej.`);
  const before = validateRoot(root.dir);
  if (!before.model) throw new ScaffoldError("handbokens filer innehåller redan fel. Kör npm run validate och rätta dem först.");
  const kommuner = before.model.län.kommuner;
  const kommun = kommuner.find((k) => k.id === input.kommun || k.namn.toLowerCase() === input.kommun.toLowerCase());
  if (!kommun) {
    const guess = closest(
      input.kommun,
      kommuner.map((k) => k.id),
    );
    throw new ScaffoldError(
      `kommunen ”${input.kommun}” finns inte i data/lan.yaml.${guess ? ` Menade du ${guess}?` : ""} Kommuner: ${kommuner.map((k) => k.id).join(", ")}.`,
    );
  }

  const lines = [
    schemaLine(dir),
    ...commentLines(`${schemaLevels("familjecentral")[0]?.description ?? ""}`),
    ...commentLines(
      "Rader som börjar med # är förklaringar och påverkar inte uppgifterna. Hur du ändrar filen på GitHub står på handbokens sida Så uppdaterar du er familjecentrals uppgifter (/samordnare/uppdatera/).",
    ),
    "",
    ...about("id"),
    `id: ${input.id}`,
    ...about("namn"),
    `namn: ${yamlScalar(input.namn.trim())}`,
    ...about("kommun"),
    `kommun: ${kommun.id}`,
    ...about("typ"),
    `typ: ${typ}`,
    ...about("samlokalisering"),
    `samlokalisering: ${samlokalisering}  # kontrollera`,
    ...about("verksamheter"),
    // A familjecentralsliknande centre has BVC and at least one municipal operation, but which ones only
    // the coordinator knows: the file says okänd until they list them, never a guess.
    typ === "familjecentral"
      ? `verksamheter: [${FOUR.join(", ")}]`
      : "verksamheter: okänd  # skriv till exempel [barnavårdscentral, öppen förskola]",
    ...about("storlek"),
    "# storlek: stor",
    ...about("källor"),
    "källor: []",
    ...about("kontakt"),
    "# kontakt: { e-post: familjecentralen@kommun.se }",
    ...about("förbättringsarbeten"),
    "# förbättringsarbeten:",
    "#   - id: foraldragrupper",
    "#     mål: Fler föräldrar deltar i föräldragrupper.",
    "#     indikator: { namn: Andel som deltar i föräldragrupp, enhet: procent, riktning: öka }",
    "#     mätningar: []",
    ...commentLines(
      `Uppföljningen år för år ligger i egna filer, data/uppfoljning/<år>/${input.id}.yaml. Fyll i den med formuläret på familjecentralens sida (Rapportera uppföljningen) eller skapa den med: npm run nytt-ar -- --id ${input.id} --ar ÅÅÅÅ`,
    ),
    "",
  ];
  writeFileSync(file, lines.join("\n"));
  const after = validateRoot(root.dir);
  const rel = relative(root.dir, file).split(sep).join("/");
  const problems = after.problems.filter((p) => p.file === rel && p.severity === "fel");
  if (problems.length) {
    rmSync(file);
    throw new ScaffoldError(`den nya filen blev inte giltig: ${problems.map((p) => `rad ${p.line}: ${p.message}`).join(" ")}`);
  }
  return file;
}
