import type { PathSegment } from "../../load/yaml.ts";
import type { ParsedSource } from "../parse-sources.ts";
import type { RuleContext } from "./context.ts";

const PERSONNUMMER = /(?<![\d-])(?:19|20)?(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+ ]?(\d{4})(?![\d-])/g;

/** Luhn check over the ten last digits, so that order numbers and dates are not mistaken for people. */
function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Finds Swedish personal identity numbers (personnummer or samordningsnummer) in a text. */
export function findPersonnummer(text: string): { index: number; value: string }[] {
  const out: { index: number; value: string }[] = [];
  for (const m of text.matchAll(PERSONNUMMER)) {
    if (luhnValid(`${m[1]}${m[2]}${m[3]}${m[4]}`)) out.push({ index: m.index ?? 0, value: m[0] });
  }
  return out;
}

const EMAIL = /[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[a-z]{2,}/giu;
/** Word stems that make an address a functional one (a team, a service), not a person's. */
const FUNCTIONAL =
  /familj|central|info|kontakt|bvc|mvc|bmm|oppen|öppen|forskol|förskol|social|reception|registrator|kansli|samordn|post|admin|kommun|region|noreply|support|webb|styrgrupp|funktion|exempel|utveckling|barn|halsa|hälsa|mottagning|service|rad|råd/iu;

/**
 * Personal e-mail addresses look like `fornamn.efternamn@`; the site is public, so only
 * functional addresses may appear. Heuristic by design: a name-shaped local part with no functional word.
 */
export function isPersonalEmail(address: string): boolean {
  const local = address.split("@")[0] ?? "";
  if (FUNCTIONAL.test(local)) return false;
  const parts = local.split(/[._-]/).filter(Boolean);
  return parts.length >= 2 && parts.length <= 3 && parts.every((p) => /^\p{L}{2,20}$/u.test(p));
}

export function findPersonalEmails(text: string): { index: number; value: string }[] {
  return [...text.matchAll(EMAIL)].filter((m) => isPersonalEmail(m[0])).map((m) => ({ index: m.index ?? 0, value: m[0] }));
}

function walkStrings(value: unknown, path: PathSegment[], visit: (text: string, path: PathSegment[]) => void): void {
  if (typeof value === "string") visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, [...path, i], visit));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walkStrings(v, [...path, k], visit);
}

const PNR_MESSAGE = (v: string): string => `${v} ser ut som ett personnummer. Webbplatsen är offentlig: ta bort det.`;
const EMAIL_MESSAGE = (v: string): string =>
  `${v} ser ut som en personlig e-postadress. Webbplatsen är offentlig: använd en funktionsadress, till exempel familjecentralen@kommun.se.`;

function scan(ctx: RuleContext, file: ParsedSource): void {
  walkStrings(file.data, [], (text, path) => {
    for (const hit of findPersonnummer(text)) ctx.reporter.at(file, path, "personuppgift", PNR_MESSAGE(hit.value));
    for (const hit of findPersonalEmails(text)) ctx.reporter.at(file, path, "personuppgift", EMAIL_MESSAGE(hit.value));
  });
  (file.body ?? "").split("\n").forEach((line, i) => {
    const at = (file.bodyLine ?? 1) + i;
    for (const hit of findPersonnummer(line)) ctx.reporter.file(file.rel, "personuppgift", PNR_MESSAGE(hit.value), at, hit.index + 1);
    for (const hit of findPersonalEmails(line)) ctx.reporter.file(file.rel, "personuppgift", EMAIL_MESSAGE(hit.value), at, hit.index + 1);
  });
}

/** No personal identity numbers or personal e-mail addresses anywhere, schema-valid or not. */
export function checkPrivacy(ctx: RuleContext): void {
  for (const file of ctx.all) scan(ctx, file);
}
