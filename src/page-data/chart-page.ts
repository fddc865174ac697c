// What a chart's permalink pages show and cite: one citation for the page's citation block and its .ris file.
import { cardImage, chartCard } from "./social-cards.ts";
import type { Release } from "../dataset/load.ts";
import type { RenderedChart } from "../render/chart-render.ts";
import { releaseWork, type CitableWork } from "../lib/cite.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";
import { evidenceThroughText, formatDate } from "../lib/dates.ts";
import { releaseByVersion } from "../dataset/index.ts";
import { asOfDates, chartPageContext } from "../render/charts.ts";
import { pngSize } from "../render/downloads.ts";
import { chartEmbeds } from "./embed.ts";
import { SITE } from "../site.config.ts";

/** A chart pinned to a release, or pinned to a release as of a quarter-end: always the URL that never changes. */
export function chartCitation(chart: Pick<RenderedChart, "id" | "title" | "version">, release: Release, asOf?: string): CitableWork {
  return releaseWork(
    "chart",
    asOf ? `${chart.id}-as-of-${asOf}` : chart.id,
    asOf ? `${chart.title}, as of ${formatDate(asOf, "day", "long")}` : chart.title,
    absoluteUrl(asOf ? paths.chartAsOf(chart.id, chart.version, asOf) : paths.chartPinned(chart.id, chart.version)),
    release,
  );
}

/** A chart as of a quarter-end, from one release: the two dates it is fixed by, the other quarter-ends, its citation. */
export function asOfChartPage(chart: RenderedChart) {
  const date = chart.asOf!;
  const release = releaseByVersion(chart.version);
  const when = formatDate(date, "day", "long");
  const path = paths.chartAsOf(chart.id, chart.version, date);
  return {
    chart,
    date,
    when,
    title: `${chart.title}, as of ${when} (dataset v${chart.version})`,
    description: `${chart.subtitle}. Deals announced by ${when}, as dataset v${chart.version} records them.`,
    path,
    livePath: paths.chart(chart.id),
    pinnedPath: paths.chartPinned(chart.id, chart.version),
    released: { datetime: release.released, text: formatDate(release.released, "day", "long") },
    evidence: evidenceThroughText(release),
    dates: asOfDates(chart.id, chart.version).map((d) => ({ text: d, path: paths.chartAsOf(chart.id, chart.version, d), current: d === date })),
    citation: chartCitation(chart, release, date),
  };
}
export type AsOfChartPageData = ReturnType<typeof asOfChartPage>;

/**
 * Everything a chart's permalink page shows, live or pinned to a release: its notice, what changed, the as-of
 * quarter-ends, downloads, embed code, citation, the articles that embed it and its versions.
 */
export function chartPage(chart: RenderedChart, pinned: boolean, articles: readonly { id: string; title: string }[]) {
  const release = releaseByVersion(chart.version);
  const { versions, changes, previousVersion } = chartPageContext(chart);
  const path = pinned ? paths.chartPinned(chart.id, chart.version) : paths.chart(chart.id);
  const download = (ext: "svg" | "png" | "csv" | "json") =>
    pinned ? paths.chartPinnedDownload(chart.id, chart.version, ext) : paths.chartDownload(chart.id, ext);
  const pinnedPath = paths.chartPinned(chart.id, chart.version);
  const citation = chartCitation(chart, release);
  const changeLines = changes && [
    ...(changes.added.length > 0 ? [`Rows added since v${previousVersion}: ${changes.added.join(", ")}`] : []),
    ...(changes.removed.length > 0 ? [`Rows removed: ${changes.removed.join(", ")}`] : []),
    ...(changes.changed.length > 0 ? [`Rows revised: ${changes.changed.map((c) => `${c.id} (${c.fields.join(", ")})`).join("; ")}`] : []),
  ];
  return {
    chart,
    pinned,
    title: pinned ? `${chart.title} (dataset v${chart.version})` : chart.title,
    path,
    // The live page unfurls to the chart's card; a pinned page to its own frozen figure, which never changes.
    image: pinned ? { path: download("png"), ...pngSize(chart), alt: chart.alt } : cardImage(chartCard(chart)),
    citation,
    risPath: paths.chartPinnedRis(chart.id, chart.version),
    /** A live chart names its pinned URL as the one to cite (rel="cite-as"); a pinned page is its own. */
    citeAs: pinned ? undefined : absoluteUrl(pinnedPath),
    pinnedPath,
    released: { datetime: release.released, text: formatDate(release.released, "day", "long") },
    evidence: evidenceThroughText(release),
    /** What changed in this version's plotted rows: undefined for the chart's first version, [] for no change. */
    changes: changeLines ?? undefined,
    previousVersion,
    asOf: (pinned ? asOfDates(chart.id, chart.version) : []).map((d) => ({
      text: d,
      path: paths.chartAsOf(chart.id, chart.version, d),
    })),
    downloads: [
      { text: "SVG", path: download("svg"), file: true },
      { text: "PNG", path: download("png"), file: true },
      { text: "CSV (the plotted data)", path: download("csv"), file: true },
      { text: "JSON", path: download("json"), file: true },
      { text: `Full dataset v${chart.version}`, path: paths.dataDownload(chart.version, "json"), file: false },
    ],
    svgPath: download("svg"),
    /** The live page embeds the live chart; a pinned page embeds the chart pinned to its version, which never changes. */
    embed: chartEmbeds(chart, pinned),
    articles: articles.map((a) => ({ text: a.title, path: paths.article(a.id) })),
    versions: versions.map((v) => ({
      text: `v${v.version}`,
      path: paths.chartPinned(chart.id, v.version),
      // Two versions out the same day are told apart by the time they were published.
      released: {
        datetime: v.publishedAt,
        text:
          versions.filter((o) => o.released === v.released).length > 1
            ? `${formatDate(v.released)}, ${v.publishedAt.slice(11, 16)} UTC`
            : formatDate(v.released),
      },
      change: v.change,
      current: v.version === chart.version,
    })),
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "ImageObject",
      name: chart.title,
      description: chart.alt,
      contentUrl: absoluteUrl(download("png")),
      url: absoluteUrl(path),
      license: SITE.contentLicence.url,
      creator: { "@type": "Organization", name: SITE.publisher },
      isBasedOn: absoluteUrl(paths.dataDownload(chart.version, "json")),
      version: chart.version,
    },
  };
}
export type ChartPageData = ReturnType<typeof chartPage>;
