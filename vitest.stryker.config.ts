// The tests Stryker runs against each mutant: unit and chart tests (the build-output and browser layers need a
// built site and a browser, which a mutant cannot have). Same settings as vitest.config.ts otherwise.
// STRYKER_UNIT_ONLY=1 leaves out the chart tests: every surviving mutant in code the charts draw from otherwise re-runs
// hundreds of chart tests. The score it gives is a lower bound (more tests can only kill more mutants).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: process.env.STRYKER_UNIT_ONLY ? ["tests/unit/**/*.test.ts"] : ["tests/unit/**/*.test.ts", "tests/charts/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    globalSetup: ["tests/helpers/temp-cleanup.ts"],
    setupFiles: ["tests/helpers/run-temp.ts"],
    fileParallelism: false,
  },
});
