import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { DevServerProcess } from "./dev-server.ts";

const READY = "Sökindex klart";
const SERVING = "Handboken visas på";
const CHANGED = "File changed";
const AGGREGATES = "sammanfattande sidor";
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

export interface RebuildTiming {
  /** From spawning `npm start` until the first build and index are done. */
  firstBuildSeconds: number;
  /**
   * From writing one changed centre file until the centre's page in the output folder shows the change:
   * what a reader of the dev server waits for (the browser reloads when the rebuild is written).
   */
  rebuildSeconds: number;
  /** From the same write until the pages that sum up centres (goals, county picture, compilations) are written too. */
  aggregatesSeconds: number;
  /** From the same write until the server printed that the search index is done again (in the background). */
  indexSeconds: number;
  /** The server's own lines for the two rebuilds ("Uppdaterade N sidor … på X s"). */
  serverReport: string;
}

/**
 * Starts the dev server (scripts/cli/serve.ts) on a free port against `rootDir`, waits for its first
 * build, changes one centre's name in `centreFile` (root-relative) and times the rebuild until that
 * centre's page in the output shows the new name, then until the pages that sum up centres are written
 * (a second rebuild, docs/dev-server.md §2) and the server prints "Sökindex klart" again (the index is
 * rebuilt in the background, after the pages). The file is restored afterwards.
 */
export async function measureRebuild(rootDir: string, centreFile: string, outDir: string, timeoutMs = 900_000): Promise<RebuildTiming> {
  const file = join(rootDir, centreFile);
  const original = readFileSync(file, "utf8");
  const started = performance.now();
  const server = await DevServerProcess.start(rootDir, outDir, timeoutMs);
  try {
    await server.printed(READY);
    const firstBuildSeconds = (performance.now() - started) / 1000;
    // The server starts watching only after its first build; wait until it says it is serving, then let
    // the watcher settle so the edit below is seen as one change, not part of the first build.
    await server.printed(SERVING);
    await sleep(1500);
    const page = join(outDir, "familjecentraler", basename(centreFile, ".yaml"), "index.html");
    const updated = (mark: string): boolean => existsSync(page) && readFileSync(page, "utf8").includes(mark);
    const sawChange = (): boolean => server.count(CHANGED) > 0;
    let mark = "(ändrad)";
    let editedAt = performance.now();
    writeFileSync(file, original.replace(/^namn: (.*)$/m, `namn: $1 ${mark}`));
    // On a loaded machine the watcher can still miss the first write; write again (and time from then)
    // until it reports the change.
    for (let attempt = 1; attempt < 5 && !sawChange(); attempt++) {
      const waitStarted = performance.now();
      while (!sawChange() && performance.now() - waitStarted < 20_000) await sleep(25);
      if (sawChange()) break;
      editedAt = performance.now();
      mark = `(ändrad ${attempt})`;
      writeFileSync(file, original.replace(/^namn: (.*)$/m, `namn: $1 ${mark}`));
    }
    await server.until("familjecentralens sida visar ändringen", () => updated(mark), 20);
    const rebuildSeconds = (performance.now() - editedAt) / 1000;
    await server.printed(AGGREGATES);
    const aggregatesSeconds = (performance.now() - editedAt) / 1000;
    await server.printed(READY, 2);
    const indexSeconds = (performance.now() - editedAt) / 1000;
    const serverReport = [...server.log.slice(server.log.lastIndexOf(CHANGED)).matchAll(/Uppdaterade [^\n]*/g)].map((m) => m[0]).join(" ");
    return { firstBuildSeconds, rebuildSeconds, aggregatesSeconds, indexSeconds, serverReport };
  } finally {
    writeFileSync(file, original);
    await server.stop();
  }
}
