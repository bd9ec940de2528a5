import { inject } from "vitest";

/** One content root, built once per test run by tests/support/global-setup.ts and served on 127.0.0.1. */
export interface BuiltSite {
  /** Short name used in test titles: handbok, exempellan, minimal. */
  name: string;
  /** Swedish description for messages. */
  label: string;
  rootDir: string;
  /** Set when the root was built. */
  outDir?: string;
  /** Base URL without a trailing slash, set when the site is served (it includes the base path). */
  url?: string;
  /** The base path the site was built for and is served under only ("/fc-handbok/"); "/" at a domain root. */
  basePath: string;
  /** Why the root was not built (e.g. it does not validate yet); its tests are skipped with this reason. */
  skipReason?: string;
  /** Set when the build failed unexpectedly; its tests fail with this message. */
  error?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    sites: BuiltSite[];
  }
}

/** The built sites of this run, in a fixed order. */
export function builtSites(): BuiltSite[] {
  const sites = inject("sites") as BuiltSite[] | undefined;
  // Only the "site" project runs the global setup that builds them (vitest.config.ts, SITE_FILES).
  if (!sites) throw new Error("inga byggda webbplatser i den här testfilen: lägg till filen i SITE_FILES i vitest.config.ts");
  return sites;
}

/** The sites every whole-site check covers: the bundled handbook, the example county and the minimal fixture. */
export const SITE_NAMES = ["handbok", "exempellan", "minimal"] as const;

// The example county built for a sub-path and served only under it; in its own module because the global
// setup may not import vitest (this file does).
export { BASE_PATH_SITE } from "./site-names.ts";

/** A ready site: throws if its build failed, so that the test fails with the build's own messages. */
export function readySite(site: BuiltSite): { outDir: string; url: string } {
  if (site.error) throw new Error(site.error);
  if (!site.outDir || !site.url) throw new Error(`${site.label} byggdes inte: ${site.skipReason ?? "okänd orsak"}`);
  return { outDir: site.outDir, url: site.url };
}
