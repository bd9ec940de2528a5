import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { ScaffoldError } from "../scaffold/centre.ts";
import { addYear } from "../scaffold/year.ts";
import { parseArgs, runCli, UsageError } from "./args.ts";

// npm run nytt-ar -- --id <familjecentral> --ar ÅÅÅÅ [--root DIR]
// Adds a follow-up year with guiding comments; everything already in the file is kept byte for byte.
// Exit codes: 0 added, 1 refused (unknown centre, year exists), 2 could not run.
await runCli("nytt-ar", () => {
  const { flags } = parseArgs(process.argv.slice(2), { values: ["root", "id", "ar"] });
  const rootDir = resolve(String(flags.get("root") ?? "."));
  if (!existsSync(rootDir)) throw new UsageError(`mappen ${rootDir} finns inte.`);
  const id = flags.get("id");
  const year = flags.get("ar");
  if (typeof id !== "string" || typeof year !== "string")
    throw new UsageError("ange --id och --ar, till exempel: npm run nytt-ar -- --id fittja --ar 2026");
  try {
    const { file } = addYear(rootDir, id, year);
    process.stdout.write(`La till uppföljningsåret ${year} i ${relative(process.cwd(), file)}.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    process.stderr.write(`nytt-ar: ${error.message}\n`);
    return 1;
  }
});
