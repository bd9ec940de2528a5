import { existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { close as closePagefind } from "pagefind";
import { projectDir } from "../paths.ts";
import { validateRoot } from "../validate/index.ts";
import { formatText } from "../validate/report.ts";
import { setModel } from "../site/model-registry.ts";
import { runEleventy } from "../site/run-eleventy.ts";
import { indexSite } from "../site/pagefind.ts";
import { parseSiteAddress, SITE_ADDRESS_ENV, SiteAddressError } from "../site/site-address.ts";
import { siteAddressOf } from "../site/site-plugin.ts";
import { describeBuildError } from "../site/build-errors.ts";
import { timed } from "../build-phases.ts";
import { parseArgs, runCli, UsageError } from "./args.ts";
import { recoverOutput, swapOutput, unsafeOutput } from "./output-swap.ts";
import { onInterrupt } from "./interrupt.ts";

// npm run build -- [--root DIR] [--out DIR] [--webbplats URL]
// Validates, builds with Eleventy and indexes with Pagefind into a temporary folder, and only then
// replaces the output folder, so a failed or interrupted build never leaves a half-written site behind
// (output-swap.ts explains the swap; interrupt.ts how SIGINT/SIGTERM stop the build).
await runCli("build", async () => {
  const { flags } = parseArgs(process.argv.slice(2), { values: ["root", "out", "webbplats"] });
  // The flag travels to Eleventy's config the same way the Pages workflow's address does (docs/publishing.md).
  const webbplats = flags.get("webbplats");
  if (typeof webbplats === "string") {
    asUsageError(() => parseSiteAddress(webbplats, "--webbplats"));
    process.env[SITE_ADDRESS_ENV] = webbplats;
  }
  const rootDir = resolve(String(flags.get("root") ?? "."));
  const outDir = resolve(String(flags.get("out") ?? "_site"));
  if (!existsSync(rootDir)) throw new UsageError(`mappen ${rootDir} finns inte.`);
  const unsafe = unsafeOutput(outDir, [rootDir, projectDir]);
  if (unsafe) throw new UsageError(unsafe);
  const started = performance.now();
  for (const note of recoverOutput(outDir)) process.stderr.write(`${note}\n`);
  const result = timed("validation", () => validateRoot(rootDir));
  if (!result.model) {
    process.stderr.write(formatText(result.problems, result.fileCount));
    process.stderr.write("Bygget avbröts: rätta felen ovan. Ingen webbplats skrevs.\n");
    return 1;
  }
  if (result.problems.length) process.stderr.write(formatText(result.problems, result.fileCount));
  const model = result.model;
  asUsageError(() => siteAddressOf(model));
  setModel(model);
  const tmpDir = `${outDir}.tmp-${process.pid}`;
  const kept = (): string =>
    existsSync(outDir) ? `Den tidigare webbplatsen i ${outDir} finns kvar oförändrad.` : "Ingen webbplats skrevs.";
  rmSync(tmpDir, { recursive: true, force: true });
  const stopWatching = onInterrupt((signal) => {
    // Runs between two steps of the build, never inside the swap (it is synchronous).
    rmSync(tmpDir, { recursive: true, force: true });
    void closePagefind().catch(() => undefined);
    process.stderr.write(`build: avbröts (${signal}). ${kept()}\n`);
  });
  try {
    await runEleventy(rootDir, tmpDir);
    const { pages } = await indexSite(tmpDir);
    swapOutput(tmpDir, outDir);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Byggde ${pages} sidor till ${outDir} på ${seconds.replace(".", ",")} s.\n`);
    return 0;
  } catch (error) {
    rmSync(tmpDir, { recursive: true, force: true });
    const described = describeBuildError(error, rootDir);
    if (!described) throw error;
    process.stderr.write(`${described}\nBygget avbröts. ${kept()}\n`);
    return 1;
  } finally {
    stopWatching();
  }
});

/** A bad site address is the user's to fix: a Swedish message and exit code 2, like any usage error. */
function asUsageError(check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (error instanceof SiteAddressError) throw new UsageError(error.message);
    throw error;
  }
}
