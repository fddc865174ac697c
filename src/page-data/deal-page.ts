// What a deal's page shows: the record, its parties' names, loops, evidence, financing, citing charts and articles,
// version history, citation and structured data. Plain data, so a unit test can reach it.
import type { Release } from "../dataset/load.ts";
import type { Deal } from "../schemas/dataset.ts";
import { loopsOf } from "../dataset/index.ts";
import { entityNamer } from "../dataset/selectors.ts";
import { loopsOfDeal } from "../dataset/loops.ts";
import { dealEvidence } from "../dataset/evidence.ts";
import { dealHistory } from "../dataset/history.ts";
import { amountBucket, formatAmount } from "../dataset/labels.ts";
import { TYPE_LABEL } from "../charts/theme.ts";
import { currentChart, publishedCharts } from "../render/charts.ts";
import type { Article } from "../articles/collection.ts";
import { refsOf } from "../articles/collection.ts";
import { formatDate } from "../lib/dates.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";
import type { CitableWork } from "../lib/cite.ts";
import { SITE } from "../site.config.ts";

const dealIdSets = new Map<string, Set<string>>();
/** The deals a current chart plots, as a set built once per build (a list scanned on every deal page grew with deals²). */
function chartDealIds(id: string): Set<string> {
  let ids = dealIdSets.get(id);
  if (!ids) dealIdSets.set(id, (ids = new Set(currentChart(id).dealIds)));
  return ids;
}

/** How to cite a deal record: the page and its .ris file both take it from here. */
export function dealCitation(release: Release, deal: Pick<Deal, "id" | "title">): CitableWork {
  // A deal page shows the current release; its citation names that version (deal ids are permanent).
  return {
    kind: "deal",
    id: deal.id,
    title: deal.title,
    authors: [SITE.publisher],
    issued: release.released,
    url: absoluteUrl(paths.deal(deal.id)),
    datasetVersion: release.version,
    evidenceThrough: release.evidenceThrough,
  };
}

export function dealPage(release: Release, deal: Deal, articles: readonly Article[]) {
  const name = entityNamer(release.dataset);
  const description = `${name(deal.from)} → ${name(deal.to)}: ${TYPE_LABEL[deal.type].toLowerCase()}, ${formatAmount(deal.amount)}, announced ${formatDate(deal.announced, deal.datePrecision)}.`;
  const citation = dealCitation(release, deal);
  return {
    deal,
    name,
    description,
    year: deal.announced.slice(0, 4),
    amountFilter: amountBucket(deal.amount),
    loops: loopsOfDeal(loopsOf(release), deal.id),
    charts: publishedCharts().filter((c) => chartDealIds(c.id).has(deal.id)),
    articles: articles.filter((a) => refsOf(a).deals.includes(deal.id)),
    supersededBy: deal.supersededBy ? release.dataset.deals.find((d) => d.id === deal.supersededBy) : undefined,
    supersedes: release.dataset.deals.filter((d) => d.supersededBy === deal.id),
    history: dealHistory(deal.id),
    evidence: dealEvidence(deal),
    financedBy: release.dataset.financing.filter((f) => f.relatedDeals.includes(deal.id)),
    citation,
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "Dataset",
      name: deal.title,
      description,
      url: citation.url,
      isPartOf: absoluteUrl(paths.data()),
      version: release.version,
      temporalCoverage: deal.announced,
      citation: deal.sources.map((s) => ({ "@type": "CreativeWork", name: s.title, publisher: s.publisher, url: s.url, datePublished: s.date })),
    },
  };
}
export type DealPageData = ReturnType<typeof dealPage>;
