/**
 * Escaping for text that comes from data (YAML written by coordinators) on its way into HTML or SVG.
 * One function serves both: the five characters it replaces are the only ones that can end a text node
 * or a quoted attribute, and `&#39;` is valid in XML as well as HTML (unlike `&apos;` in old HTML or
 * named entities such as `&nbsp;` in XML).
 */

const REPLACEMENTS: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;

/**
 * Escapes a string for use as HTML/SVG text content or as a double- or single-quoted attribute value.
 *
 * @example
 * escapeHtml('<script>alert("x")</script>');
 * // → '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  // Most data holds none of the five (names, ids, numbers): one test then, and no new string
  // (docs/build-speed.md §3).
  if (!SPECIAL.test(text)) return text;
  return text.replace(SPECIAL_ALL, (character) => REPLACEMENTS[character] ?? character);
}
