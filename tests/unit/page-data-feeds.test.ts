// The Atom feeds' entries, on the fixture history with a 1.3.0 release: one per release for /data/feed.xml, one per
// record change for a company's feed, one per release that moved an indicator for the monitor's. A follower reads
// these instead of the site, so each entry must say what changed, link where it happened, and come newest first.
import { beforeEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { ADDED_DEAL, CANCELLED_DEAL, RELEASE_13, fixtureWith13, withDataDir } from "../helpers/fixture-with-1-3.ts";
import type { Release } from "../../src/dataset/load.ts";

const { dataDir, archiveDir } = fixtureWith13();
const { companyFeed, datasetFeed, monitorFeed, getHistory } = await withDataDir(dataDir, archiveDir, async () => ({
  ...(await import("../../src/page-data/feeds.ts")),
  ...(await import("../../src/dataset/index.ts")),
}));

const SITE = "https://circularity.report";
const STYLESHEET = `<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>`;

interface Entry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary: string;
}

function parse(xml: string) {
  const { feed } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
  const links = ([] as { rel: string; href: string }[]).concat(feed.link);
  const entries = ([] as Record<string, any>[])
    .concat(feed.entry ?? [])
    .map((e): Entry => ({ id: e.id, title: e.title, updated: e.updated, link: e.link.href, summary: e.summary["#text"] }));
  return {
    id: feed.id as string,
    title: feed.title as string,
    subtitle: feed.subtitle as string,
    updated: feed.updated as string,
    self: links.find((l) => l.rel === "self")!.href,
    alternate: links.find((l) => l.rel === "alternate")!.href,
    author: feed.author.name as string,
    rights: feed.rights as string,
    entries,
  };
}

/** The releases' SHA-256s as the fixture's lock file records them. */
function lockedSha(version: string): string {
  return JSON.parse(readFileSync(join(dataDir, "releases.lock.json"), "utf8"))[version].sha256;
}

/**
 * A further release, 1.4.0: CoreWeave's description reworded (with a reason), a deal withdrawn (with a reason), a
 * metric dropped with no removal entry, and Lucent's customers withdrawn with their two deals.
 */
function with14(releases: readonly Release[]): Release[] {
  const current = releases.at(-1)!;
  const dataset = structuredClone(current.dataset);
  dataset.entities.find((e) => e.id === "coreweave")!.description = "A GPU cloud provider.";
  dataset.revisions.push({ list: "entities", id: "coreweave", version: "1.4.0", fields: ["description"], reason: "Test: shorter." });
  dataset.deals = dataset.deals.filter((d) => d.id !== "nvidia-coreweave-2025-09");
  dataset.removed.push({ list: "deals", id: "nvidia-coreweave-2025-09", since: "1.4.0", reason: "Test: a duplicate record." });
  dataset.metrics = dataset.metrics.filter((m) => m.id !== "openai-revenue-2025-h1");
  const lucentCustomers = ["lucent-lucent-customers-1999", "lucent-customers-lucent-1999"];
  dataset.entities = dataset.entities.filter((e) => e.id !== "lucent-customers");
  dataset.deals = dataset.deals.filter((d) => !lucentCustomers.includes(d.id));
  dataset.removed.push(
    { list: "entities", id: "lucent-customers", since: "1.4.0", reason: "Test: not a company." },
    ...lucentCustomers.map((id) => ({ list: "deals" as const, id, since: "1.4.0", reason: "Test: its party was withdrawn." })),
  );
  const release: Release = {
    ...current,
    version: "1.4.0",
    released: "2026-08-01",
    publishedAt: "2026-08-01T12:00:00Z",
    notes: "Test release",
    sha256: "f".repeat(64),
    dataset,
  };
  return [...releases, release];
}

describe("dataset feed", () => {
  let releases: Release[];
  let feed: ReturnType<typeof parse>;
  beforeEach(() => {
    releases = getHistory().releases;
    feed = parse(datasetFeed(releases));
  });

  it("is the releases feed of /data/, styled as a page", () => {
    const xml = datasetFeed(releases);
    expect(xml).toContain(STYLESHEET);
    expect(feed).toMatchObject({
      id: `${SITE}/data/feed.xml`,
      title: "Circularity: dataset releases",
      subtitle: "Every release of the Circularity dataset, with what it added and why it revised what it revised.",
      self: `${SITE}/data/feed.xml`,
      alternate: `${SITE}/data/`,
      author: "Circularity",
      rights: "CC BY 4.0",
      updated: RELEASE_13.publishedAt,
    });
  });

  it("has one entry per release, newest first, each dated when it was published and linked to its changelog", () => {
    expect(feed.entries.map((e) => [e.id, e.title, e.updated, e.link])).toEqual([
      ["tag:circularity,2026-07-15:release/1.3.0", "Dataset v1.3.0 released", "2026-07-15T09:30:00Z", `${SITE}/data/#v1.3.0`],
      // The fixture's own releases record no publication time: midnight of their release date.
      ["tag:circularity,2026-05-01:release/1.1.0", "Dataset v1.1.0 released", "2026-05-01T00:00:00Z", `${SITE}/data/#v1.1.0`],
      ["tag:circularity,2025-12-20:release/1.0.0", "Dataset v1.0.0 released", "2025-12-20T00:00:00Z", `${SITE}/data/#v1.0.0`],
    ]);
  });

  it("sums up each release: its notes, what it added, revised and removed, its hash, and the reasons it gave", () => {
    const [v13, v11, v10] = feed.entries.map((e) => e.summary);
    const first = releases[0]!.dataset;
    const added10 = first.entities.length + first.deals.length + first.metrics.length;
    expect(added10).toBe(23);
    expect(v10).toMatch(/^First fixture release: eleven deals/);
    expect(v10).toContain(` ${added10} records added, 0 revised, 0 removed. SHA-256 ${lockedSha("1.0.0")}.`);
    expect(v10!.endsWith(`SHA-256 ${lockedSha("1.0.0")}.`)).toBe(true);
    // 1.1.0 added a deal, a metric and a financing record, and graded the sources of all 11 deals and 4 metrics.
    expect(v11).toContain(" 3 records added, 15 revised, 0 removed.");
    expect(v11).toContain(
      `SHA-256 ${lockedSha("1.1.0")}. Revisions: openai-coreweave-2025-03: Test data: the amount is revised on purpose so that revision notices have something to show; sources graded by kind.`,
    );
    expect(v13!.startsWith(RELEASE_13.notes)).toBe(true);
    // The added deal, and the cancelled deal's status.
    // The release's notes end in a full stop before the counts, and one record is "record", not "records".
    expect(v13!.startsWith(`${RELEASE_13.notes}. 1 record added, 1 revised, 0 removed. `)).toBe(true);
    expect(v13).toContain(`Revisions: ${CANCELLED_DEAL.id}: ${CANCELLED_DEAL.reason}`);
  });

  it("counts a withdrawn record as removed, and lists only revisions that give a reason", () => {
    const summary = parse(datasetFeed(with14(releases))).entries[0]!.summary;
    expect(summary).toContain("0 records added, 1 revised, 5 removed. SHA-256 ffff");
    expect(summary).toContain("Revisions: coreweave: Test: shorter.");
    // 1.1.0 revised 15 records but gave a reason for one.
    expect(feed.entries[1]!.summary.match(/Revisions: /g)).toHaveLength(1);
    expect(feed.entries[1]!.summary).not.toContain("nvidia-openai-2025-09:");
  });
});

describe("company feed", () => {
  let releases: Release[];
  beforeEach(() => {
    releases = getHistory().releases;
  });

  it("is the company's feed, named for it and linked to its page", () => {
    const xml = companyFeed(releases, "coreweave");
    expect(xml).toContain(STYLESHEET);
    expect(parse(xml)).toMatchObject({
      id: `${SITE}/companies/coreweave/feed.xml`,
      title: "Circularity: CoreWeave",
      subtitle: "New and revised deals, financing and metrics involving CoreWeave, release by release, with the reason for each revision.",
      self: `${SITE}/companies/coreweave/feed.xml`,
      alternate: `${SITE}/companies/coreweave/`,
      author: "Circularity",
      rights: "CC BY 4.0",
      updated: RELEASE_13.publishedAt,
    });
  });

  it("has an entry for each change to a record that concerns the company, newest release first", () => {
    const entries = parse(companyFeed(releases, "coreweave")).entries;
    expect(entries.map((e) => e.id)).toEqual([
      `tag:circularity,2026-07-15:deals/${ADDED_DEAL.id}/1.3.0/added`,
      "tag:circularity,2026-05-01:financing/coreweave-notes-2025-05/1.1.0/added",
      "tag:circularity,2026-05-01:deals/openai-coreweave-2025-03/1.1.0/revised",
      "tag:circularity,2026-05-01:deals/nvidia-coreweave-2025-09/1.1.0/revised",
      "tag:circularity,2025-12-20:deals/openai-coreweave-2025-03/1.0.0/added",
      "tag:circularity,2025-12-20:deals/nvidia-coreweave-2025-09/1.0.0/added",
      "tag:circularity,2025-12-20:entities/coreweave/1.0.0/added",
    ]);
    expect(entries.map((e) => e.updated)).toEqual([RELEASE_13.publishedAt, ...Array(3).fill("2026-05-01T00:00:00Z"), ...Array(3).fill("2025-12-20T00:00:00Z")]);
  });

  it("says what each change was, and links a deal to its page, a financing record to its entry, the company to its page", () => {
    const byId = new Map(parse(companyFeed(releases, "coreweave")).entries.map((e) => [e.id.replace(/^tag:circularity,[\d-]+:/, ""), e]));
    expect(byId.get(`deals/${ADDED_DEAL.id}/1.3.0/added`)).toMatchObject({
      title: `Added in v1.3.0: ${ADDED_DEAL.title}`,
      link: `${SITE}/deals/${ADDED_DEAL.id}/`,
      summary: "New deal in dataset v1.3.0.",
    });
    expect(byId.get("financing/coreweave-notes-2025-05/1.1.0/added")).toMatchObject({
      title: "Added in v1.1.0: CoreWeave's senior notes due 2030 (test record)",
      link: `${SITE}/financing/#coreweave-notes-2025-05`,
      summary: "New financing record in dataset v1.1.0.",
    });
    expect(byId.get("deals/openai-coreweave-2025-03/1.1.0/revised")).toMatchObject({
      title: "Revised (amount, sources) in v1.1.0: OpenAI's first CoreWeave contract",
      link: `${SITE}/deals/openai-coreweave-2025-03/`,
      summary:
        "Dataset v1.1.0 revised it: amount $11.9B → $12B; sources regraded or retitled. Test data: the amount is revised on purpose so that revision notices have something to show; sources graded by kind.",
    });
    expect(byId.get("deals/nvidia-coreweave-2025-09/1.1.0/revised")!.summary).toBe(
      "Dataset v1.1.0 revised it: sources regraded or retitled. The release recorded no reason for this revision.",
    );
    expect(byId.get("entities/coreweave/1.0.0/added")).toMatchObject({
      title: "Added in v1.0.0: CoreWeave",
      link: `${SITE}/companies/coreweave/`,
      summary: "New company record in dataset v1.0.0.",
    });
  });

  it("links a metric's change, which has no page of its own, to the release's changelog", () => {
    const entry = parse(companyFeed(releases, "openai")).entries.find((e) => e.id.includes(":metrics/openai-revenue-2025-h1/1.1.0/revised"))!;
    expect(entry.link).toBe(`${SITE}/data/#v1.1.0`);
    expect(entry.title).toMatch(/^Revised \(source\) in v1\.1\.0: openai-revenue-2025-h1$/);
  });

  it("says a withdrawn record was withdrawn, why where the release says, and links the changelog, not a gone page", () => {
    const later = with14(releases);
    const coreweave = parse(companyFeed(later, "coreweave")).entries;
    expect(coreweave.slice(0, 2)).toEqual([
      {
        id: "tag:circularity,2026-08-01:deals/nvidia-coreweave-2025-09/1.4.0/removed",
        // The record is gone from the release that withdrew it, so the entry cannot take its title from there.
        title: `Removed in v1.4.0: ${releases.at(-1)!.dataset.deals.find((d) => d.id === "nvidia-coreweave-2025-09")!.title}`,
        updated: "2026-08-01T12:00:00Z",
        link: `${SITE}/data/#v1.4.0`,
        summary: "Withdrawn in dataset v1.4.0. Test: a duplicate record.",
      },
      {
        id: "tag:circularity,2026-08-01:entities/coreweave/1.4.0/revised",
        title: "Revised (description) in v1.4.0: CoreWeave",
        updated: "2026-08-01T12:00:00Z",
        link: `${SITE}/companies/coreweave/`,
        summary: "Dataset v1.4.0 revised it: description reworded. Test: shorter.",
      },
    ]);
    const company = parse(companyFeed(later, "lucent-customers")).entries.find((e) => e.id.includes(":entities/lucent-customers/1.4.0/removed"))!;
    expect(company).toMatchObject({ link: `${SITE}/data/#v1.4.0`, summary: "Withdrawn in dataset v1.4.0. Test: not a company." });
    const metric = parse(companyFeed(later, "openai")).entries[0]!;
    expect(metric).toMatchObject({ id: "tag:circularity,2026-08-01:metrics/openai-revenue-2025-h1/1.4.0/removed", summary: "Withdrawn in dataset v1.4.0." });
  });

  it("names a company the current release does not hold by its id", () => {
    const feed = parse(companyFeed(releases, "no-such-company"));
    expect(feed.title).toBe("Circularity: no-such-company");
    expect(feed.entries).toEqual([]);
  });
});

describe("monitor feed", () => {
  let feed: ReturnType<typeof parse>;
  beforeEach(() => {
    feed = parse(monitorFeed());
  });

  it("is the monitor's feed, linked to the monitor", () => {
    expect(monitorFeed()).toContain(STYLESHEET);
    expect(feed).toMatchObject({
      id: `${SITE}/monitor/feed.xml`,
      title: "Circularity: the monitor",
      subtitle: "Each release that moves an indicator of how circular AI financing is: by how much, and which records moved it.",
      self: `${SITE}/monitor/feed.xml`,
      alternate: `${SITE}/monitor/`,
      author: "Circularity",
      rights: "CC BY 4.0",
    });
  });

  it("has an entry for each release that moved an indicator's shown value, newest first, then by indicator", () => {
    // Firmness (committed ÷ disclosed AI-era dollars): 60.2/204.2 = 29% in 1.0.0, 60.3/304.3 = 20% in 1.1.0,
    // 70.3/304.3 = 23% in 1.3.0. The financing layer (one $2B note) starts in 1.1.0 and does not move in 1.3.0.
    expect(feed.entries.map((e) => [e.id, e.title])).toEqual([
      ["tag:circularity,2026-07-15:monitor/firmness/1.3.0", "How firm the money is: 23% in v1.3.0"],
      ["tag:circularity,2026-05-01:monitor/debt-behind-the-loops/1.1.0", "The money borrowed and raised behind the loops: $2B in v1.1.0"],
      ["tag:circularity,2026-05-01:monitor/firmness/1.1.0", "How firm the money is: 20% in v1.1.0"],
      ["tag:circularity,2025-12-20:monitor/firmness/1.0.0", "How firm the money is: 29% in v1.0.0"],
    ]);
    // Dated when each release was published, like the dataset's feed, not at midnight.
    expect(feed.entries.map((e) => e.updated)).toEqual([2, 1, 1, 0].map((i) => getHistory().releases[i]!.publishedAt));
    expect(feed.entries[0]!.updated).toBe(RELEASE_13.publishedAt);
  });

  it("links a release's move to the indicator pinned to it, where the release has a pinned indicator, else the live one", () => {
    expect(feed.entries.map((e) => e.link)).toEqual([
      `${SITE}/monitor/firmness/v1.3.0/`,
      `${SITE}/monitor/debt-behind-the-loops/`,
      `${SITE}/monitor/firmness/`,
      `${SITE}/monitor/firmness/`,
    ]);
  });

  it("says from what to what each value moved and which input records moved it", () => {
    const formula = "committed dollars ÷ all disclosed dollars, active AI-era deals.";
    expect(feed.entries.map((e) => e.summary)).toEqual([
      `How firm the money is: 20% in v1.1.0, 23% in v1.3.0. Records that moved it: added deal:${ADDED_DEAL.id}; dropped deal:${CANCELLED_DEAL.id}. ${formula}`,
      "The money borrowed and raised behind the loops: $2B, the first release with its inputs (v1.1.0). sum of disclosed financing amounts, not cancelled, by instrument.",
      // Every 1.0.0 input's record changed in 1.1.0 (its sources graded; OpenAI–CoreWeave's amount too).
      `How firm the money is: 29% in v1.0.0, 20% in v1.1.0. Records that moved it: added deal:anthropic-amazon-2026-04; revised ${[
        "nvidia-openai-2025-09",
        "amd-openai-2025-10",
        "openai-amazon-2025-11",
        "amazon-openai-2025-12",
        "amazon-anthropic-2024-11",
        "nvidia-coreweave-2025-09",
        "openai-coreweave-2025-03",
      ]
        .map((id) => `deal:${id}`)
        .join(", ")}. ${formula}`,
      `How firm the money is: 29%, the first release with its inputs (v1.0.0). ${formula}`,
    ]);
  });
});
