// The Data Package descriptor of every release is a pinned file (/data/<version>/datapackage.json): once published,
// its bytes never change. The build test checks the built file; this checks the function that writes it, so a
// change to the descriptor's code that would rewrite a published descriptor fails here, before any build.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadReleases } from "../../src/dataset/load.ts";
import { datapackageFile } from "../../src/page-data/datapackage.ts";
import { PINNED_LOCK } from "../../src/build/pinned.ts";

const lock = JSON.parse(readFileSync(PINNED_LOCK, "utf8")) as { files: Record<string, string> };
const { releases } = loadReleases("data");

describe("published Data Package descriptors", () => {
  it.each(releases.map((r) => [r.version, r] as const))("v%s: written byte for byte as published", (version, release) => {
    const published = lock.files[`/data/${version}/datapackage.json`];
    expect(published, "the lock has every release's descriptor").toBeDefined();
    expect(createHash("sha256").update(datapackageFile(release)).digest("hex")).toBe(published);
  });
});
