// The one place the change summary gets progress statuses from. The progress colleague's
// scripts/progress/status.ts (design §5) takes the same input shape; once it is on main, replace the body
// of `computeStatus` with a call to its `progressStatus(input).status` and delete the rules below.

export interface YearValue {
  year: number;
  value: number;
}

export interface StatusInput {
  direction: "öka" | "minska";
  baseline?: YearValue | undefined;
  target?: YearValue | undefined;
  measurements: readonly YearValue[];
  /** The county's current follow-up year, never the clock. */
  nowYear: number;
  manual?: { status: string } | undefined;
}

const reached = (direction: StatusInput["direction"], value: number, target: number): boolean =>
  direction === "öka" ? value >= target - 1e-9 : value <= target + 1e-9;

/** Progress status per design §5, in its order of rules. */
export function computeStatus(input: StatusInput): string {
  if (input.manual) return input.manual.status;
  const { baseline, target } = input;
  const latest = [...input.measurements].sort((a, b) => a.year - b.year).at(-1);
  if (latest && target && reached(input.direction, latest.value, target.value)) return "Uppnått";
  if (!baseline || !target || !latest) return "Underlag saknas";
  if (input.nowYear > target.year || latest.year >= target.year) return "Ej uppnått";
  if (target.value === baseline.value) return "Försämring";
  const a = (latest.value - baseline.value) / (target.value - baseline.value);
  const e = target.year === baseline.year ? 1 : (latest.year - baseline.year) / (target.year - baseline.year);
  if (a < 0) return "Försämring";
  if (a >= 0.95 * e) return "I fas";
  if (a >= 0.6 * e) return "Behöver skyndas på";
  return "Begränsade framsteg";
}
