// Vitest setup file, run in every test worker before its tests: points the worker's temp folders at this run's own
// (made by temp-cleanup.ts), so every mkdtemp under tmpdir() and every spawned script lands there too.
import { inject } from "vitest";

process.env.TMPDIR = inject("runTemp");
process.env.CIRCULARITY_TEST_BUILD_TMP = inject("runBuildTemp");
