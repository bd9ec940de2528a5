/** A command-line usage error: reported in Swedish with exit code 2, never as a stack trace. */
export class UsageError extends Error {}

export interface ParsedArgs {
  flags: Map<string, string | true>;
  positional: string[];
}

/** Parses `--flag value`, `--flag=value` and bare `--switch`; `switches` lists flags that take no value. */
export function parseArgs(argv: string[], known: { values: string[]; switches?: string[] }): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (known.switches?.includes(name)) flags.set(name, true);
    else if (known.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} behöver ett värde.`);
      flags.set(name, value);
    } else
      throw new UsageError(
        `okänd flagga --${name}. Tillåtna: ${[...known.values, ...(known.switches ?? [])].map((f) => `--${f}`).join(", ")}.`,
      );
  }
  return { flags, positional };
}

/** Runs a command's main function, turning expected failures into Swedish messages and exit codes. */
export async function runCli(name: string, main: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${name}: ${error.message}\n`);
    } else {
      process.stderr.write(`${name}: kunde inte köras: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.FC_DEBUG) console.error(error);
    }
    process.exitCode = 2;
  }
}
