import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { validateRoot } from "../../scripts/validate/index.ts";
import { MAX_FILE_BYTES } from "../../scripts/load/limits.ts";
import { fileKindMessages } from "../../scripts/load/messages.ts";
import { tempRoot, type TempRoot } from "../support/fixture-root.ts";

// The listing of data/ no longer stats each file (docs/validation-speed.md §7): files that validation reads
// are refused by the reader, the rest are stat-ed afterwards. Wherever an over-large file sits under data/,
// it must still get the one "storlek" message at line 1, and nothing else about it.

let root: TempRoot | undefined;
afterEach(() => root?.remove());

const SIZE = MAX_FILE_BYTES + 10;
const big = (): string => `namn: ${"A".repeat(SIZE - 7)}\n`;

describe("an over-large file anywhere under data/ is refused with its size", () => {
  it.each([
    ["a year file", "data/uppfoljning/2024/norrby.yaml"],
    ["a centre file", "data/familjecentraler/norrby.yaml"],
    ["a required single file", "data/lan.yaml"],
    ["a file in no known folder", "data/annat/extra.yaml"],
    ["an utgava.yaml under data/", "data/annat/utgava.yaml"],
  ])("%s", (_, rel) => {
    root = tempRoot();
    mkdirSync(dirname(join(root.dir, rel)), { recursive: true });
    root.write(rel, big());

    const result = validateRoot(root.dir);

    const about = result.problems.filter((p) => p.file === rel);
    expect(about).toEqual([
      { file: rel, line: 1, col: 1, severity: "fel", rule: "storlek", message: fileKindMessages.tooLarge(SIZE, MAX_FILE_BYTES) },
    ]);
    expect(result.problems.some((p) => p.message.startsWith("filen saknas"))).toBe(false);
  });
});
