import { createHash } from "node:crypto";
import { join } from "node:path";
import { readText } from "../load/read-text.ts";
import { parseYaml } from "../load/yaml.ts";
import { parseFrontMatter } from "../load/front-matter.ts";
import { pageUrl } from "../model/build-model.ts";
import type { Sidhuvud } from "../model/types.ts";
import { listFilesRelative } from "../load/files.ts";
import { editionFolders, editionsDir, type UtgavaMeta } from "../load/editions.ts";

// The on-disk layout lives in load/ (shared with the validator); re-exported for the editions feature.
export { editionFolders, editionsDir, expectedChecksum, type Erratum, type UtgavaMeta } from "../load/editions.ts";

/** A guidance page as it was frozen in an edition. */
export interface ArkivSida extends Sidhuvud {
  /** Path under the edition folder, e.g. content/vagledning/uppdrag/index.md. */
  fil: string;
  /** The page's path inside its edition, e.g. /vagledning/uppdrag/ (the current site's shape). */
  sökväg: string;
  /** Where the archived page is built, e.g. /utgava/2024/vagledning/uppdrag/. */
  url: string;
  body: string;
  /** SHA-256 of the Markdown body (front matter excluded), to tell whether the text changed. */
  innehåll: string;
}

export interface Utgava extends UtgavaMeta {
  /** Absolute folder of the edition. */
  dir: string;
  sidor: ArkivSida[];
}

/** Site URL of a page inside an archived edition. */
export const archivedUrl = (editionId: string, path: string): string => `/utgava/${editionId}${path}`;

/** Where an edition's "Hela vägledningen" is built, or undefined when it has no guidance pages to hold. */
export function wholeGuidanceUrl(edition: Utgava): string | undefined {
  const pages = edition.sidor.filter((p) => p.sökväg.startsWith("/vagledning/"));
  // A frozen page of its own at that path wins, as a written page does in the current guidance.
  if (pages.length === 0 || pages.some((p) => p.sökväg === "/vagledning/hela/")) return undefined;
  return `/utgava/${edition.id}/vagledning/hela/`;
}

function trimBlanksEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === " " || line[end - 1] === "\t")) end--;
  return line.slice(0, end);
}

/** Fingerprint of a page's text: the body with line endings and trailing space normalised. */
export function bodyFingerprint(body: string): string {
  // Trailing blanks are cut per line without a regular expression: /[ \t]+$/gm is quadratic on a long
  // run of blanks followed by text.
  const normal = body.replace(/\r\n/g, "\n").split("\n").map(trimBlanksEnd).join("\n").trim();
  return sha256Text(normal);
}

const sha256Text = (text: string): string => createHash("sha256").update(text).digest("hex");

/** Oldest first: by decision date, then id, so "the newest edition" is the last one. */
export function sortEditions<T extends { beslutad: string; id: string }>(editions: T[]): T[] {
  return [...editions].sort((a, b) => a.beslutad.localeCompare(b.beslutad) || a.id.localeCompare(b.id));
}

/**
 * Reads every edition that parses, leniently: validation (check.ts) reports what is wrong; the site and
 * the change summary only need what can be read. Pages without a usable front matter id are skipped.
 */
export function loadEditions(rootDir: string): Utgava[] {
  const editions: Utgava[] = [];
  for (const name of editionFolders(rootDir)) {
    const dir = join(editionsDir(rootDir), name);
    const read = readText(join(dir, "utgava.yaml"));
    if (!read.ok) continue;
    const parsed = parseYaml(read.text);
    if (!parsed.ok || parsed.data === null || typeof parsed.data !== "object") continue;
    const meta = parsed.data as UtgavaMeta;
    if (typeof meta.id !== "string" || typeof meta.beslutad !== "string") continue;
    editions.push({ ...meta, kontrollsummor: meta.kontrollsummor ?? {}, dir, sidor: loadPages(dir, meta.id) });
  }
  return sortEditions(editions);
}

function loadPages(dir: string, editionId: string): ArkivSida[] {
  const pages: ArkivSida[] = [];
  for (const fil of listFilesRelative(join(dir, "content"), dir).filter((f) => f.endsWith(".md"))) {
    const read = readText(join(dir, fil));
    if (!read.ok) continue;
    const fm = parseFrontMatter(read.text);
    if (!fm.ok) continue;
    const data = fm.data as Partial<Sidhuvud>;
    if (typeof data.id !== "string" || typeof data.titel !== "string") continue;
    const sökväg = pageUrl(fil);
    pages.push({
      ...(data as Sidhuvud),
      fil,
      sökväg,
      url: archivedUrl(editionId, sökväg),
      body: fm.body,
      innehåll: bodyFingerprint(fm.body),
    });
  }
  return pages.sort((a, b) => a.sökväg.localeCompare(b.sökväg, "sv"));
}
