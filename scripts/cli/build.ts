import { existsSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { validateRoot } from "../validate/index.ts";
import { formatText } from "../validate/report.ts";
import { setModel } from "../site/model-registry.ts";
import { runEleventy } from "../site/run-eleventy.ts";
import { indexSite } from "../site/pagefind.ts";
import { timed } from "../build-phases.ts";
import { parseArgs, runCli, UsageError } from "./args.ts";

// npm run build -- [--root DIR] [--out DIR]
// Validates, builds with Eleventy and indexes with Pagefind into a temporary folder, and only then
// replaces the output folder, so a failed build never leaves a half-written site behind.
await runCli("build", async () => {
  const { flags } = parseArgs(process.argv.slice(2), { values: ["root", "out"] });
  const rootDir = resolve(String(flags.get("root") ?? "."));
  const outDir = resolve(String(flags.get("out") ?? "_site"));
  if (!existsSync(rootDir)) throw new UsageError(`mappen ${rootDir} finns inte.`);
  const started = performance.now();
  const result = timed("validation", () => validateRoot(rootDir));
  if (!result.model) {
    process.stderr.write(formatText(result.problems, result.fileCount));
    process.stderr.write("Bygget avbröts: rätta felen ovan. Ingen webbplats skrevs.\n");
    return 1;
  }
  if (result.problems.length) process.stderr.write(formatText(result.problems, result.fileCount));
  setModel(result.model);
  const tmpDir = `${outDir}.tmp-${process.pid}`;
  rmSync(tmpDir, { recursive: true, force: true });
  try {
    await runEleventy(rootDir, tmpDir);
    const { pages } = await indexSite(tmpDir);
    const oldDir = `${outDir}.old-${process.pid}`;
    if (existsSync(outDir)) renameSync(outDir, oldDir);
    renameSync(tmpDir, outDir);
    rmSync(oldDir, { recursive: true, force: true });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Byggde ${pages} sidor till ${outDir} på ${seconds.replace(".", ",")} s.\n`);
    return 0;
  } catch (error) {
    rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }
});
