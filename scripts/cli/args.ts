import { parseArgs as parseNodeArgs } from "node:util";
import { USAGE, type CommandName } from "./usage.ts";

/** A command-line usage error: reported in Swedish with exit code 2, never as a stack trace. */
export class UsageError extends Error {}

/** `--help` or `-h` was given: the command prints its usage and exits 0 without doing anything else. */
class HelpRequested extends Error {}

export interface ParsedArgs {
  flags: Map<string, string | true>;
  positional: string[];
}

/**
 * Parses `--flag value`, `--flag=value` and bare `--switch` with node:util's parseArgs (strict: unknown
 * flags and missing values are errors); `switches` lists flags that take no value. Node's English errors
 * become Swedish usage errors. `--help`/`-h` anywhere wins over everything else.
 */
export function parseArgs(argv: string[], known: { values: string[]; switches?: string[] }): ParsedArgs {
  const end = argv.indexOf("--");
  const options = argv.slice(0, end === -1 ? undefined : end);
  if (options.includes("--help") || options.includes("-h")) throw new HelpRequested();
  const switches = known.switches ?? [];
  const spec: Record<string, { type: "string" | "boolean" }> = {};
  for (const name of known.values) spec[name] = { type: "string" };
  for (const name of switches) spec[name] = { type: "boolean" };
  try {
    const { values, positionals } = parseNodeArgs({
      args: argv,
      options: spec,
      allowPositionals: true,
      strict: true,
    });
    const flags = new Map<string, string | true>();
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === "string") flags.set(name, value);
      else if (value === true) flags.set(name, true);
    }
    return { flags, positional: positionals };
  } catch (error) {
    throw new UsageError(swedishMessage(error, [...known.values, ...switches]));
  }
}

/** node:util's parse errors, in Swedish, naming the flag and the flags the command knows. */
function swedishMessage(error: unknown, allowed: string[]): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(--?[^' =]+)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    return `okänd flagga ${flag}. Tillåtna: ${allowed.map((f) => `--${f}`).join(", ")}. Se --help.`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return message.includes("does not take an argument") ? `${flag} tar inget värde.` : `${flag} behöver ett värde.`;
  }
  return `argumenten kunde inte läsas: ${message}`;
}

/**
 * Runs a command's main function, turning expected failures into Swedish messages and exit codes.
 * `name` is the command as the user types it after `npm run` (or `start`); its usage text is in usage.ts.
 */
export async function runCli(name: CommandName, main: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof HelpRequested) {
      process.stdout.write(USAGE[name]);
      process.exitCode = 0;
      return;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`${name}: ${error.message}\n`);
    } else {
      process.stderr.write(`${name}: kunde inte köras: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.FC_DEBUG) console.error(error);
    }
    process.exitCode = 2;
  }
}
