import { resolve } from "node:path";
import type { Handbok } from "../model/types.ts";
import { validateRoot } from "../validate/index.ts";

// The build validates before Eleventy starts; Eleventy's config then reads the same model from here.
// In watch mode the dev server sets a new model before each rebuild (scripts/cli/serve.ts), and with it
// the render scope: which centres' pages that rebuild renders (docs/dev-server.md).
let model: Handbok | undefined;

/** The pages a dev-server rebuild renders; undefined renders every page (docs/dev-server.md §2). */
export interface RenderScope {
  /** The centres whose files changed. */
  centres: ReadonlySet<string>;
  /**
   * "own": those centres' own pages; "aggregates": the pages that sum up centres (rendered whole, right
   * after "own"); "nothing": the edit made the data invalid, so the last valid pages stay.
   */
  part: "own" | "aggregates" | "nothing";
}

let scope: RenderScope | undefined;

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

export function setRenderScope(next: RenderScope | undefined): void {
  scope = next;
}

export function renderScope(): RenderScope | undefined {
  return scope;
}
