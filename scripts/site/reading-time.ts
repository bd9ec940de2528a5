/** Words a minute for an ordinary adult reader of Swedish factual text. */
export const WORDS_PER_MINUTE = 180;

/** Reading time in whole minutes, rounded up; an empty page still takes a minute to open and glance at. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** Total for a reading path: the sum of each page's rounded time, so the list adds up as shown. */
export function totalMinutes(wordCounts: number[]): number {
  return wordCounts.reduce((sum, w) => sum + readingMinutes(w), 0);
}
