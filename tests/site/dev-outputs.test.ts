import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DevOutputs } from "../../scripts/site/dev-outputs.ts";
import { scopeForChanges } from "../../scripts/site/dev-scope.ts";
import type { Handbok } from "../../scripts/model/types.ts";

// The dev server's handling of deleted files (docs/dev-server.md §5) without a server: which rebuild a
// deleted file gets, and which output files a whole rebuild removes.
const work = mkdtempSync(join(tmpdir(), "fc-dev-outputs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const write = (path: string): string => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, "x");
  return path;
};

describe("DevOutputs", () => {
  it("removes the files an earlier rebuild wrote and a whole rebuild did not, with their empty folders", () => {
    const out = join(work, "site");
    const kept = write(join(out, "familjecentraler/a/index.html"));
    const draft = write(join(out, "familjecentraler/a/arsberattelse/2025/index.html"));
    const page = write(join(out, "vagledning/gammal/index.html"));
    const asset = write(join(out, "assets/site.css"));
    const outputs = new DevOutputs(out);
    outputs.replace([kept, draft]);
    outputs.add([page]);

    expect(outputs.replace([kept]).sort()).toEqual([draft, page].sort());
    expect(existsSync(kept)).toBe(true);
    // Files no rebuild wrote (copied assets, the search index) are never removed.
    expect(existsSync(asset)).toBe(true);
    expect(existsSync(join(out, "familjecentraler/a/arsberattelse"))).toBe(false);
    expect(existsSync(join(out, "vagledning"))).toBe(false);
    expect(existsSync(out)).toBe(true);
    // The next whole rebuild compares with this one.
    expect(outputs.replace([kept])).toEqual([]);
  });

  it("never removes a file outside the output folder", () => {
    const out = join(work, "site2");
    const outside = write(join(work, "annat/index.html"));
    const outputs = new DevOutputs(out);
    outputs.add([outside]);
    expect(outputs.replace([])).toEqual([]);
    expect(existsSync(outside)).toBe(true);
  });
});

describe("scopeForChanges after a deletion", () => {
  const root = join(work, "lan");
  const centre = write(join(root, "data/familjecentraler/a.yaml"));
  const year = join(root, "data/uppfoljning/2025/a.yaml");
  const previous = { familjecentraler: [{ id: "a" }] } as unknown as Handbok;

  it("keeps the fast path for an edited file of a known centre", () => {
    expect(scopeForChanges(root, [centre], previous)).toEqual({ centres: new Set(["a"]), part: "own" });
  });

  it("rebuilds everything when a centre's file is gone (deleted, or the old name of a renamed file)", () => {
    expect(scopeForChanges(root, [year], previous)).toBeUndefined();
    expect(scopeForChanges(root, [centre, year], previous)).toBeUndefined();
  });
});
