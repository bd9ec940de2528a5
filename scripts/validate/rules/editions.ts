import { existsSync } from "node:fs";
import { join } from "node:path";
import { displayPath, type Root } from "../../paths.ts";
import { parseSource, type Reporter } from "../parse-sources.ts";
import { editionFolders, editionsDir, expectedChecksum, type UtgavaMeta } from "../../load/editions.ts";
import { listFilesRelative, sha256File } from "../../load/files.ts";

const erratumHint = (metaRel: string, fil: string, sum: string): string =>
  `Ångra ändringen, eller för in den som rättelse i ${metaRel} under errata: ` +
  `- { datum: ÅÅÅÅ-MM-DD, fil: ${fil}, beskrivning: vad som rättades, kontrollsumma: ${sum} }`;

/**
 * Validates the frozen editions under utgavor/: utgava.yaml against its schema, every archived page's
 * front matter against the page schema, and every file against its recorded checksum. A frozen edition
 * is immutable; a change is accepted only when an erratum in utgava.yaml records the file's new checksum.
 */
export function checkEditions(root: Root, reporter: Reporter): void {
  const folders = editionFolders(root.dir);
  const ids = new Set(folders);
  for (const name of folders) {
    const dir = join(editionsDir(root.dir), name);
    const metaAbs = join(dir, "utgava.yaml");
    const metaRel = displayPath(root, metaAbs);
    if (!existsSync(metaAbs)) {
      reporter.file(
        metaRel,
        "utgåva",
        `filen saknas, så utgåvan ${name} kan inte kontrolleras. Skapa utgåvor med npm run utgava -- <id> --beslutad ÅÅÅÅ-MM-DD --av "…".`,
      );
      continue;
    }
    const meta = parseSource(root, { abs: metaAbs, kind: "utgava" }, reporter);
    if (!meta?.valid) continue;
    const data = meta.data as UtgavaMeta;
    if (data.id !== name) reporter.at(meta, ["id"], "utgåva", `ska vara samma som mappens namn (${name}), inte ”${data.id}”.`);
    if (data.föregående !== undefined && !ids.has(data.föregående))
      reporter.at(meta, ["föregående"], "referens", `utgåvan ”${data.föregående}” finns inte i utgavor/. Finns: ${[...ids].join(", ")}.`);
    (data.errata ?? []).forEach((e, i) => {
      if (data.kontrollsummor[e.fil] === undefined)
        reporter.at(meta, ["errata", i, "fil"], "utgåva", `filen ${e.fil} hör inte till utgåvan (den saknas under kontrollsummor).`);
    });

    const present = listFilesRelative(join(dir, "content"), dir);
    for (const fil of present) {
      const abs = join(dir, fil);
      const rel = displayPath(root, abs);
      const expected = expectedChecksum(data, fil);
      const actual = sha256File(abs);
      if (expected === undefined) {
        reporter.file(
          rel,
          "utgåva",
          `filen har lagts till i den frysta utgåvan ${name} i efterhand. En fryst utgåva får inte ändras: ta bort filen, eller lägg nya sidor i content/.`,
        );
      } else if (expected !== actual) {
        reporter.file(
          rel,
          "utgåva",
          `filen har ändrats sedan utgåvan ${name} frystes (kontrollsumman stämmer inte med ${metaRel}). En fryst utgåva får inte ändras. ${erratumHint(metaRel, fil, actual)}`,
        );
      }
      if (fil.endsWith(".md")) parseSource(root, { abs, kind: "sida" }, reporter);
    }
    const presentSet = new Set(present);
    for (const fil of Object.keys(data.kontrollsummor))
      if (!presentSet.has(fil))
        reporter.at(
          meta,
          ["kontrollsummor", fil],
          "utgåva",
          `filen saknas i utgåvan ${name}. En fryst utgåva får inte ändras: återställ filen från git (git checkout -- ${displayPath(root, join(dir, fil))}).`,
          { at: "key" },
        );
  }
}
