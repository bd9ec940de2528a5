import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Every content root is built and served once per run; browser and output tests share those sites.
    globalSetup: ["tests/support/global-setup.ts"],
    // Browser and build tests share one built site per run; keep files in one worker pool of two.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
  },
});
