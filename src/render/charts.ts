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

/** The chart as it was published for a released version: the archived copy when there is one. */
export function pinnedChart(id: string, version: string): RenderedChart {
  const archived = readArchived(id, version);
  if (archived) return archived;
  const chart = requireChart(id, `pinned chart page v${version}`);
  return renderChart(chart, releaseByVersion(version).dataset, version);
}

/** Released versions in which a chart has something to plot, oldest first. */
export function versionsWithChart(id: string): string[] {
  return getHistory()
    .releases.filter((r) => readArchived(id, r.version) ?? renderChart(requireChart(id, "versions"), r.dataset, r.version).rows.length > 0)
    .map((r) => r.version);
}

export function allChartIds(): string[] {
  return CHARTS.map((c) => c.id);
}
