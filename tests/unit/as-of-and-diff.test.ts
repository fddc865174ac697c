// A dataset as it stood on a date (what as-of charts draw), the quarter-ends a release publishes them for, and what
// changed between two releases (the changelog): each rule tested at its boundary.
import { describe, expect, it } from "vitest";
import { datasetAsOf, releaseQuarterEnds } from "../../src/dataset/as-of.ts";
import { diffDatasets, diffRecords, isEmptyDiff, stableJson } from "../../src/dataset/diff.ts";
import { dealHistory } from "../../src/dataset/history.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";
import type { Dataset, Deal, Financing, Metric } from "../../src/schemas/dataset.ts";

const fixture = (): Dataset => loadReleases(FIXTURE_DATA).releases.find((r) => r.version === "1.1.0")!.dataset;
const deal = (over: Partial<Deal>): Deal => ({ ...fixture().deals[0]!, ...over }) as Deal;
const metric = (over: Partial<Metric>): Metric => ({ ...fixture().metrics[0]!, stated: undefined, ...over }) as Metric;
const financing = (over: Partial<Financing>): Financing => ({ ...fixture().financing[0]!, ...over }) as Financing;
const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);

describe("a dataset as of a date", () => {
  const dataset = (): Dataset => ({
    ...fixture(),
    deals: [
      deal({ id: "old", announced: "2025-03-31", supersededBy: "replacement" }),
      deal({ id: "replacement", announced: "2025-04-01" }),
      deal({ id: "kept", announced: "2025-03-30", supersededBy: "earlier-replacement" }),
      deal({ id: "earlier-replacement", announced: "2025-03-01" }),
    ],
    financing: [financing({ id: "on-the-day", announced: "2025-03-31" }), financing({ id: "next-day", announced: "2025-04-01" })],
    metrics: [
      metric({ id: "stated-on-the-day", period: "2024", stated: "2025-03-31" }),
      metric({ id: "stated-later", period: "2024-12-31", stated: "2025-04-02" }),
      metric({ id: "dated-period", period: "2025-03-31" }),
      metric({ id: "dated-period-later", period: "2025-04-01" }),
      metric({ id: "undated-period", period: "2025-Q4" }),
    ],
  });

  it("keeps what was announced or stated on or before the date, the date itself included", () => {
    const asOf = datasetAsOf(dataset(), "2025-03-31");
    expect(ids(asOf.deals)).toEqual(["old", "kept", "earlier-replacement"]);
    expect(ids(asOf.financing)).toEqual(["on-the-day"]);
    // A metric with no statement date counts from its period's date; a period that is not a date (a quarter, a year)
    // is taken as known from the start.
    expect(ids(asOf.metrics)).toEqual(["stated-on-the-day", "dated-period", "undated-period"]);
    expect(ids(datasetAsOf(dataset(), "2025-03-30").financing)).toEqual([]);
  });

  it("drops a supersession whose replacement was not yet announced, and keeps one that was", () => {
    const asOf = datasetAsOf(dataset(), "2025-03-31");
    expect(asOf.deals.find((d) => d.id === "old")!.supersededBy).toBeUndefined();
    expect("supersededBy" in asOf.deals.find((d) => d.id === "old")!).toBe(false);
    expect(asOf.deals.find((d) => d.id === "kept")!.supersededBy).toBe("earlier-replacement");
    expect(datasetAsOf(dataset(), "2025-04-01").deals.find((d) => d.id === "old")!.supersededBy).toBe("replacement");
  });

  it("publishes quarter-ends from the first AI-era deal to the evidence date, else to the release date", () => {
    const ds: Dataset = {
      ...fixture(),
      evidenceThrough: "2025-12-15",
      deals: [
        deal({ id: "telecom", announced: "1999-06-01", era: "telecom-1990s" }),
        deal({ id: "ai-late", announced: "2025-05-10", era: "ai-2020s" }),
        deal({ id: "ai-first", announced: "2025-02-10", era: "ai-2020s" }),
      ],
    };
    expect(releaseQuarterEnds(ds, "2026-06-30")).toEqual(["2025-03-31", "2025-06-30", "2025-09-30"]);
    expect(releaseQuarterEnds({ ...ds, evidenceThrough: undefined }, "2025-12-31")).toEqual(["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]);
    expect(releaseQuarterEnds({ ...ds, deals: [ds.deals[0]!] }, "2026-06-30")).toEqual([]);
  });
});

describe("what changed between two releases", () => {
  it("lists added and removed ids in order, and each changed record's changed fields", () => {
    const before = [
      { id: "b", amount: { usd: 1, basis: "committed" }, title: "B" },
      { id: "a", amount: { usd: 1, basis: "committed" }, title: "A" },
      { id: "gone", title: "G" },
      { id: "z-gone", title: "Z" },
    ];
    const after = [
      { id: "new-z", title: "N" },
      { id: "b", title: "B", amount: { basis: "committed", usd: 1 } },
      { id: "a", amount: { usd: 2, basis: "committed" }, title: "A", notes: "revised" },
      { id: "new-a", title: "M" },
    ];
    expect(diffRecords(before, after, (r) => r.id)).toEqual({
      added: ["new-a", "new-z"],
      removed: ["gone", "z-gone"],
      changed: [{ id: "a", fields: ["amount", "notes"] }],
    });
  });

  it("orders changed records by id, and reads list order inside a field as a change", () => {
    const before = [
      { id: "y", tags: ["a", "b"] },
      { id: "x", tags: ["a"] },
    ];
    const after = [
      { id: "y", tags: ["b", "a"] },
      { id: "x", tags: ["a", "c"] },
    ];
    expect(diffRecords(before, after, (r) => r.id).changed).toEqual([
      { id: "x", fields: ["tags"] },
      { id: "y", fields: ["tags"] },
    ]);
  });

  it("diffs every record list of a dataset by id", () => {
    const previous = fixture();
    const next: Dataset = {
      ...previous,
      entities: previous.entities.slice(1),
      deals: [...previous.deals, deal({ id: "zz-new-deal" })],
      metrics: previous.metrics.map((m, i) => (i === 0 ? { ...m, value: m.value + 1 } : m)),
      financing: [],
    };
    const diff = diffDatasets(previous, next);
    expect(diff.entities).toEqual({ added: [], removed: [previous.entities[0]!.id], changed: [] });
    expect(diff.deals).toEqual({ added: ["zz-new-deal"], removed: [], changed: [] });
    expect(diff.metrics).toEqual({ added: [], removed: [], changed: [{ id: previous.metrics[0]!.id, fields: ["value"] }] });
    expect(diff.financing).toEqual({ added: [], removed: ids(previous.financing).sort(), changed: [] });
  });

  it("calls a diff empty only when nothing was added, removed or changed", () => {
    expect(isEmptyDiff({ added: [], removed: [], changed: [] })).toBe(true);
    expect(isEmptyDiff({ added: ["a"], removed: [], changed: [] })).toBe(false);
    expect(isEmptyDiff({ added: [], removed: ["a"], changed: [] })).toBe(false);
    expect(isEmptyDiff({ added: [], removed: [], changed: [{ id: "a", fields: ["x"] }] })).toBe(false);
  });

  it("writes JSON with object keys sorted at every depth, and arrays and values as they are", () => {
    expect(stableJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}');
    expect(stableJson(["b", "a"])).toBe('["b","a"]');
    expect(stableJson("")).toBe('""');
    expect(stableJson(0)).toBe("0");
  });
});

describe("a deal's version history (the site's own releases, which never change)", () => {
  it("says when a deal was added, changed (with the release's reason) and left unchanged", () => {
    const notes = dealHistory("oracle-nvidia-2025-05").slice(0, 5);
    expect(notes.map(({ version, change }) => `${version} ${change}`)).toEqual([
      "1.0.0 added",
      "1.1.0 changed",
      "1.2.0 changed",
      "1.2.1 unchanged",
      "1.3.0 changed",
    ]);
    expect(notes[0]).toEqual({ version: "1.0.0", change: "added" });
    expect(notes[1]!.reason).toMatch(/^sources: kept the Reuters copy on OANN/);
    // 1.2.0 changed the record without a revision note for it: no reason is invented.
    expect(notes[2]).toEqual({ version: "1.2.0", change: "changed" });
    expect(notes[3]).toEqual({ version: "1.2.1", change: "unchanged" });
    expect(notes[4]!.reason).toMatch(/^notes: /);
  });

  it("is empty for a deal no release holds", () => {
    expect(dealHistory("no-such-deal")).toEqual([]);
  });
});
