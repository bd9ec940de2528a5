import { describe, expect, it } from "vitest";

import { PALETTE, TEXT_COLOURS, contrastRatio, type PaletteColour } from "../../scripts/charts/palette.ts";

describe("contrastRatio", () => {
  it("gives 21 for black on white and 1 for a colour on itself", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrastRatio("#005ea5", "#005ea5")).toBe(1);
  });

  it("gives the well-known 4.54 for #767676 on white", () => {
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
});

describe("PALETTE", () => {
  it("gives text colours at least 4.5:1 against white", () => {
    for (const name of TEXT_COLOURS) expect(contrastRatio(PALETTE[name], "#ffffff"), name).toBeGreaterThanOrEqual(4.5);
  });

  it("gives every data mark at least 3:1 against white, gridlines excepted on purpose", () => {
    const marks = (Object.keys(PALETTE) as PaletteColour[]).filter((name) => name !== "grid");

    for (const name of marks) expect(contrastRatio(PALETTE[name], "#ffffff"), name).toBeGreaterThanOrEqual(3);
  });
});
