import { readFileSync, writeFileSync } from "node:fs";

// Where a build spends its time, so the benchmark (npm run bench) can show which phase a regression is in.
// Always on: entering and leaving a phase reads the wall clock and, on Linux, the main thread's CPU clock
// from /proc (an open, a read and a close each time, some tens of microseconds on a busy machine). So a phase
// must wrap work done once per build, never a call made once per page: timing a per-page look-up cost
// national-scale builds about half a second of CPU (docs/build-speed.md §7). When FC_BUILD_PROFILE names a
// file, the profile is written there as JSON when the process exits (the benchmark sets it for the builds it runs).

/** The phases of `npm run build`, in the order they first run. */
/** `pages`: the pages written outside Eleventy after it rendered its own (docs/decisions.md §12). */
export const PHASES = ["start-up", "validation", "model", "views", "render", "pages", "index", "write"] as const;
export type Phase = (typeof PHASES)[number];

/** What the main thread can wait for besides a CPU (BuildProfile.waits). */
export const WAITS = ["writer", "index"] as const;
export type Wait = (typeof WAITS)[number];

export interface BuildProfile {
  /** Seconds spent in each phase, exclusive of phases nested inside it (the model is built inside validation). */
  phases: Record<Phase, number>;
  /** Seconds from process start until the first phase began: loading Node, tsx and the build's modules. */
  beforeFirstPhase: number;
  /** Seconds from process start until the profile was taken. */
  processSeconds: number;
  /** Seconds Pagefind spent indexing while Eleventy rendered (overlapping `render`, so not part of the sum). */
  indexOverlapped: number;
  /**
   * Seconds during which the build waited, inside the phases, for the thread that writes the pages
   * (`writer`: the disk; the main thread then has nothing else to do) and for Pagefind to take more pages
   * (`index`: at least one page held back; Eleventy may render others meanwhile): how much of a phase's wall
   * clock minus its CPU time is back-pressure rather than waiting for a CPU.
   */
  waits?: Record<Wait, number>;
  /**
   * The main thread's time on a CPU in each phase (exclusive, like `phases`), from Linux's per-thread
   * scheduler statistics; absent where they cannot be read. Unlike the wall clock it hardly changes with
   * what else the machine runs, so it shows a regression even on a busy machine (the wall clock minus this
   * is time spent waiting: for the disk, for Pagefind, or for a CPU).
   */
  cpu?: { phases: Record<Phase, number>; beforeFirstPhase: number; processSeconds: number };
}

/** Seconds the calling thread (the main thread here) has run on a CPU, or undefined off Linux. */
function threadCpuSeconds(): number | undefined {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e9;
  } catch {
    return undefined;
  }
}

interface OpenPhase {
  phase: Phase;
  started: number;
  inner: number;
  cpuStarted: number;
  cpuInner: number;
}

const spent = new Map<Phase, number>();
const cpuSpent = new Map<Phase, number>();
const open: OpenPhase[] = [];
let firstStart: number | undefined;
let cpuAtFirstStart: number | undefined;
let overlapped = 0;
const hasThreadCpu = threadCpuSeconds() !== undefined;

function enter(phase: Phase): OpenPhase {
  const cpu = hasThreadCpu ? (threadCpuSeconds() ?? 0) : 0;
  const entry = { phase, started: performance.now(), inner: 0, cpuStarted: cpu, cpuInner: 0 };
  firstStart ??= entry.started;
  cpuAtFirstStart ??= cpu;
  open.push(entry);
  return entry;
}

function leave(entry: OpenPhase): void {
  const total = performance.now() - entry.started;
  const cpuTotal = hasThreadCpu ? (threadCpuSeconds() ?? 0) - entry.cpuStarted : 0;
  const at = open.lastIndexOf(entry);
  if (at >= 0) open.splice(at, 1);
  spent.set(entry.phase, (spent.get(entry.phase) ?? 0) + total - entry.inner);
  cpuSpent.set(entry.phase, (cpuSpent.get(entry.phase) ?? 0) + cpuTotal - entry.cpuInner);
  const parent = open.at(-1);
  if (parent) {
    parent.inner += total;
    parent.cpuInner += cpuTotal;
  }
}

/** Runs `fn` as `phase`; time in phases nested inside it counts for those, not for this one. */
export function timed<T>(phase: Phase, fn: () => T): T {
  const entry = enter(phase);
  try {
    return fn();
  } finally {
    leave(entry);
  }
}

/** The asynchronous form of `timed`. Only one asynchronous phase runs at a time in a build. */
export async function timedAsync<T>(phase: Phase, fn: () => Promise<T>): Promise<T> {
  const entry = enter(phase);
  try {
    return await fn();
  } finally {
    leave(entry);
  }
}

const waited = Object.fromEntries(WAITS.map((w) => [w, 0])) as Record<Wait, number>;
const waiting = Object.fromEntries(WAITS.map((w) => [w, { count: 0, since: 0 }])) as Record<Wait, { count: number; since: number }>;

/**
 * Marks the start of a wait for the page writer or for Pagefind (BuildProfile.waits); call the returned
 * function when it ends. Eleventy renders pages concurrently, so several pages can wait for Pagefind at
 * once: what is recorded is the time during which at least one waited, not the sum of their waits.
 */
export function beginWait(kind: Wait): () => void {
  const w = waiting[kind];
  if (w.count++ === 0) w.since = performance.now();
  return () => {
    if (--w.count === 0) waited[kind] += performance.now() - w.since;
  };
}

/** Records indexing work that ran in parallel with another phase. */
export function addOverlapped(milliseconds: number): void {
  overlapped += milliseconds;
}

export function buildProfile(): BuildProfile {
  const phases = Object.fromEntries(PHASES.map((p) => [p, (spent.get(p) ?? 0) / 1000])) as Record<Phase, number>;
  const cpuNow = threadCpuSeconds();
  return {
    phases,
    beforeFirstPhase: (firstStart ?? performance.now()) / 1000,
    processSeconds: performance.now() / 1000,
    indexOverlapped: overlapped / 1000,
    waits: Object.fromEntries(WAITS.map((w) => [w, waited[w] / 1000])) as Record<Wait, number>,
    ...(hasThreadCpu && cpuNow !== undefined
      ? {
          cpu: {
            phases: Object.fromEntries(PHASES.map((p) => [p, cpuSpent.get(p) ?? 0])) as Record<Phase, number>,
            beforeFirstPhase: cpuAtFirstStart ?? cpuNow,
            processSeconds: cpuNow,
          },
        }
      : {}),
  };
}

const target = process.env.FC_BUILD_PROFILE;
if (target) process.once("exit", () => writeFileSync(target, `${JSON.stringify(buildProfile(), null, 2)}\n`));
