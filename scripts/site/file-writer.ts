import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { Worker } from "node:worker_threads";
import { beginWait } from "../build-phases.ts";

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
/** Batches per thread sent and not yet written: enough to keep the threads busy, few enough to hold in memory. */
const MAX_IN_FLIGHT = 4;

/** A failure as the worker reports it (an Error does not cross threads with its code). */
interface Failure {
  message: string;
  code?: string;
}

/**
 * Threads that write: two, so that while one waits in the kernel to create a file (on this project's
 * shared machines that took from 0.15 to 5 ms a file, minute to minute) the other goes on. Measured in
 * docs/build-speed.md §6: the main thread's wait for the writers halved and the build took 12–19 % less.
 */
const THREADS = 2;

/** The thread that writes `file`: always the same one for a path, so two writes of it keep their order. */
function threadOf(file: string, threads: number): number {
  let hash = 0;
  for (let i = 0; i < file.length; i++) hash = (hash * 31 + file.charCodeAt(i)) | 0;
  return (hash >>> 0) % threads;
}

/**
 * Writes files, creating folders as needed: through worker threads when `threaded` (each path always
 * through the same thread, so writes of one file keep their order), else synchronously. `write` waits only
 * when MAX_IN_FLIGHT batches per thread are still being written; the first failure is thrown by the next
 * `write` or by `done`, which must be called once at the end (it stops the threads).
 */
export class FileWriter {
  private readonly workers: Worker[] = [];
  private readonly made = new Set<string>();
  private readonly batches: { files: string[]; chars: number }[] = [];
  private inFlight = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private stopped = false;

  constructor(threaded: boolean) {
    if (!threaded) return;
    for (let i = 0; i < THREADS; i++) {
      // execArgv: [] keeps the build's own --import (tsx) out of the worker; it needs no loader.
      const worker = new Worker(new URL("./file-writer-worker.js", import.meta.url), { execArgv: [] });
      worker.on("message", (failed: Failure | null) => {
        this.inFlight--;
        if (failed) this.fail(Object.assign(new Error(failed.message), failed.code ? { code: failed.code } : {}));
        this.resume();
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (!this.stopped) this.fail(new Error(`Tråden som skriver sidorna avslutades oväntat (kod ${code}).`));
      });
      this.workers.push(worker);
      this.batches.push({ files: [], chars: 0 });
    }
  }

  async write(file: string, text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.workers.length === 0) {
      const dir = dirname(file);
      if (!this.made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.made.add(dir);
      }
      writeFileSync(file, text);
      return;
    }
    const k = threadOf(file, this.workers.length);
    const batch = this.batches[k]!;
    batch.files.push(file, text);
    batch.chars += text.length;
    if (batch.files.length >= BATCH_FILES * 2 || batch.chars >= BATCH_CHARS) await this.flush(k);
  }

  /** Waits for every file to be written, stops the thread and throws the first failure, if any. */
  async done(): Promise<void> {
    if (this.workers.length === 0) return;
    try {
      for (let k = 0; k < this.workers.length && !this.failure; k++) await this.flush(k);
      while (this.inFlight > 0 && !this.failure) await this.idle();
    } finally {
      this.stopped = true;
      await Promise.all(this.workers.map((w) => w.terminate()));
    }
    if (this.failure) throw this.failure;
  }

  private async flush(k: number): Promise<void> {
    const limit = MAX_IN_FLIGHT * this.workers.length;
    if (this.inFlight >= limit && !this.failure) {
      // Recorded for the benchmark's profile: the main thread has nothing to do but wait for the disk.
      const done = beginWait("writer");
      while (this.inFlight >= limit && !this.failure) await this.idle();
      done();
    }
    if (this.failure) throw this.failure;
    const batch = this.batches[k];
    const worker = this.workers[k];
    if (!batch || !worker || batch.files.length === 0) return;
    worker.postMessage(batch.files);
    this.inFlight++;
    this.batches[k] = { files: [], chars: 0 };
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
