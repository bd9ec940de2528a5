import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { projectDir } from "../../scripts/paths.ts";

export const EXEMPELLAN = resolve(projectDir, "examples/exempellan");
const tsxLoader = createRequire(import.meta.url).resolve("tsx");

/**
 * One adversarial case's sandbox: `<dir>/root` (a copy of examples/exempellan) and `<dir>/out`. Payloads
 * that would write a file write it into `<dir>`, so "nothing was written outside the output" is checked by
 * listing `<dir>` afterwards.
 */
export interface Sandbox {
  dir: string;
  root: string;
  out: string;
  write(rel: string, content: string | Buffer): void;
  replace(rel: string, from: string, to: string): void;
  /** Entries of the sandbox other than root/ and out/ (temp folders, backups, files a payload wrote). */
  strays(): string[];
  remove(): void;
}

export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), "fc-adv-"));
  const root = join(dir, "root");
  cpSync(EXEMPELLAN, root, { recursive: true });
  return {
    dir,
    root,
    out: join(dir, "out"),
    write: (rel, content) => writeFileSync(join(root, rel), content),
    replace: (rel, from, to) => {
      const text = readFileSync(join(root, rel), "utf8");
      if (!text.includes(from)) throw new Error(`${rel} innehåller inte ${from}`);
      writeFileSync(join(root, rel), text.replace(from, to));
    },
    strays: () => readdirSync(dir).filter((e) => e !== "root" && e !== "out"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/**
 * Runs scripts/cli/<name>.ts as `npm run <name>` does: from the launcher's bundle
 * (node scripts/launch.js <name>, docs/decisions.md §14).
 */
export function run(name: "build" | "validate", args: string[], onSpawn?: (pid: number) => void): Promise<Run> {
  const command = [resolve(projectDir, "scripts/launch.js"), name, ...args];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, command, {
      cwd: projectDir,
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (child.pid) onSpawn?.(child.pid);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code, signal) => done({ code, signal, output }));
  });
}

/** A stack trace line or an untranslated JavaScript error in the output. */
export const STACK_TRACE = /\n\s+at |^\w*Error: |Maximum call stack|ELOOP|ENOENT|TypeError|ReferenceError/m;

/** Every file below `dir`, as absolute paths (links are listed, never followed). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(abs));
    else out.push(abs);
  }
  return out;
}

/** A file's text as a reader or a browser would get it; Pagefind's fragments and metadata are gzip. */
export function outputText(abs: string): string {
  const bytes = readFileSync(abs);
  if (/\.pf_(fragment|meta|index)$/.test(abs)) {
    try {
      return gunzipSync(bytes).toString("utf8");
    } catch {
      return bytes.toString("utf8");
    }
  }
  return bytes.toString("utf8");
}

/** Output files (HTML, XML, SVG, CSV, JSON, Pagefind fragments…) that contain `needle` verbatim. */
export function filesContaining(outDir: string, needle: string, filter: (abs: string) => boolean = () => true): string[] {
  return listFiles(outDir)
    .filter((f) => !/\.(wasm|png|woff2?)$/.test(f) && !f.includes("/assets/mermaid/") && filter(f))
    .filter((f) => outputText(f).includes(needle));
}

/** Runs tests/adversarial/bypass-build.ts: Eleventy alone on `root` with `payload` copied over it after validation. */
export function runBypass(root: string, payload: string, out: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ["--import", tsxLoader, resolve(projectDir, "tests/adversarial/bypass-build.ts"), root, payload, out],
      {
        cwd: projectDir,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code, signal) => done({ code, signal, output }));
  });
}
