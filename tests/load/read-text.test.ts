import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readText } from "../../scripts/load/read-text.ts";

// readText sizes its buffer by the file (not by the limit); these pin that the limit still holds at its
// edges and that the text read is the whole file.
const dir = mkdtempSync(join(tmpdir(), "fc-read-text-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const abs = join(dir, name);
  writeFileSync(abs, content);
  return abs;
}

describe("readText", () => {
  it("reads a whole file, multi-byte characters included", () => {
    const text = "namn: Spånga familjecentral\n".repeat(500);
    expect(readText(file("lang.yaml", text))).toEqual({ ok: true, text });
  });

  it("accepts a file of exactly the limit and refuses one byte more", () => {
    expect(readText(file("precis.yaml", "a".repeat(100)), 100)).toEqual({ ok: true, text: "a".repeat(100) });
    expect(readText(file("over.yaml", "a".repeat(101)), 100)).toMatchObject({ ok: false, reason: "för-stor", bytes: 101 });
  });

  it("refuses invalid UTF-8, empty files and links", () => {
    expect(readText(file("latin1.yaml", Buffer.from([0x6e, 0x61, 0x6d, 0x6e, 0x3a, 0x20, 0xe5])))).toMatchObject({ reason: "inte-utf8" });
    expect(readText(file("tom.yaml", "  \n"))).toMatchObject({ reason: "tom" });
    const target = file("mal.yaml", "id: x\n");
    symlinkSync(target, join(dir, "lank.yaml"));
    expect(readText(join(dir, "lank.yaml"))).toMatchObject({ reason: "symlänk" });
  });
});
