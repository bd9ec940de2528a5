import { definePageChecks } from "../support/page-checks.ts";

// axe-core, third-party requests and cookies on every page of the built "minimal" root (see page-checks.ts).
definePageChecks("minimal");
