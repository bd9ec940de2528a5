// The year-file validator that scripts/report/bundle.ts generates with ajv's standalone mode at build time.
declare module "virtual:year-validator" {
  import type { ValidateFunction } from "ajv";
  export const validate: ValidateFunction;
}
