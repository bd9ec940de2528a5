import { positionOf, type PathSegment } from "../../load/yaml.ts";
import { siteAddressSource } from "../../load/publishing.ts";
import { keyPath } from "../messages.ts";
import type { RuleContext } from "./context.ts";

// The accessibility statement (/tillganglighet/) is built from lan.yaml alone and never shows a
// placeholder. A real county's statement needs a feedback address, the assessment's date and method and
// the known gaps; a fictional county may leave them out (its pages say it is invented anyway). The
// refusal applies only to a build for publication, one with a site address: the bundled Stockholm
// handbook has no known functional address, and nobody may invent one, yet it must still build for
// previews and tests. See docs/publishing.md §8.

interface Required {
  path: PathSegment[];
  what: string;
  present: (t: NonNullable<NonNullable<RuleContext["lan"]>["data"]["tillgänglighet"]>) => boolean;
}

const REQUIRED: Required[] = [
  {
    path: ["tillgänglighet", "e-post"],
    what: "en e-postadress för synpunkter (en funktionsadress som någon läser, till exempel tillganglighet@region.se)",
    present: (t) => Boolean(t["e-post"]),
  },
  {
    path: ["tillgänglighet", "bedömning"],
    what: "när och hur webbplatsen bedömdes (bedömning med datum och metod)",
    present: (t) => Boolean(t.bedömning),
  },
  {
    path: ["tillgänglighet", "brister"],
    what: "de kända bristerna (brister, en lista; en tom lista säger att inga brister är kända)",
    present: (t) => Array.isArray(t.brister),
  },
];

/** Options of the rule: the environment that says whether this run has a site address. */
export interface AccessibilityOptions {
  env?: NodeJS.ProcessEnv;
}

export function checkAccessibilityStatement(ctx: RuleContext, options: AccessibilityOptions = {}): void {
  if (!ctx.lan || ctx.lan.data.fiktivt) return;
  const { file, data } = ctx.lan;
  const facts = data.tillgänglighet ?? {};
  const source = siteAddressSource(data.webbplats, options.env ?? process.env);
  for (const req of REQUIRED) {
    if (req.present(facts)) continue;
    // Point at the missing field's block if it exists, else at fiktivt: false, the reason it is required.
    const anchor: PathSegment[] = data.tillgänglighet ? ["tillgänglighet"] : ["fiktivt"];
    const { line, col } = positionOf(file.yaml, anchor, "key");
    const field = keyPath(req.path);
    const message = source
      ? `${field}: saknas. Handboken byggs för publicering, med adressen från ${source}, och länet är inte fiktivt. Då måste tillgänglighetsredogörelsen ange ${req.what}. Lägg till fältet i data/lan.yaml. Hitta aldrig på en uppgift: bygg utan webbplatsadress för en förhandsvisning tills den finns.`
      : `${field}: saknas. Tillgänglighetsredogörelsen säger då att uppgiften inte är angiven. Innan handboken publiceras (med en webbplatsadress) måste data/lan.yaml ange ${req.what}.`;
    ctx.reporter.file(file.rel, "tillgänglighet", message, line, col, source ? "fel" : "varning");
  }
}
