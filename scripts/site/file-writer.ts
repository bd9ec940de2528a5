import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { Worker } from "node:worker_threads";

// Writes the files of pages made outside Eleventy (direct-pages.ts, docs/decisions.md §12) on a thread of
// their own, so that the main thread, which makes the pages, spends almost nothing on the disk.
// Measured (docs/build-speed.md §2): 6,000 files of 26 kB cost the main thread 5 s written synchronously
// (mkdir, open, write, close: each a system call on the main thread), 1.2–2.7 s through fs/promises (a
// promise, a FileHandle and a UTF-8 copy per call, and three trips through the thread pool per file), and
// 0.2 s handed to a worker, which copies each text once and writes it synchronously there.

/**
 * Fewer files than this are written on the main thread: starting the worker costs 30–100 ms, more than a
 * dev-server rebuild of one centre (a dozen pages) spends writing them synchronously.
 */
export const THREADED_FROM = 200;

/** Files in one message to the worker: fewer messages, and still a small batch while the main thread waits. */
const BATCH_FILES = 8;
/** Characters in one batch at most, so that one message never holds much of the site. */
const BATCH_CHARS = 256 * 1024;
/** Batches sent and not yet written: enough to keep the worker busy, few enough to hold in memory. */
const MAX_IN_FLIGHT = 4;

/** A failure as the worker reports it (an Error does not cross threads with its code). */
interface Failure {
  message: string;
  code?: string;
}

/**
 * Writes files in order, creating folders as needed: through one worker thread when `threaded`, else
 * synchronously. `write` waits only when MAX_IN_FLIGHT batches are still being written; the first failure
 * is thrown by the next `write` or by `done`, which must be called once at the end (it stops the thread).
 */
export class FileWriter {
  private readonly worker: Worker | undefined;
  private readonly made = new Set<string>();
  private batch: string[] = [];
  private batchChars = 0;
  private inFlight = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private stopped = false;

  constructor(threaded: boolean) {
    if (!threaded) return;
    // execArgv: [] keeps the build's own --import (tsx) out of the worker; it needs no loader.
    this.worker = new Worker(new URL("./file-writer-worker.js", import.meta.url), { execArgv: [] });
    this.worker.on("message", (failed: Failure | null) => {
      this.inFlight--;
      if (failed) this.fail(Object.assign(new Error(failed.message), failed.code ? { code: failed.code } : {}));
      this.resume();
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => {
      if (!this.stopped) this.fail(new Error(`Tråden som skriver sidorna avslutades oväntat (kod ${code}).`));
    });
  }

  async write(file: string, text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.worker) {
      const dir = dirname(file);
      if (!this.made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.made.add(dir);
      }
      writeFileSync(file, text);
      return;
    }
    this.batch.push(file, text);
    this.batchChars += text.length;
    if (this.batch.length >= BATCH_FILES * 2 || this.batchChars >= BATCH_CHARS) await this.flush();
  }

  /** Waits for every file to be written, stops the thread and throws the first failure, if any. */
  async done(): Promise<void> {
    if (!this.worker) return;
    const worker = this.worker;
    try {
      if (!this.failure) await this.flush();
      while (this.inFlight > 0 && !this.failure) await this.idle();
    } finally {
      this.stopped = true;
      await worker.terminate();
    }
    if (this.failure) throw this.failure;
  }

  private async flush(): Promise<void> {
    while (this.inFlight >= MAX_IN_FLIGHT && !this.failure) await this.idle();
    if (this.failure) throw this.failure;
    if (this.batch.length === 0 || !this.worker) return;
    this.worker.postMessage(this.batch);
    this.inFlight++;
    this.batch = [];
    this.batchChars = 0;
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private resume(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.resume();
  }
}
