import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer, type AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { projectDir } from "../paths.ts";

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const READY = "Sökindex klart";

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
  try {
    await nextReady();
    const firstBuildSeconds = (performance.now() - started) / 1000;
    // Let the watcher settle so the edit below is seen as one change, not part of the first build.
    await new Promise((done) => setTimeout(done, 1500));
    const rebuilt = nextReady();
    const editedAt = performance.now();
    writeFileSync(file, original.replace(/^namn: (.*)$/m, "namn: $1 (ändrad)"));
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
