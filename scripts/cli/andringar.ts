import { existsSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { changeSummary } from "../changes/summary.ts";
import { materializeAt, RefError } from "../changes/git-base.ts";
import { validateRoot } from "../validate/index.ts";
import { parseArgs, runCli, UsageError } from "./args.ts";

// npm run andringar -- --base <git-ref> [--root DIR]
// Prints, as Swedish Markdown, what the working tree changes in the handbook compared with <git-ref>:
// centres, measurements and statuses, annual reports, surveys, goal periods and guidance pages.
// Exit codes: 0 printed, 2 the ref does not exist or the command could not run.
await runCli("andringar", () => {
  const { flags } = parseArgs(process.argv.slice(2), { values: ["root", "base"] });
  const rootDir = resolve(String(flags.get("root") ?? "."));
  const ref = flags.get("base");
  if (typeof ref !== "string") throw new UsageError("--base <git-referens> saknas, till exempel --base origin/main.");
  if (!existsSync(rootDir)) throw new UsageError(`mappen ${rootDir} finns inte.`);
  let baseDir: string;
  try {
    baseDir = materializeAt(rootDir, ref);
  } catch (error) {
    if (error instanceof RefError) throw new UsageError(error.message);
    throw error;
  }
  try {
    const after = validateRoot(rootDir);
    if (!after.model) {
      process.stdout.write(
        "## Vad ändringen gör med handbokens uppgifter\n\nSammanfattningen kan inte göras förrän filerna är rätt: kör `npm run validate` och rätta felen.\n",
      );
      return 0;
    }
    const before = validateRoot(baseDir);
    const label = before.model ? `\`${ref}\`` : `\`${ref}\` (som inte kunde läsas helt: där fanns fel, så allt visas som nytt)`;
    const summary = changeSummary(
      before.model ? { handbok: before.model, rootDir: baseDir } : undefined,
      { handbok: after.model, rootDir },
      label,
    );
    process.stdout.write(summary);
    return 0;
  } finally {
    rmSync(dirname(baseDir), { recursive: true, force: true });
  }
});
