/**
 * Full addresses for paper: a printed page names where it came from, and its links print as full
 * addresses. The site's address comes from the county config / build (the `webbplatsUrl` global); this is
 * the one place that turns it into what print needs, so a change of where the address comes from is a
 * change here only. Without a known address the page path stays as it is, and assets/utskrift.js fills in
 * the address the reader opened the page at when they print.
 */

/** `https://handbok.exempel.se/vagledning/` for `/vagledning/`, or the path itself when the address is unknown. */
export function fullAddress(path: string, siteUrl: string | undefined): string {
  if (!siteUrl) return path;
  const base = siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`;
  try {
    return new URL(path.replace(/^\/+/, ""), base).href;
  } catch {
    return path;
  }
}

/** The CSS string for `--webbplats` (the site's origin, quoted), or "" when the address is unknown. */
export function printOriginCss(siteUrl: string | undefined): string {
  if (!siteUrl) return "";
  try {
    return `--webbplats: ${JSON.stringify(new URL(siteUrl).origin)}`;
  } catch {
    return "";
  }
}
