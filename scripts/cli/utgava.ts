import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { FreezeError, freezeEdition } from "../editions/freeze.ts";
import { formatText } from "../validate/report.ts";
import { parseArgs, runCli, UsageError } from "./args.ts";

// npm run utgava -- <id> --beslutad ÅÅÅÅ-MM-DD --av "…" [--nasta-granskning ÅÅÅÅ-MM-DD] [--titel "…"] [--root DIR]
// Exit codes: 0 frozen, 1 refused (id exists, bad date, content with errors), 2 could not run.
await runCli("utgava", () => {
  const { flags, positional } = parseArgs(process.argv.slice(2), {
    values: ["root", "beslutad", "av", "nasta-granskning", "titel"],
  });
  const rootDir = resolve(String(flags.get("root") ?? "."));
  if (!existsSync(rootDir)) throw new UsageError(`mappen ${rootDir} finns inte.`);
  const id = positional[0];
  if (!id || positional.length > 1)
    throw new UsageError(
      'ange utgåvans id en gång, till exempel: npm run utgava -- 2026-1 --beslutad 2026-11-17 --av "Länsgemensam styrgrupp".',
    );
  const beslutad = flags.get("beslutad");
  const av = flags.get("av");
  if (typeof beslutad !== "string") throw new UsageError("--beslutad ÅÅÅÅ-MM-DD saknas: när beslutades utgåvan?");
  if (typeof av !== "string") throw new UsageError('--av "…" saknas: vem beslutade utgåvan?');
  const nästa = flags.get("nasta-granskning");
  const titel = flags.get("titel");
  try {
    const { dir, files } = freezeEdition(rootDir, {
      id,
      beslutad,
      av,
      ...(typeof nästa === "string" ? { nästaGranskning: nästa } : {}),
      ...(typeof titel === "string" ? { titel } : {}),
    });
    process.stdout.write(`Utgåvan ${id} är fryst: ${files} filer i ${relative(process.cwd(), dir) || dir}.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof FreezeError)) throw error;
    if (error.problems.length) process.stderr.write(formatText(error.problems, new Set(error.problems.map((p) => p.file)).size));
    process.stderr.write(`utgava: ${error.message}\n`);
    return 1;
  }
});
