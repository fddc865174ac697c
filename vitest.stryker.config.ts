// The tests Stryker runs against each mutant: unit and chart tests (the build-output and browser layers need a
// built site and a browser, which a mutant cannot have). Same settings as vitest.config.ts otherwise.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/charts/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    globalSetup: ["tests/helpers/temp-cleanup.ts"],
    fileParallelism: false,
  },
});
