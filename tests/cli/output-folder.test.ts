import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unsafeOutput } from "../../scripts/cli/output-swap.ts";
import { projectDir } from "../../scripts/paths.ts";
import { MINIMAL, tempRoot } from "../support/fixture-root.ts";
import { runCommand } from "../support/run.ts";

// The build replaces its output folder and the dev server empties it (docs/dev-server.md §5); a folder that
// holds the content root or the installation is refused before anything is touched.

describe("the output folder", () => {
  it("may be any folder that holds neither the content root nor the installation", () => {
    expect(unsafeOutput("/tmp/lan/_site", ["/tmp/lan", projectDir])).toBeUndefined();
    expect(unsafeOutput("/tmp/lanet-site", ["/tmp/lan", projectDir])).toBeUndefined();
    expect(unsafeOutput("/tmp/lan", ["/tmp/lan", projectDir])).toMatch(
      /^utmappen \/tmp\/lan innehåller \/tmp\/lan, som inte får skrivas över/,
    );
    expect(unsafeOutput("/tmp", ["/tmp/lan", projectDir])).toMatch(/innehåller \/tmp\/lan/);
    expect(unsafeOutput(join(projectDir, ".."), ["/tmp/lan", projectDir])).toMatch(/Välj en egen mapp för webbplatsen/);
  });

  it("is refused by npm run build when it is the content root, which is left as it was", () => {
    const root = tempRoot(MINIMAL);
    const before = readdirSync(root.dir, { recursive: true }).sort();
    const result = runCommand("build", ["--root", root.dir, "--out", root.dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`utmappen ${root.dir} innehåller ${root.dir}, som inte får skrivas över`);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(readdirSync(root.dir, { recursive: true }).sort()).toEqual(before);
  });
});
