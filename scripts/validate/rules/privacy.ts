import type { PathSegment } from "../../load/yaml.ts";
import type { ParsedSource } from "../parse-sources.ts";
import type { RuleContext } from "./context.ts";

const PERSONNUMMER = /(?<![\d-])(?:19|20)?(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+ ]?(\d{4})(?![\d-])/g;

const SIX_DIGITS = /\d{6}/;

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
  // Every number the pattern takes has six digits in a row (the date); most texts have none, and this
  // test is much cheaper than the full pattern (docs/validation-speed.md §3).
  if (!SIX_DIGITS.test(text)) return out;
  for (const m of text.matchAll(PERSONNUMMER)) {
    if (luhnValid(`${m[1]}${m[2]}${m[3]}${m[4]}`)) out.push({ index: m.index ?? 0, value: m[0] });
  }
  return out;
}

/** Word stems that make an address a functional one (a team, a service), not a person's. */
const FUNCTIONAL =
  /familj|central|info|kontakt|bvc|mvc|bmm|oppen|öppen|forskol|förskol|social|reception|registrator|kansli|samordn|post|admin|kommun|region|noreply|support|webb|styrgrupp|funktion|exempel|utveckling|barn|halsa|hälsa|mottagning|service|rad|råd/iu;

/**
 * Free-mail providers: an address there belongs to a private person by nature, whatever its local part
 * says. Matched on the provider's label in the domain (gmail.com, hotmail.se, yahoo.co.uk).
 */
const FREE_MAIL = new Set([
  "gmail",
  "googlemail",
  "hotmail",
  "outlook",
  "live",
  "msn",
  "windowslive",
  "yahoo",
  "ymail",
  "rocketmail",
  "icloud",
  "me",
  "mac",
  "aol",
  "aim",
  "protonmail",
  "proton",
  "pm",
  "tutanota",
  "tuta",
  "gmx",
  "web",
  "mail",
  "email",
  "inbox",
  "yandex",
  "zoho",
  "fastmail",
  "hey",
  "telia",
  "spray",
  "bredband",
  "bredband2",
  "comhem",
  "tele2",
  "bahnhof",
  "passagen",
  "swipnet",
]);
/** Second-level labels that sit between a provider and its country code (yahoo.co.uk, hotmail.com.br). */
const SECOND_LEVEL = new Set(["co", "com", "org", "net"]);

/** The provider label of a domain: `gmail` for gmail.com, `yahoo` for yahoo.co.uk. */
function providerOf(domain: string): string {
  const labels = domain.toLowerCase().split(".");
  const tldIndex = labels.length - 1;
  let i = tldIndex - 1;
  if (i > 0 && SECOND_LEVEL.has(labels[i] ?? "")) i -= 1;
  return labels[i] ?? "";
}

/** True when the domain belongs to a free-mail provider. */
export function isFreeMail(domain: string): boolean {
  return FREE_MAIL.has(providerOf(domain));
}

/**
 * Personal e-mail addresses look like `fornamn.efternamn@` or `anna.andersson73@`, or sit at a free-mail
 * provider; the site is public, so only functional addresses at an organisation may appear. Heuristic by
 * design: a free-mail domain, or a name-shaped local part (two or three name parts, the last may end in a
 * year or number) with no functional word.
 */
export function isPersonalEmail(address: string): boolean {
  const at = address.lastIndexOf("@");
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (isFreeMail(domain)) return true;
  if (FUNCTIONAL.test(local)) return false;
  const parts = local.split(/[._-]/).filter(Boolean);
  return parts.length >= 2 && parts.length <= 3 && parts.every((p) => /^\p{L}{2,20}\d{0,4}$/u.test(p));
}

/** Characters of an address's local part and domain (RFC 5321 limits: 64 and 255 characters). */
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 255;

/**
 * Every e-mail address in a text, in linear time: each `@` is examined once and the scan around it is
 * bounded by the address length limits. (A single regular expression over the text backtracks
 * quadratically on a long run of letters without an `@`.)
 */
export function findEmails(text: string): { index: number; value: string }[] {
  const out: { index: number; value: string }[] = [];
  let at = text.indexOf("@");
  while (at !== -1) {
    let start = at;
    while (start > 0 && at - start < MAX_LOCAL && LOCAL_CHAR.test(text[start - 1] ?? "")) start--;
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN && DOMAIN_CHAR.test(text[end] ?? "")) end++;
    // Trailing dots and hyphens end the sentence, not the domain.
    while (end > at + 1 && /[.-]/.test(text[end - 1] ?? "")) end--;
    const domain = text.slice(at + 1, end);
    if (start < at && /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u.test(domain)) {
      out.push({ index: start, value: text.slice(start, end) });
    }
    at = text.indexOf("@", at + 1);
  }
  return out;
}

export function findPersonalEmails(text: string): { index: number; value: string }[] {
  return findEmails(text).filter((m) => isPersonalEmail(m.value));
}

/**
 * Visits every text with its key path. The path is one array, extended and shortened as the walk goes: a
 * visitor that keeps it must copy it. (A new array per value cost more than the checks at national scale,
 * where hardly any text has a hit; docs/validation-speed.md §3.)
 */
function walkStrings(value: unknown, path: PathSegment[], visit: (text: string, path: PathSegment[]) => void): void {
  if (typeof value === "string") visit(value, path);
  else if (Array.isArray(value))
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walkStrings(value[i], path, visit);
      path.pop();
    }
  else if (value && typeof value === "object")
    for (const k of Object.keys(value)) {
      path.push(k);
      walkStrings((value as Record<string, unknown>)[k], path, visit);
      path.pop();
    }
}

const PNR_MESSAGE = (v: string): string => `${v} ser ut som ett personnummer. Webbplatsen är offentlig: ta bort det.`;
const EMAIL_MESSAGE = (v: string): string =>
  isFreeMail(v.slice(v.lastIndexOf("@") + 1))
    ? `${v} är en adress hos en allmän e-posttjänst och hör därför till en person, inte till verksamheten. Webbplatsen är offentlig: använd en funktionsadress hos kommunen eller regionen, till exempel familjecentralen@kommun.se.`
    : `${v} ser ut som en personlig e-postadress. Webbplatsen är offentlig: använd en funktionsadress, till exempel familjecentralen@kommun.se.`;

function scan(ctx: RuleContext, file: ParsedSource): void {
  // A hit needs six digits in a row or an @ in a value. Without a backslash escape, every character of a
  // value stands in the file as written (folding only turns line breaks into spaces), so a file with none
  // of the three has nothing to find: most year files (docs/validation-speed.md §3).
  if (!SIX_DIGITS.test(file.text) && !file.text.includes("@") && !file.text.includes("\\")) return;
  // The same two cheap tests per value before the searches, which allocate their result lists: a centre
  // file has an address, so all 400 are walked, and hardly any of their 100 values has either
  // (docs/validation-speed.md §8). Each search finds nothing without its test's match.
  walkStrings(file.data, [], (text, path) => {
    if (SIX_DIGITS.test(text))
      for (const hit of findPersonnummer(text)) ctx.reporter.at(file, [...path], "personuppgift", PNR_MESSAGE(hit.value));
    if (text.includes("@"))
      for (const hit of findPersonalEmails(text)) ctx.reporter.at(file, [...path], "personuppgift", EMAIL_MESSAGE(hit.value));
  });
  // Line by line only when the body could hold a hit at all (the same two cheap tests as above).
  const body = file.body ?? "";
  if (!SIX_DIGITS.test(body) && !body.includes("@")) return;
  body.split("\n").forEach((line, i) => {
    const at = (file.bodyLine ?? 1) + i;
    for (const hit of findPersonnummer(line)) ctx.reporter.file(file.rel, "personuppgift", PNR_MESSAGE(hit.value), at, hit.index + 1);
    for (const hit of findPersonalEmails(line)) ctx.reporter.file(file.rel, "personuppgift", EMAIL_MESSAGE(hit.value), at, hit.index + 1);
  });
}

/** No personal identity numbers or personal e-mail addresses anywhere, schema-valid or not. */
export function checkPrivacy(ctx: RuleContext): void {
  for (const file of ctx.all) scan(ctx, file);
}
