import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FileWriter } from "../../scripts/site/file-writer.ts";

// The writer of pages made outside Eleventy (scripts/site/file-writer.ts, docs/build-speed.md §2).
describe("FileWriter", () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), "fc-file-writer-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ["through its worker threads", true],
    ["on the calling thread", false],
  ])("writes every file %s, in folders it creates, with the exact text (UTF-8), across many batches", async (_, threaded) => {
    const dir = tempDir();
    const writer = new FileWriter(threaded);
    const texts = Array.from({ length: 100 }, (_, i) => `<p>Sida ${i}: åäö – ${"x".repeat(i * 997)}</p>\n`);
    for (const [i, text] of texts.entries()) await writer.write(join(dir, `c${i % 7}`, `s${i}`, "index.html"), text);
    await writer.write(join(dir, "stor.json"), "é".repeat(600_000));
    await writer.done();

    for (const [i, text] of texts.entries()) expect(readFileSync(join(dir, `c${i % 7}`, `s${i}`, "index.html"), "utf8")).toBe(text);
    expect(readFileSync(join(dir, "stor.json"), "utf8")).toBe("é".repeat(600_000));
  });

  it("keeps the last text of a file written twice, though its threads write at the same time", async () => {
    const dir = tempDir();
    const writer = new FileWriter(true);
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < 60; i++) await writer.write(join(dir, `s${i}`, "index.html"), `<p>${i}, varv ${round}</p>\n`);
    await writer.done();
    for (let i = 0; i < 60; i++) expect(readFileSync(join(dir, `s${i}`, "index.html"), "utf8")).toBe(`<p>${i}, varv 2</p>\n`);
  });

  it("reports the first failure with the system's message and code, and still stops its thread", async () => {
    const dir = tempDir();
    // A file where a folder must go: mkdir fails with ENOTDIR or EEXIST.
    writeFileSync(join(dir, "hinder"), "");
    const writer = new FileWriter(true);
    await writer.write(join(dir, "hinder", "sida", "index.html"), "<p>x</p>");

    const failure = await writer.done().then(
      () => undefined,
      (error: unknown) => error as NodeJS.ErrnoException,
    );

    expect(failure?.message).toContain("hinder");
    expect(["ENOTDIR", "EEXIST"]).toContain(failure?.code);
  });
});
