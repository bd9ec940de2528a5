import { describe, expect, it } from "vitest";
import { readingMinutes, totalMinutes } from "../../scripts/site/reading-time.ts";

describe("readingMinutes", () => {
  it("rounds up at 180 words a minute", () => {
    expect(readingMinutes(180)).toBe(1);
    expect(readingMinutes(181)).toBe(2);
    expect(readingMinutes(900)).toBe(5);
  });

  it("gives at least one minute for a short or empty page", () => {
    expect(readingMinutes(0)).toBe(1);
  });
});

describe("totalMinutes", () => {
  it("adds the rounded times so the list and the total agree", () => {
    expect(totalMinutes([181, 10, 360])).toBe(2 + 1 + 2);
  });
});
