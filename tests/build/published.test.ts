// Permalinks never break: every URL published with release 1.0.0 still resolves, and every file pinned to it
// keeps its exact bytes (the list and hashes were taken from the 1.0.0 build before any later release).
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

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
