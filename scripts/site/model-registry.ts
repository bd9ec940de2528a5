import { resolve } from "node:path";
import type { Handbok } from "../model/types.ts";
import { validateRoot } from "../validate/index.ts";

// The build validates before Eleventy starts; Eleventy's config then reads the same model from here.
// In watch mode the model is re-read whenever data changes (see refreshModel).
let model: Handbok | undefined;

export function currentRoot(): string {
  return resolve(process.env.FC_ROOT ?? ".");
}

export function setModel(next: Handbok): void {
  model = next;
}

/** The validated model; validates on first use when Eleventy was started without the build script. */
export function currentModel(): Handbok {
  if (!model) {
    const result = validateRoot(currentRoot());
    if (!result.model) throw new Error("Handbokens filer innehåller fel. Kör npm run validate för att se dem.");
    model = result.model;
  }
  return model;
}
