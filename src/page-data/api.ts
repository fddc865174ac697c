// The static JSON API (/api/v1/): one document per deal, company and chart, each naming its dataset version and
// licence, and an index listing them all. Shapes are versioned by the path: v1 never changes incompatibly.
import type { Release } from "../dataset/load.ts";
import { publishedCharts } from "../render/charts.ts";
import { currentIndicators, indicatorAt } from "../render/indicators.ts";
import { loopsOf } from "../dataset/index.ts";
import { loopsOfEntity } from "../dataset/loops.ts";
import { activeEntities, dealsByEntity, financingOfEntity } from "../dataset/selectors.ts";
import { dealEvidence } from "../dataset/evidence.ts";
import type { RenderedChart } from "../render/chart-render.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";
import { SITE } from "../site.config.ts";
import { evidenceThroughText } from "../lib/dates.ts";

export const API_VERSION = 1;

function envelope(release: Release, htmlPath: string, data: unknown) {
  return {
    apiVersion: API_VERSION,
    datasetVersion: release.version,
    datasetReleased: release.released,
    /** The date of the newest reporting the release covers; deals reported later may be missing. */
    datasetEvidenceThrough: release.evidenceThrough,
    licence: { name: SITE.contentLicence.name, url: SITE.contentLicence.url },
    cite: `${SITE.name}, dataset v${release.version} (${evidenceThroughText(release)}), ${absoluteUrl(htmlPath)}`,
    url: absoluteUrl(htmlPath),
    data,
  };
}

export function apiIndex(release: Release) {
  const { dataset } = release;
  return envelope(release, paths.api(), {
    description: `${SITE.name}: ${SITE.description}`,
    dataset: {
      json: absoluteUrl(paths.dataDownload(release.version, "json")),
      csv: absoluteUrl(paths.dataDownload(release.version, "csv")),
      datapackage: absoluteUrl(paths.datapackage(release.version)),
      schema: absoluteUrl(paths.schema()),
    },
    deals: dataset.deals.map((d) => ({ id: d.id, title: d.title, announced: d.announced, url: absoluteUrl(paths.apiDeal(d.id)) })),
    companies: activeEntities(dataset).map((e) => ({ id: e.id, name: e.name, url: absoluteUrl(paths.apiCompany(e.id)) })),
    charts: publishedCharts().map((c) => ({ id: c.id, title: c.title, url: absoluteUrl(paths.apiChart(c.id)) })),
    indicators: currentIndicators().map((i) => ({ id: i.id, title: i.title, value: i.value, display: i.display, url: absoluteUrl(paths.apiIndicator(i.id)) })),
  });
}

/** One indicator on a release: what /monitor/<id>/ shows, with its pinned URL and archived download. */
export function apiIndicator(release: Release, id: string) {
  const indicator = indicatorAt(id, release.version)!;
  return envelope(release, paths.indicator(id), {
    ...indicator,
    pinned: absoluteUrl(paths.indicatorPinned(id, release.version)),
    download: absoluteUrl(paths.indicatorPinnedDownload(id, release.version, "json")),
  });
}

export function apiDeal(release: Release, id: string) {
  const deal = release.dataset.deals.find((d) => d.id === id)!;
  const financedBy = release.dataset.financing.filter((f) => f.relatedDeals.includes(id)).map((f) => f.id);
  return envelope(release, paths.deal(id), { ...deal, evidence: dealEvidence(deal), financedBy, html: absoluteUrl(paths.deal(id)) });
}

export function apiCompany(release: Release, id: string) {
  const { dataset } = release;
  const entity = dataset.entities.find((e) => e.id === id)!;
  const { incoming, outgoing } = dealsByEntity(dataset.deals, id);
  return envelope(release, paths.company(id), {
    ...entity,
    dealsIn: incoming.map((d) => d.id),
    dealsOut: outgoing.map((d) => d.id),
    financing: financingOfEntity(dataset.financing, id).map((f) => f.id),
    metrics: dataset.metrics.filter((m) => m.entity === id),
    loops: loopsOfEntity(loopsOf(release), id).map((l) => ({ id: l.id, entities: l.entities })),
    feed: absoluteUrl(paths.companyFeed(id)),
  });
}

export function apiChart(release: Release, chart: RenderedChart) {
  return envelope(release, paths.chart(chart.id), {
    id: chart.id,
    title: chart.title,
    subtitle: chart.subtitle,
    caption: chart.caption,
    source: chart.sourceNote,
    alt: chart.alt,
    pinned: absoluteUrl(paths.chartPinned(chart.id, chart.version)),
    downloads: Object.fromEntries(
      (["svg", "png", "csv", "json"] as const).map((ext) => [ext, absoluteUrl(paths.chartPinnedDownload(chart.id, chart.version, ext))]),
    ),
    columns: chart.table.headers.map((h) => h.label),
    rows: chart.rows.map((r) => r.value),
  });
}
