// Unit, chart-snapshot and build-output tests. Dataset and chart code is plain TypeScript, so no Astro config is needed here.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/charts/**/*.test.ts", "tests/build/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    globalSetup: ["tests/helpers/temp-cleanup.ts"],
    setupFiles: ["tests/helpers/run-temp.ts"],
    // Two files at a time, one per core: every file makes its own temp folders and test builds (tests/helpers), so
    // none writes where another reads; this roughly halves the unit and build-output layers on two cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
