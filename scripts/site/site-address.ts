// Where the built site will live: its public address and the base path every internal URL gets.
// See docs/publishing.md: one address decides both, so a project site on GitHub Pages
// (https://org.github.io/repo/), a sub-folder of the county's own web and a domain root all work.

import { SITE_ADDRESS_ENV } from "../load/publishing.ts";

export { SITE_ADDRESS_ENV };

export interface SiteAddress {
  /** The public address with a trailing slash, e.g. https://org.github.io/repo/; undefined when unknown. */
  url?: string;
  /** The path every internal URL starts with: "/" at a domain root, "/repo/" on a project site. */
  pathPrefix: string;
  /** Where the address came from, for messages: the flag, the environment variable or lan.yaml. */
  source?: string;
}

/** An address that is not a usable http(s) URL. The message is Swedish and names where it came from. */
export class SiteAddressError extends Error {}

/**
 * Parses a site address. It must be an absolute http(s) URL without query or fragment; a missing trailing
 * slash is added, since the address names a folder.
 */
export function parseSiteAddress(value: string, source: string): SiteAddress {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new SiteAddressError(`${source}: ”${value}” är ingen fullständig adress. Skriv till exempel https://handbok.exempel.se/.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SiteAddressError(`${source}: adressen måste börja med https:// (eller http://), inte ${url.protocol}//.`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new SiteAddressError(`${source}: adressen får inte innehålla ?, # eller inloggningsuppgifter: ”${value}”.`);
  }
  const pathPrefix = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return { url: `${url.origin}${pathPrefix}`, pathPrefix, source };
}

/**
 * The site address of a build: the environment variable (set by --webbplats or by the Pages workflow) wins
 * over `webbplats:` in lan.yaml; without either the site lives at a domain root and has no absolute URLs.
 */
export function resolveSiteAddress(fromLan: string | undefined, env: NodeJS.ProcessEnv = process.env): SiteAddress {
  const override = env[SITE_ADDRESS_ENV]?.trim();
  if (override) return parseSiteAddress(override, `miljövariabeln ${SITE_ADDRESS_ENV}`);
  if (fromLan) return parseSiteAddress(fromLan, "data/lan.yaml, fältet webbplats");
  return { pathPrefix: "/" };
}

/**
 * The absolute URL of a site-internal path such as "/vagledning/uppdrag/" (without the base path), for
 * canonical links, the sitemap, Open Graph and print. Without a known address the path is returned with the
 * base path in front, which is the best a page can say about itself.
 */
export function absoluteUrl(address: SiteAddress, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  const rel = path.replace(/^\/+/, "");
  return `${address.url ?? address.pathPrefix}${rel}`;
}
