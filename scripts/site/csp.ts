/**
 * The Content Security Policy for every page (a <meta> tag) and for hosts that read a _headers file.
 * Scripts only from the site itself, never inline; 'wasm-unsafe-eval' lets Pagefind run its
 * WebAssembly search. Styles may be inline because Mermaid writes a <style> element into each SVG
 * it draws; a style cannot run code. No third-party origin appears anywhere.
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
