// What pages ask the chart registry for (src/render/charts.ts), on the fixture history (1.0.0, 1.1.0) with an empty
// chart archive: which charts a release publishes, which versions a chart has pinned pages for and what each says
// changed, the quarter-ends of its as-of pages, what an archived copy overrides, and the errors a page's bad id or
// version gets, each naming what was asked for.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyFixtureData, readRelease, writeReleaseWithLock } from "../helpers/dataset-fixtures.ts";
import { withDataDir } from "../helpers/fixture-with-1-3.ts";
import { CHARTS } from "../../src/charts/index.ts";
import { renderUncached } from "../../src/render/chart-render.ts";
import { writeArchived } from "../../src/render/chart-archive.ts";
import { chartChanges } from "../../src/render/chart-changes.ts";
import { datasetAsOf, releaseQuarterEnds } from "../../src/dataset/as-of.ts";
import { loadReleases } from "../../src/dataset/load.ts";

type Registry = typeof import("../../src/render/charts.ts");
type History = typeof import("../../src/dataset/index.ts");

/** An AI-era deal with no disclosed amount, announced two quarters before any other: its quarter-ends plot nothing. */
const EARLY_UNDISCLOSED = "openai-nvidia-2024-05";
/** The charts the fixture has from 1.0.0 on, and one (added at 1.2.0) that no fixture release publishes. */
const LATER_CHART = "financing-by-borrower";
/** Plots nothing at 1.0.0 and one row at 1.1.0. */
const EMPTY_AT_FIRST = "supplier-financing-then-and-now";
/** A chart whose archived copies the test writes, to see them win over a fresh rendering. */
const ARCHIVED_ID = "openai-valuation";

/** Loads charts.ts (and the dataset module it reads) afresh, pointed at a data folder and an archive folder. */
async function loadRegistry(dataDir: string, archiveDir: string): Promise<{ registry: Registry; history: History }> {
  vi.resetModules();
  return withDataDir(dataDir, archiveDir, async () => ({
    registry: await import("../../src/render/charts.ts"),
    history: await import("../../src/dataset/index.ts"),
  }));
}

const temp: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temp.push(dir);
  return dir;
}

describe("the chart registry on the fixture history", () => {
  let registry: Registry;
  let history: History;
  let archiveDir: string;
  beforeAll(async () => {
    // The fixture with one more 1.1.0 deal: undisclosed, AI-era, and earlier than every other.
    const dataDir = copyFixtureData();
    temp.push(dataDir);
    const data = readRelease(dataDir, "1.1.0");
    const template = data.deals.find((d: { id: string }) => d.id === "openai-nvidia-2025-09");
    data.deals.push({ ...structuredClone(template), id: EARLY_UNDISCLOSED, announced: "2024-05-10", amount: null });
    writeReleaseWithLock(dataDir, "1.1.0", JSON.stringify(data, null, 2));
    archiveDir = tempDir("circularity-registry-archive-");
    ({ registry, history } = await loadRegistry(dataDir, archiveDir));
    return () => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  describe("which releases publish a chart", () => {
    it("publishes a chart from the release its `since` names on, comparing versions as numbers", () => {
      const chart = { ...CHARTS[0]!, since: "1.2.0" };
      expect(registry.chartPublishedIn(chart, "1.2.0")).toBe(true);
      expect(registry.chartPublishedIn(chart, "1.2.1")).toBe(true);
      expect(registry.chartPublishedIn(chart, "1.10.0")).toBe(true);
      expect(registry.chartPublishedIn(chart, "1.1.9")).toBe(false);
      expect(registry.chartPublishedIn(chart, "0.9.0")).toBe(false);
    });

    it("lists the charts the current release publishes, in gallery order, each id once", () => {
      const ids = registry.publishedCharts().map((c) => c.id);
      expect(ids).toEqual(CHARTS.filter((c) => c.since === "1.0.0").map((c) => c.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).not.toContain(LATER_CHART);
      expect(history.currentRelease().version).toBe("1.1.0");
    });

    it("gives every chart a stable, unique, URL-safe id", () => {
      const ids = CHARTS.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });
  });

  describe("the chart on the current dataset", () => {
    it("is rendered from the current release, found by its id or an old alias", () => {
      const chart = registry.currentChart("who-funds-whom");
      expect(chart.id).toBe("who-funds-whom");
      expect(chart.version).toBe("1.1.0");
      expect(registry.currentChart("circular-network").id).toBe("who-funds-whom");
    });

    it("names the page asking, and the id, when the id is unknown", () => {
      expect(() => registry.currentChart("no-such-chart")).toThrow(/^a page: unknown chart id "no-such-chart"\. Known ids: who-funds-whom, /);
      expect(() => registry.currentChart("no-such-chart", "article foo")).toThrow(/^article foo: unknown chart id "no-such-chart"/);
    });
  });

  describe("a chart pinned to a released version", () => {
    it("is rendered from that release's dataset when no archived copy exists", () => {
      const old = registry.pinnedChart("who-funds-whom", "1.0.0");
      const current = registry.pinnedChart("who-funds-whom", "1.1.0");
      expect(old.version).toBe("1.0.0");
      expect(current.version).toBe("1.1.0");
      expect(old.rows.length).toBe(9);
      expect(current.rows.length).toBe(10);
    });

    it("shows its archived copy, not today's rendering, when one exists", () => {
      const release = history.releaseByVersion("1.0.0");
      const module = CHARTS.find((c) => c.id === ARCHIVED_ID)!;
      const archived = { ...renderUncached(module, release.dataset, "1.0.0"), title: "The title as archived" };
      expect(writeArchived(archived, join(archiveDir, "charts"))).toBe(true);
      const pinned = registry.pinnedChart(ARCHIVED_ID, "1.0.0");
      expect(pinned.title).toBe("The title as archived");
      // Read once per build: every page citing the version gets the very copy read first.
      expect(registry.pinnedChart(ARCHIVED_ID, "1.0.0")).toBe(pinned);
    });

    it("refuses a version before the chart was published, naming both versions", () => {
      expect(() => registry.pinnedChart(LATER_CHART, "1.1.0")).toThrow(
        `chart "${LATER_CHART}" is published from dataset v1.2.0; it has no version pinned to v1.1.0`,
      );
    });

    it("names the pinned page and the id when the id is unknown", () => {
      expect(() => registry.pinnedChart("no-such-chart", "1.0.0")).toThrow(/^pinned chart page v1\.0\.0: unknown chart id "no-such-chart"/);
    });

    it("lists the released versions when the version is unknown", () => {
      expect(() => registry.pinnedChart("who-funds-whom", "9.9.9")).toThrow('Unknown dataset version "9.9.9" (released versions: 1.0.0, 1.1.0)');
    });
  });

  describe("the versions a chart has pinned pages for", () => {
    it("are the releases in which it plots something, oldest first", () => {
      expect(registry.versionsWithChart("who-funds-whom")).toEqual(["1.0.0", "1.1.0"]);
      // Nothing to plot at 1.0.0: no page for it.
      expect(registry.versionsWithChart(EMPTY_AT_FIRST)).toEqual(["1.1.0"]);
    });

    it("are none for a chart no release has published yet", () => {
      expect(registry.versionsWithChart(LATER_CHART)).toEqual([]);
    });

    it("are worked out once per build", () => {
      expect(registry.versionsWithChart("deals-by-quarter")).toBe(registry.versionsWithChart("deals-by-quarter"));
    });

    it("name the version list and the id when the id is unknown", () => {
      expect(() => registry.versionsWithChart("no-such-chart")).toThrow(/^the chart's version list: unknown chart id "no-such-chart"/);
    });
  });

  describe("a chart's permalink page context", () => {
    it("dates each version and says what changed in its rows since the one before", () => {
      const first = registry.pinnedChart("who-funds-whom", "1.0.0");
      const second = registry.pinnedChart("who-funds-whom", "1.1.0");
      const change = registry.rowChangeText(chartChanges(first, second)!);
      expect(change).toMatch(/^\d+ rows? added/);
      const expected = ["1.0.0", "1.1.0"].map((version) => {
        const r = history.releaseByVersion(version);
        return { version, released: r.released, publishedAt: r.publishedAt };
      });
      expect(registry.chartPageContext(second).versions).toEqual([
        { ...expected[0], change: "first version" },
        { ...expected[1], change },
      ]);
    });

    it("lists only the versions with a page, the first of them a first version", () => {
      const context = registry.chartPageContext(registry.pinnedChart(EMPTY_AT_FIRST, "1.1.0"));
      expect(context.versions.map((v) => [v.version, v.change])).toEqual([["1.1.0", "first version"]]);
      expect(context.previousVersion).toBeUndefined();
      expect(context.changes).toBeNull();
    });

    it("names the previous version and what changed since, and nothing before the first", () => {
      const second = registry.pinnedChart("who-funds-whom", "1.1.0");
      const context = registry.chartPageContext(second);
      expect(context.previousVersion).toBe("1.0.0");
      expect(context.changes).toEqual(chartChanges(registry.pinnedChart("who-funds-whom", "1.0.0"), second));
      expect(context.changes!.added.length).toBeGreaterThan(0);
      const first = registry.chartPageContext(registry.pinnedChart("who-funds-whom", "1.0.0"));
      expect(first.previousVersion).toBeUndefined();
      expect(first.changes).toBeNull();
    });

    it("works the version list out once per chart", () => {
      const chart = registry.pinnedChart("top-funders", "1.1.0");
      expect(registry.chartPageContext(chart).versions).toBe(registry.chartPageContext(chart).versions);
    });
  });

  describe("as-of pages", () => {
    it("are the release's quarter-ends at which the chart plots something", () => {
      const release = history.releaseByVersion("1.1.0");
      const quarterEnds = releaseQuarterEnds(release.dataset, release.released);
      // The undisclosed deal opens the quarter-ends at 2024-06-30, but top recipients plot amounts: none until 2024-11.
      expect(quarterEnds.slice(0, 3)).toEqual(["2024-06-30", "2024-09-30", "2024-12-31"]);
      const dates = registry.asOfDates("top-recipients", "1.1.0");
      expect(dates).toEqual(quarterEnds.slice(2));
      for (const date of dates) expect(registry.asOfChart("top-recipients", "1.1.0", date).rows.length).toBeGreaterThan(0);
      expect(registry.asOfChart("top-recipients", "1.1.0", "2024-09-30").rows).toEqual([]);
    });

    it("are none for a chart without as-of pages, or an unknown id", () => {
      expect(registry.asOfDates("deals-by-quarter", "1.1.0")).toEqual([]);
      expect(registry.asOfDates("no-such-chart", "1.1.0")).toEqual([]);
    });

    it("draw the release's deals announced by the date, and carry the date", () => {
      const chart = registry.asOfChart("totals-by-type", "1.1.0", "2025-06-30");
      const module = CHARTS.find((c) => c.id === "totals-by-type")!;
      const release = history.releaseByVersion("1.1.0");
      const expected = renderUncached(module, datasetAsOf(release.dataset, "2025-06-30"), "1.1.0");
      expect(chart.asOf).toBe("2025-06-30");
      expect(chart.version).toBe("1.1.0");
      expect(chart.rows).toEqual(expected.rows);
      expect(chart.rows.length).toBeLessThan(registry.pinnedChart("totals-by-type", "1.1.0").rows.length);
      // Rendered once per build.
      expect(registry.asOfChart("totals-by-type", "1.1.0", "2025-06-30")).toBe(chart);
    });

    it("show the archived as-of copy when one exists", () => {
      const release = history.releaseByVersion("1.1.0");
      const module = CHARTS.find((c) => c.id === "top-funders")!;
      const archived = { ...renderUncached(module, datasetAsOf(release.dataset, "2025-03-31"), "1.1.0"), asOf: "2025-03-31", title: "Archived as of" };
      expect(writeArchived(archived, join(archiveDir, "charts"))).toBe(true);
      expect(registry.asOfChart("top-funders", "1.1.0", "2025-03-31").title).toBe("Archived as of");
    });

    it("name the as-of page, its version and the id when the id is unknown", () => {
      expect(() => registry.asOfChart("no-such-chart", "1.1.0", "2025-06-30")).toThrow(/^as-of chart page v1\.1\.0: unknown chart id "no-such-chart"/);
    });
  });
});

describe("the chart registry on a history of one release", () => {
  let registry: Registry;
  beforeAll(async () => {
    const dataDir = copyFixtureData();
    rmSync(join(dataDir, "releases", "1.1.0.json"));
    const lockPath = join(dataDir, "releases.lock.json");
    const lock = JSON.parse(readFileSync(lockPath, "utf8"));
    delete lock["1.1.0"];
    writeFileSync(lockPath, JSON.stringify(lock, null, 2));
    const archiveDir = mkdtempSync(join(tmpdir(), "circularity-registry-archive-"));
    expect(loadReleases(dataDir).current.version).toBe("1.0.0");
    ({ registry } = await loadRegistry(dataDir, archiveDir));
    return () => [dataDir, archiveDir].forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it("always lists the current version, whose live page cites it, even when the chart plots nothing there", () => {
    expect(registry.pinnedChart(EMPTY_AT_FIRST, "1.0.0").rows).toEqual([]);
    expect(registry.versionsWithChart(EMPTY_AT_FIRST)).toEqual(["1.0.0"]);
    expect(registry.versionsWithChart("who-funds-whom")).toEqual(["1.0.0"]);
  });
});
