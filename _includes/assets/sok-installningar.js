// Pagefind settings for the search page, kept apart so that tests can read the same values.
// See scripts/site/pagefind.ts for why these were chosen.

/**
 * Words that carry no topic in a question ("får jag …", "hur gör man …"). Pagefind only returns pages
 * with every word of the query, so "får jag" found the one page that happened to say "jag". They are
 * dropped when another word remains; a query made only of them keeps everything but the pronouns.
 */
const FYLLORD = new Set(
  "jag du vi ni man hur vad när var vem vilka vilken vilket varför kan ska får måste bör det den en ett som i på om och att till med är vara gör göra".split(
    " ",
  ),
);
const PRONOMEN = new Set(["jag", "du", "vi", "ni", "man"]);

/** The query as Pagefind should see it (the search box keeps what the reader typed). */
export function tolkaSokord(term) {
  const words = String(term).trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return words.join(" ");
  const topic = words.filter((w) => !FYLLORD.has(w.toLowerCase()));
  if (topic.length) return topic.join(" ");
  const rest = words.filter((w) => !PRONOMEN.has(w.toLowerCase()));
  return (rest.length ? rest : words).join(" ");
}

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
  processTerm: tolkaSokord,
  // Search on the page itself, without Pagefind's web worker: the worker is one more 12 KB script on the
  // first search (its budget is 150 KB), and the handbook's index is small enough that a search takes
  // milliseconds on the main thread.
  noWorker: true,
};
