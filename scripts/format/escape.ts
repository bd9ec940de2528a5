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

/**
 * Escapes a string for use as HTML/SVG text content or as a double- or single-quoted attribute value.
 *
 * @example
 * escapeHtml('<script>alert("x")</script>');
 * // → '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => REPLACEMENTS[character] ?? character);
}
