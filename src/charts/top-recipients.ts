// Who receives the most disclosed money in the AI-era deals, split by how firm the figures are.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import { totalsByEntityAndBasis, dealIdsOf, type EntityBasisTotal } from "./data.ts";
import { barInset, compactBarLabels, basisLegend, BASIS_SCALE, horizontalBarFrame, barRows } from "./theme.ts";
import { activeDeals, BASES, dealsInEra } from "../dataset/selectors.ts";
import { formatUsd } from "../lib/money.ts";
import { BASIS_LABEL } from "../dataset/labels.ts";
import { href, paths } from "../lib/urls.ts";

export function entityBarChart(
  side: "from" | "to",
): Omit<ChartModule<EntityBasisTotal>, "id" | "since" | "title" | "subtitle" | "caption" | "sourceNote" | "alt"> {
  return {
    build(dataset) {
      const deals = dealsInEra(activeDeals(dataset.deals), "ai-2020s");
      const data = totalsByEntityAndBasis(dataset, side, deals, 12);
      const order = [...new Set(data.map((d) => d.name))];
      const included = new Set(data.map((d) => d.entity));
      const idOf = new Map(data.map((d) => [d.name, d.entity]));
      const link = (name: string) => href(paths.company(idOf.get(name)!));
      return {
        data,
        columns: [
          { key: "name", label: side === "to" ? "Recipient" : "Funder or buyer" },
          { key: "basis", label: "Basis", format: (v) => BASIS_LABEL[v as EntityBasisTotal["basis"]] },
          { key: "usd", label: "Disclosed USD", numeric: true, format: (v) => formatUsd(v as number) },
          { key: "deals", label: "Deals", numeric: true },
        ],
        rowKey: (r) => `${r.entity}/${r.basis}`,
        rowLink: (r) => href(paths.company(r.entity)),
        dealIds: dealIdsOf(deals.filter((d) => d.amount && included.has(d[side]))),
        legend: basisLegend(data),
        plot: ({ width, compact }) => {
          const bars = barRows({ width, compact }, order);
          return {
            ...horizontalBarFrame(bars, order, { marginLeft: 205 }),
            color: BASIS_SCALE,
            marks: [
              Plot.barX(data, {
                x: "usd",
                y: "name",
                fill: "basis",
                order: [...BASES],
                ...barInset(bars),
                href: (d: EntityBasisTotal) => link(d.name),
                title: (d: EntityBasisTotal) => `${d.name}: ${formatUsd(d.usd)} ${BASIS_LABEL[d.basis]} (${d.deals} deal${d.deals === 1 ? "" : "s"})`,
              }),
              Plot.ruleX([0]),
              compactBarLabels(order, bars, link),
            ],
          };
        },
      };
    },
  };
}

const chart: ChartModule<EntityBasisTotal> = {
  id: "top-recipients",
  since: "1.0.0",
  title: "Who receives the money",
  subtitle: "Disclosed US dollars received in AI-era deals, by recipient and by how firm the figure is",
  caption:
    "Cloud and chip sellers sit at the top because buyers' multi-year purchase commitments are counted in full. Ceilings (“up to”) and reported figures may never be paid; undisclosed deals are left out rather than counted as zero.",
  sourceNote: "Circularity deal dataset; each deal cites its own sources. Superseded and cancelled deals excluded.",
  ...entityBarChart("to"),
  alt: (spec) => altForEntityTotals(spec.data, "received"),
};

export function altForEntityTotals(data: EntityBasisTotal[], verb: string): string {
  const totals = new Map<string, number>();
  for (const row of data) totals.set(row.name, (totals.get(row.name) ?? 0) + row.usd);
  const top = [...totals.entries()].slice(0, 5).map(([name, usd]) => `${name} ${formatUsd(usd)}`);
  return `Horizontal bar chart of disclosed dollars ${verb} in AI-era deals for ${totals.size} entities, split by basis. Largest: ${top.join("; ")}.`;
}

export default chart;
