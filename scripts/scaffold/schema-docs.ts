import { schemaJson, type SchemaKind } from "../validate/schemas.ts";

type Json = Record<string, unknown>;

/** One field as a coordinator sees it: key, Swedish title and description, allowed values, required. */
export interface FieldDoc {
  key: string;
  title: string;
  description: string;
  type: string;
  required: boolean;
  values?: string[];
}

/** One level of a file: the top, or a nested object such as uppföljning[] or uppföljning[].länsmål[]. */
export interface LevelDoc {
  /** Key path in YAML terms, e.g. "uppföljning[].länsmål[]"; "" for the top level. */
  path: string;
  title: string;
  description: string;
  fields: FieldDoc[];
}

const str = (v: unknown, fallback: string): string => (typeof v === "string" ? v : fallback);
const isObj = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** Follows $ref into definitioner.schema.json (or the same file) and merges allOf, keeping the outer title. */
function resolve(node: Json, own: Json): Json {
  let out: Json = { ...node };
  const ref = typeof node.$ref === "string" ? node.$ref : undefined;
  if (ref) {
    const [file, pointer = ""] = ref.split("#");
    const base = file ? schemaJson(file.replace(".schema.json", "") as SchemaKind) : own;
    const walk = (from: unknown): unknown =>
      pointer
        .split("/")
        .filter(Boolean)
        .reduce<unknown>((t, part) => (isObj(t) ? t[decodeURIComponent(part)] : undefined), from);
    // A "#/definitions/…" ref inside a definition reached from another file points into definitioner.
    const target = walk(base) ?? walk(schemaJson("definitioner"));
    if (isObj(target)) out = { ...resolve(target, file ? base : own), ...withoutRef(node) };
  }
  for (const part of Array.isArray(node.allOf) ? (node.allOf as unknown[]) : []) {
    if (isObj(part)) {
      const r = resolve(part, own);
      out = { ...r, ...out, title: node.title ?? r.title, description: node.description ?? r.description };
    }
  }
  delete out.allOf;
  return out;
}

const withoutRef = (node: Json): Json => {
  const copy = { ...node };
  delete copy.$ref;
  return copy;
};

function typeOf(node: Json): string {
  if (Array.isArray(node.enum)) return "ett av värdena";
  if (Array.isArray(node.oneOf))
    return (node.oneOf as Json[]).some((b) => b.const !== undefined) ? "lista eller okänd" : "värde eller null";
  const t = node.type;
  if (t === "array") return "lista";
  if (t === "object") return "avsnitt";
  if (t === "integer") return "heltal";
  if (t === "number") return "tal";
  if (t === "boolean") return "ja/nej (true/false)";
  if (node.format === "date") return "datum ÅÅÅÅ-MM-DD";
  return "text";
}

function valuesOf(node: Json): string[] | undefined {
  if (Array.isArray(node.enum)) return node.enum.map(String);
  const items = isObj(node.items) ? node.items : undefined;
  if (items && Array.isArray(items.enum)) return items.enum.map(String);
  return undefined;
}

/** Every level of a schema with its fields' Swedish titles and descriptions, walking $ref and allOf. */
export function schemaLevels(kind: SchemaKind): LevelDoc[] {
  const own = schemaJson(kind);
  const levels: LevelDoc[] = [];
  const visit = (raw: Json, path: string): void => {
    const node = resolve(raw, own);
    const props = isObj(node.properties) ? node.properties : undefined;
    if (!props) return;
    const required = new Set(Array.isArray(node.required) ? node.required.map(String) : []);
    const fields: FieldDoc[] = [];
    const nested: [Json, string][] = [];
    for (const [key, value] of Object.entries(props)) {
      if (!isObj(value)) continue;
      const field = resolve(value, own);
      const values = valuesOf(field);
      fields.push({
        key,
        title: str(field.title, key),
        description: str(field.description, ""),
        type: typeOf(field),
        required: required.has(key),
        ...(values ? { values } : {}),
      });
      const sub = path ? `${path}.${key}` : key;
      if (isObj(field.properties)) nested.push([field, sub]);
      const items = isObj(field.items) ? resolve(field.items, own) : undefined;
      if (items && isObj(items.properties)) nested.push([{ ...items, title: field.title, description: field.description }, `${sub}[]`]);
    }
    levels.push({ path, title: str(node.title, path), description: str(node.description, ""), fields });
    for (const [child, sub] of nested) visit(child, sub);
  };
  visit(own, "");
  return levels;
}

/** The Swedish description of one field path such as "uppföljning[].årsberättelse", for YAML comments. */
export function fieldDescription(kind: SchemaKind, path: string): string {
  const cut = path.lastIndexOf(".");
  const [parent, key] = cut < 0 ? ["", path] : [path.slice(0, cut), path.slice(cut + 1)];
  const field = schemaLevels(kind)
    .find((l) => l.path === parent)
    ?.fields.find((f) => f.key === key);
  return field?.description ?? "";
}
