// Whether a run is for publication. A build is for publication when it knows the site's address: the
// Pages workflow always gives one, a local preview usually does not (docs/publishing.md §1 and §8). It
// sits in load/ because both the validator (rules/accessibility.ts) and the site (site/site-address.ts)
// read it, and data flows load → validate → model → views → site (docs/decisions.md §9).

/** The environment variable that overrides `webbplats:` in lan.yaml (the build flag --webbplats sets it too). */
export const SITE_ADDRESS_ENV = "FC_WEBBPLATS";

/** Where the site address of this run comes from, or undefined for a preview without an address. */
export function siteAddressSource(fromLan: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env[SITE_ADDRESS_ENV]?.trim()) return `miljövariabeln ${SITE_ADDRESS_ENV} eller --webbplats`;
  if (fromLan?.trim()) return "webbplats: i data/lan.yaml";
  return undefined;
}
