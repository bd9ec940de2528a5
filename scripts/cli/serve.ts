import Eleventy from "@11ty/eleventy";
import { resolve } from "node:path";
import { projectDir } from "../paths.ts";
import { validateRoot } from "../validate/index.ts";
import { formatText } from "../validate/report.ts";
import { renderScope, setModel } from "../site/model-registry.ts";
import { scopeForChanges, setRenderScope, settleScope } from "../site/dev-scope.ts";
import { BackgroundIndex } from "../site/dev-index.ts";
import type { Handbok } from "../model/types.ts";
import { parseArgs, runCli, UsageError } from "./args.ts";

// npm start [-- --root DIR]: validate, build, index, and serve at http://localhost:8080 (PORT overrides),
// rebuilding on every edit. A rebuild with invalid data keeps the last valid data and prints the problems.
// An edit to one centre's files re-renders only the pages that show that centre, and search is re-indexed
// in the background without holding up the reload (docs/dev-server.md).
await runCli("start", async () => {
  const { flags } = parseArgs(process.argv.slice(2), { values: ["root", "out"] });
  const rootDir = resolve(String(flags.get("root") ?? "."));
  const outDir = resolve(String(flags.get("out") ?? "_site"));
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port <= 0) throw new UsageError(`PORT ska vara ett portnummer, inte ”${process.env.PORT}”.`);
  process.env.FC_ROOT = rootDir;
  const first = validateRoot(rootDir);
  if (!first.model) {
    process.stderr.write(formatText(first.problems, first.fileCount));
    process.stderr.write("Rätta felen ovan och starta igen.\n");
    return 1;
  }
  setModel(first.model);
  let valid: Handbok = first.model;
  let started = performance.now();
  const search = new BackgroundIndex(outDir, (pages) => process.stdout.write(`Sökindex klart: ${pages} sidor.\n`));
  const elev = new Eleventy(resolve(rootDir, "content"), outDir, {
    configPath: resolve(projectDir, ".eleventy.js"),
    quietMode: true,
    config: (eleventyConfig: { on: (event: string, fn: (arg: never) => Promise<void> | void) => void }) => {
      // Which pages the changed files feed (docs/dev-server.md §2). Eleventy passes the changed paths.
      eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
        started = performance.now();
        setRenderScope(scopeForChanges(rootDir, changed, valid));
        process.stderr.write(`DEBUG queue ${JSON.stringify(changed)} scope ${JSON.stringify([...(renderScope()?.centres ?? [])])}\n`);
      });
      // Re-validate before each rebuild so the site never shows data the validator would refuse. Files
      // whose text did not change are not parsed again (parse-sources.ts).
      eleventyConfig.on("eleventy.before", () => {
        const result = validateRoot(rootDir);
        if (result.problems.length) process.stderr.write(formatText(result.problems, result.fileCount));
        // Throwing here would make Eleventy print a stack trace; instead the rebuild keeps the last valid
        // model and renders nothing new, so the served site stays as it was until the file is fixed.
        setRenderScope(settleScope(renderScope(), result.model));
        if (!result.model) {
          process.stderr.write("Rätta felen ovan: webbplatsen visar de senaste giltiga uppgifterna tills dess.\n");
          return;
        }
        valid = result.model;
        setModel(result.model);
      });
      eleventyConfig.on("eleventy.after", (event: { results?: unknown[] }) => {
        const scope = renderScope();
        setRenderScope(undefined);
        if (scope?.nothing) return;
        const seconds = ((performance.now() - started) / 1000).toFixed(2).replace(".", ",");
        const what = scope ? `${[...scope.centres].join(", ")} och sammanställningarna` : "hela webbplatsen";
        process.stdout.write(`Uppdaterade ${event.results?.length ?? 0} sidor (${what}) på ${seconds} s.\n`);
        // Search is re-indexed in the background: the reload never waits for it (docs/dev-server.md §3).
        search.refresh();
      });
    },
  });
  await elev.init();
  await elev.watch();
  await elev.serve(port);
  process.stdout.write(`Handboken visas på http://localhost:${port}/\n`);
  return new Promise<number>(() => undefined);
});
