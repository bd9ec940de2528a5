import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectDir } from "../../scripts/paths.ts";
import { runTsx } from "../support/build.ts";
import { walkFiles } from "../support/pages.ts";
import { builtSites, readySite } from "../support/site.ts";

const workDir = mkdtempSync(join(tmpdir(), "fc-handbok-determinism-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("building the minimal fixture twice, from the bundle and through tsx", () => {
  // The first build is the one tests/support/global-setup.ts made for this run; only the second is paid here.
  it("writes byte-identical output both times", async () => {
    const site = builtSites().find((s) => s.name === "minimal");
    if (!site) throw new Error("global-setup byggde inte den minimala testroten");
    const first = readySite(site).outDir;
    const second = join(workDir, "second");

    // The first build ran from the launcher's bundle (tests/support/build.ts); this one runs the same
    // sources through tsx, so the two ways of running the build are held to the same output as well.
    const result = await runTsx(resolve(projectDir, "scripts/cli/build.ts"), [
      "--root",
      resolve(projectDir, "tests/fixtures/minimal"),
      "--out",
      second,
    ]);
    expect(result.code, result.output).toBe(0);

    const files = walkFiles(first);
    expect(walkFiles(second)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(first, file)).equals(readFileSync(join(second, file))));
    expect(differing, `filer som skiljer sig mellan två byggen:\n${differing.join("\n")}`).toEqual([]);
    // No timeout: this awaits a build, which a busy machine may make slow but must not make fail.
  }, 0);
});
