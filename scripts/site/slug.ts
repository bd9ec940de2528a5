/**
 * Lowercase ASCII slug for URLs and heading anchors; å, ä, ö fold to a, a, o as in the ids.
 * @example slugify("Mål och målgrupper") // "mal-och-malgrupper"
 */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
