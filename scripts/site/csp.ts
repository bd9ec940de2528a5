/**
 * The Content Security Policy for every page (a <meta> tag) and for hosts that read a _headers file.
 * Scripts only from the site itself, never inline; 'wasm-unsafe-eval' lets Pagefind run its
 * WebAssembly search. Styles may be inline because Mermaid writes a <style> element into each SVG
 * it draws; a style cannot run code. No third-party origin appears anywhere.
 *
 * `frame-ancestors 'none'` (no other site may frame the handbook) only works as an HTTP header, never in a
 * <meta> tag, so _includes/sidor/headers.njk adds it (and X-Frame-Options for old browsers) to the _headers
 * file; README.md (Säkerhet) lists the headers a host must set.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
