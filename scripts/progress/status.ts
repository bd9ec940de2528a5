/**
 * The progress status of one indicator, exactly as docs/progress-method.md says.
 *
 * Decisions where §5 is silent (each pinned by a test in tests/progress/status.test.ts):
 * - Manual status wins: when a coordinator has set one, it is returned as is (with `manual: true`), even
 *   if numbers exist; the validator may warn about that combination, the page says it was set by hand.
 * - Riktning against numbers: when the target lies on the wrong side of the baseline for the indicator's
 *   `riktning` (öka with t < b, minska with t > b) the data contradict themselves, and either reading
 *   would be a guess that can show "Uppnått" at baseline. The result is `Underlag saknas` with
 *   `inconsistent: true` and a Swedish reason, before any other rule, so the error is seen and fixed.
 * - Measurements from before the baseline year say nothing about progress since the baseline and are
 *   ignored; of several measurements in one year the last listed counts.
 * - y₁ ≤ y₀ needs no special case: every measurement left is from y₀ or later, so the deadline has
 *   passed as soon as there is one, and the ratio step (where e divides by y₁ − y₀) is never reached.
 *   The ratio step therefore always has y₀ ≤ y < y₁ and 0 ≤ e < 1.
 * - t = b: Uppnått while at or beyond t (the first rule); otherwise the ordinary order still applies
 *   (Underlag saknas without a measurement, Ej uppnått after the deadline) and `Försämring` replaces
 *   the ratio rules, since a would divide by zero.
 * - Thresholds are compared with a tolerance of 1e-9, so a share that equals 0.95e or 0.6e in decimal
 *   arithmetic is not demoted by binary rounding (4.75/15 < 0.95/3 in floating point).
 * - `achieved` and `expected` are reported whenever they can be computed, so the JSON downloads let
 *   anyone check the method; they are not rounded.
 */

/** Status texts in the order of the table in docs/progress-method.md §2: the fixed order for legends, counts, downloads. */
export const STATUSES = [
  "Uppnått",
  "I fas",
  "Behöver skyndas på",
  "Begränsade framsteg",
  "Försämring",
  "Ej uppnått",
  "Underlag saknas",
] as const;

export type ProgressStatus = (typeof STATUSES)[number];

/** The order in which the rules are tried (docs/progress-method.md §3); the three ratio rules cannot overlap. */
export const EVALUATION_ORDER: readonly ProgressStatus[] = [
  "Uppnått",
  "Underlag saknas",
  "Ej uppnått",
  "Försämring",
  "I fas",
  "Behöver skyndas på",
  "Begränsade framsteg",
];

/** Thresholds on a / e from docs/progress-method.md §7 (Statistics Canada's method, made linear). */
export const ON_TRACK_SHARE = 0.95;
export const HURRY_SHARE = 0.6;
const TOLERANCE = 1e-9;

export type Riktning = "öka" | "minska";

export interface YearValue {
  year: number;
  value: number;
}

export interface ManualStatus {
  status: ProgressStatus;
  reason: string;
}

export interface StatusInput {
  direction: Riktning;
  baseline?: YearValue | undefined;
  target?: YearValue | undefined;
  measurements: readonly YearValue[];
  /** The county's current follow-up year (lan.yaml `uppföljningsår`), never the clock. */
  nowYear: number;
  manual?: ManualStatus | undefined;
}

/** What an indicator lacks when its status is `Underlag saknas`. */
export type MissingPart = "utgångsläge" | "målvärde" | "mätning";

export interface StatusResult {
  status: ProgressStatus;
  /** a = (v − b)/(t − b), when baseline, target and a measurement exist and t ≠ b. */
  achieved?: number;
  /** e = (y − y₀)/(y₁ − y₀), when baseline, target and a measurement exist and y₁ > y₀. */
  expected?: number;
  latest?: YearValue;
  /** True when the coordinator set the status by hand. */
  manual: boolean;
  /** The coordinator's reason for a manual status, or a Swedish explanation of `Underlag saknas`. */
  reason?: string;
  missing?: readonly MissingPart[];
  /** True when the target contradicts the indicator's riktning. */
  inconsistent?: boolean;
}

/**
 * Whether `value` is at or beyond `target` in the indicator's direction.
 *
 * @example
 * hasReached('minska', 12, 15); // → true
 */
export function hasReached(direction: Riktning, value: number, target: number): boolean {
  return direction === "öka" ? value >= target : value <= target;
}

/**
 * Whether a target lies on the wrong side of the baseline for the direction (equal is fine).
 *
 * @example
 * contradictsDirection('öka', 40, 30); // → true
 */
export function contradictsDirection(direction: Riktning, baseline: number, target: number): boolean {
  return direction === "öka" ? target < baseline : target > baseline;
}

/**
 * The measurement progress is judged on: the latest year, from the baseline year on; ties go to the
 * last one listed.
 *
 * @example
 * latestMeasurement([{ year: 2021, value: 5 }, { year: 2023, value: 7 }], 2019); // → { year: 2023, value: 7 }
 */
export function latestMeasurement(measurements: readonly YearValue[], fromYear?: number): YearValue | undefined {
  let latest: YearValue | undefined;
  for (const measurement of measurements) {
    if (fromYear !== undefined && measurement.year < fromYear) continue;
    if (latest === undefined || measurement.year >= latest.year) latest = measurement;
  }
  return latest;
}

/** a and e, each only when its denominator is not zero. */
function shares(baseline: YearValue, target: YearValue, latest: YearValue): Pick<StatusResult, "achieved" | "expected"> {
  const result: Pick<StatusResult, "achieved" | "expected"> = {};
  if (target.value !== baseline.value) result.achieved = (latest.value - baseline.value) / (target.value - baseline.value);
  if (target.year > baseline.year) result.expected = (latest.year - baseline.year) / (target.year - baseline.year);
  return result;
}

/** The Swedish sentence shown for `Underlag saknas`, e.g. "Utgångsläge och mätning saknas." */
function missingReason(missing: readonly MissingPart[]): string {
  const words = missing.map((part, index) => (index === 0 ? part.charAt(0).toUpperCase() + part.slice(1) : part));
  const list = words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} och ${words.at(-1) ?? ""}`;
  return `${list} saknas.`;
}

/** The ratio rules of docs/progress-method.md §3, Försämring first; only reached with y₀ ≤ y < y₁ and t ≠ b. */
function ratioStatus(achieved: number, expected: number): ProgressStatus {
  if (achieved < -TOLERANCE) return "Försämring";
  if (achieved >= ON_TRACK_SHARE * expected - TOLERANCE) return "I fas";
  if (achieved >= HURRY_SHARE * expected - TOLERANCE) return "Behöver skyndas på";
  return "Begränsade framsteg";
}

/**
 * The progress status of one indicator (docs/progress-method.md), with the shares it was computed from.
 *
 * @example
 * progressStatus({
 *   direction: 'öka',
 *   baseline: { year: 2019, value: 17.7 },
 *   target: { year: 2022, value: 30 },
 *   measurements: [{ year: 2021, value: 22 }],
 *   nowYear: 2021,
 * }).status; // → 'Begränsade framsteg' (a ≈ 0.35 < 0.6 · e ≈ 0.4)
 */
export function progressStatus(input: StatusInput): StatusResult {
  const { direction, baseline, target, nowYear } = input;
  const latest = latestMeasurement(input.measurements, baseline?.year);
  const seen = latest === undefined ? {} : { latest };

  if (input.manual !== undefined) {
    return { status: input.manual.status, manual: true, reason: input.manual.reason, ...seen };
  }
  if (baseline !== undefined && target !== undefined && contradictsDirection(direction, baseline.value, target.value)) {
    const side = direction === "öka" ? "lägre" : "högre";
    return {
      status: "Underlag saknas",
      manual: false,
      inconsistent: true,
      reason: `Målvärdet ligger ${side} än utgångsläget fast indikatorn ska ${direction}. Rätta målvärdet eller riktningen.`,
      ...seen,
    };
  }

  const computed = baseline !== undefined && target !== undefined && latest !== undefined ? shares(baseline, target, latest) : {};
  const result = { manual: false, ...seen, ...computed };

  if (target !== undefined && latest !== undefined && hasReached(direction, latest.value, target.value)) {
    return { status: "Uppnått", ...result };
  }
  if (baseline === undefined || target === undefined || latest === undefined) {
    const missing: MissingPart[] = [];
    if (baseline === undefined) missing.push("utgångsläge");
    if (target === undefined) missing.push("målvärde");
    if (latest === undefined) missing.push("mätning");
    return { status: "Underlag saknas", ...result, missing, reason: missingReason(missing) };
  }
  if (nowYear > target.year || latest.year >= target.year) {
    return { status: "Ej uppnått", ...result };
  }
  if (computed.achieved === undefined || computed.expected === undefined) {
    // t = b (not reached, checked above); y₁ > y₀ holds here because y₀ ≤ y < y₁.
    return { status: "Försämring", ...result };
  }
  return { status: ratioStatus(computed.achieved, computed.expected), ...result };
}
