// The global setup's clean-up removes this run's temporary folders and nothing else: a second run's folders, made
// while the first was going, survive the first run's end (they did not before, and a mutation run beside
// `npm test` lost its sandbox).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TestProject } from "vitest/node";
import setup from "../helpers/temp-cleanup.ts";

function fakeProject(): { project: TestProject; provided: { runTemp: string; runBuildTemp: string } } {
  const provided = { runTemp: "", runBuildTemp: "" };
  const project = { provide: (key: keyof typeof provided, value: string) => void (provided[key] = value) } as unknown as TestProject;
  return { project, provided };
}

describe("per-run temporary folders", () => {
  it("gives a run two folders of its own and removes both, and only them, when it ends", () => {
    const first = fakeProject();
    const teardownFirst = setup(first.project);
    const second = fakeProject();
    const teardownSecond = setup(second.project);
    const otherRunsFile = mkdtempSync(join(tmpdir(), "circularity-data-"));
    try {
      expect(first.provided.runTemp).toMatch(/circularity-run-/);
      expect(first.provided.runTemp).not.toBe(second.provided.runTemp);
      expect(first.provided.runBuildTemp).not.toBe(second.provided.runBuildTemp);
      expect(first.provided.runBuildTemp).toMatch(/tests\/\.tmp\/run-/);
      writeFileSync(join(first.provided.runTemp, "fixture.json"), "{}");
      writeFileSync(join(second.provided.runBuildTemp, "site.html"), "<p>");

      teardownFirst();
      expect(existsSync(first.provided.runTemp)).toBe(false);
      expect(existsSync(first.provided.runBuildTemp)).toBe(false);
      expect(existsSync(join(second.provided.runBuildTemp, "site.html"))).toBe(true);
      expect(existsSync(second.provided.runTemp)).toBe(true);
      expect(existsSync(otherRunsFile)).toBe(true);
    } finally {
      teardownSecond();
      rmSync(otherRunsFile, { recursive: true, force: true });
    }
    expect(existsSync(second.provided.runBuildTemp)).toBe(false);
  });

  it("points this worker's temp folder at the run's own", () => {
    expect(tmpdir()).toMatch(/circularity-run-/);
    expect(process.env.CIRCULARITY_TEST_BUILD_TMP).toMatch(/tests\/\.tmp\/run-/);
  });
});
