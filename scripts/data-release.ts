// `npm run data:release -- <version> "<notes>"`: freezes the working copy as a new immutable release.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadReleases, loadWorkingDataset, sha256, LOCK_FILE, RELEASES_DIR } from "../src/dataset/load.ts";
import { DatasetError } from "../src/dataset/errors.ts";
import { compareVersions, isVersion } from "../src/lib/semver.ts";

const [version, notes] = process.argv.slice(2);
const dataDir = resolve(process.env.CIRCULARITY_DATA_DIR ?? "data");
const fail = (message: string): never => {
  console.error(`data:release: ${message}`);
  process.exit(1);
};

if (!version || !isVersion(version)) fail(`usage: npm run data:release -- <version, e.g. 1.1.0> "<one-line notes>"`);
if (!notes?.trim()) fail("give one line of release notes saying what changed");
const target = join(dataDir, RELEASES_DIR, `${version}.json`);
if (existsSync(target)) fail(`${target} already exists: released versions are immutable`);

try {
  const lockPath = join(dataDir, LOCK_FILE);
  const lock = existsSync(lockPath) ? (JSON.parse(readFileSync(lockPath, "utf8")) as Record<string, unknown>) : {};
  const current = Object.keys(lock).length ? loadReleases(dataDir).current : undefined;
  if (current && compareVersions(version!, current.version) <= 0) fail(`${version} must be higher than the current release ${current.version}`);
  const workingPath = join(dataDir, "working", "dataset.json");
  loadWorkingDataset(workingPath, process.cwd(), current, version);
  // Released bytes are the working file's bytes, normalised to one trailing newline.
  const text = readFileSync(workingPath, "utf8").trimEnd() + "\n";
  writeFileSync(target, text);
  const released = process.env.RELEASE_DATE ?? new Date().toISOString().slice(0, 10);
  const publishedAt = process.env.RELEASE_DATE ? `${released}T00:00:00Z` : new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const next = { ...lock, [version!]: { sha256: sha256(text), released, publishedAt, notes: notes!.trim() } };
  writeFileSync(lockPath, JSON.stringify(next, null, 2) + "\n");
  console.log(`released ${target} (sha256 ${sha256(text)})`);
} catch (error) {
  if (error instanceof DatasetError) fail(error.message);
  throw error;
}
