import Eleventy from "@11ty/eleventy";
import { resolve } from "node:path";
import { projectDir } from "../paths.ts";
import { validateRoot } from "../validate/index.ts";
import { formatText } from "../validate/report.ts";
import { setModel } from "../site/model-registry.ts";
import { indexSite } from "../site/pagefind.ts";
import { parseArgs, runCli, UsageError } from "./args.ts";

// npm start [-- --root DIR]: validate, build, index, and serve at http://localhost:8080 (PORT overrides),
// rebuilding on every edit. A rebuild with invalid data keeps the last valid data and prints the problems.
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
  const elev = new Eleventy(resolve(rootDir, "content"), outDir, {
    configPath: resolve(projectDir, ".eleventy.js"),
    quietMode: true,
    config: (eleventyConfig: { on: (event: string, fn: () => Promise<void> | void) => void }) => {
      // Re-validate before each rebuild so the site never shows data the validator would refuse.
      eleventyConfig.on("eleventy.before", () => {
        const result = validateRoot(rootDir);
        if (result.problems.length) process.stderr.write(formatText(result.problems, result.fileCount));
        // Throwing here would make Eleventy print a stack trace; instead the rebuild keeps the last valid
        // model, so the served data stays as it was until the file is fixed.
        if (!result.model) {
          process.stderr.write("Rätta felen ovan: webbplatsen visar de senaste giltiga uppgifterna tills dess.\n");
          return;
        }
        setModel(result.model);
      });
      eleventyConfig.on("eleventy.after", async () => {
        const { pages } = await indexSite(outDir);
        process.stdout.write(`Sökindex klart: ${pages} sidor.\n`);
      });
    },
  });
  await elev.init();
  await elev.watch();
  await elev.serve(port);
  process.stdout.write(`Handboken visas på http://localhost:${port}/\n`);
  return new Promise<number>(() => undefined);
});
