// The Atom feeds: each release at the time it was published, every revision saying what changed (and why, where the
// release says), and a stylesheet that makes a tapped feed link read as a page.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { loadReleases } from "../../src/dataset/load.ts";
import { describeRevision, recordChanges } from "../../src/dataset/changes.ts";
import { companyFeed, datasetFeed, FEED_STYLESHEET } from "../../src/page-data/feeds.ts";
import { ReleaseLock } from "../../src/schemas/dataset.ts";

const { releases } = loadReleases(join(import.meta.dirname, "..", "..", "data"));
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false }).parse(xml);

describe("feeds", () => {
  it("dates each release at the second it was published, not at midnight", () => {
    const feed = datasetFeed(releases);
    const entries = parse(feed).feed.entry as { updated: string; title: string }[];
    expect(entries.length).toBe(releases.length);
    for (const e of entries) expect(e.updated).not.toMatch(/T00:00:00Z$/);
    expect(entries.find((e) => e.title.includes("v1.2.0"))!.updated).toBe("2026-11-26T00:42:21Z");
    expect(entries.find((e) => e.title.includes("v1.2.1"))!.updated).toBe("2026-11-26T04:13:01Z");
  });

  it("says what every revision changed, and why where the release says", () => {
    const revised = recordChanges(releases).filter((c) => c.change === "revised");
    expect(revised.length).toBeGreaterThan(100);
    for (const c of revised) expect(c.what, `${c.version} ${c.id}`).toMatch(/\w/);
    const feed = companyFeed(releases, "amd");
    expect(feed).not.toContain("No reason recorded");
    const noReason = revised.find((c) => c.version === "1.2.0" && !c.reason && c.id === "amd-openai-2025-10")!;
    expect(feed).toContain(`Dataset v1.2.0 revised it: ${noReason.what}. The release recorded no reason for this revision.`);
  });

  it("describes a revision field by field: amounts as amounts, long text as reworded, sources by what was added", () => {
    const before = { amount: { usd: 40e9, basis: "reported" }, notes: "x".repeat(80), status: "announced", sources: [{ url: "a" }] };
    const after = { amount: { usd: 40e9, basis: "committed" }, notes: "y".repeat(80), status: "signed", sources: [{ url: "a" }, { url: "b" }] };
    expect(describeRevision(before, after, ["amount", "notes", "status", "sources"])).toBe(
      "amount $40B (reported) → $40B; notes reworded; status announced → signed; sources: 1 added",
    );
    expect(describeRevision(before, before, ["notes"])).toBe("");
  });

  it("links each feed to the stylesheet that shows it as a page", () => {
    expect(datasetFeed(releases)).toContain(`<?xml-stylesheet type="text/xsl" href="/${FEED_STYLESHEET}"?>`);
  });

  it("refuses a publication time on a different day from the release date", () => {
    const entry = { sha256: "a".repeat(64), released: "2026-11-26", notes: "n" };
    expect(ReleaseLock.safeParse({ "1.0.0": { ...entry, publishedAt: "2026-11-26T04:13:01Z" } }).success).toBe(true);
    const wrong = ReleaseLock.safeParse({ "1.0.0": { ...entry, publishedAt: "2026-11-27T04:13:01Z" } });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues[0]!.path).toEqual(["1.0.0", "publishedAt"]);
  });
});
