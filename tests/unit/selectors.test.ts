import { describe, expect, it } from "vitest";
import { loadReleases } from "../../src/dataset/load.ts";
import { activeDeals, dealsByEntity, dealsByQuarter, quarterOf, totalsByBasis, withoutOverlaps } from "../../src/dataset/selectors.ts";
import { totalsByEntityAndBasis } from "../../src/charts/data.ts";
import { supplierFundingDeals } from "../../src/charts/data.ts";
import { circleLayout } from "../../src/charts/who-funds-whom.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";
import { dealListings, filterDeals, listingPath, retiredListingPaths, sortDeals } from "../../src/page-data/deal-listings.ts";
import { datasetAsOf, quarterEnds } from "../../src/dataset/as-of.ts";

const { current } = loadReleases(FIXTURE_DATA);
const ds = current.dataset;

describe("selectors", () => {
  it("puts dates in calendar quarters", () => {
    expect(["2025-01-01", "2025-03-31", "2025-04-01", "2025-12-31"].map(quarterOf)).toEqual(["2025-Q1", "2025-Q1", "2025-Q2", "2025-Q4"]);
  });

  it("groups deals by quarter in date order", () => {
    const groups = dealsByQuarter(ds.deals);
    expect([...groups.keys()]).toEqual([...groups.keys()].sort());
    expect(groups.get("2025-Q4")!.map((d) => d.id)).toEqual(["amd-openai-2025-10", "openai-amd-2025-10", "openai-amazon-2025-11", "amazon-openai-2025-12"]);
  });

  it("totals disclosed dollars by basis and counts undisclosed deals apart", () => {
    const t = totalsByBasis(ds.deals.filter((d) => d.from === "openai"));
    expect(t.usd.committed).toBe(38e9 + 12e9);
    expect(t.undisclosed).toBe(2);
    expect(t.usd["up-to"]).toBe(0);
  });

  it("splits an entity's deals into money out and money in", () => {
    const { outgoing, incoming } = dealsByEntity(ds.deals, "amazon");
    expect(outgoing.map((d) => d.id)).toEqual(["amazon-anthropic-2024-11", "amazon-openai-2025-12"]);
    expect(incoming.map((d) => d.id)).toEqual(["openai-amazon-2025-11", "anthropic-amazon-2026-04"]);
  });

  it("drops a vendor's named loans where its aggregate financing total is known", () => {
    const named = { ...ds.deals.find((d) => d.id === "lucent-lucent-customers-1999")!, id: "lucent-winstar-1999", to: "openai" };
    const kept = withoutOverlaps([...ds.deals, named], ds).map((d) => d.id);
    expect(kept).toContain("lucent-lucent-customers-1999");
    expect(kept).not.toContain("lucent-winstar-1999");
  });
});

describe("chart data", () => {
  it("ranks recipients by disclosed dollars with one row per basis", () => {
    const rows = totalsByEntityAndBasis(ds, "to", activeDeals(ds.deals), 3);
    expect([...new Set(rows.map((r) => r.entity))]).toEqual(["openai", "amazon", "coreweave"]);
    expect(rows.filter((r) => r.entity === "openai").map((r) => [r.basis, r.usd])).toEqual([
      ["up-to", 100e9],
      ["reported", 10e9],
      ["estimated", 34e9],
    ]);
  });

  it("counts supplier money only where the customer buys from that supplier", () => {
    const ids = supplierFundingDeals(ds)
      .map((d) => d.id)
      .sort();
    // Amazon funds Anthropic, which buys AWS capacity (v1.1.0); AMD and Nvidia fund OpenAI, which buys their chips.
    expect(ids).toEqual(["amazon-anthropic-2024-11", "amazon-openai-2025-12", "amd-openai-2025-10", "lucent-lucent-customers-1999", "nvidia-openai-2025-09"]);
  });

  it("places network nodes on a unit circle, clockwise from the top", () => {
    const nodes = circleLayout(["a", "b", "c", "d"], ds);
    expect(nodes.map((n) => [n.x, n.y])).toEqual([
      [0, 1],
      [1, 0],
      [0, -1],
      [-1, 0],
    ]);
  });
});

describe("deal listings (sort and filters combined, each a static page)", () => {
  it("builds a path per filter and order, the largest-first order at the bare address", () => {
    expect(listingPath({}, "amount")).toBe("deals/");
    expect(listingPath({}, "newest")).toBe("deals/by/newest/");
    expect(listingPath({ type: "equity" }, "amount")).toBe("deals/type/equity/");
    expect(listingPath({ type: "loan", era: "telecom-1990s" }, "oldest")).toBe("deals/type/loan/era/telecom-1990s/by/oldest/");
  });

  it("redirects every largest-first address published before it became the default to where it now lives", () => {
    const { current } = loadReleases("tests/fixtures/data");
    const retired = retiredListingPaths(current.dataset);
    expect(retired).toContainEqual({ from: "deals/by/amount/", to: "deals/" });
    expect(retired).toContainEqual({ from: "deals/type/equity/by/amount/", to: "deals/type/equity/" });
    const built = new Set(dealListings(current.dataset).map((l) => listingPath(l.filter, l.order)));
    for (const r of retired) {
      expect(built.has(r.to), r.to).toBe(true);
      expect(built.has(r.from), r.from).toBe(false);
    }
  });

  it("lists every order of every non-empty filter once, and only type × era pairs that narrow the type", () => {
    const { current } = loadReleases("tests/fixtures/data");
    const listings = dealListings(current.dataset);
    const paths = listings.map((l) => listingPath(l.filter, l.order));
    expect(new Set(paths).size).toBe(paths.length);
    for (const { filter } of listings) {
      const n = filterDeals(current.dataset.deals, filter).length;
      expect(n).toBeGreaterThan(0);
      if (filter.type && filter.era) expect(n).toBeLessThan(filterDeals(current.dataset.deals, { type: filter.type }).length);
    }
    expect(paths).toContain("deals/era/telecom-1990s/by/oldest/");
  });
});

describe("a release as of a date", () => {
  it("lists quarter-ends from the first quarter to the last one on or before the end date", () => {
    expect(quarterEnds("2025-02-14", "2025-11-25")).toEqual(["2025-03-31", "2025-06-30", "2025-09-30"]);
    expect(quarterEnds("2025-12-31", "2026-01-01")).toEqual(["2025-12-31"]);
  });

  it("keeps only what was announced by the date, and drops supersessions announced later", () => {
    const { current } = loadReleases(FIXTURE_DATA);
    const date = "2025-09-30";
    const slice = datasetAsOf(current.dataset, date);
    expect(slice.deals.every((d) => d.announced <= date)).toBe(true);
    expect(slice.deals.length).toBe(current.dataset.deals.filter((d) => d.announced <= date).length);
    const ids = new Set(slice.deals.map((d) => d.id));
    expect(slice.deals.every((d) => !d.supersededBy || ids.has(d.supersededBy))).toBe(true);
  });
});

describe("deals table orders", () => {
  const { current } = loadReleases(FIXTURE_DATA);
  const deals = current.dataset.deals;

  it("largest amount first puts bigger amounts before smaller ones and undisclosed amounts last", () => {
    const sorted = sortDeals(deals, "amount", current.dataset);
    const usd = sorted.map((d) => d.amount?.usd ?? -1);
    expect(usd).toEqual([...usd].sort((a, b) => b - a));
    expect(sorted.at(-1)!.amount === null || deals.every((d) => d.amount)).toBe(true);
  });

  it("newest and oldest are each other's reverse, by date then id", () => {
    const newest = sortDeals(deals, "newest", current.dataset).map((d) => d.id);
    expect(sortDeals(deals, "oldest", current.dataset).map((d) => d.id)).toEqual([...newest].reverse());
    const dates = sortDeals(deals, "oldest", current.dataset).map((d) => d.announced);
    expect(dates).toEqual([...dates].sort());
  });
});
