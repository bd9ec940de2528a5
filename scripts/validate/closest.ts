/** Edit distance between two short strings (keys, enum values); ten lines beat a dependency here. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidate a misspelt word most likely meant, or undefined when nothing is close.
 * @example closest("malvärde", ["målvärde", "mätningar"]) // "målvärde"
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const fold = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(fold(word), fold(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
