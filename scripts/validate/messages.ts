import type { ErrorObject } from "ajv";
import { closest } from "./closest.ts";
import type { PathSegment } from "../load/yaml.ts";

// Messages about reading files belong to the load layer, which reports them before validation runs; they are
// re-exported so every Swedish message can still be found from here (docs/decisions.md §9).
export { fileKindMessages, yamlMessages } from "../load/messages.ts";

/** A schema failure in Swedish, still tied to the path of the value it concerns. */
export interface SchemaMessage {
  path: PathSegment[];
  /** Point at the key rather than the value (unknown keys). */
  at: "key" | "value";
  rule: string;
  message: string;
}

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** Splits ajv's JSON pointer into keys and array indexes. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Renders a key path the way a coordinator reads the file.
 * @example keyPath(["förbättringsarbeten", 0, "målvärde"]) // "förbättringsarbeten[1].målvärde"
 */
export function keyPath(path: PathSegment[]): string {
  let out = "";
  for (const s of path) out += typeof s === "number" ? `[${s + 1}]` : out === "" ? s : `.${s}`;
  return out === "" ? "(filen)" : out;
}

/** Explains why a YYYY-MM-DD string that looks like a date is not one. */
export function explainDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return `”${value}” är inte skrivet som ett datum. Skriv ÅÅÅÅ-MM-DD, till exempel 2025-01-24.`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `${value} är inget riktigt datum: månaden ${m[2]} finns inte. Skriv ÅÅÅÅ-MM-DD.`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${value} är inget riktigt datum: ${MONTHS[month - 1]} ${year} har ${days} dagar. Skriv ett datum som finns, till exempel ${m[1]}-${m[2]}-${String(Math.min(day, days)).padStart(2, "0")}.`;
}

function show(value: unknown): string {
  if (typeof value === "string") return `”${value}”`;
  if (value === null) return "null (tomt)";
  if (Array.isArray(value)) return "en lista";
  if (typeof value === "object") return "ett avsnitt med nycklar";
  return typeof value === "number" || typeof value === "boolean" ? String(value) : "inget värde";
}

const TYPE_NAMES: Record<string, string> = {
  string: "en text",
  number: "ett tal",
  integer: "ett heltal",
  boolean: "true eller false",
  array: "en lista",
  object: "ett avsnitt med nycklar",
  null: "null",
};

function valueAt(data: unknown, path: PathSegment[]): unknown {
  let node = data;
  for (const s of path) node = node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[s] : undefined;
  return node;
}

/** What a oneOf/anyOf accepts, in the words of the message: a date or null, or a list or okänd. */
function unionHint(schema: unknown): string {
  const branches = ((schema as { oneOf?: unknown[]; anyOf?: unknown[] } | undefined)?.oneOf ??
    (schema as { anyOf?: unknown[] } | undefined)?.anyOf ??
    []) as Record<string, unknown>[];
  const parts = branches.map((b) => {
    if (typeof b.const === "string") return b.const;
    if (b.type === "null") return "null";
    if (b.type === "array") return "en lista";
    return "ett datum ÅÅÅÅ-MM-DD";
  });
  if (parts.length === 0) return "Skriv ett datum ÅÅÅÅ-MM-DD eller null.";
  return `Skriv ${parts.slice(0, -1).join(", ")}${parts.length > 1 ? " eller " : ""}${parts[parts.length - 1] ?? ""}.`;
}

/** Turns one ajv error into a Swedish message that names the key, what is wrong and how to fix it. */
function describe(error: ErrorObject, data: unknown): SchemaMessage | undefined {
  const path = pointerToPath(error.instancePath);
  const where = keyPath(path);
  const value = valueAt(data, path);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { path, at: "value", rule: "saknas", message: `${where}: fältet ”${String(p.missingProperty)}” saknas. Lägg till det.` };
    case "additionalProperties": {
      const key = String(p.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      // `{ värde: 12,5, år: 2026 }`: in a flow mapping the comma ends the value, so "5" becomes a key.
      if (/^\d+$/.test(key)) {
        const whole = (value as Record<string, unknown> | undefined)?.värde;
        const example = typeof whole === "number" && Number.isInteger(whole) ? `${whole}.${key}` : `12.${key}`;
        return {
          path,
          at: "value",
          rule: "decimalkomma",
          message: `${keyPath(path)}: ”${key}” ser ut som decimalerna i ett tal skrivet med decimalkomma. I YAML skiljer kommat fälten åt; skriv talet med decimalpunkt, ${example}.`,
        };
      }
      const meant = closest(key, known);
      // The yearly follow-up moved out of the centre file (docs/uppfoljning.md); say where it went.
      const moved =
        key === "uppföljning" && path.length === 0 && known.includes("förbättringsarbeten")
          ? "Uppföljningen ligger i en egen fil per år, data/uppfoljning/<år>/<id>.yaml: flytta varje år dit (npm run nytt-ar skapar filerna) eller använd formuläret på familjecentralens sida."
          : undefined;
      const hint = moved ?? (meant ? `Menade du ”${meant}”?` : `Tillåtna fält här: ${known.join(", ")}.`);
      return {
        path: [...path, key],
        at: "key",
        rule: "okänt-fält",
        message: `${keyPath([...path, key])}: fältet ”${key}” finns inte i formatet. ${hint}`,
      };
    }
    case "type": {
      const expected = String(p.type)
        .split(",")
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(" eller ");
      const comma = typeof value === "string" && /^-?\d+,\d+$/.test(value.trim()) && /number|integer/.test(String(p.type));
      const hint = comma ? ` Skriv talet med decimalpunkt, ${value.trim().replace(",", ".")}.` : "";
      return { path, at: "value", rule: "typ", message: `${where}: ska vara ${expected}, men är ${show(value)}.${hint}` };
    }
    case "enum": {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const meant = typeof value === "string" ? closest(value, allowed) : undefined;
      const hint = meant ? ` Menade du ”${meant}”?` : "";
      return {
        path,
        at: "value",
        rule: "värde",
        message: `${where}: ${show(value)} är inte ett tillåtet värde.${hint} Tillåtna: ${allowed.join(", ")}.`,
      };
    }
    case "format":
      if (p.format === "date") return { path, at: "value", rule: "datum", message: `${where}: ${explainDate(String(value))}` };
      if (p.format === "email")
        return { path, at: "value", rule: "e-post", message: `${where}: ${show(value)} är ingen giltig e-postadress.` };
      return { path, at: "value", rule: "format", message: `${where}: ${show(value)} har fel format.` };
    case "pattern": {
      const key = path[path.length - 1];
      if (String(p.pattern).startsWith("^[a-z0-9]+")) {
        return {
          path,
          at: "value",
          rule: "id",
          message: `${where}: ${show(value)} är inget giltigt id. Använd bara små bokstäver a–z utan å, ä och ö, siffror och bindestreck, till exempel upplands-vasby.`,
        };
      }
      if (String(p.pattern).startsWith("^https://"))
        return { path, at: "value", rule: "format", message: `${where}: adressen ska börja med https://.` };
      if (key === "årsberättelse")
        return { path, at: "value", rule: "format", message: `${where}: skriv fristen som MM-DD inom citattecken, till exempel "01-31".` };
      return { path, at: "value", rule: "format", message: `${where}: ${show(value)} har fel format. Skriv till exempel 2027-2028.` };
    }
    case "minimum":
    case "maximum": {
      const schema = error.parentSchema as { minimum?: number; maximum?: number } | undefined;
      const range =
        schema?.minimum !== undefined && schema.maximum !== undefined
          ? `mellan ${schema.minimum} och ${schema.maximum}`
          : error.keyword === "minimum"
            ? `minst ${String(p.limit)}`
            : `högst ${String(p.limit)}`;
      return {
        path,
        at: "value",
        rule: "intervall",
        message: `${where}: ${show(value)} ligger utanför det tillåtna. Värdet ska vara ${range}.`,
      };
    }
    case "minLength":
      return { path, at: "value", rule: "för-kort", message: `${where}: texten är för kort. Skriv minst ${String(p.limit)} tecken.` };
    case "minItems":
      return {
        path,
        at: "value",
        rule: "tom-lista",
        message: `${where}: listan ska ha minst ${String(p.limit)} ${p.limit === 1 ? "post" : "poster"}.`,
      };
    case "uniqueItems":
      return {
        path,
        at: "value",
        rule: "dubblett",
        message: `${where}: samma värde står två gånger i listan (post ${Number(p.j) + 1} och ${Number(p.i) + 1}). Ta bort den ena.`,
      };
    case "oneOf":
    case "anyOf":
      return {
        path,
        at: "value",
        rule: "typ",
        message: `${where}: ${show(value)} är inte tillåtet här. ${unionHint(error.parentSchema)}`,
      };
    default:
      return { path, at: "value", rule: "schema", message: `${where}: värdet följer inte formatet (${error.keyword}).` };
  }
}

/**
 * Turns ajv's errors into one Swedish message per problem. Errors from the branches of a oneOf are
 * dropped in favour of the oneOf's own message, and allOf wrappers add nothing of their own.
 */
export function schemaMessages(errors: ErrorObject[], data: unknown): SchemaMessage[] {
  const unionPaths = new Set(errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf").map((e) => e.instancePath));
  const out: (SchemaMessage & { union: boolean })[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === "allOf" || error.keyword === "if") continue;
    if (
      error.keyword !== "oneOf" &&
      error.keyword !== "anyOf" &&
      unionPaths.has(error.instancePath) &&
      /\/(oneOf|anyOf)\//.test(error.schemaPath)
    )
      continue;
    // A list that failed inside one branch of a union gets the branch's precise message, not the union's.
    if ((error.keyword === "oneOf" || error.keyword === "anyOf") && errors.some((e) => e.instancePath.startsWith(`${error.instancePath}/`)))
      continue;
    const message = describe(error, data);
    if (!message) continue;
    const key = `${message.rule}|${message.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...message, union: error.keyword === "oneOf" || error.keyword === "anyOf" });
  }
  // A oneOf's general message adds nothing when a branch already says exactly what is wrong at the same
  // place (2021-11-31: "inget riktigt datum" rather than also "inte tillåtet här").
  const specific = new Set(out.filter((m) => !m.union).map((m) => keyPath(m.path)));
  return out.filter((m) => !m.union || !specific.has(keyPath(m.path))).map(({ union: _union, ...m }) => m);
}

/** Messages for failures while the site is built (templates), in the `fil:rad:kolumn fel regel text` shape. */
export const buildErrorMessages = {
  template: (file: string, line: number, col: number, detail: string): string =>
    `${file}:${line}:${col} fel mall mallen kunde inte byggas på rad ${line}${detail ? ` (Nunjucks: ”${detail}”)` : ""}. Rätta mallen på den raden, till exempel ett ofullständigt {{ … }} eller {% … %}, och bygg igen.`,
  templateNoLine: (file: string, detail: string): string =>
    `${file}:1:1 fel mall mallen kunde inte byggas${detail ? ` (”${detail}”)` : ""}. Kontrollera mallen och de filter den använder, och bygg igen.`,
};

/** Messages for the rules over a centre's improvement work (rules/improvement-work.ts). */
export const improvementMessages = {
  afterFollowUpYear: (year: number, nowYear: number): string =>
    `mätningen gäller ${year}, men länets uppföljningsår är ${nowYear} (lan.yaml). Ett senare år kan inte vara mätt än: rätta året eller vänta tills uppföljningsåret har flyttats fram.`,
  duplicateYear: (year: number, first: number): string =>
    `det finns redan en mätning för ${year} (mätning ${first}). Varje år ska ha en mätning: ta bort den ena eller rätta året.`,
  targetAgainstDirection: (target: number, baseline: number, riktning: "öka" | "minska"): string =>
    riktning === "öka"
      ? `målvärdet ${formatSv(target)} är lägre än utgångsläget ${formatSv(baseline)}, fast indikatorn ska öka. Kontrollera målvärdet, eller ändra riktning till minska om ett lägre värde är bättre.`
      : `målvärdet ${formatSv(target)} är högre än utgångsläget ${formatSv(baseline)}, fast indikatorn ska minska. Kontrollera målvärdet, eller ändra riktning till öka om ett högre värde är bättre.`,
};

/** 12.5 → "12,5": numbers in messages are written the Swedish way. */
function formatSv(value: number): string {
  return String(value).replace(".", ",");
}
