import { definePageChecks } from "../support/page-checks.ts";

// axe-core, third-party requests and cookies on every page of the built "handbok" root (see page-checks.ts).
definePageChecks("handbok");
