// What pages ask for: a chart rendered on the current dataset, or frozen at a released version.
import { AS_OF_CHART_IDS, CHARTS, requireChart } from "../charts/index.ts";
import type { ChartModule } from "../charts/types.ts";
import { compareVersions } from "../lib/semver.ts";
import { datasetAsOf, releaseQuarterEnds } from "../dataset/as-of.ts";
import { currentRelease, getHistory, releaseByVersion } from "../dataset/index.ts";
import { renderChart, renderUncached, type RenderedChart } from "./chart-render.ts";
import { ARCHIVE_DIR, readArchived } from "./chart-archive.ts";
import { chartChanges } from "./chart-changes.ts";

/** A chart exists from its first release on: charts added later have no pinned versions before it. */
export function chartPublishedIn(chart: ChartModule, version: string): boolean {
  return compareVersions(chart.since, version) <= 0;
}

/** The charts published on the current release, in gallery order. */
export function publishedCharts(): ChartModule[] {
  return CHARTS.filter((c) => chartPublishedIn(c, currentRelease().version));
}

/** The chart on the current dataset, rendered fresh from today's code. */
export function currentChart(id: string, usedIn = "a page"): RenderedChart {
  const chart = requireChart(id, usedIn);
  const release = currentRelease();
  return renderChart(chart, release.dataset, release.version);
}

const pinned = new Map<string, RenderedChart>();
const versions = new Map<string, string[]>();

/** The chart as it was published for a released version: the archived copy when there is one. Read once per build. */
export function pinnedChart(id: string, version: string): RenderedChart {
  const key = `${id}@${version}`;
  let chart = pinned.get(key);
  if (!chart) {
    const module = requireChart(id, `pinned chart page v${version}`);
    if (!chartPublishedIn(module, version))
      throw new Error(`chart "${id}" is published from dataset v${module.since}; it has no version pinned to v${version}`);
    chart = readArchived(id, version) ?? renderChart(module, releaseByVersion(version).dataset, version);
    pinned.set(key, chart);
  }
  return chart;
}

/**
 * Released versions with a pinned page for the chart, oldest first: those in which it has something to plot, and
 * always the current one, whose live page names its pinned version as the one to cite even when it is empty.
 */
export function versionsWithChart(id: string): string[] {
  let list = versions.get(id);
  if (!list) {
    const module = requireChart(id, "the chart's version list");
    const current = currentRelease().version;
    list = getHistory()
      .releases.filter((r) => chartPublishedIn(module, r.version) && (r.version === current || pinnedChart(id, r.version).rows.length > 0))
      .map((r) => r.version);
    versions.set(id, list);
  }
  return list;
}

/** Everything a chart's permalink page needs besides the chart: its versions and what changed since the previous one. */
/** "2 rows added, 1 revised", or that nothing plotted changed. */
export function rowChangeText(diff: { added: readonly unknown[]; removed: readonly unknown[]; changed: readonly unknown[] }): string {
  const parts = [
    diff.added.length && `${diff.added.length} row${diff.added.length === 1 ? "" : "s"} added`,
    diff.removed.length && `${diff.removed.length} removed`,
    diff.changed.length && `${diff.changed.length} revised`,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "no change to the plotted rows";
}

/** Each version says what it changed in the plotted rows, against the version before it: worked out once per chart. */
const versionLists = new Map<string, { version: string; released: string; publishedAt: string; change: string }[]>();

function chartVersionList(chart: RenderedChart) {
  const cached = versionLists.get(chart.id);
  if (cached) return cached;
  const list = versionsWithChart(chart.id);
  const releases = getHistory()
    .releases.filter((r) => list.includes(r.version))
    .map((r) => {
      const before = list[list.indexOf(r.version) - 1];
      const diff = before ? chartChanges(pinnedChart(chart.id, before), pinnedChart(chart.id, r.version)) : null;
      return { version: r.version, released: r.released, publishedAt: r.publishedAt, change: diff ? rowChangeText(diff) : "first version" };
    });
  versionLists.set(chart.id, releases);
  return releases;
}

export function chartPageContext(chart: RenderedChart) {
  const list = versionsWithChart(chart.id);
  const releases = chartVersionList(chart);
  const index = list.indexOf(chart.version);
  const previousVersion = index > 0 ? list[index - 1] : undefined;
  const changes = chartChanges(previousVersion ? pinnedChart(chart.id, previousVersion) : undefined, chart);
  return { versions: releases, previousVersion, changes };
}

/**
 * Quarter-ends at which a release publishes an as-of chart (see releaseQuarterEnds): those at which the chart has
 * rows to draw (an empty chart has no page).
 */
export function asOfDates(id: string, version: string): string[] {
  if (!AS_OF_CHART_IDS.includes(id)) return [];
  const release = releaseByVersion(version);
  return releaseQuarterEnds(release.dataset, release.released).filter((date) => asOfChart(id, version, date).rows.length > 0);
}

/** A chart as of a date, from one release: the archived copy when there is one, else rendered from the release's slice. */
export function asOfChart(id: string, version: string, date: string): RenderedChart {
  const key = `${id}@${version}@${date}`;
  let chart = pinned.get(key);
  if (!chart) {
    chart = readArchived(id, version, ARCHIVE_DIR, date) ?? {
      ...renderUncached(requireChart(id, `as-of chart page v${version}`), datasetAsOf(releaseByVersion(version).dataset, date), version),
      asOf: date,
    };
    pinned.set(key, chart);
  }
  return chart;
}
