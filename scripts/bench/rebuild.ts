import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer, type AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { projectDir } from "../paths.ts";

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const READY = "Sökindex klart";
const SERVING = "Handboken visas på";
const CHANGED = "File changed";
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

export interface RebuildTiming {
  /** From spawning `npm start` until the first build and index are done. */
  firstBuildSeconds: number;
  /** From writing one changed centre file until the server printed that the index is done again. */
  rebuildSeconds: number;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

/**
 * Starts the dev server (scripts/cli/serve.ts) on a free port against `rootDir`, waits for its first
 * build, changes one centre's name in `centreFile` (root-relative) and times the rebuild until the
 * server prints "Sökindex klart" again. The file is restored afterwards.
 */
export async function measureRebuild(rootDir: string, centreFile: string, outDir: string, timeoutMs = 900_000): Promise<RebuildTiming> {
  const port = await freePort();
  const file = join(rootDir, centreFile);
  const original = readFileSync(file, "utf8");
  const started = performance.now();
  // detached: the server gets its own process group, so the whole group (tsx, node, pagefind) can be stopped by id.
  const child = spawn(process.execPath, [tsxCli, resolve(projectDir, "scripts/cli/serve.ts"), "--root", rootDir, "--out", outDir], {
    cwd: projectDir,
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  let seen = 0;
  const waiters: (() => void)[] = [];
  child.stdout.on("data", (chunk: Buffer) => {
    log += chunk.toString();
    const count = log.split(READY).length - 1;
    while (seen < count) {
      seen++;
      waiters.shift()?.();
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const nextReady = (): Promise<void> =>
    new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`Utvecklingsservern blev inte klar:\n${log.slice(-2000)}`)), timeoutMs);
      const exit = (): void => fail(new Error(`Utvecklingsservern avslutades:\n${log.slice(-2000)}`));
      child.once("exit", exit);
      waiters.push(() => {
        clearTimeout(timer);
        child.off("exit", exit);
        done();
      });
    });
  const sawChange = (): boolean => log.includes(CHANGED);
  try {
    await nextReady();
    const firstBuildSeconds = (performance.now() - started) / 1000;
    // The server starts watching only after its first build; wait until it says it is serving, then let
    // the watcher settle so the edit below is seen as one change, not part of the first build.
    const serving = performance.now();
    while (!log.includes(SERVING) && performance.now() - serving < timeoutMs) await sleep(200);
    await sleep(1500);
    const rebuilt = nextReady();
    let editedAt = performance.now();
    writeFileSync(file, original.replace(/^namn: (.*)$/m, "namn: $1 (ändrad)"));
    // On a loaded machine the watcher can still miss the first write; write again (and time from then)
    // until it reports the change.
    for (let attempt = 1; attempt < 5 && !sawChange(); attempt++) {
      const waitStarted = performance.now();
      while (!sawChange() && performance.now() - waitStarted < 20_000) await sleep(100);
      if (sawChange()) break;
      editedAt = performance.now();
      writeFileSync(file, original.replace(/^namn: (.*)$/m, `namn: $1 (ändrad ${attempt})`));
    }
    await rebuilt;
    return { firstBuildSeconds, rebuildSeconds: (performance.now() - editedAt) / 1000 };
  } finally {
    writeFileSync(file, original);
    if (child.pid !== undefined && child.exitCode === null) {
      process.kill(-child.pid, "SIGTERM");
      await new Promise((done) => child.once("exit", done));
    }
  }
}
