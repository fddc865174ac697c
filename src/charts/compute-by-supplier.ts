// Gigawatts of compute that buyers have committed to take, grouped by the supplier that sells it.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import { BAR_ROWS, PALETTE, barInset, compactBarLabels, horizontalBarFrame, barRows } from "./theme.ts";
import { dealIdsOf, entityName } from "./data.ts";
import { activeDeals, dealsInEra } from "../dataset/selectors.ts";
import { href, paths } from "../lib/urls.ts";

interface Row {
  supplier: string;
  buyer: string;
  dealId: string;
  gw: number;
}

const chart: ChartModule<Row> = {
  id: "compute-by-supplier",
  since: "1.0.0",
  title: "Gigawatts on order, by supplier",
  subtitle: "Compute capacity in GW named in AI-era deals, by the company supplying it, split by buyer",
  caption:
    "Gigawatts describe power for data centres, not chips; one gigawatt of current GPUs costs tens of billions of dollars to build. Most of this capacity is scheduled from the second half of 2026 onward and none of it is built yet at announcement.",
  sourceNote: "Circularity deal dataset: deals that state a GW figure. Superseded and cancelled deals excluded.",
  build(dataset) {
    const deals = dealsInEra(activeDeals(dataset.deals), "ai-2020s").filter((d) => d.compute?.gw);
    const all: Row[] = deals
      .map((d) => ({ supplier: entityName(dataset, d.to), buyer: entityName(dataset, d.from), dealId: d.id, gw: d.compute!.gw! }))
      .sort((a, b) => a.supplier.localeCompare(b.supplier) || b.gw - a.gw || a.dealId.localeCompare(b.dealId));
    const total = (s: string) => roundGw(all.filter((d) => d.supplier === s).reduce((sum, d) => sum + d.gw, 0));
    const ranked = [...new Set(all.map((d) => d.supplier))].sort((a, b) => total(b) - total(a) || a.localeCompare(b));
    // Past BAR_ROWS suppliers, the smallest are left out (and said to be).
    const suppliers = ranked.slice(0, BAR_ROWS);
    const shown = new Set(suppliers);
    const data = all.filter((d) => shown.has(d.supplier));
    const buyers = [...new Set(data.map((d) => d.buyer))].sort();
    const colors = [PALETTE.blue, PALETTE.orange, PALETTE.purple, PALETTE.green, PALETTE.teal, PALETTE.red, PALETTE.grey];
    return {
      data,
      columns: [
        { key: "supplier", label: "Supplier" },
        { key: "buyer", label: "Buyer" },
        { key: "dealId", label: "Deal" },
        { key: "gw", label: "GW", numeric: true },
      ],
      rowKey: (r) => r.dealId,
      rowLink: (r) => href(paths.deal(r.dealId)),
      dealIds: dealIdsOf(deals.filter((d) => shown.has(entityName(dataset, d.to)))),
      omitted: ranked.length > BAR_ROWS ? `Only the ${BAR_ROWS} largest of ${ranked.length} suppliers are shown.` : undefined,
      legend: buyers.map((b, i) => ({ label: b, color: colors[i % colors.length]! })),
      plot: ({ width, compact }) => {
        const bars = barRows({ width, compact }, suppliers, { row: 32 });
        return {
          ...horizontalBarFrame(bars, suppliers, {
            marginLeft: 120,
            marginRight: 60,
            x: { label: "GW", labelAnchor: "right", grid: true, ticks: compact ? 4 : 8, axis: "top" },
          }),
          color: { domain: buyers, range: buyers.map((_, i) => colors[i % colors.length]!) },
          marks: [
            Plot.barX(data, {
              x: "gw",
              y: "supplier",
              fill: "buyer",
              ...barInset(bars),
              href: (d: Row) => href(paths.deal(d.dealId)),
              title: (d: Row) => `${d.buyer} from ${d.supplier}: ${d.gw} GW (${d.dealId})`,
            }),
            Plot.text(suppliers, {
              x: (s: string) => total(s),
              y: (s: string) => s,
              text: (s: string) => `${total(s)} GW`,
              textAnchor: "start",
              dx: 4,
              dy: bars.valueDy,
              fill: "currentColor",
            }),
            Plot.ruleX([0]),
            compactBarLabels(suppliers, bars),
          ],
        };
      },
    };
  },
  alt(spec) {
    const totals = new Map<string, number>();
    for (const r of spec.data) totals.set(r.supplier, (totals.get(r.supplier) ?? 0) + r.gw);
    const all = roundGw([...totals.values()].reduce((a, b) => a + b, 0));
    return `Horizontal bar chart of ${all} GW of compute named in AI-era deals, by supplier: ${[...totals.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([s, gw]) => `${s} ${roundGw(gw)} GW`)
      .join("; ")}.`;
  },
};

/** Sums of decimals such as 0.2 + 0.007 leave floating-point tails ("0.20700000000000002"); a megawatt is enough. */
function roundGw(gw: number): number {
  return Math.round(gw * 1000) / 1000;
}

export default chart;
