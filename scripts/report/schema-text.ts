/**
 * The Swedish titles and descriptions of the year-file schema, for comments in generated year files and
 * labels in the report form. Read from the schema itself (bundled as JSON), so the words match what the
 * validator and the editor show. Pure: runs in Node and in the browser bundle.
 */
import schema from "../../schemas/uppfoljning.schema.json" with { type: "json" };

interface Node {
  title?: string;
  description?: string;
  properties?: Record<string, Node>;
  items?: Node;
  minimum?: number;
  maximum?: number;
}

/** The schema node at a key path such as ["samverkansenkät", "faktorer", "tid"]; "[]" steps into list items. */
export function schemaNode(path: readonly string[]): Node | undefined {
  let node: Node | undefined = schema;
  for (const key of path) node = key === "[]" ? node?.items : node?.properties?.[key];
  return node;
}

/** The Swedish description of a field, or "" when the schema has none. */
export function describe(path: readonly string[]): string {
  return schemaNode(path)?.description ?? "";
}

/** The Swedish title of a field, falling back on the key. */
export function titleOf(path: readonly string[]): string {
  return schemaNode(path)?.title ?? path.at(-1) ?? "";
}

/** The schema's own JSON, for the validator that the browser bundle compiles at build time. */
export const YEAR_SCHEMA = schema;
