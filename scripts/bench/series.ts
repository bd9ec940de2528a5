import { cpus, loadavg } from "node:os";
import { PHASES, WAITS, type BuildProfile, type Phase, type Wait } from "../build-phases.ts";
import type { Measured } from "./process.ts";

// The machines this runs on are shared, so one timing says more about the moment than about the code.
// The full build and the bare-Eleventy floor are therefore run in turns (A B A B …); each series reports
// its minimum (the least disturbed run) and median, and every run records the load average around it.

/** One timed run of a child process, with the machine's 1-minute load average just before and after. */
export interface Run {
  seconds: number;
  peakTreeBytes: number;
  loadBefore: number;
  loadAfter: number;
  /** The 1-minute load average exceeded the number of cores before or after: other work competed for the CPU. */
  underLoad: boolean;
}

export interface Series {
  runs: Run[];
  minSeconds: number;
  medianSeconds: number;
  medianPeakBytes: number;
  maxPeakBytes: number;
  /** How many of the runs were taken under load (see Run.underLoad). */
  runsUnderLoad: number;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (!sorted.length) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** More runnable processes than cores, on average over the last minute. */
export const isUnderLoad = (load1: number, cores = cpus().length): boolean => load1 > cores;

export function summarize(runs: Run[]): Series {
  const seconds = runs.map((r) => r.seconds);
  const peaks = runs.map((r) => r.peakTreeBytes);
  return {
    runs,
    minSeconds: Math.min(...seconds),
    medianSeconds: median(seconds),
    medianPeakBytes: median(peaks),
    maxPeakBytes: Math.max(...peaks),
    runsUnderLoad: runs.filter((r) => r.underLoad).length,
  };
}

/** Runs a measured child process and notes the load around it; a non-zero exit is an error. */
export async function timedRun(what: string, run: () => Promise<Measured>): Promise<{ run: Run; measured: Measured }> {
  const loadBefore = loadavg()[0] ?? 0;
  const measured = await run();
  const loadAfter = loadavg()[0] ?? 0;
  if (measured.code !== 0) throw new Error(`${what} avslutades med kod ${measured.code}:\n${measured.stdout}${measured.stderr}`);
  return {
    measured,
    run: {
      seconds: measured.seconds,
      peakTreeBytes: measured.peakTreeBytes,
      loadBefore,
      loadAfter,
      underLoad: isUnderLoad(loadBefore) || isUnderLoad(loadAfter),
    },
  };
}

/**
 * Where the full build's time went, per phase, as the median over the runs. The build measures its own
 * phases; start-up is the rest of the wall time the benchmark saw (starting Node, loading the bundled scripts,
 * reading Eleventy's configuration, and exiting), so the phases add up to the wall time.
 */
export function phaseMedians(runs: { seconds: number; profile: BuildProfile | undefined }[]): {
  phases: Record<Phase, number>;
  indexOverlapped: number;
  /** The main thread's CPU time per phase (median), when every profile has it; start-up is up to the first phase. */
  cpuPhases?: Record<Phase, number>;
  /** The main thread's waits for the page writer and for Pagefind (median), when every profile has them. */
  waits?: Record<Wait, number>;
} {
  const withProfile = runs.filter((r): r is { seconds: number; profile: BuildProfile } => r.profile !== undefined);
  const perRun = withProfile.map(({ seconds, profile }) => {
    const measured = PHASES.filter((p) => p !== "start-up").reduce((sum, p) => sum + profile.phases[p], 0);
    return { ...profile.phases, "start-up": Math.max(0, seconds - measured) };
  });
  const phases = Object.fromEntries(PHASES.map((p) => [p, median(perRun.map((r) => r[p]))])) as Record<Phase, number>;
  const indexOverlapped = median(withProfile.map((r) => r.profile.indexOverlapped));
  const waitsPerRun = withProfile.map((r) => r.profile.waits);
  const waits =
    waitsPerRun.length > 0 && waitsPerRun.every((w) => w !== undefined)
      ? (Object.fromEntries(WAITS.map((w) => [w, median(waitsPerRun.map((r) => r[w]))])) as Record<Wait, number>)
      : undefined;
  const cpus = withProfile.map((r) => r.profile.cpu);
  if (cpus.length === 0 || cpus.some((c) => c === undefined)) return { phases, indexOverlapped, ...(waits && { waits }) };
  const cpuPerRun = cpus.map((c) => ({ ...c!.phases, "start-up": c!.phases["start-up"] + c!.beforeFirstPhase }));
  const cpuPhases = Object.fromEntries(PHASES.map((p) => [p, median(cpuPerRun.map((r) => r[p]))])) as Record<Phase, number>;
  return { phases, indexOverlapped, cpuPhases, ...(waits && { waits }) };
}
