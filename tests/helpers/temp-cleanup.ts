// Vitest global setup: each run gets its own temporary folders, one in the system temp folder (for fixture datasets,
// broken copies of dist/ and archives) and one in tests/.tmp (for test builds), and removes exactly those when it
// ends. Two runs side by side (a mutation run and `npm test`, say) therefore never delete each other's files.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { TEST_TMP } from "./build-site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's folder in the system temp folder; run-temp.ts points each worker's TMPDIR at it. */
    runTemp: string;
    /** This run's folder for test builds, inside the project (see projectTempDir). */
    runBuildTemp: string;
  }
}

export default function setup(project: TestProject): () => void {
  const runTemp = mkdtempSync(join(tmpdir(), "circularity-run-"));
  mkdirSync(TEST_TMP, { recursive: true });
  const runBuildTemp = mkdtempSync(join(TEST_TMP, "run-"));
  project.provide("runTemp", runTemp);
  project.provide("runBuildTemp", runBuildTemp);
  return () => {
    rmSync(runTemp, { recursive: true, force: true });
    rmSync(runBuildTemp, { recursive: true, force: true });
  };
}
