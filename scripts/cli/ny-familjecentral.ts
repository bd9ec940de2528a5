import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { createCentre, ScaffoldError } from "../scaffold/centre.ts";
import { parseArgs, runCli, UsageError } from "./args.ts";

// npm run ny-familjecentral -- --id … --namn "…" --kommun … [--typ …] [--samlokalisering …] [--root DIR]
// Exit codes: 0 created, 1 refused (id exists, bad slug, unknown kommun), 2 could not run.
await runCli("ny-familjecentral", () => {
  const { flags } = parseArgs(process.argv.slice(2), { values: ["root", "id", "namn", "kommun", "typ", "samlokalisering"] });
  const rootDir = resolve(String(flags.get("root") ?? "."));
  if (!existsSync(rootDir)) throw new UsageError(`mappen ${rootDir} finns inte.`);
  const text = (name: string): string => {
    const v = flags.get(name);
    if (typeof v !== "string")
      throw new UsageError(
        `--${name} saknas. Exempel: npm run ny-familjecentral -- --id fittja --namn "Familjecentralen Fittja" --kommun botkyrka`,
      );
    return v;
  };
  const optional = (name: string): string | undefined => {
    const v = flags.get(name);
    return typeof v === "string" ? v : undefined;
  };
  try {
    const typ = optional("typ");
    const samlokalisering = optional("samlokalisering");
    const file = createCentre(rootDir, {
      id: text("id"),
      namn: text("namn"),
      kommun: text("kommun"),
      ...(typ ? { typ } : {}),
      ...(samlokalisering ? { samlokalisering } : {}),
    });
    process.stdout.write(`Skapade ${relative(process.cwd(), file)}. Fyll i källor och kontrollera samlokalisering och verksamheter.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    process.stderr.write(`ny-familjecentral: ${error.message}\n`);
    return 1;
  }
});
