// /data/'s changelog: every record a release added, revised or removed, by name, linked to where it can be read as of
// that release, with what changed and why. On the fixture history plus a 1.3.0 that adds a deal, cancels one and
// (here) removes a company and a metric.
import { describe, expect, it } from "vitest";
import { ADDED_DEAL, CANCELLED_DEAL, fixtureWith13, withDataDir } from "../helpers/fixture-with-1-3.ts";
import type { Release, ReleaseHistory } from "../../src/dataset/load.ts";

const { dataDir, archiveDir } = fixtureWith13();
const { changelog, changelogRecord, dataPage, getHistory } = await withDataDir(dataDir, archiveDir, async () => ({
  ...(await import("../../src/page-data/data-page.ts")),
  ...(await import("../../src/dataset/index.ts")),
}));
const { absoluteUrl, href, paths } = await import("../../src/lib/urls.ts");

/** The history with 1.3.0 also dropping one metric and one company that no deal names. */
function withRemovals(): { history: ReleaseHistory; metric: { id: string; entity: string }; previous: Release } {
  const history = getHistory();
  const [previous, last] = [history.releases.at(-2)!, history.releases.at(-1)!];
  const dataset = structuredClone(last.dataset);
  const metric = dataset.metrics[0]!;
  dataset.metrics = dataset.metrics.filter((m) => m.id !== metric.id);
  dataset.removed = [...dataset.removed, { list: "metrics", id: metric.id, since: last.version, reason: "Test: the figure was restated." }];
  const current = { ...last, version: "1.3.0", dataset };
  return { history: { releases: [...history.releases.slice(0, -1), current], current }, metric, previous };
}

describe("the changelog on /data/", () => {
  it("lists releases newest first, each with its counts in words", () => {
    const entries = changelog(getHistory());
    expect(entries.map((e) => `${e.previous}→${e.version}`)).toEqual(["1.1.0→1.3.0", "1.0.0→1.1.0"]);
    const newest = entries[0]!;
    expect(newest.summary).toBe(`1 added, 1 revised, 0 removed`);
    expect(newest.released).toEqual({ datetime: "2026-07-15", text: "July 15, 2026" });
  });

  it("names an added deal by its title and links its page as of the release", () => {
    const row = changelog(getHistory())[0]!.rows.find((r) => r.id === ADDED_DEAL.id)!;
    expect(row).toMatchObject({ kind: "deal", change: "added", name: ADDED_DEAL.title, path: href(paths.dealVersion(ADDED_DEAL.id, "1.3.0")), what: "" });
    expect(row.anchor).toBe(`rev-1.3.0-${ADDED_DEAL.id}`);
  });

  it("says what a revision changed and why, in the release's words", () => {
    const row = changelog(getHistory())[0]!.rows.find((r) => r.id === CANCELLED_DEAL.id)!;
    expect(row.change).toBe("revised");
    expect(row.what).toMatch(/^status \S+ → cancelled$/);
    expect(row.reason).toBe(CANCELLED_DEAL.reason);
  });

  it("puts additions before revisions before removals, and names a removed record as the release before had it", () => {
    const { history, metric, previous } = withRemovals();
    const rows = changelog(history)[0]!.rows;
    expect(rows.map((r) => r.change)).toEqual(["added", "revised", "removed"]);
    const removed = rows.at(-1)!;
    const entity = previous.dataset.entities.find((e) => e.id === metric.entity)!;
    expect(removed.name.startsWith(`${entity.name}: `)).toBe(true);
    expect(removed.path).toBeUndefined();
    expect(removed.reason).toBe("Test: the figure was restated.");
  });
});

describe("changelogRecord", () => {
  it("links each kind of record to where it can be read, while the current release holds it", () => {
    const history = getHistory();
    const { current } = history;
    const metric = current.dataset.metrics[0]!;
    const entity = current.dataset.entities[0]!;
    expect(changelogRecord("entities", entity.id, current, current)).toEqual({ name: entity.name, path: paths.company(entity.id) });
    expect(changelogRecord("metrics", metric.id, current, current).path).toBe(`${paths.company(metric.entity)}#metric-${metric.id}`);
    const financing = current.dataset.financing[0];
    if (financing)
      expect(changelogRecord("financing", financing.id, current, current)).toEqual({ name: financing.title, path: `${paths.financing()}#${financing.id}` });
    expect(changelogRecord("deals", "no-such-deal", current, current)).toEqual({ name: "no-such-deal" });
    const { history: without } = withRemovals();
    expect(changelogRecord("metrics", metric.id, history.releases.at(-2)!, without.current).path).toBeUndefined();
  });
});

describe("the rest of /data/", () => {
  it("lists releases newest first and grades each release's deals, 1.0.0 by the newest release's kinds for the same pages", () => {
    const history = getHistory();
    const page = dataPage(history);
    expect(page.newestFirst.map((r) => r.version)).toEqual(["1.3.0", "1.1.0", "1.0.0"]);
    expect(page.current.version).toBe("1.3.0");
    expect(page.evidence.map((e) => [e.version, e.retro])).toEqual([
      ["1.3.0", false],
      ["1.1.0", false],
      ["1.0.0", true],
    ]);
    // Release 1.0.0 has no kinds of its own, yet none of its AI-era deals is left ungraded: the newest release grades the same URLs.
    const first = page.evidence.at(-1)!;
    const aiDeals = history.releases[0]!.dataset.deals.filter((d) => d.era === "ai-2020s");
    expect(first.rows.reduce((n, r) => n + r.deals, 0)).toBe(aiDeals.length);
    expect(first.rows.map((r) => r.evidence)).not.toContain("ungraded");
    for (const e of page.evidence) expect(e.rows.reduce((s, r) => s + r.dealShare, 0)).toBeCloseTo(1, 10);
    expect(page.evidenceLabel("ungraded")).toBe("Not graded");
    expect(page.evidenceLabel("filing")).toBe("Filing");
  });

  it("describes the dataset for search engines with every release's JSON and CSV", () => {
    const { jsonLd, current } = dataPage(getHistory());
    expect(jsonLd).toMatchObject({ "@type": "Dataset", version: current.version, dateModified: current.released, isAccessibleForFree: true });
    expect(jsonLd.url).toBe(absoluteUrl(paths.data()));
    expect(jsonLd.license).toMatch(/^https:\/\/creativecommons\.org\/licenses\/by\/4\.0/);
    expect(jsonLd.distribution.map((d) => `${d.name} ${d.encodingFormat} ${d.uploadDate}`)).toEqual([
      "v1.0.0 JSON application/json 2025-12-20",
      "v1.0.0 deals CSV text/csv 2025-12-20",
      "v1.1.0 JSON application/json 2026-05-01",
      "v1.1.0 deals CSV text/csv 2026-05-01",
      "v1.3.0 JSON application/json 2026-07-15",
      "v1.3.0 deals CSV text/csv 2026-07-15",
    ]);
    expect(jsonLd.distribution[4]!.contentUrl).toBe(absoluteUrl(paths.dataDownload("1.3.0", "json")));
    expect(jsonLd.distribution[5]!.contentUrl).toBe(absoluteUrl(paths.dataDownload("1.3.0", "csv")));
  });
});

describe("the changelog's groups", () => {
  it("groups a release's rows as the page folds them: added, revised, removed, each only when it has rows", () => {
    const [newest] = changelog(getHistory());
    expect(newest!.groups.map((g) => [g.change, g.heading, g.rows.map((r) => r.id)])).toEqual([
      ["added", "Added", [ADDED_DEAL.id]],
      ["revised", "Revised, with what changed and why", [CANCELLED_DEAL.id]],
    ]);
  });

  it("orders by change before list: a metric added comes before a deal revised, a deal added before a metric removed", () => {
    const { history } = withRemovals();
    const dataset = history.current.dataset;
    const added = { ...structuredClone(dataset.metrics[1]!), id: "test-metric-added" };
    dataset.metrics.push(added);
    const rows = changelog(history)[0]!.rows.map((r) => `${r.change} ${r.kind} ${r.id}`);
    expect(rows).toEqual([
      `added deal ${ADDED_DEAL.id}`,
      "added metric test-metric-added",
      `revised deal ${CANCELLED_DEAL.id}`,
      expect.stringMatching(/^removed metric /),
    ]);
    const groups = changelog(history)[0]!.groups;
    expect(groups.map((g) => [g.change, g.rows.length])).toEqual([
      ["added", 2],
      ["revised", 1],
      ["removed", 1],
    ]);
    expect(groups[2]!.heading).toBe("Removed, and why");
  });
});
