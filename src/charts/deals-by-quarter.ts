// Number of AI-era deals announced each quarter, split by type: the pace of deal-making.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import { baseStyle, twoLineAxisMargin, TYPE_COLOR, TYPE_LABEL } from "./theme.ts";
import { dealIdsOf } from "./data.ts";
import { DEAL_TYPES, dealsByQuarter, dealsInEra } from "../dataset/selectors.ts";
import { href } from "../lib/urls.ts";

interface Row {
  quarter: string;
  type: string;
  deals: number;
}

const chart: ChartModule<Row> = {
  id: "deals-by-quarter",
  since: "1.0.0",
  title: "The pace of deal-making",
  subtitle: "AI-era deals announced per quarter, by type (every record, whatever its amount)",
  caption:
    "Counting deals rather than dollars shows the pace without letting one $300 billion contract dominate. Talks that later turned into a larger deal are counted in the quarter they were first reported.",
  sourceNote: "Circularity deal dataset, all AI-era records.",
  build(dataset) {
    const deals = dealsInEra(dataset.deals, "ai-2020s");
    const data: Row[] = [];
    for (const [quarter, list] of dealsByQuarter(deals)) {
      for (const type of DEAL_TYPES) {
        const n = list.filter((d) => d.type === type).length;
        if (n) data.push({ quarter, type: TYPE_LABEL[type], deals: n });
      }
    }
    const quarters = allQuarters(data.map((d) => d.quarter));
    const types = DEAL_TYPES.filter((t) => deals.some((d) => d.type === t));
    // The deal-type listing pages (deals/type/<type>/), as the deals index links them.
    const link = (d: Row) => href(`deals/type/${types.find((t) => TYPE_LABEL[t] === d.type)}/`);
    return {
      data,
      columns: [
        { key: "quarter", label: "Quarter" },
        { key: "type", label: "Type" },
        { key: "deals", label: "Deals", numeric: true },
      ],
      rowKey: (r) => `${r.quarter}/${r.type}`,
      rowLink: link,
      dealIds: dealIdsOf(deals),
      legend: types.map((t) => ({ label: TYPE_LABEL[t], color: TYPE_COLOR[t] })),
      plot: ({ width, compact }) => ({
        width,
        height: compact ? 280 : 340,
        marginLeft: 36,
        marginBottom: twoLineAxisMargin(compact),
        style: baseStyle(compact),
        // Every quarter named where there is room for it; else only each year, at its first quarter.
        ...(crowded(quarters.length, width)
          ? { x: { label: null, domain: quarters, ticks: quarters.filter((q) => q.endsWith("Q1")), tickFormat: (q: string) => q.slice(0, 4) } }
          : { x: { label: null, domain: quarters, tickFormat: quarterTick } }),
        y: { label: "Deals", grid: true, ticks: 5 },
        color: { domain: types.map((t) => TYPE_LABEL[t]), range: types.map((t) => TYPE_COLOR[t]) },
        marks: [
          Plot.barY(data, {
            x: "quarter",
            y: "deals",
            fill: "type",
            order: types.map((t) => TYPE_LABEL[t]),
            href: link,
            title: (d: Row) => `${d.quarter}: ${d.deals} ${d.type}`,
          }),
          Plot.ruleY([0]),
        ],
      }),
    };
  },
  alt(spec) {
    const totals = new Map<string, number>();
    for (const r of spec.data) totals.set(r.quarter, (totals.get(r.quarter) ?? 0) + r.deals);
    const peak = [...totals.entries()].sort((a, b) => b[1] - a[1])[0];
    return `Stacked column chart of AI-era deals per quarter from ${[...totals.keys()][0]} to ${[...totals.keys()].at(-1)}; the busiest quarter is ${peak?.[0]} with ${peak?.[1]} deals. Per quarter: ${[...totals.entries()].map(([q, n]) => `${q} ${n}`).join(", ")}.`;
  },
};

/** Quarter names need about 24 px each ("Q4" and a gap) at the chart's type size. */
function crowded(quarters: number, width: number): boolean {
  return (width - 56) / Math.max(1, quarters) < 24;
}

/** "Q1" with the year beneath it at each year's first quarter; the other quarters alone, so labels never collide. */
function quarterTick(q: string): string {
  const [year, quarter] = q.split("-") as [string, string];
  return quarter === "Q1" ? `${quarter}\n${year}` : quarter;
}

/** Quarters with no deals still get a column, so gaps in time read as gaps. */
function allQuarters(present: string[]): string[] {
  const sorted = [...new Set(present)].sort();
  if (!sorted.length) return [];
  const [startYear, startQ] = sorted[0]!.split("-Q").map(Number) as [number, number];
  const [endYear, endQ] = sorted.at(-1)!.split("-Q").map(Number) as [number, number];
  const out: string[] = [];
  for (let y = startYear, q = startQ; y < endYear || (y === endYear && q <= endQ); q === 4 ? ((q = 1), y++) : q++) out.push(`${y}-Q${q}`);
  return out;
}

export default chart;
