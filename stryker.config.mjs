// `npm run test:mutation`: StrykerJS mutates the code that decides what readers see and counts the mutants the
// unit and chart tests kill. Scores per folder are recorded in tests/mutation.md. Pass `--mutate <glob>` to run one folder.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.stryker.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  coverageAnalysis: "perTest",
  mutate: [
    "src/dataset/**/*.ts",
    "src/articles/**/*.ts",
    "!src/articles/collection.ts", // the astro:content loader: exercised by the build, not by unit tests
    "!src/articles/chart-usage.ts", // one line of glue from that loader to articlesEmbedding (entries.ts, unit-tested)
    "src/page-data/**/*.ts",
    "src/lib/**/*.ts",
    "src/render/**/*.ts",
    "src/charts/data.ts",
    "src/charts/theme.ts",
  ],
  concurrency: 2,
  timeoutMS: 60_000,
  reporters: ["clear-text", "progress", "json"],
  // STRYKER_RUN=<name> lets two runs go side by side, each with its own sandbox and report.
  jsonReporter: { fileName: `tests/.tmp/mutation/${process.env.STRYKER_RUN ?? "mutation"}.json` },
  tempDirName: `tests/.tmp/stryker${process.env.STRYKER_RUN ? `-${process.env.STRYKER_RUN}` : ""}`,
  cleanTempDir: "always",
  ignoreStatic: true,
  thresholds: { high: 90, low: 80, break: null },
};
