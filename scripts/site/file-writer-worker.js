// The thread that writes the files of pages made outside Eleventy (file-writer.ts says why a thread).
// Plain JavaScript so that it starts without tsx: Node loads it as it is, in a few milliseconds.
// Each message is a batch [path, text, path, text, …]; each is answered with null, or after the first
// failure with that failure's message and code (the batches after it are not written).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parentPort } from "node:worker_threads";

const made = new Set();
/** @type {{ message: string; code: string | undefined } | null} */
let failure = null;

parentPort?.on("message", (/** @type {string[]} */ batch) => {
  if (!failure) {
    try {
      for (let i = 0; i < batch.length; i += 2) {
        const file = batch[i] ?? "";
        const dir = dirname(file);
        if (!made.has(dir)) {
          mkdirSync(dir, { recursive: true });
          made.add(dir);
        }
        writeFileSync(file, batch[i + 1] ?? "");
      }
    } catch (error) {
      const e = /** @type {NodeJS.ErrnoException} */ (error);
      failure = { message: e.message, code: e.code };
    }
  }
  parentPort?.postMessage(failure);
});
