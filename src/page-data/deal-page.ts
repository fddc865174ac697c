// What a deal's page shows: the record, its parties' names, loops, evidence, financing, citing charts and articles,
// version history, citation and structured data. Plain data, so a unit test can reach it.
import { cardImage, dealCardImage, siteCard } from "./social-cards.ts";
import type { Release } from "../dataset/load.ts";
import type { Deal } from "../schemas/dataset.ts";
import { loopsOf } from "../dataset/index.ts";
import { entityNamer } from "../dataset/selectors.ts";
import { loopLabel, loopsOfDeal } from "../dataset/loops.ts";
import { dealEvidence, SOURCE_KIND_EXPLANATION, SOURCE_KIND_LABEL } from "../dataset/evidence.ts";
import { dealHistory } from "../dataset/history.ts";
import { amountBucket, BASIS_EXPLANATION, BASIS_LABEL, formatAmount } from "../dataset/labels.ts";
import { ERA_LABEL, TYPE_LABEL } from "../charts/theme.ts";
import { formatUsdLong } from "../lib/money.ts";
import { currentChart, publishedCharts } from "../render/charts.ts";
import { refsOf, type Article } from "../articles/entries.ts";
import { formatDate } from "../lib/dates.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";
import { releaseWork, type CitableWork } from "../lib/cite.ts";

const dealIdSets = new Map<string, Set<string>>();
/** The deals a current chart plots, as a set built once per build (a list scanned on every deal page grew with deals²). */
function chartDealIds(id: string): Set<string> {
  let ids = dealIdSets.get(id);
  if (!ids) dealIdSets.set(id, (ids = new Set(currentChart(id).dealIds)));
  return ids;
}

/** How to cite a deal record: the page and its .ris file both take it from here. */
export function dealCitation(release: Release, deal: Pick<Deal, "id" | "title">): CitableWork {
  // A citation names the record as of one release, at a URL that shows it as that release held it for good: the
  // version page (today a redirect to the live page; a frozen page once a later release revises the record).
  return releaseWork("deal", deal.id, deal.title, absoluteUrl(paths.dealVersion(deal.id, release.version)), release);
}

/** A link as page data: the site path (the layout adds the base path) and the words to show. */
export interface Link {
  text: string;
  path: string;
}

/** "November 3, 2025", or "November 2025" with " (exact day not known)": the announced date as precisely as it is known. */
export function announcedText(deal: Pick<Deal, "announced" | "datePrecision">): { datetime: string; text: string; caveat: string } {
  const caveat = deal.datePrecision === "day" ? "" : ` (exact ${deal.datePrecision === "month" ? "day" : "date"} not known)`;
  return { datetime: deal.announced, text: formatDate(deal.announced, deal.datePrecision, "long"), caveat };
}

/**
 * A deal's page: the live one (the newest release), or a frozen one showing a content a later release revised, with
 * `frozen` saying so. Frozen pages are not search results, and cite themselves.
 */
export function dealPage(release: Release, deal: Deal, articles: readonly Article[], frozen?: { note: string }) {
  const name = entityNamer(release.dataset);
  const description = `${name(deal.from)} → ${name(deal.to)}: ${TYPE_LABEL[deal.type].toLowerCase()}, ${formatAmount(deal.amount)}, announced ${formatDate(deal.announced, deal.datePrecision)}.`;
  const citation = dealCitation(release, deal);
  const dealLink = (d: Deal): Link => ({ text: d.title, path: paths.deal(d.id) });
  const replacedBy = deal.supersededBy ? release.dataset.deals.find((d) => d.id === deal.supersededBy) : undefined;
  const evidence = dealEvidence(deal);
  const citingArticles = articles.filter((a) => refsOf(a).deals.includes(deal.id));
  const citingCharts = publishedCharts().filter((c) => chartDealIds(c.id).has(deal.id));
  return {
    deal,
    title: deal.title,
    description,
    path: frozen ? paths.dealVersion(deal.id, release.version) : paths.deal(deal.id),
    livePath: paths.deal(deal.id),
    frozen: frozen?.note,
    // Cards and the .ris file describe the record now; a frozen page takes the site's card and cites itself in page.
    image: frozen ? cardImage(siteCard(release)) : dealCardImage(release, deal),
    kicker: `Deal record · ${ERA_LABEL[deal.era]}`,
    /** Pagefind filters, "name:value": what a reader can narrow search results by. */
    filters: [
      "type:deal",
      `company:${name(deal.from)}`,
      `company:${name(deal.to)}`,
      `year:${deal.announced.slice(0, 4)}`,
      `deal type:${TYPE_LABEL[deal.type]}`,
      `era:${ERA_LABEL[deal.era]}`,
      `amount:${amountBucket(deal.amount)}`,
    ],
    from: { text: name(deal.from), path: paths.company(deal.from) } satisfies Link,
    to: { text: name(deal.to), path: paths.company(deal.to) } satisfies Link,
    typeText: TYPE_LABEL[deal.type].toLowerCase(),
    amountText: formatAmount(deal.amount, "long"),
    /** The later record that replaced this one (this one is then left out of totals). */
    replacedBy: replacedBy && dealLink(replacedBy),
    /** The earlier records this one replaced. */
    replaces: release.dataset.deals.filter((d) => d.supersededBy === deal.id).map(dealLink),
    announced: announcedText(deal),
    amount: deal.amount && {
      usd: formatUsdLong(deal.amount.usd),
      basis: BASIS_LABEL[deal.amount.basis],
      explanation: BASIS_EXPLANATION[deal.amount.basis],
      original: deal.amount.original,
    },
    evidence: evidence === "ungraded" ? undefined : { label: SOURCE_KIND_LABEL[evidence], explanation: SOURCE_KIND_EXPLANATION[evidence] },
    type: TYPE_LABEL[deal.type],
    compute: deal.compute && [deal.compute.gw && `${deal.compute.gw} GW`, deal.compute.chips].filter(Boolean).join("; "),
    term: deal.termYears && `${deal.termYears} years`,
    status: deal.status,
    financedBy: release.dataset.financing
      .filter((f) => f.relatedDeals.includes(deal.id))
      .map((f) => ({ text: f.title, path: paths.financingRecord(f.id), amount: formatAmount(f.amount) })),
    loops: loopsOfDeal(loopsOf(release), deal.id).map((l): Link => ({ text: loopLabel(l, name), path: `${paths.loops()}#loop-${l.id}` })),
    citedBy: [
      ...citingArticles.map((a) => ({ kind: "Article", text: a.data.title, path: paths.article(a.id) })),
      ...citingCharts.map((c) => ({ kind: "Chart", text: c.title, path: paths.chart(c.id) })),
    ],
    versions: dealHistory(deal.id).map((h) => ({
      text: `v${h.version}`,
      // A release that withdrew the record has no version of it to show.
      path: h.change === "removed" ? undefined : paths.dealVersion(deal.id, h.version),
      note: h.reason ? `${h.change}. ${h.reason}` : h.change,
    })),
    citation,
    risPath: frozen ? undefined : paths.dealRis(deal.id),
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
