// What a company's page shows: money in and out by basis, its flows chart, loops, deals, financing, metrics,
// articles. Every value the layout prints is computed here, so a unit test can check it.
import { companyCardImage } from "./social-cards.ts";
import type { Release } from "../dataset/load.ts";
import type { Deal, Entity } from "../schemas/dataset.ts";
import { loopsOf } from "../dataset/index.ts";
import { activeDeals, BASES, dealsByEntity, entityNamer, financingOfEntity, totalsByBasis } from "../dataset/selectors.ts";
import { loopLabel, loopsOfEntity } from "../dataset/loops.ts";
import { BASIS_LABEL, formatAmount, formatMetricValue, LAYER_LABEL, loopMoneyText, METRIC_LABEL } from "../dataset/labels.ts";
import { PALETTE, TYPE_LABEL } from "../charts/theme.ts";
import { companyFlowsChart } from "../render/company-flows.ts";
import { marksOutOfTabOrder } from "../render/plot-to-svg.ts";
import type { Article } from "../articles/entries.ts";
import { formatUsd } from "../lib/money.ts";
import { formatDate } from "../lib/dates.ts";
import { absoluteUrl, paths, metricAnchor } from "../lib/urls.ts";

/** Why a listed deal is left out of the summary's totals, in the words the table shows beside its amount. */
function excludedBecause(deal: Deal): string | undefined {
  if (deal.supersededBy) return "superseded";
  if (deal.status === "cancelled") return "cancelled";
  return undefined;
}

export function companyPage(release: Release, entity: Entity, articles: readonly Article[]) {
  const { dataset } = release;
  const name = entityNamer(dataset);
  const { incoming, outgoing } = dealsByEntity(dataset.deals, entity.id);
  const typesOf = (deals: readonly Deal[]) => [...new Set(deals.map((d) => TYPE_LABEL[d.type]))].join(", ");
  const summaryRow = (label: string, deals: readonly Deal[]) => {
    const totals = totalsByBasis(activeDeals(deals));
    return { label, usd: totals.usd, cells: BASES.map((b) => formatUsd(totals.usd[b])), undisclosed: totals.undisclosed, types: typesOf(deals) };
  };
  const deals = [
    ...incoming.map((d) => ({ d, other: d.from, direction: "in" as const })),
    ...outgoing.map((d) => ({ d, other: d.to, direction: "out" as const })),
  ]
    .sort((a, b) => b.d.announced.localeCompare(a.d.announced) || a.d.id.localeCompare(b.d.id))
    .map(({ d, other, direction }) => {
      const excluded = excludedBecause(d);
      return {
        deal: d,
        date: { text: formatDate(d.announced, d.datePrecision), path: paths.deal(d.id) },
        direction,
        counterparty: { text: name(other), path: paths.company(other) },
        type: TYPE_LABEL[d.type],
        amount: formatAmount(d.amount),
        /** Where the deal stands; a row the summary leaves out says so here, beside its amount. */
        status: excluded ? `${excluded}, not counted` : d.status,
        /** Whether the summary above counts this row: superseded and cancelled deals are listed but not counted. */
        counted: excluded === undefined,
      };
    });
  const loops = loopsOfEntity(loopsOf(release), entity.id);
  const flows = companyFlowsChart(dataset, entity);
  const dealCount = incoming.length + outgoing.length;
  return {
    entity,
    title: entity.name,
    description: `${entity.name} in the Circularity dataset: ${dealCount} deals, ${loops.length} circular loops.`,
    path: paths.company(entity.id),
    image: companyCardImage(release, entity),
    feed: { title: `Circularity: ${entity.name}`, path: paths.companyFeed(entity.id) },
    apiPath: paths.apiCompany(entity.id),
    kicker: `Company record${entity.ticker ? ` · ${entity.ticker}` : ""}${entity.country ? ` · ${entity.country}` : ""}${entity.layer ? ` · Supply chain: ${LAYER_LABEL[entity.layer]}` : ""}`,
    // An alias that ends in a full stop ("Inc.") ends the sentence: no second stop.
    lede: `${entity.description}${entity.aliases.length > 0 ? ` Also known as ${entity.aliases.join(", ").replace(/\.$/, "")}.` : ""}`,
    /** The search index's words for the company: its name and every alias. */
    searchNames: [entity.name, ...entity.aliases, ...(entity.ticker ? [entity.ticker] : [])].join("; "),
    summary: {
      headers: BASES.map((b) => BASIS_LABEL[b]),
      rows: [summaryRow("In (received)", incoming), summaryRow("Out (paid, invested, committed)", outgoing)],
    },
    flows: {
      ...flows,
      wide: marksOutOfTabOrder(flows.wide),
      narrow: marksOutOfTabOrder(flows.narrow),
      legend: [
        { label: `into ${entity.name}`, color: PALETTE.blue },
        { label: `out of ${entity.name}`, color: PALETTE.orange },
      ],
      caption: `Active deals with a disclosed amount in dataset v${release.version}. Undisclosed deals are listed below.`,
    },
    loops: loops.map((l) => ({ text: loopLabel(l, name), path: `${paths.loops()}#loop-${l.id}`, figure: loopMoneyText(l) })),
    deals,
    metrics: dataset.metrics
      .filter((m) => m.entity === entity.id)
      .sort((a, b) => a.metric.localeCompare(b.metric) || a.period.localeCompare(b.period))
      .map((m) => ({
        id: m.id,
        anchor: metricAnchor(m.id),
        label: `${METRIC_LABEL[m.metric]} (${m.period}${m.stated ? `, stated ${formatDate(m.stated, "day")}` : ""})`,
        value: formatMetricValue(m),
        basis: BASIS_LABEL[m.basis],
        source: m.source,
        notes: m.notes,
      })),
    financing: financingOfEntity(dataset.financing, entity.id).map((f) => ({
      text: f.title,
      path: paths.financingRecord(f.id),
      amount: formatAmount(f.amount),
      date: formatDate(f.announced, f.datePrecision),
    })),
    articles: articles.filter((a) => a.data.companies.includes(entity.id)).map((a) => ({ text: a.data.title, path: paths.article(a.id) })),
    jsonLd: {
      "@context": "https://schema.org",
      "@type": entity.kind === "company" ? "Corporation" : "Organization",
      name: entity.name,
      alternateName: entity.aliases,
      description: entity.description,
      ...(entity.ticker ? { tickerSymbol: entity.ticker } : {}),
      url: absoluteUrl(paths.company(entity.id)),
    },
  };
}
export type CompanyPageData = ReturnType<typeof companyPage>;
