import { definePageChecks } from "../support/page-checks.ts";
import { BASE_PATH_SITE } from "../support/site.ts";

// axe-core, width at 375 px, failed requests, script errors, third-party requests and cookies on every page of
// the example county, as served under the base path /fc-handbok/ (see page-checks.ts and docs/testing.md §2:
// the same pages as at the domain root, proven by tests/browser/base-path.test.ts, with longer addresses).
definePageChecks(BASE_PATH_SITE);
