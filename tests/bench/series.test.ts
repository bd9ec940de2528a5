import { describe, expect, it } from "vitest";
import { isUnderLoad, median, phaseMedians, summarize, type Run } from "../../scripts/bench/series.ts";
import type { BuildProfile } from "../../scripts/build-phases.ts";

const run = (seconds: number, load = 0.5, peak = 100): Run => ({
  seconds,
  peakTreeBytes: peak,
  loadBefore: load,
  loadAfter: load,
  underLoad: isUnderLoad(load, 2),
});

const profile = (phases: Partial<BuildProfile["phases"]>, indexOverlapped = 0): BuildProfile => ({
  phases: { "start-up": 0, validation: 0, model: 0, views: 0, render: 0, pages: 0, index: 0, write: 0, ...phases },
  beforeFirstPhase: 0,
  processSeconds: 0,
  indexOverlapped,
});

describe("benchmark series", () => {
  it("take the median of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("report minimum, median, peak memory and the runs taken under load", () => {
    const series = summarize([run(30, 0.4, 900), run(20, 3.1, 700), run(25, 0.8, 800)]);
    expect(series.minSeconds).toBe(20);
    expect(series.medianSeconds).toBe(25);
    expect(series.maxPeakBytes).toBe(900);
    expect(series.medianPeakBytes).toBe(800);
    expect(series.runsUnderLoad).toBe(1);
  });

  it("give the median of the main thread's waits for the page writer and for Pagefind, when every build recorded them", () => {
    const waited = (writer: number, index: number): BuildProfile => ({ ...profile({ pages: 5 }), waits: { writer, index } });
    const runs = [
      { seconds: 10, profile: waited(3, 0.5) },
      { seconds: 11, profile: waited(1, 0.1) },
      { seconds: 12, profile: waited(2, 0.2) },
    ];
    expect(phaseMedians(runs).waits).toEqual({ writer: 2, index: 0.2 });
    expect(phaseMedians([...runs, { seconds: 9, profile: profile({ pages: 5 }) }]).waits).toBeUndefined();
  });

  it("count a load average above the number of cores as load", () => {
    expect(isUnderLoad(2, 2)).toBe(false);
    expect(isUnderLoad(2.01, 2)).toBe(true);
  });

  it("give start-up the wall time the build's own phases do not account for", () => {
    const { phases, indexOverlapped } = phaseMedians([
      { seconds: 10, profile: profile({ validation: 1, model: 0.5, render: 6, index: 0.5, write: 1 }, 2) },
      { seconds: 12, profile: profile({ validation: 1, model: 0.5, render: 8, index: 0.5, write: 1 }, 4) },
      { seconds: 11, profile: undefined },
    ]);
    expect(phases["start-up"]).toBeCloseTo(1);
    expect(phases.render).toBe(7);
    expect(indexOverlapped).toBe(3);
  });

  it("add the main thread's CPU time before the first phase to start-up, and give none when a run lacks it", () => {
    const zero = profile({}).phases;
    const withCpu = (render: number, before: number): BuildProfile => ({
      ...profile({ render: render + 1 }),
      cpu: { phases: { ...zero, "start-up": 0.2, render }, beforeFirstPhase: before, processSeconds: 9 },
    });
    const { cpuPhases } = phaseMedians([
      { seconds: 10, profile: withCpu(4, 0.5) },
      { seconds: 10, profile: withCpu(6, 0.7) },
      { seconds: 10, profile: withCpu(5, 0.6) },
    ]);
    expect(cpuPhases?.render).toBe(5);
    expect(cpuPhases?.["start-up"]).toBeCloseTo(0.8);
    expect(
      phaseMedians([
        { seconds: 10, profile: withCpu(4, 0.5) },
        { seconds: 10, profile: profile({}) },
      ]).cpuPhases,
    ).toBeUndefined();
  });
});
