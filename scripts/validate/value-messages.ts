import type { Enhet } from "../model/types.ts";

/**
 * Why a measured value is impossible for its unit, or undefined when it is possible. Percentages lie in
 * 0–100 and survey scales in 1–5; counts are never negative. Pure, so the report form's browser bundle
 * shows the very sentences the validator prints.
 */
export function valueMessage(value: number, unit: Enhet): string | undefined {
  if (unit === "procent" && (value < 0 || value > 100)) return `${value} är ingen möjlig procentsats. Ange ett värde mellan 0 och 100.`;
  if (unit === "skala" && (value < 1 || value > 5)) return `${value} ligger utanför skalan. Ange ett medelvärde mellan 1 och 5.`;
  if (unit === "antal" && value < 0) return `${value} är inget möjligt antal. Ange 0 eller mer.`;
  return undefined;
}
