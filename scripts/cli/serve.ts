import Eleventy from "@11ty/eleventy";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { projectDir } from "../paths.ts";
import { validateRoot } from "../validate/index.ts";
import { formatText } from "../validate/report.ts";
import { renderScope, setModel, type RenderScope } from "../site/model-registry.ts";
import { scopeForChanges, setRenderScope, settleScope } from "../site/dev-scope.ts";
import { BackgroundIndex } from "../site/dev-index.ts";
import { directPages } from "../site/direct-pages.ts";
import { DevOutputs } from "../site/dev-outputs.ts";
import { followAddedAndDeleted } from "../site/dev-watch.ts";
import type { EleventyConfig } from "../site/eleventy-plugin.ts";
import type { Handbok } from "../model/types.ts";
import { parseArgs, runCli, UsageError } from "./args.ts";
import { unsafeOutput } from "./output-swap.ts";

// npm start [-- --root DIR]: validate, build, index, and serve at http://localhost:8080 (PORT overrides),
// rebuilding on every edit. A rebuild with invalid data keeps the last valid data and prints the problems.
// An edit to one centre's files re-renders only the pages that show that centre, and search is re-indexed
// in the background without holding up the reload (docs/dev-server.md).
const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(2).replace(".", ",");
/** The process's CPU time since `since` (main thread and V8's helper threads): a figure the machine's load does not inflate. */
const cpuSeconds = (since: NodeJS.CpuUsage): string => {
  const used = process.cpuUsage(since);
  return ((used.user + used.system) / 1e6).toFixed(2).replace(".", ",");
};

/**
 * The line the server prints after a rebuild or part of one; the benchmark and the tests read it. `started`
 * is when this part began, `editSeen` when the edit it answers was seen.
 */
function rebuildLine(scope: RenderScope | undefined, pages: number, started: number, editSeen: number, cpu?: NodeJS.CpuUsage): string {
  if (!scope) return `Uppdaterade ${pages} sidor (hela webbplatsen) på ${seconds(started)} s.`;
  const ids = [...scope.centres].join(", ");
  if (scope.part === "own")
    return `Uppdaterade ${pages} sidor för ${ids} på ${seconds(started)} s${cpu ? ` (processortid ${cpuSeconds(cpu)} s)` : ""}.`;
  return `Uppdaterade ${pages} sammanfattande sidor för ${ids} på ${seconds(started)} s (${seconds(editSeen)} s efter ändringen).`;
}

/** Eleventy's dev server, which Eleventy itself only reloads after its own runs. */
interface Reloader {
  reload(event: { files: string[]; build: { templates: unknown[] } }): Promise<void>;
}

/** The output files of Eleventy's results (a template with `permalink: false` has none). */
function resultPaths(results: readonly { outputPath?: unknown }[] | undefined): string[] {
  return (results ?? []).flatMap((r) => (typeof r.outputPath === "string" ? [r.outputPath] : []));
}

await runCli("start", async () => {
  const { flags } = parseArgs(process.argv.slice(2), { values: ["root", "out"] });
  const rootDir = resolve(String(flags.get("root") ?? "."));
  const outDir = resolve(String(flags.get("out") ?? "_site"));
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port <= 0) throw new UsageError(`PORT ska vara ett portnummer, inte ”${process.env.PORT}”.`);
  const unsafe = unsafeOutput(outDir, [rootDir, projectDir]);
  if (unsafe) throw new UsageError(unsafe);
  process.env.FC_ROOT = rootDir;
  const first = validateRoot(rootDir);
  if (!first.model) {
    process.stderr.write(formatText(first.problems, first.fileCount));
    process.stderr.write("Rätta felen ovan och starta igen.\n");
    return 1;
  }
  setModel(first.model);
  // The server starts from an empty output folder, as `npm run build` replaces it: a page whose source was
  // deleted while no server ran would otherwise be served and found by search (docs/dev-server.md §5).
  rmSync(outDir, { recursive: true, force: true });
  let valid: Handbok = first.model;
  // Whether the data was validated for the Eleventy run about to start: at start-up, and in the first part
  // of a centre's rebuild (docs/dev-server.md §2), the run that follows needs no second validation.
  let validated = true;
  // When the edit was seen, and when the current part of its rebuild began.
  let editSeen = performance.now();
  let started = editSeen;
  // The pages the rebuilds wrote: a whole rebuild removes those it no longer writes (docs/dev-server.md §5).
  const outputs = new DevOutputs(outDir);
  const search = new BackgroundIndex(outDir, (pages) => process.stdout.write(`Sökindex klart: ${pages} sidor.\n`));

  /**
   * Validates again, so the site never shows data the validator would refuse; files whose text did not
   * change are not parsed again (parse-sources.ts). Invalid data is printed in Swedish and gives undefined:
   * the last valid model stays and nothing new is rendered. Throwing would make Eleventy print a stack trace.
   */
  const revalidate = (): Handbok | undefined => {
    const result = validateRoot(rootDir);
    if (result.problems.length) process.stderr.write(formatText(result.problems, result.fileCount));
    if (!result.model) {
      process.stderr.write("Rätta felen ovan: webbplatsen visar de senaste giltiga uppgifterna tills dess.\n");
      return undefined;
    }
    valid = result.model;
    setModel(result.model);
    return result.model;
  };

  const elev = new Eleventy(resolve(rootDir, "content"), outDir, {
    configPath: resolve(projectDir, ".eleventy.js"),
    quietMode: true,
    config: (eleventyConfig: {
      on: (event: string, fn: (arg: never) => Promise<void> | void) => void;
      setChokidarConfig: (options: object) => void;
    }) => {
      // Eleventy waits until a changed file's size has held for 150 ms before it reports the change; a
      // saved YAML file is written in one go, so 50 ms is plenty and the reload comes 100 ms sooner
      // (docs/dev-server.md §2).
      eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
      const direct = directPages(eleventyConfig as unknown as EleventyConfig);
      // Which pages the changed files feed (docs/dev-server.md §2). Eleventy passes the changed paths and
      // waits for this handler before it starts its run.
      eleventyConfig.on("eleventy.beforeWatch", async (changed: string[]) => {
        editSeen = started = performance.now();
        const cpu = process.cpuUsage();
        validated = false;
        const scope = scopeForChanges(rootDir, changed, valid);
        setRenderScope(scope);
        if (!scope) return; // a full rebuild; Eleventy's run validates
        // A centre's own files changed. First part, here and outside Eleventy: validate, write that centre's
        // own pages and reload the browser. Eleventy's run that follows is the second part, the pages that
        // sum up centres, and reloads the browser again.
        try {
          const previous = valid;
          const next = revalidate();
          validated = true;
          const settled = settleScope(scope, next, previous);
          setRenderScope(settled);
          if (settled?.part !== "own") return; // invalid ("nothing"), or an edit that changes other centres' pages too
          const written = await direct.writeOwn(outDir, settled.centres);
          outputs.add(direct.outputs());
          process.stdout.write(`${rebuildLine(settled, written, started, editSeen, cpu)}\n`);
          await (elev as unknown as { eleventyServe: Reloader }).eleventyServe.reload({ files: changed, build: { templates: [] } });
          setRenderScope({ centres: settled.centres, part: "aggregates" });
        } catch (error) {
          // Eleventy would stop watching after an error here; its own run renders every page instead.
          const message = error instanceof Error ? error.message : String(error);
          process.stderr.write(`Familjecentralens sidor kunde inte skrivas för sig (${message}); hela webbplatsen byggs om.\n`);
          validated = false;
          setRenderScope(undefined);
          return;
        }
        started = performance.now();
      });
      eleventyConfig.on("eleventy.before", () => {
        if (validated) return;
        // A full rebuild (the first part of a centre's rebuild validated already): invalid data renders nothing.
        if (!revalidate()) setRenderScope({ centres: new Set(), part: "nothing" });
      });
      eleventyConfig.on("eleventy.after", async (event: { results?: { outputPath?: unknown }[] }) => {
        // First the pages written outside Eleventy (direct-pages.ts, docs/decisions.md §12): the reload and
        // the search index need the whole site. They are written in this build's scope.
        const written = await direct.written();
        const scope = renderScope();
        setRenderScope(undefined);
        validated = false;
        if (scope?.part === "nothing") return;
        // A whole rebuild writes every page the site has: a page an earlier one wrote and this one did not
        // lost its source (a deleted or renamed file) and is removed, before the reload and the search
        // index see the folder (docs/dev-server.md §5).
        const files = [...resultPaths(event.results), ...direct.outputs()];
        if (scope) outputs.add(files);
        else outputs.replace(files);
        process.stdout.write(`${rebuildLine(scope, (event.results?.length ?? 0) + written, started, editSeen)}\n`);
        // Search is re-indexed in the background once the pages are complete: the reload never waits for it
        // (docs/dev-server.md §3).
        search.refresh();
      });
    },
  });
  await elev.init();
  const watchRun = await elev.watch();
  // Deleted and added files (docs/dev-server.md §5).
  if (!followAddedAndDeleted(elev, watchRun))
    process.stderr.write("Varning: borttagna filer försvinner från webbplatsen först när servern startas om.\n");
  await elev.serve(port);
  process.stdout.write(`Handboken visas på http://localhost:${port}/\n`);
  return new Promise<number>(() => undefined);
});
