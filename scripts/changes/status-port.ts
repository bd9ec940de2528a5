// The one place the change summary gets progress statuses from: the shared computation in
// scripts/progress/status.ts (docs/progress-method.md), so the pull-request summary and the progress pages agree.
import { progressStatus, type ProgressStatus } from "../progress/status.ts";

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
  manual?: { status: string; motivering: string } | undefined;
}

/** The status text of one indicator series. */
export function computeStatus(input: StatusInput): string {
  const { manual, ...rest } = input;
  return progressStatus({
    ...rest,
    manual: manual ? { status: manual.status as ProgressStatus, reason: manual.motivering } : undefined,
  }).status;
}
