import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir } from "./temp.ts";

export const MINIMAL = resolve(import.meta.dirname, "../fixtures/minimal");

/** A throwaway copy of a fixture root that a test may break freely. */
export interface TempRoot {
  dir: string;
  write(rel: string, content: string | Buffer): void;
  read(rel: string): string;
  /** Replaces text in a file; fails loudly when the text is not there, so fixtures cannot drift silently. */
  replace(rel: string, from: string, to: string): void;
  remove(): void;
}

export function tempRoot(source = MINIMAL): TempRoot {
  const dir = tempDir("fc-root-");
  cpSync(source, dir, { recursive: true });
  const abs = (rel: string): string => join(dir, rel);
  return {
    dir,
    write: (rel, content) => {
      writeFileSync(abs(rel), content);
    },
    read: (rel) => readFileSync(abs(rel), "utf8"),
    replace: (rel, from, to) => {
      const text = readFileSync(abs(rel), "utf8");
      if (!text.includes(from)) throw new Error(`${rel} innehåller inte ${from}`);
      writeFileSync(abs(rel), text.replace(from, to));
    },
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
