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
    fileParallelism: false,
  },
});
