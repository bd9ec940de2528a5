import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectDir } from "../../scripts/paths.ts";
import { buildRoot } from "../support/build.ts";
import { walkFiles } from "../support/pages.ts";

const workDir = mkdtempSync(join(tmpdir(), "fc-handbok-determinism-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("building the minimal fixture twice", () => {
  it("writes byte-identical output both times", async () => {
    const root = resolve(projectDir, "tests/fixtures/minimal");
    const first = join(workDir, "first");
    const second = join(workDir, "second");

    await Promise.all([buildRoot(root, first), buildRoot(root, second)]);

    const files = walkFiles(first);
    expect(walkFiles(second)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(first, file)).equals(readFileSync(join(second, file))));
    expect(differing, `filer som skiljer sig mellan två byggen:\n${differing.join("\n")}`).toEqual([]);
  });
});
