// Reads every released dataset version from disk and verifies it: lock entry, SHA-256, JSON, schema, references.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ReleaseLock, type Dataset } from "../schemas/dataset.ts";
import { compareVersions } from "../lib/semver.ts";
import { DatasetError, type Problem } from "./errors.ts";
import { parseDatasetText, removalProblems, revisionProblems, schema13Problems } from "./validate.ts";

export interface Release {
  version: string;
  /** Release date, ISO. */
  released: string;
  /** When it was published (UTC, to the second); midnight of `released` for a release that did not record it. */
  publishedAt: string;
  notes: string;
  sha256: string;
  /**
   * The date of the newest reporting the release covers: recorded in the file from 1.3.0 on ("evidenceThrough"),
   * for older releases the newest full date among their sources and deals.
   */
  evidenceThrough: string;
  /** Where the release's sweep stops, if earlier than evidenceThrough (schema 1.52): the record is thin after it. */
  sweptThrough?: string;
  /** Bytes of the release file, as served for download. */
  text: string;
  dataset: Dataset;
}

export interface ReleaseHistory {
  /** Oldest first. */
  releases: Release[];
  current: Release;
}

export const LOCK_FILE = "releases.lock.json";
/** The first release whose sources must all carry a kind (schema 1.1). */
export const SOURCE_KINDS_REQUIRED_FROM = "1.1.0";
/** The first release held to one grading rule and required to say how current its evidence is (schema 1.3). */
export const SCHEMA_13_REQUIRED_FROM = "1.3.0";
export const RELEASES_DIR = "releases";

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Loads and verifies every release under dataDir (e.g. "data"); throws DatasetError listing every problem. */
export function loadReleases(dataDir: string, root = process.cwd()): ReleaseHistory {
  const show = (path: string) => relative(root, path) || path;
  const lockPath = join(dataDir, LOCK_FILE);
  const releasesDir = join(dataDir, RELEASES_DIR);
  const problems: Problem[] = [];

  if (!existsSync(lockPath)) throw new DatasetError([{ file: show(lockPath), message: "the release lock file is missing" }]);
  const lockText = readFileSync(lockPath, "utf8");
  let lockRaw: unknown;
  try {
    lockRaw = JSON.parse(lockText);
  } catch (error) {
    const parsed = parseDatasetText(lockText, show(lockPath));
    throw new DatasetError(parsed.ok ? [{ file: show(lockPath), message: String(error) }] : parsed.problems);
  }
  const lock = ReleaseLock.safeParse(lockRaw);
  if (!lock.success) {
    throw new DatasetError(
      lock.error.issues.map((i) => ({
        file: show(lockPath),
        record: i.path[0] ? `version ${String(i.path[0])}` : undefined,
        field: i.path.slice(1).join(".") || undefined,
        message: i.message,
      })),
    );
  }

  const files = existsSync(releasesDir) ? readdirSync(releasesDir).filter((f) => f.endsWith(".json")) : [];
  const fileVersions = new Set(files.map((f) => f.replace(/\.json$/, "")));
  for (const version of fileVersions) {
    if (!(version in lock.data)) {
      problems.push({
        file: show(join(releasesDir, `${version}.json`)),
        message: `released file has no entry in ${LOCK_FILE}: add it with "npm run data:release", never by hand`,
      });
    }
  }

  const releases: Release[] = [];
  for (const [version, entry] of Object.entries(lock.data).sort(([a], [b]) => compareVersions(a, b))) {
    const path = join(releasesDir, `${version}.json`);
    const file = show(path);
    if (!fileVersions.has(version)) {
      problems.push({ file: show(lockPath), record: `version ${version}`, message: `lock entry has no file ${file}` });
      continue;
    }
    const text = readFileSync(path, "utf8");
    const actual = sha256(text);
    if (actual !== entry.sha256) {
      problems.push({
        file,
        message: `released file was edited after release: SHA-256 is ${actual}, the lock says ${entry.sha256}. Released versions are immutable: revert the file and put corrections in a new version`,
      });
      continue;
    }
    const parsed = parseDatasetText(text, file, {
      requireSourceKinds: compareVersions(version, SOURCE_KINDS_REQUIRED_FROM) >= 0,
      requireSchema13: compareVersions(version, SCHEMA_13_REQUIRED_FROM) >= 0,
    });
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const previous = releases.at(-1);
    if (previous) problems.push(...changeProblems(previous, parsed.dataset, file, version));
    releases.push({
      version,
      released: entry.released,
      publishedAt: entry.publishedAt ?? `${entry.released}T00:00:00Z`,
      notes: entry.notes,
      sha256: actual,
      evidenceThrough: parsed.dataset.evidenceThrough ?? newestDate(parsed.dataset),
      ...(parsed.dataset.sweptThrough ? { sweptThrough: parsed.dataset.sweptThrough } : {}),
      text,
      dataset: parsed.dataset,
    });
  }

  if (problems.length) throw new DatasetError(problems);
  const current = releases.at(-1);
  if (!current) throw new DatasetError([{ file: show(lockPath), message: "no released version" }]);
  return { releases, current };
}

/** The newest full date (YYYY-MM-DD) among a dataset's sources and deals: how current a release without "evidenceThrough" is. */
export function newestDate(dataset: Dataset): string {
  const dates = [
    ...dataset.deals.flatMap((d) => [d.announced, ...d.sources.map((s) => s.date)]),
    ...dataset.financing.flatMap((f) => [f.announced, ...f.sources.map((s) => s.date)]),
    ...dataset.metrics.map((m) => m.source.date),
  ].filter((date) => date.length === 10);
  return dates.reduce((a, b) => (b > a ? b : a), "0000-01-01");
}

/** The version the working copy is being prepared as: the newest one its revision notes name, else the next minor. */
function upcomingVersion(working: Dataset, currentVersion: string): string {
  const named = working.revisions.map((r) => r.version).filter((v) => compareVersions(v, currentVersion) > 0);
  if (named.length) return named.sort(compareVersions).at(-1)!;
  const [major, minor] = currentVersion.split(".").map(Number) as [number, number];
  return `${major}.${minor + 1}.0`;
}

/** What a release may not do to the one before it: drop a record silently, or revise one without a reason. */
function changeProblems(previous: Release, next: Dataset, file: string, version: string): Problem[] {
  const removals = removalProblems(previous.dataset, next, file, previous.version);
  // Reasons are required from schema 1.1 on: 1.0.0 had nothing to revise, and fixtures before it carry none.
  const reasons = compareVersions(version, SOURCE_KINDS_REQUIRED_FROM) >= 0 ? revisionProblems(previous.dataset, next, file, version) : [];
  return [...removals, ...reasons];
}

/**
 * Validates the working copy (not yet released): schema, references, graded sources and, against the
 * current release when given, that nothing was dropped without being marked removed. No hash.
 */
export function loadWorkingDataset(path: string, root = process.cwd(), current?: Release, nextVersion?: string): Dataset {
  const file = relative(root, path) || path;
  if (!existsSync(path)) throw new DatasetError([{ file, message: "the working dataset file is missing" }]);
  const parsed = parseDatasetText(readFileSync(path, "utf8"), file, { requireSourceKinds: true });
  if (!parsed.ok) throw new DatasetError(parsed.problems);
  const version = nextVersion ?? (current ? upcomingVersion(parsed.dataset, current.version) : undefined);
  const problems = current ? changeProblems(current, parsed.dataset, file, version!) : [];
  if (version === undefined || compareVersions(version, SCHEMA_13_REQUIRED_FROM) >= 0) problems.push(...schema13Problems(parsed.dataset, file));
  if (problems.length) throw new DatasetError(problems);
  return parsed.dataset;
}
