import { describe, expect, it } from "vitest";
import { parseGitLog, readGitInfo } from "../../scripts/site/git-dates.ts";

describe("parseGitLog", () => {
  it("keeps each file's newest commit date", () => {
    const output = ["\x1e2026-11-20", "", "content/a.md", "content/b.md", "\x1e2026-10-01", "", "content/a.md", "data/lan.yaml", ""].join(
      "\n",
    );

    const dates = parseGitLog(output);

    expect(Object.fromEntries(dates)).toEqual({
      "content/a.md": "2026-11-20",
      "content/b.md": "2026-11-20",
      "data/lan.yaml": "2026-10-01",
    });
  });

  it("returns nothing for empty output", () => {
    expect(parseGitLog("").size).toBe(0);
  });
});

describe("readGitInfo", () => {
  it("returns empty information outside a repository instead of failing", () => {
    const info = readGitInfo("/");

    expect(info.prefix).toBe("");
    expect(info.fileDates.size).toBe(0);
  });
});
