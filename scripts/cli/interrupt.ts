/**
 * Stops a long command cleanly when it is interrupted. `npm run build` passes SIGINT and SIGTERM on to
 * the command (package.json runs it with `node scripts/launch.js`, which imports the command into its own
 * process, so no wrapper process sits in between), and
 * a command whose parent dies (npm killed with SIGKILL, a closed terminal) stops too instead of running on
 * as an orphan and replacing the site afterwards.
 */

const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const PARENT_POLL_MS = 250;

/**
 * Calls `cleanup` once on SIGINT, SIGTERM, SIGHUP or when the parent process goes away, then exits with
 * 128 + the signal's number. Returns a function that removes the handlers.
 */
export function onInterrupt(cleanup: (reason: string) => void): () => void {
  let done = false;
  const parent = process.ppid;
  const stop = (reason: string, code: number): void => {
    if (done) return;
    done = true;
    try {
      cleanup(reason);
    } finally {
      process.exit(code);
    }
  };
  const handlers = SIGNALS.map((signal) => {
    const handler = (): void => stop(signal, EXIT_CODES[signal] ?? 1);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  const watch = setInterval(() => {
    if (process.ppid !== parent) stop("föräldraprocessen avslutades", EXIT_CODES.SIGHUP ?? 129);
  }, PARENT_POLL_MS);
  watch.unref();
  return () => {
    clearInterval(watch);
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
