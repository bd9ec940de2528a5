import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer, type AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { projectDir } from "../paths.ts";

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

export function freePort(): Promise<number> {
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
 * `npm start` (scripts/cli/serve.ts) as a child process, for the benchmark and the dev-server test: its
 * output is collected, and callers wait for lines it prints. Every wait is bounded by `timeoutMs` and fails
 * with the end of the server's output, so a busy machine is slow, never stuck.
 */
export class DevServerProcess {
  log = "";
  private readonly child: ChildProcessWithoutNullStreams;
  private exited = false;

  private constructor(
    readonly port: number,
    rootDir: string,
    outDir: string,
    private readonly timeoutMs: number,
    cwd: string,
  ) {
    // detached: the server gets its own process group, so the whole group (tsx, node, pagefind) can be stopped by id.
    this.child = spawn(process.execPath, [tsxCli, resolve(projectDir, "scripts/cli/serve.ts"), "--root", rootDir, "--out", outDir], {
      cwd,
      env: { ...process.env, PORT: String(port) },
      stdio: ["pipe", "pipe", "pipe"],
      detached: true,
    });
    this.child.stdout.on("data", (chunk: Buffer) => (this.log += chunk.toString()));
    this.child.stderr.on("data", (chunk: Buffer) => (this.log += chunk.toString()));
    this.child.once("exit", () => (this.exited = true));
  }

  /**
   * `cwd` is the folder the server runs in: the project by default; the content root itself to run it the
   * way `npm start` runs on the bundled county, where Eleventy reports changed paths relative to the root.
   */
  static async start(rootDir: string, outDir: string, timeoutMs = 900_000, cwd = projectDir): Promise<DevServerProcess> {
    return new DevServerProcess(await freePort(), rootDir, outDir, timeoutMs, cwd);
  }

  /** How often the server has printed `text` so far. */
  count(text: string): number {
    return this.log.split(text).length - 1;
  }

  /** Waits until `ready()` holds, polling every `everyMs`. */
  async until(what: string, ready: () => boolean, everyMs = 25): Promise<void> {
    const started = performance.now();
    while (!ready()) {
      if (this.exited) throw new Error(`Utvecklingsservern avslutades innan ${what}:\n${this.log.slice(-3000)}`);
      if (performance.now() - started > this.timeoutMs)
        throw new Error(`Utvecklingsservern: ${what} dröjde för länge:\n${this.log.slice(-3000)}`);
      await sleep(everyMs);
    }
  }

  /** Waits until the server has printed `text` at least `times` times in all. */
  printed(text: string, times = 1): Promise<void> {
    return this.until(`”${text}” (${times} gånger)`, () => this.count(text) >= times);
  }

  /**
   * Waits until the server's file watcher is live, then until the rebuild and search index that cost are
   * done. Eleventy prints "Watching…" when chokidar says it is ready, but on Linux chokidar sets up its
   * last watches up to a second later (seen on the shared test machine), and a file changed meanwhile is
   * never reported. So `file` is written again with its own text until Eleventy reports it: a lost write
   * is retried after `retryMs`, which only the first seconds after the start ever need.
   */
  async watching(file: string, retryMs = 10_000): Promise<void> {
    const text = readFileSync(file, "utf8");
    const rebuilt = this.count("Uppdaterade ");
    const indexed = this.count("Sökindex klart");
    for (;;) {
      const seen = this.count("File changed:");
      writeFileSync(file, text);
      const started = performance.now();
      while (this.count("File changed:") === seen && performance.now() - started < retryMs) await sleep(25);
      if (this.count("File changed:") > seen) break;
    }
    await this.until("ombyggnaden efter att filen skrevs", () => this.count("Uppdaterade ") > rebuilt);
    await this.until("sökindexet efter ombyggnaden", () => this.count("Sökindex klart") > indexed);
  }

  /**
   * Waits until the server serves its first build, has written that build's search index (written in the
   * background; waited for so that it does not compete with what a caller measures or checks next) and
   * watches its files (`watching`, with the root's data/lan.yaml).
   */
  async ready(rootDir: string): Promise<void> {
    await this.printed("Handboken visas på");
    await this.printed("Sökindex klart");
    await this.watching(join(rootDir, "data", "lan.yaml"));
  }

  /** Stops the server's whole process group. */
  async stop(): Promise<void> {
    if (this.child.pid === undefined || this.exited) return;
    const exit = new Promise((done) => this.child.once("exit", done));
    process.kill(-this.child.pid, "SIGTERM");
    await exit;
  }
}
