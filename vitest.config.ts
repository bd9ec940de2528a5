import { defineConfig } from "vitest/config";

// Test files that read the sites tests/support/global-setup.ts builds (or build and browse their own).
// They form their own project so that a run of unit tests alone (`npx vitest run --project unit`, or any
// selection of files outside this list) never pays for the three builds and Chromium.
const SITE_FILES = [
  "tests/browser/**/*.test.ts",
  "tests/output/**/*.test.ts",
  "tests/budgets/**/*.test.ts",
  "tests/editions/site.test.ts",
  "tests/site/progress-pages.test.ts",
];

export default defineConfig({
  test: {
    // Each build is a child process of its own, so two workers keep both cores busy without oversubscribing.
    maxWorkers: 2,
    // A guard against hangs, not a speed limit: whole-site loops in one test may be slow on a busy machine.
    testTimeout: 300_000,
    // Generous for ordinary hooks; hooks that await a build or a whole-site browser pass pass their own
    // timeout of 0 (none): every step inside them is bounded, and a busy machine must not fail a correct build.
    hookTimeout: 600_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: SITE_FILES } },
      {
        extends: true,
        // Every content root is built and served once per run; browser and output tests share those sites.
        test: { name: "site", include: SITE_FILES, globalSetup: ["tests/support/global-setup.ts"] },
      },
    ],
  },
});
