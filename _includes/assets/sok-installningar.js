// Pagefind settings for the search page, kept apart so that tests can read the same values.
// See scripts/site/pagefind.ts for why these were chosen.
export const SOK_INSTALLNINGAR = {
  showSubResults: true,
  showImages: false,
  resetStyles: false,
  excerptLength: 30,
  // Accent-folded matches still count ("arsberattelse" finds "årsberättelse"), but a word typed with
  // the same å, ä and ö as the page ranks far above a folded one: "får" puts a page about getting
  // support before a page titled "Far och mor". Measured in scripts/site/pagefind.ts's notes.
  exactDiacritics: false,
  ranking: { diacriticSimilarity: 10 },
  // Search on the page itself, without Pagefind's web worker: the worker is one more 12 KB script on the
  // first search (its budget is 150 KB), and the handbook's index is small enough that a search takes
  // milliseconds on the main thread.
  noWorker: true,
};
