import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from "yaml";
import { rootAt } from "../paths.ts";
import { validateRoot } from "../validate/index.ts";
import { commentLines } from "./comments.ts";
import { fieldDescription } from "./schema-docs.ts";
import { ScaffoldError } from "./centre.ts";

const YEAR = /^\d{4}$/;

/** The follow-up year entry as YAML lines at `dash` indentation, with commented guidance. */
function yearBlock(year: number, dash: string, goals: { id: string; namn: string }[], periodId?: string): string[] {
  const inner = `${dash}  `;
  const d = (path: string): string => fieldDescription("familjecentral", `uppföljning[].${path}`);
  const lines = [
    `${dash}- år: ${year}`,
    ...commentLines(
      `Årsberättelse: ${d("årsberättelse")} Skriv datumet när den lämnats in, till exempel inlämnad: ${year + 1}-01-25.`,
      inner,
    ),
    `${inner}årsberättelse: { inlämnad: null }`,
    ...commentLines(`Besöksenkät: ${d("besöksenkät")} Bara år med enkät, till exempel besöksenkät: { antal_svar: 104 }.`, inner),
    ...commentLines(`Samverkansenkät: ${d("samverkansenkät")}`, inner),
    ...commentLines(`Länsmål: ${d("länsmål")}`, inner),
  ];
  if (!goals.length) {
    lines.push(...commentLines(`Ingen målperiod i data/mal/ omfattar ${year}, så det finns inga länsmål att följa upp.`, inner));
    lines.push(`${inner}länsmål: []`);
    return lines;
  }
  lines.push(...commentLines(`Målen i period ${periodId ?? ""}. Skriv era aktiviteter och mätvärden under varje mål.`, inner));
  lines.push(`${inner}länsmål:`);
  for (const goal of goals) {
    lines.push(`${inner}  - mål: ${goal.id}  # ${goal.namn}`, `${inner}    aktiviteter: []`, `${inner}    mätningar: []`);
  }
  return lines;
}

/**
 * Adds a follow-up year to a centre file without touching anything already in it: the new entry is
 * inserted as text right after the last existing year (or appended as a new uppföljning section), so
 * every comment, blank line and layout choice the coordinator made stays byte for byte.
 */
export function addYear(rootDir: string, id: string, yearText: string): { file: string; inserted: string } {
  const root = rootAt(rootDir);
  if (!YEAR.test(yearText)) throw new ScaffoldError(`--ar ”${yearText}” ska vara ett årtal med fyra siffror, till exempel 2026.`);
  const year = Number(yearText);
  const file = join(root.data, "familjecentraler", `${id}.yaml`);
  if (!existsSync(file))
    throw new ScaffoldError(`det finns ingen familjecentral med id ${id} (filen ${relative(process.cwd(), file)} saknas).`);
  const validated = validateRoot(root.dir);
  if (!validated.model) throw new ScaffoldError("handbokens filer innehåller fel. Kör npm run validate och rätta dem först.");
  const centre = validated.model.familjecentraler.find((c) => c.id === id);
  if (!centre) throw new ScaffoldError(`familjecentralen ${id} kunde inte läsas.`);
  if ((centre.uppföljning ?? []).some((u) => u.år === year))
    throw new ScaffoldError(`${relative(process.cwd(), file)} har redan uppföljningsåret ${year}. Ändra det befintliga året i stället.`);
  const period = validated.model.perioder.find((p) => p.startår <= year && year <= p.slutår);
  const goals = period?.fokusområden.flatMap((f) => f.mål.map((m) => ({ id: m.id, namn: m.namn }))) ?? [];

  const text = readFileSync(file, "utf8");
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const pair = isMap(doc.contents)
    ? (doc.contents.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && p.key.value === "uppföljning")
    : undefined;
  const seq = pair?.value;
  let updated: string;
  let inserted: string;
  if (seq && isSeq(seq) && !seq.flow && seq.items.length) {
    // Insert after the line where the last existing year ends; use the existing dash indentation.
    const firstItem = seq.items[0] as Node;
    const firstLineStart = text.lastIndexOf("\n", firstItem.range?.[0] ?? 0) + 1;
    const dash = /^ */.exec(text.slice(firstLineStart))?.[0] ?? "";
    const end = (seq.items.at(-1) as Node).range?.[1] ?? text.length;
    const lineEnd = text.indexOf("\n", end - 1);
    const at = lineEnd < 0 ? text.length : lineEnd + 1;
    const prefix = at === text.length && !text.endsWith("\n") ? eol : "";
    inserted = prefix + yearBlock(year, dash, goals, period?.id).join(eol) + eol;
    updated = text.slice(0, at) + inserted + text.slice(at);
  } else if (!pair) {
    const prefix = text.endsWith("\n") ? "" : eol;
    inserted = prefix + ["uppföljning:", ...yearBlock(year, "  ", goals, period?.id)].join(eol) + eol;
    updated = text + inserted;
  } else {
    throw new ScaffoldError(
      `${relative(process.cwd(), file)}: uppföljning är skriven på en rad (till exempel uppföljning: []). Skriv den som en lista med ett år per post och försök igen.`,
    );
  }
  writeFileSync(file, updated);
  const rel = relative(root.dir, file).split(sep).join("/");
  const problems = validateRoot(root.dir).problems.filter((p) => p.file === rel && p.severity === "fel");
  if (problems.length) {
    writeFileSync(file, text);
    throw new ScaffoldError(`året kunde inte läggas till utan fel: ${problems.map((p) => `rad ${p.line}: ${p.message}`).join(" ")}`);
  }
  return { file, inserted };
}
