import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { ScaffoldError } from "../scaffold/centre.ts";
import { createYearFiles } from "../scaffold/year.ts";
import { parseArgs, runCli, UsageError } from "./args.ts";

// npm run nytt-ar -- --ar ÅÅÅÅ [--id <familjecentral>] [--root DIR]
// Creates the year's follow-up files, data/uppfoljning/<år>/<id>.yaml, one per centre (or only --id), each
// listing the year's county goals with their indicators' ids, names and units in comments. Existing files
// are left as they are. Exit codes: 0 created (or nothing to create), 1 refused, 2 could not run.
await runCli("nytt-ar", () => {
  const { flags } = parseArgs(process.argv.slice(2), { values: ["root", "id", "ar"] });
  const rootDir = resolve(String(flags.get("root") ?? "."));
  if (!existsSync(rootDir)) throw new UsageError(`mappen ${rootDir} finns inte.`);
  const id = flags.get("id");
  const year = flags.get("ar");
  if (typeof year !== "string")
    throw new UsageError("ange --ar, till exempel: npm run nytt-ar -- --ar 2026 (och --id fittja för en enda familjecentral)");
  try {
    const { created, skipped } = createYearFiles(rootDir, year, typeof id === "string" ? id : undefined);
    for (const file of created) process.stdout.write(`Skapade ${file}\n`);
    if (skipped.length) process.stdout.write(`${skipped.length} filer fanns redan och lämnades orörda.\n`);
    if (!created.length && !skipped.length) process.stdout.write("Det finns inga familjecentraler att skapa filer för.\n");
    return 0;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    process.stderr.write(`nytt-ar: ${error.message}\n`);
    return 1;
  }
});
