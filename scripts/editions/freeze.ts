import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { Document } from "yaml";
import { projectDir, rootAt } from "../paths.ts";
import { validateRoot } from "../validate/index.ts";
import type { Problem } from "../validate/problem.ts";
import { isRealDate, listFilesRelative, sha256File } from "../load/files.ts";
import { editionsDir, loadEditions, type UtgavaMeta } from "./model.ts";

/** A refusal to freeze, in Swedish, with the validation problems when the content was the reason. */
export class FreezeError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

export interface FreezeOptions {
  id: string;
  beslutad: string;
  av: string;
  titel?: string;
  nästaGranskning?: string;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Freezes content/ as edition `id`: copies it to utgavor/<id>/content/ and writes utgava.yaml with a
 * checksum per file, so later changes can be detected. Refuses when the id exists, a date is not a real
 * date or the content does not validate; nothing is written then.
 */
export function freezeEdition(rootDir: string, options: FreezeOptions): { dir: string; files: number; meta: UtgavaMeta } {
  const root = rootAt(rootDir);
  if (!SLUG.test(options.id))
    throw new FreezeError(`utgåvans id ”${options.id}” ska bestå av små bokstäver a–z, siffror och bindestreck, till exempel 2026-1.`);
  const target = join(editionsDir(root.dir), options.id);
  if (existsSync(target))
    throw new FreezeError(`utgåvan ${options.id} finns redan (${target}). Välj ett nytt id; en fryst utgåva ändras inte.`);
  for (const [flag, value] of [
    ["--beslutad", options.beslutad],
    ["--nasta-granskning", options.nästaGranskning],
  ] as const) {
    if (value !== undefined && !isRealDate(value))
      throw new FreezeError(`${flag} ”${value}” är inte ett riktigt datum. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2026-11-17.`);
  }
  if (options.nästaGranskning !== undefined && options.nästaGranskning <= options.beslutad)
    throw new FreezeError(`--nasta-granskning (${options.nästaGranskning}) ska komma efter --beslutad (${options.beslutad}).`);
  if (options.av.trim().length < 2)
    throw new FreezeError(`--av ska säga vem som beslutade utgåvan, till exempel "Länsgemensam styrgrupp".`);
  if (!existsSync(root.content)) throw new FreezeError(`mappen ${root.content} finns inte, så det finns ingen vägledning att frysa.`);

  const result = validateRoot(root.dir);
  const errors = result.problems.filter((p) => p.severity === "fel");
  if (errors.length)
    throw new FreezeError("vägledningen innehåller fel och kan inte frysas som utgåva. Rätta felen och försök igen.", errors);

  const previous = loadEditions(root.dir).at(-1);
  const files = listFilesRelative(root.content, root.dir);
  const kontrollsummor: Record<string, string> = {};
  try {
    for (const fil of files) {
      const dest = join(target, fil);
      mkdirSync(dirname(dest), { recursive: true });
      copyFileSync(join(root.dir, fil), dest);
      kontrollsummor[fil] = sha256File(dest);
    }
    const meta: UtgavaMeta = {
      id: options.id,
      titel: options.titel ?? `Utgåva ${options.id}`,
      beslutad: options.beslutad,
      beslutat_av: options.av.trim(),
      ...(options.nästaGranskning ? { nästa_granskning: options.nästaGranskning } : {}),
      ...(previous ? { föregående: previous.id } : {}),
      kontrollsummor,
      errata: [],
    };
    writeFileSync(join(target, "utgava.yaml"), editionYaml(target, meta));
    return { dir: target, files: files.length, meta };
  } catch (error) {
    rmSync(target, { recursive: true, force: true });
    throw error;
  }
}

/** utgava.yaml text: schema line for the editor, a short explanation, then the fields. */
export function editionYaml(editionDir: string, meta: UtgavaMeta): string {
  const schema = relative(editionDir, join(projectDir, "schemas", "utgava.schema.json"))
    .split(sep)
    .join("/");
  const doc = new Document(meta, { version: "1.2" });
  doc.commentBefore =
    ` Fryst utgåva av vägledningen. Filerna under content/ får inte ändras: valideringen jämför dem med\n` +
    ` kontrollsummorna nedan. En rättelse förs in under errata med filens nya kontrollsumma.`;
  return `# yaml-language-server: $schema=${schema}\n${doc.toString({ lineWidth: 0 })}`;
}
