import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleKey, describeFailure, prepareBundle } from "../../scripts/launch.js";
import { projectDir } from "../../scripts/paths.ts";
import { tempDir } from "../support/temp.ts";

// scripts/launch.js runs the build from a bundle it keeps until an input changes (docs/decisions.md §14).
// These tests use a small project of their own, so that they never touch the installation's own bundle.
// Every site the test suite builds goes through the launcher (tests/support/build.ts), and
// tests/site/dev-server.test.ts compares such a build with the dev server's, which runs under tsx.

const work = tempDir("fc-handbok-launch-");

/** A project with a build command importing a module that reports its own location, and a config file. */
function project(name: string, value: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, "scripts", "cli"), { recursive: true });
  symlinkSync(join(projectDir, "node_modules"), join(dir, "node_modules"));
  writeFileSync(
    join(dir, "scripts", "lib.ts"),
    `export const value: string = ${JSON.stringify(value)};\nexport const here: string = import.meta.url;\n`,
  );
  writeFileSync(
    join(dir, "scripts", "cli", "build.ts"),
    'import { here, value } from "../lib.ts";\nprocess.stdout.write(JSON.stringify({ here, value, args: process.argv.slice(2) }));\n',
  );
  writeFileSync(join(dir, ".eleventy.js"), 'import { value } from "./scripts/lib.ts";\nexport default () => value;\n');
  return dir;
}

function run(entry: string): { here: string; value: string } {
  const result = spawnSync(process.execPath, [entry], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { here: string; value: string };
}

describe("the launcher's bundle", () => {
  it("is made once, reused while its inputs are unchanged, and made again when one changes", async () => {
    const dir = project("andras", "första");
    const first = await prepareBundle(dir, "build");
    expect(first.made).toBe(true);
    expect(run(first.entry).value).toBe("första");
    const again = await prepareBundle(dir, "build");
    expect(again).toEqual({ entry: first.entry, made: false });

    writeFileSync(join(dir, "scripts", "lib.ts"), 'export const value: string = "andra";\nexport const here: string = import.meta.url;\n');
    const changed = await prepareBundle(dir, "build");
    expect(changed.made).toBe(true);
    expect(changed.entry).not.toBe(first.entry);
    expect(run(changed.entry).value).toBe("andra");
  });

  it("keeps only the newest few bundles", async () => {
    const dir = project("gamla", "0");
    // A bundle of the earlier layout, when all commands shared .cache/bygge/, is removed with the first new one.
    mkdirSync(join(dir, ".cache", "bygge", "0123456789abcdef"), { recursive: true });
    for (let i = 1; i <= 5; i++) {
      writeFileSync(join(dir, "scripts", "lib.ts"), `export const value: string = "${i}";\nexport const here: string = import.meta.url;\n`);
      const { entry } = await prepareBundle(dir, "build");
      expect(run(entry).value).toBe(String(i));
    }
    const kept = readdirSync(join(dir, ".cache", "bygge", "build")).filter((f) => /^[0-9a-f]{16}$/.test(f));
    expect(kept).toHaveLength(3);
    expect(readdirSync(join(dir, ".cache", "bygge")).sort()).toEqual(["build"]);
  });

  it("bundles a command that does not run Eleventy without the configuration, in a folder of its own", async () => {
    const dir = project("validera", "v");
    writeFileSync(
      join(dir, "scripts", "cli", "validate.ts"),
      'import { value } from "../lib.ts";\nprocess.stdout.write(JSON.stringify({ here: "", value: `validate ${value}` }));\n',
    );
    const validate = await prepareBundle(dir, "validate");
    expect(run(validate.entry).value).toBe("validate v");
    expect(readdirSync(join(validate.entry, ".."))).toEqual(["validate.js"]);
    // New builds keep only the newest few build bundles; the validate bundle stays.
    for (let i = 1; i <= 4; i++) {
      writeFileSync(join(dir, "scripts", "cli", "build.ts"), `process.stdout.write(JSON.stringify({ here: "", value: "${i}" }));\n`);
      await prepareBundle(dir, "build");
    }
    expect(await prepareBundle(dir, "validate")).toEqual({ entry: validate.entry, made: false });
  });

  it("keeps each module's own import.meta.url, so paths found from it do not move into the cache", async () => {
    const dir = project("plats", "x");
    const { entry } = await prepareBundle(dir, "build");
    expect(run(entry).here).toBe(pathToFileURL(join(dir, "scripts", "lib.ts")).href);
  });

  it("shares one copy of a module between the command and Eleventy's configuration", async () => {
    const dir = project("delad", "x");
    const { entry } = await prepareBundle(dir, "build");
    const bundled = join(entry, "..");
    const config = readFileSync(join(bundled, "eleventy.js"), "utf8");
    const command = readFileSync(entry, "utf8");
    // The module is in neither entry file but in a chunk both import.
    expect(config).not.toContain('"x"');
    expect(command).not.toContain('"x"');
    expect(config).toMatch(/from "\.\/chunk-[A-Z0-9]+\.js"/);
  });

  it("depends on every input's content and on esbuild's version", () => {
    const dir = project("nyckel", "x");
    const inputs = ["scripts/lib.ts", "scripts/cli/build.ts"];
    const key = bundleKey(dir, inputs, "0.1");
    expect(bundleKey(dir, [...inputs].reverse(), "0.1")).toBe(key);
    expect(bundleKey(dir, inputs, "0.2")).not.toBe(key);
    writeFileSync(join(dir, "scripts", "cli", "build.ts"), "export {};\n");
    expect(bundleKey(dir, inputs, "0.1")).not.toBe(key);
  });

  it("refuses an unknown command and reports a source that does not compile with file and line", async () => {
    await expect(prepareBundle(project("okand", "x"), "deploy")).rejects.toThrow(/okänt kommando ”deploy”/);
    const dir = project("trasig", "x");
    writeFileSync(join(dir, "scripts", "lib.ts"), "export const value: string = ;\n");
    const failure = await prepareBundle(dir, "build").then(
      () => "",
      (error: unknown) => describeFailure(error, dir),
    );
    expect(failure).toMatch(/^scripts\/lib\.ts:1: /);
  });
});
