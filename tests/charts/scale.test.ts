import { describe, expect, it } from "vitest";

import { linearScale, niceStep, niceTicks } from "../../scripts/charts/scale.ts";
import { chartId, coord, textWidth } from "../../scripts/charts/svg.ts";

describe("niceTicks", () => {
  it("widens a range to whole nice steps", () => {
    expect(niceTicks(0, 37)).toEqual({ min: 0, max: 40, step: 10, values: [0, 10, 20, 30, 40] });
  });

  it("keeps decimal steps free of floating-point noise", () => {
    const ticks = niceTicks(0, 0.7);

    expect(ticks.values).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it("opens a zero-width range to one unit", () => {
    expect(niceTicks(5, 5).values[0]).toBe(5);
    expect(niceTicks(5, 5).max).toBeGreaterThan(5);
  });

  it("picks 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0.3, 1.5, 2.2, 4, 7].map(niceStep)).toEqual([0.5, 2, 2.5, 5, 10]);
  });
});

describe("linearScale and coord", () => {
  it("maps a domain onto a pixel range, upside down for y", () => {
    const y = linearScale(0, 100, 200, 0);

    expect(y(25)).toBe(150);
  });

  it("rounds coordinates to one decimal and never writes -0", () => {
    expect([12.345, -0.04, 7].map(coord)).toEqual(["12.3", "0", "7"]);
  });

  it("accepts slug ids and refuses anything else", () => {
    expect(chartId("mal-2027_a")).toBe("mal-2027_a");
    expect(() => chartId("2027")).toThrow(RangeError);
  });

  it("estimates label widths generously", () => {
    expect(textWidth("Mätning", 13)).toBe(54.6);
  });
});
