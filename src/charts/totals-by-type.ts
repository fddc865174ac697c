// Disclosed dollars by deal type and basis: how much of the boom is equity, cloud contracts or chips.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Basis, DealType } from "../schemas/dataset.ts";
import { barInset, compactBarLabels, TYPE_LABEL, basisLegend, BASIS_SCALE, horizontalBarFrame, barRows } from "./theme.ts";
import { dealIdsOf } from "./data.ts";
import { activeDeals, BASES, DEAL_TYPES, dealsInEra } from "../dataset/selectors.ts";
import { formatUsd } from "../lib/money.ts";
import { BASIS_LABEL } from "../dataset/labels.ts";
import { href } from "../lib/urls.ts";

interface Row {
  type: string;
  basis: Basis;
  usd: number;
  deals: number;
}

const chart: ChartModule<Row> = {
  id: "totals-by-type",
  since: "1.0.0",
  title: "What kind of money",
  subtitle: "Disclosed US dollars in AI-era deals, by deal type and by how firm the figure is",
  caption:
    "Purchase commitments for cloud capacity dwarf direct equity. Much of the equity is itself conditional (“up to”), released as compute is built. Undisclosed deals are not in the bars.",
  sourceNote: "Circularity deal dataset. Superseded and cancelled deals excluded.",
  build(dataset) {
    const deals = dealsInEra(activeDeals(dataset.deals), "ai-2020s").filter((d) => d.amount);
    const cells = new Map<string, Row>();
    for (const d of deals) {
      const key = `${d.type}/${d.amount!.basis}`;
      const row = cells.get(key) ?? { type: TYPE_LABEL[d.type], basis: d.amount!.basis, usd: 0, deals: 0 };
      row.usd += d.amount!.usd;
      row.deals += 1;
      cells.set(key, row);
    }
    const typeTotal = (t: DealType) => deals.filter((d) => d.type === t).reduce((s, d) => s + d.amount!.usd, 0);
    const order = DEAL_TYPES.filter((t) => typeTotal(t) > 0)
      .sort((a, b) => typeTotal(b) - typeTotal(a))
      .map((t) => TYPE_LABEL[t]);
    // The deal-type listing pages (deals/type/<type>/), as the deals index links them.
    const typeOf = new Map(DEAL_TYPES.map((t) => [TYPE_LABEL[t], t]));
    const link = (label: string) => href(`deals/type/${typeOf.get(label)}/`);
    const data = order.flatMap((label) => BASES.map((b) => [...cells.values()].find((r) => r.type === label && r.basis === b)).filter((r): r is Row => !!r));
    return {
      data,
      columns: [
        { key: "type", label: "Deal type" },
        { key: "basis", label: "Basis", format: (v) => BASIS_LABEL[v as Basis] },
        { key: "usd", label: "Disclosed USD", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "deals", label: "Deals", numeric: true },
      ],
      rowKey: (r) => `${r.type}/${r.basis}`,
      rowLink: (r) => link(r.type),
      dealIds: dealIdsOf(deals),
      legend: basisLegend(data),
      plot: ({ width, compact }) => {
        const bars = barRows({ width, compact }, order, { row: 32 });
        return {
          ...horizontalBarFrame(bars, order, { marginLeft: 148 }),
          color: BASIS_SCALE,
          marks: [
            Plot.barX(data, {
              x: "usd",
              y: "type",
              fill: "basis",
              order: [...BASES],
              ...barInset(bars),
              href: (d: Row) => link(d.type),
              title: (d: Row) => `${d.type}, ${BASIS_LABEL[d.basis]}: ${formatUsd(d.usd)} in ${d.deals} deal${d.deals === 1 ? "" : "s"}`,
            }),
            Plot.ruleX([0]),
            compactBarLabels(order, bars, link),
          ],
        };
      },
    };
  },
  alt(spec) {
    const totals = new Map<string, number>();
    for (const r of spec.data) totals.set(r.type, (totals.get(r.type) ?? 0) + r.usd);
    return `Horizontal stacked bar chart of disclosed dollars by deal type in AI-era deals: ${[...totals.entries()].map(([t, usd]) => `${t} ${formatUsd(usd)}`).join("; ")}.`;
  },
};

export default chart;
