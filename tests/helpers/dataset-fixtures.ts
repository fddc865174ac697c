// Builds throwaway data folders for tests that feed bad input to the loader.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sha256 } from "../../src/dataset/load.ts";

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
