// Article versions: a revised article keeps its URL and freezes the text it replaces as <slug>/v<n>.mdx, whose
// bytes are locked by hash the moment it is frozen, so /articles/<slug>/v<n>/ keeps showing what was published.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { sha256 } from "../dataset/load.ts";
import { ARTICLES_DIR } from "../site.config.ts";

export const VERSIONS_LOCK = "versions.lock.json";

/** "<slug>/v<n>" → the SHA-256 of the frozen file and the day it was frozen. */
export type VersionLock = Record<string, { sha256: string; frozen: string }>;

export interface FrozenFile {
  /** "<slug>/v<n>", the collection id. */
  id: string;
  bytes: string;
}

export interface VersionedArticle {
  id: string;
  file: string;
  version: number;
  revisions: readonly { version: number; note: string }[];
}

export function versionPath(id: string, version: number): string {
  return `${id}/v${version}`;
}

export function readVersionLock(dir = ARTICLES_DIR): VersionLock {
  const file = join(dir, VERSIONS_LOCK);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as VersionLock) : {};
}

export function readFrozenFile(id: string, dir = ARTICLES_DIR): FrozenFile {
  return { id, bytes: readFileSync(resolve(dir, `${id}.mdx`), "utf8") };
}

/**
 * Every frozen file is in the lock with its exact bytes, every lock entry still has its file, and every article
 * at version n has frozen versions 1 … n−1 and one revision note for each of versions 2 … n.
 * Throws naming the file and what is wrong.
 */
export function checkVersions(articles: readonly VersionedArticle[], frozen: readonly FrozenFile[], lock: VersionLock, dir = ARTICLES_DIR): void {
  const problems: string[] = [];
  const frozenIds = new Set(frozen.map((f) => f.id));
  for (const f of frozen) {
    const entry = lock[f.id];
    if (!entry) problems.push(`${join(dir, f.id)}.mdx: frozen version is not in ${VERSIONS_LOCK}; freeze versions with npm run article:revise`);
    else if (sha256(f.bytes) !== entry.sha256)
      problems.push(`${join(dir, f.id)}.mdx: frozen version was edited after it was published (its SHA-256 no longer matches ${VERSIONS_LOCK})`);
  }
  for (const id of Object.keys(lock)) {
    if (!frozenIds.has(id)) problems.push(`${join(dir, VERSIONS_LOCK)}: "${id}" is locked but ${id}.mdx is missing; a published version never disappears`);
  }
  for (const a of articles) {
    for (let v = 1; v < a.version; v++) {
      if (!frozenIds.has(versionPath(a.id, v))) problems.push(`${a.file}: version ${a.version} needs its earlier text frozen as ${versionPath(a.id, v)}.mdx`);
    }
    const noted = a.revisions.map((r) => r.version).sort((x, y) => x - y);
    const expected = Array.from({ length: a.version - 1 }, (_, i) => i + 2);
    if (noted.join() !== expected.join())
      problems.push(`${a.file}: revisions must give one note for each of versions ${expected.join(", ") || "(none)"}; found ${noted.join(", ") || "none"}`);
    for (const f of frozenIds) {
      const [slug, v] = f.split("/v");
      if (slug === a.id && Number(v) >= a.version) problems.push(`${a.file}: frozen ${f}.mdx is not older than the article's version ${a.version}`);
    }
  }
  if (problems.length) throw new Error(`Article versions are inconsistent:\n  ${problems.join("\n  ")}`);
}
