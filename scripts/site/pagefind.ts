import * as pagefind from "pagefind";
import { timedAsync } from "../build-phases.ts";

// Search in Swedish: <html lang="sv"> gives Pagefind's Swedish stemmer, and only <main
// data-pagefind-body> is indexed (header, menus, contents lists and page footers carry
// data-pagefind-ignore). Filters: typ, målgrupp, kommun (partials/sokfilter.njk).
//
// Diacritics (decided 2026-11, Pagefind 1.6, measured on a four-page test: "Far och mor", a page where
// families "får" support, "Årsberättelse", and a page using "for"):
// - default (folding, diacriticSimilarity unset): "får" ranked "Far och mor" first — wrong.
// - exactDiacritics: true: "får" and "för" right, but "arsberattelse" and "foraldrar" found nothing —
//   readers on phones and foreign keyboards type without å/ä/ö, so that is worse.
// - folding with ranking.diacriticSimilarity 10: "får" → the "får" page first, "far" → "Far och mor"
//   first, "för"/"for" likewise, and "arsberattelse" still finds "Årsberättelse". Chosen. The values
//   are search-time options, set in _includes/assets/sok-installningar.js.

/** Indexes a built site with Pagefind's Node API and writes the index into `<outDir>/pagefind`. */
export async function indexSite(outDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind kunde inte starta: ${errors.join("; ")}`);
  try {
    const added = await timedAsync("index", () => index.addDirectory({ path: outDir }));
    if (added.errors.length) throw new Error(`Pagefind kunde inte läsa sidorna: ${added.errors.join("; ")}`);
    const written = await timedAsync("write", () => index.writeFiles({ outputPath: `${outDir}/pagefind` }));
    if (written.errors.length) throw new Error(`Pagefind kunde inte skriva indexet: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
