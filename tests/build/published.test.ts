// Permalinks never break: every URL published with release 1.0.0 still resolves, and every file pinned to it
// keeps its exact bytes (the list and hashes were taken from the 1.0.0 build before any later release).
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadReleases } from "../../src/dataset/load.ts";
import { PINNED_LOCK, pinnedFiles, sha256File } from "../../src/build/pinned.ts";

const DIST = "dist";
const published = JSON.parse(readFileSync("archive/published-1.0.0.json", "utf8")) as { urls: string[]; pinned: Record<string, string> };

function fileFor(url: string): string {
  return join(DIST, url.endsWith("/") ? `${url}index.html` : url);
}

describe("URLs published with release 1.0.0", () => {
  it("lists a real set of pages and pinned files", () => {
    expect(published.urls.length).toBeGreaterThan(300);
    expect(Object.keys(published.pinned).length).toBeGreaterThanOrEqual(54);
  });

  it("all still resolve to a file in dist/", () => {
    const missing = published.urls.filter((url) => !existsSync(fileFor(url)));
    expect(missing).toEqual([]);
  });

  it("keep every pinned file byte-identical", () => {
    const changed = Object.entries(published.pinned)
      .filter(
        ([url, sha]) =>
          !existsSync(fileFor(url)) ||
          createHash("sha256")
            .update(readFileSync(fileFor(url)))
            .digest("hex") !== sha,
      )
      .map(([url]) => url);
    expect(changed).toEqual([]);
  });
});

// Every later release too: each file pinned to a release keeps the bytes it was first published with
// (archive/pinned.lock.json, added to by `npm run pinned:lock` after a release is built, never rewritten).
describe("pinned files of every release", () => {
  const lock = JSON.parse(readFileSync(PINNED_LOCK, "utf8")) as { files: Record<string, string> };

  it("keep the bytes they were published with, and none has gone", () => {
    const changed = Object.entries(lock.files)
      .filter(([url, sha]) => !existsSync(join(DIST, url)) || sha256File(DIST, url) !== sha)
      .map(([url]) => url);
    expect(changed).toEqual([]);
  });

  it("are all in the lock, so none can change unnoticed (run `npm run pinned:lock` after building a new release)", () => {
    expect(pinnedFiles(DIST).filter((url) => !(url in lock.files))).toEqual([]);
  });

  it("cover every release's data files and every pinned chart download", () => {
    const { releases } = loadReleases("data");
    for (const r of releases) for (const f of [`/data/${r.version}.json`, `/data/${r.version}/datapackage.json`]) expect(lock.files, f).toHaveProperty([f]);
    expect(Object.keys(lock.files).filter((u) => /^\/charts\/[^/]+\/v[\d.]+\/[^/]+\.svg$/.test(u)).length).toBeGreaterThan(50);
  });
});
