// Builds a content root with Eleventy directly, skipping the validator's and the build's file checks, to
// show that Eleventy's own settings never run or publish a template, data file or HTML from a content root.
// Usage: node --import tsx tests/adversarial/bypass-build.ts <root> <payload-dir> <out>
// The root is validated first (the site needs its model); then the payload files are copied over it, as if
// the validator had been bypassed, and Eleventy builds it.
import { cpSync } from "node:fs";
import { validateRoot } from "../../scripts/validate/index.ts";
import { setModel } from "../../scripts/site/model-registry.ts";
import { runEleventyUnchecked } from "../../scripts/site/run-eleventy.ts";

const [root, payload, out] = process.argv.slice(2) as [string, string, string];
const result = validateRoot(root);
if (!result.model) throw new Error("the root does not validate before the payload is added");
setModel(result.model);
cpSync(payload, root, { recursive: true, verbatimSymlinks: true });
await runEleventyUnchecked(root, out);
