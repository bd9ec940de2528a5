// js-yaml 4 ships no type declarations; this is the part the YAML loader's fast path uses.
declare module "js-yaml" {
  export interface Schema {
    readonly __brand: "js-yaml schema";
  }
  export const CORE_SCHEMA: Schema;
  export function load(text: string, options?: { schema?: Schema; filename?: string; json?: boolean }): unknown;
}
