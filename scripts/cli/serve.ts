import Eleventy from "@11ty/eleventy";
import { resolve } from "node:path";
import { projectDir } from "../paths.ts";
import { validateRoot } from "../validate/index.ts";
import { formatText } from "../validate/report.ts";
import { renderScope, setModel, type RenderScope } from "../site/model-registry.ts";
import { AGGREGATES_TRIGGER, RebuildPlanner, setRenderScope, settleScope } from "../site/dev-scope.ts";
import { BackgroundIndex } from "../site/dev-index.ts";
import { directPages } from "../site/direct-pages.ts";
import type { EleventyConfig } from "../site/eleventy-plugin.ts";
import type { Handbok } from "../model/types.ts";
import { parseArgs, runCli, UsageError } from "./args.ts";

// npm start [-- --root DIR]: validate, build, index, and serve at http://localhost:8080 (PORT overrides),
// rebuilding on every edit. A rebuild with invalid data keeps the last valid data and prints the problems.
// An edit to one centre's files re-renders only the pages that show that centre, and search is re-indexed
// in the background without holding up the reload (docs/dev-server.md).
const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(2).replace(".", ",");

/** The line the server prints after a rebuild; the benchmark and the tests read it. */
function rebuildLine(scope: RenderScope | undefined, pages: number, started: number, editSeen: number): string {
  if (!scope) return `Uppdaterade ${pages} sidor (hela webbplatsen) på ${seconds(started)} s.`;
  const ids = [...scope.centres].join(", ");
  if (scope.part === "own") return `Uppdaterade ${pages} sidor för ${ids} på ${seconds(started)} s.`;
  return `Uppdaterade ${pages} sammanfattande sidor för ${ids} på ${seconds(started)} s (${seconds(editSeen)} s efter ändringen).`;
}

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
  // When the rebuild began, and when the edit it answers was seen (the aggregates follow the own pages).
  let started = performance.now();
  let editSeen = started;
  const planner = new RebuildPlanner(rootDir);
  // Eleventy's watcher entry, known once the first build is done.
  const watcher: { run?: (path: string) => Promise<void> } = {};
  const search = new BackgroundIndex(outDir, (pages) => process.stdout.write(`Sökindex klart: ${pages} sidor.\n`));
  const elev = new Eleventy(resolve(rootDir, "content"), outDir, {
    configPath: resolve(projectDir, ".eleventy.js"),
    quietMode: true,
    config: (eleventyConfig: { on: (event: string, fn: (arg: never) => Promise<void> | void) => void }) => {
      // Which pages the changed files feed (docs/dev-server.md §2). Eleventy passes the changed paths.
      eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
        started = performance.now();
        const scope = planner.plan(changed, valid);
        if (scope?.part !== "aggregates") editSeen = started;
        setRenderScope(scope);
      });
      // Re-validate before each rebuild so the site never shows data the validator would refuse. Files
      // whose text did not change are not parsed again (parse-sources.ts).
      eleventyConfig.on("eleventy.before", () => {
        if (renderScope()?.part === "aggregates") return; // validated for the own pages just before
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
      eleventyConfig.on("eleventy.after", async (event: { results?: unknown[] }) => {
        // First the pages written outside Eleventy (direct-pages.ts, docs/decisions.md §12): the reload, the
        // search index and the next rebuild need the whole site. They are written in this build's scope.
        const direct = await directPages(eleventyConfig as unknown as EleventyConfig).written();
        const scope = renderScope();
        setRenderScope(undefined);
        const aggregatesDue = planner.finished(scope);
        if (scope?.part !== "nothing")
          process.stdout.write(`${rebuildLine(scope, (event.results?.length ?? 0) + direct, started, editSeen)}\n`);
        // The pages that sum up centres are a rebuild of their own, queued now and run by Eleventy's watcher
        // as soon as this one has reloaded the browser (docs/dev-server.md §2).
        if (aggregatesDue) void watcher.run?.(resolve(rootDir, AGGREGATES_TRIGGER));
        // Search is re-indexed in the background once the pages are complete: the reload never waits for it
        // (docs/dev-server.md §3).
        else if (scope?.part !== "nothing") search.refresh();
      });
    },
  });
  await elev.init();
  watcher.run = await elev.watch();
  await elev.serve(port);
  process.stdout.write(`Handboken visas på http://localhost:${port}/\n`);
  return new Promise<number>(() => undefined);
});
