// What a company's page shows: money in and out by basis, its flows chart, loops, deals, financing, metrics, articles.
import type { Release } from "../dataset/load.ts";
import type { Deal, Entity } from "../schemas/dataset.ts";
import { loopsOf } from "../dataset/index.ts";
import { activeDeals, dealsByEntity, entityNamer, financingOfEntity, totalsByBasis } from "../dataset/selectors.ts";
import { loopsOfEntity } from "../dataset/loops.ts";
import { TYPE_LABEL } from "../charts/theme.ts";
import { companyFlowsChart } from "../render/company-flows.ts";
import type { Article } from "../articles/entries.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";

export function companyPage(release: Release, entity: Entity, articles: readonly Article[]) {
  const { dataset } = release;
  const { incoming, outgoing } = dealsByEntity(dataset.deals, entity.id);
  const allDeals = [...incoming.map((d) => ({ d, other: d.from })), ...outgoing.map((d) => ({ d, other: d.to }))].sort(
    (a, b) => b.d.announced.localeCompare(a.d.announced) || a.d.id.localeCompare(b.d.id),
  );
  return {
    entity,
    name: entityNamer(dataset),
    incoming,
    outgoing,
    inTotals: totalsByBasis(activeDeals(incoming)),
    outTotals: totalsByBasis(activeDeals(outgoing)),
    loops: loopsOfEntity(loopsOf(release), entity.id),
    flows: companyFlowsChart(dataset, entity),
    articles: articles.filter((a) => a.data.companies.includes(entity.id)),
    financing: financingOfEntity(dataset.financing, entity.id),
    metrics: dataset.metrics.filter((m) => m.entity === entity.id).sort((a, b) => a.metric.localeCompare(b.metric) || a.period.localeCompare(b.period)),
    allDeals,
    typesOf: (deals: Deal[]) => [...new Set(deals.map((d) => TYPE_LABEL[d.type]))].join(", "),
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
