// Which pages get their own social card and what it says: one list feeds the PNG route and every page's og:image.
// Articles, charts, the monitor and its indicators get large cards (1200 × 628); deals and companies get small ones
// (600 × 314, the same 1.91:1), up to a fixed number each, ranked by what readers share, so the cost stays bounded
// however large the dataset grows (at 100× the long tail falls back to the site's card; see bench/results.md).
import type { Release } from "../dataset/load.ts";
import type { Deal, Entity } from "../schemas/dataset.ts";
import type { Article } from "../articles/entries.ts";
import { activeEntities, dealsByEntity, entityNamer } from "../dataset/selectors.ts";
import { loopsOf } from "../dataset/index.ts";
import { loopsOfEntity } from "../dataset/loops.ts";
import { formatAmount } from "../dataset/labels.ts";
import { TYPE_LABEL } from "../charts/theme.ts";
import { dealEvidence, SOURCE_KIND_LABEL } from "../dataset/evidence.ts";
import { currentChart, publishedCharts } from "../render/charts.ts";
import { currentIndicators } from "../render/indicators.ts";
import { CARD, type CardContent } from "../render/social-card.ts";
import type { RenderedChart } from "../render/chart-render.ts";
import type { RenderedIndicator } from "../render/indicators.ts";
import { formatDate, evidenceThroughText } from "../lib/dates.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";
import { SITE } from "../site.config.ts";

export type CardKind = "site" | "article" | "chart" | "monitor" | "deal" | "company";

/** How many deal and company pages get a card of their own; the real dataset is well inside both. */
export const CARD_LIMIT = { deal: 1000, company: 500 } as const;
const SMALL: ReadonlySet<CardKind> = new Set(["deal", "company"]);

export interface SocialCard {
  kind: CardKind;
  id: string;
  width: number;
  height: number;
  content: CardContent;
}

/** The og:image a page declares: its card's path, pixel size and a text alternative. */
export interface CardImage {
  path: string;
  width: number;
  height: number;
  alt: string;
}

function card(kind: CardKind, id: string, content: Omit<CardContent, "site">): SocialCard {
  const width = SMALL.has(kind) ? CARD.width / 2 : CARD.width;
  return { kind, id, width, height: Math.round((width * CARD.height) / CARD.width), content: { ...content, site: new URL(absoluteUrl("")).host } };
}

export function cardImage(c: Pick<SocialCard, "kind" | "id" | "width" | "height" | "content">): CardImage {
  return { path: paths.card(c.kind, c.id), width: c.width, height: c.height, alt: `${c.content.kicker}: ${c.content.title}` };
}

/** The deals that get a card: the largest disclosed first, then the newest, up to the limit. */
function cardDeals(release: Release): Deal[] {
  return [...release.dataset.deals]
    .sort((a, b) => (b.amount?.usd ?? -1) - (a.amount?.usd ?? -1) || b.announced.localeCompare(a.announced) || a.id.localeCompare(b.id))
    .slice(0, CARD_LIMIT.deal);
}

/** The companies that get a card: those in the most deals first, up to the limit. */
function cardCompanies(release: Release): Entity[] {
  const count = (e: Entity) => {
    const { incoming, outgoing } = dealsByEntity(release.dataset.deals, e.id);
    return incoming.length + outgoing.length;
  };
  return activeEntities(release.dataset)
    .map((e) => ({ e, n: count(e) }))
    .filter(({ n }) => n > 0)
    .sort((a, b) => b.n - a.n || a.e.id.localeCompare(b.e.id))
    .slice(0, CARD_LIMIT.company)
    .map(({ e }) => e);
}

export function dealCard(release: Release, deal: Deal): SocialCard {
  const name = entityNamer(release.dataset);
  const evidence = dealEvidence(deal);
  return card("deal", deal.id, {
    kicker: "Deal record",
    title: deal.title,
    lines: [
      `${formatAmount(deal.amount)} · ${TYPE_LABEL[deal.type].toLowerCase()} · ${name(deal.from)} → ${name(deal.to)}`,
      `Announced ${formatDate(deal.announced, deal.datePrecision)} · ${deal.supersededBy ? "superseded" : deal.status}${evidence === "ungraded" ? "" : ` · ${SOURCE_KIND_LABEL[evidence].toLowerCase()}`}`,
    ],
  });
}

export function companyCard(release: Release, entity: Entity): SocialCard {
  const { incoming, outgoing } = dealsByEntity(release.dataset.deals, entity.id);
  const loops = loopsOfEntity(loopsOf(release), entity.id).length;
  return card("company", entity.id, {
    kicker: "Company",
    title: entity.name,
    lines: [
      `${incoming.length + outgoing.length} deals · ${loops} circular loop${loops === 1 ? "" : "s"}`,
      `Dataset v${release.version}, ${evidenceThroughText(release)}`,
    ],
  });
}

export function siteCard(release: Release): SocialCard {
  return card("site", "circularity", {
    kicker: "Research",
    title: SITE.tagline,
    lines: [`Dataset v${release.version}, ${evidenceThroughText(release)}`],
  });
}

export function articleCard(article: Pick<Article, "id" | "data">): SocialCard {
  return card("article", article.id, { kicker: "Analysis", title: article.data.title, lines: [article.data.description] });
}

export function chartCard(chart: Pick<RenderedChart, "id" | "title" | "wide">): SocialCard {
  return card("chart", chart.id, { kicker: "Chart", title: chart.title, lines: [], chart: chart.wide });
}

export function indicatorCard(indicator: Pick<RenderedIndicator, "id" | "title" | "display" | "version">): SocialCard {
  return card("monitor", indicator.id, { kicker: "Monitor", title: indicator.title, lines: [indicator.display, `Dataset v${indicator.version}`] });
}

export function monitorCard(indicators: readonly Pick<RenderedIndicator, "title" | "display">[]): SocialCard {
  return card("monitor", "monitor", {
    kicker: "Monitor",
    title: "How circular is AI financing?",
    lines: indicators.slice(0, 2).map((i) => `${i.title}: ${i.display}`),
  });
}

const withCards = new Map<string, { deals: Set<string>; companies: Set<string> }>();

/** The ids of the deals and companies that get a card of their own in a release. */
function carded(release: Release) {
  let sets = withCards.get(release.version);
  if (!sets) {
    sets = { deals: new Set(cardDeals(release).map((d) => d.id)), companies: new Set(cardCompanies(release).map((e) => e.id)) };
    withCards.set(release.version, sets);
  }
  return sets;
}

/** A deal page's og:image: its own card, or the site's past the limit. */
export function dealCardImage(release: Release, deal: Deal): CardImage {
  return cardImage(carded(release).deals.has(deal.id) ? dealCard(release, deal) : siteCard(release));
}

/** A company page's og:image: its own card, or the site's past the limit. */
export function companyCardImage(release: Release, entity: Entity): CardImage {
  return cardImage(carded(release).companies.has(entity.id) ? companyCard(release, entity) : siteCard(release));
}

/** Every card the site draws. */
export function socialCards(release: Release, articles: readonly Article[]): SocialCard[] {
  const indicators = currentIndicators();
  return [
    siteCard(release),
    monitorCard(indicators),
    ...indicators.map(indicatorCard),
    ...articles.map(articleCard),
    ...publishedCharts().map((c) => chartCard(currentChart(c.id))),
    ...cardDeals(release).map((d) => dealCard(release, d)),
    ...cardCompanies(release).map((e) => companyCard(release, e)),
  ];
}
