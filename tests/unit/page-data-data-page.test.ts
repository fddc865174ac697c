// /data/'s changelog: every record a release added, revised or removed, by name, linked to where it can be read as of
// that release, with what changed and why. On the fixture history plus a 1.3.0 that adds a deal, cancels one and
// (here) removes a company and a metric.
import { describe, expect, it } from "vitest";
import { ADDED_DEAL, CANCELLED_DEAL, fixtureWith13, withDataDir } from "../helpers/fixture-with-1-3.ts";
import type { Release, ReleaseHistory } from "../../src/dataset/load.ts";

const { dataDir, archiveDir } = fixtureWith13();
const { changelog, changelogRecord, getHistory } = await withDataDir(dataDir, archiveDir, async () => ({
  ...(await import("../../src/page-data/data-page.ts")),
  ...(await import("../../src/dataset/index.ts")),
}));
const { href, paths } = await import("../../src/lib/urls.ts");

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
