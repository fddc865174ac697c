// What pages ask for: a chart rendered on the current dataset, or frozen at a released version.
import { CHARTS, requireChart } from "../charts/index.ts";
import { currentRelease, getHistory, releaseByVersion } from "../dataset/index.ts";
import { renderChart, type RenderedChart } from "./chart-render.ts";
import { readArchived } from "./chart-archive.ts";

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
    chart = readArchived(id, version) ?? renderChart(requireChart(id, `pinned chart page v${version}`), releaseByVersion(version).dataset, version);
    pinned.set(key, chart);
  }
  return chart;
}

/** Released versions in which a chart has something to plot, oldest first. */
export function versionsWithChart(id: string): string[] {
  let list = versions.get(id);
  if (!list) {
    list = getHistory()
      .releases.filter((r) => pinnedChart(id, r.version).rows.length > 0)
      .map((r) => r.version);
    versions.set(id, list);
  }
  return list;
}

export function allChartIds(): string[] {
  return CHARTS.map((c) => c.id);
}
