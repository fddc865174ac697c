// Old URLs that must keep resolving: a renamed chart (page and embed), a renamed article, the deal listings' old
// default order, and each deal version that shows the same content as another page. One list feeds the static
// redirect pages and the host's _redirects file, so a missing or wrong line is a reader's broken link.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";
import { withDataDir } from "../helpers/fixture-with-1-3.ts";
import { loadReleases, type Release } from "../../src/dataset/load.ts";

const { redirects, ARTICLE_ALIASES, CHART_ALIASES, retiredListingPaths } = await withDataDir(
  FIXTURE_DATA,
  mkdtempSync(join(tmpdir(), "circularity-data-archive-")),
  async () => ({
    ...(await import("../../src/page-data/redirects.ts")),
    ...(await import("../../src/charts/index.ts")),
    ...(await import("../../src/page-data/deal-listings.ts")),
  }),
);

describe("redirects", () => {
  let current: Release;
  let list: ReturnType<typeof redirects>;
  beforeEach(() => {
    current = loadReleases(FIXTURE_DATA).current;
    list = redirects();
  });

  it("sends a renamed chart's page and embed to the chart's current id", () => {
    expect(CHART_ALIASES["circular-network"]).toBe("who-funds-whom");
    expect(list).toContainEqual({ from: "charts/circular-network/", to: "charts/who-funds-whom/" });
    expect(list).toContainEqual({ from: "embed/charts/circular-network/", to: "embed/charts/who-funds-whom/" });
  });

  it("sends the listings' old newest-first pages to the pages that now hold that order", () => {
    expect(list).toContainEqual({ from: "deals/by/amount/", to: "deals/" });
    expect(list).toContainEqual({ from: "deals/era/ai-2020s/by/amount/", to: "deals/era/ai-2020s/" });
    expect(list).toContainEqual({ from: "deals/type/equity/by/amount/", to: "deals/type/equity/" });
    for (const r of retiredListingPaths(current.dataset)) expect(list).toContainEqual(r);
  });

  it("sends each version URL of a deal's current content to the live page, and leaves superseded content to its frozen page", () => {
    // Every fixture deal was revised in 1.1.0 (its sources graded), so each 1.0.0 version has a frozen page of its own.
    const versions = list.filter((r) => /^deals\/[^/]+\/v\d/.test(r.from));
    expect(versions).toEqual(
      current.dataset.deals.map((d) => ({ from: `deals/${d.id}/v1.1.0/`, to: `deals/${d.id}/` })).sort((a, b) => a.from.localeCompare(b.from)),
    );
    expect(list.some((r) => r.from.endsWith("/v1.0.0/"))).toBe(false);
  });

  it("holds nothing else, each old path once, in path order, and never redirects to a path that itself redirects", () => {
    const retired = retiredListingPaths(current.dataset).length;
    expect(list.length).toBe(2 + retired + current.dataset.deals.length);
    const froms = list.map((r) => r.from);
    expect(froms).toEqual([...froms].sort((a, b) => a.localeCompare(b)));
    expect(new Set(froms).size).toBe(froms.length);
    for (const r of list) expect(froms, r.to).not.toContain(r.to);
    expect(list[0]).toEqual({ from: "charts/circular-network/", to: "charts/who-funds-whom/" });
    expect(list.at(-1)).toEqual({ from: "embed/charts/circular-network/", to: "embed/charts/who-funds-whom/" });
  });
});

describe("redirects after a rename", () => {
  const articles = ARTICLE_ALIASES as Record<string, string>;
  const charts = CHART_ALIASES as Record<string, string>;
  afterEach(() => {
    delete articles["telecom-bubble"];
    delete charts["largest-loops"];
  });

  it("sends a renamed article to its new slug", () => {
    articles["telecom-bubble"] = "the-telecom-bubble";
    expect(redirects()).toContainEqual({ from: "articles/telecom-bubble/", to: "articles/the-telecom-bubble/" });
  });

  it("refuses an alias that is also a live chart's id, which would hide the live chart", () => {
    charts["largest-loops"] = "who-funds-whom";
    expect(() => redirects()).toThrow('chart alias "largest-loops" is also a live chart id');
  });
});
