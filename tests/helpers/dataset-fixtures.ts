// Builds throwaway data folders for tests that feed bad input to the loader.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadReleases, sha256 } from "../../src/dataset/load.ts";
import type { Dataset } from "../../src/schemas/dataset.ts";
import { DatasetError } from "../../src/dataset/errors.ts";

export const FIXTURE_DATA = join(import.meta.dirname, "..", "fixtures", "data");

/** A copy of the fixture data folder that a test may break. */
export function copyFixtureData(): string {
  const dir = mkdtempSync(join(tmpdir(), "circularity-data-"));
  cpSync(FIXTURE_DATA, dir, { recursive: true });
  return dir;
}

export function readRelease(dir: string, version: string): any {
  return JSON.parse(readFileSync(join(dir, "releases", `${version}.json`), "utf8"));
}

/** Writes a release file and updates its lock hash, as a legitimate (but wrong) release would be. */
export function writeReleaseWithLock(dir: string, version: string, text: string): void {
  mkdirSync(join(dir, "releases"), { recursive: true });
  writeFileSync(join(dir, "releases", `${version}.json`), text);
  const lockPath = join(dir, "releases.lock.json");
  const lock = JSON.parse(readFileSync(lockPath, "utf8"));
  lock[version] = { sha256: sha256(text), released: lock[version]?.released ?? "2026-01-01", notes: lock[version]?.notes ?? "test release" };
  writeFileSync(lockPath, JSON.stringify(lock, null, 2));
}

/**
 * The dataset a chart test draws from. Most charts draw from the small fixture; charts that name their input records
 * (a chart added in a later release, or one built from a fixed list of records) draw from the site's own release
 * of that version, which is immutable, so their snapshots stay put. The demand chart draws from a release that holds every
 * yardstick it compares (CoreWeave's March 2026 backlog arrived in 1.3.0).
 */
const SITE_RELEASE_CHARTS: Record<string, string> = { "supplier-financing-then-and-now": "1.2.0", "circular-demand-range": "1.47.2" };
export function chartTestRelease(chart: { id: string; since: string }): { dataset: Dataset; version: string } {
  // A chart published since a release the fixture also has (1.0.0, 1.1.0) draws from the fixture.
  const fromFixture = loadReleases(FIXTURE_DATA).releases.some((r) => r.version === chart.since);
  const version = SITE_RELEASE_CHARTS[chart.id] ?? (fromFixture ? undefined : chart.since);
  const history = loadReleases(version ? join(import.meta.dirname, "..", "..", "data") : FIXTURE_DATA);
  const release = version ? history.releases.find((r) => r.version === version)! : history.current;
  return { dataset: release.dataset, version: release.version };
}

/** The DatasetError a run throws, for tests that feed bad input and read the problems it names. */
export function datasetErrorOf(run: () => unknown): DatasetError {
  try {
    run();
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw error;
  }
  throw new Error("expected the dataset to be rejected");
}
