// What a chart's permalink pages cite: one function for the page's citation block and its .ris file.
import type { Release } from "../dataset/load.ts";
import type { RenderedChart } from "../render/chart-render.ts";
import type { CitableWork } from "../lib/cite.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";
import { formatDate } from "../lib/dates.ts";
import { SITE } from "../site.config.ts";

/** A chart pinned to a release, or pinned to a release as of a quarter-end: always the URL that never changes. */
export function chartCitation(chart: Pick<RenderedChart, "id" | "title" | "version">, release: Release, asOf?: string): CitableWork {
  return {
    kind: "chart",
    id: asOf ? `${chart.id}-as-of-${asOf}` : chart.id,
    title: asOf ? `${chart.title}, as of ${formatDate(asOf, "day", "long")}` : chart.title,
    authors: [SITE.publisher],
    issued: release.released,
    url: absoluteUrl(asOf ? paths.chartAsOf(chart.id, chart.version, asOf) : paths.chartPinned(chart.id, chart.version)),
    datasetVersion: chart.version,
    evidenceThrough: release.evidenceThrough,
  };
}
