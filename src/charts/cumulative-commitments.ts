// Running total of disclosed AI-era dollars over time, one line per basis, to show how much is firm.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Basis } from "../schemas/dataset.ts";
import { MARK_BUDGET, baseStyle, twoLineAxisMargin, usdTick, basisLegend, BASIS_SCALE } from "./theme.ts";
import { dealIdsOf } from "./data.ts";
import { activeDeals, BASES, dealsInEra, sortDealsByDate } from "../dataset/selectors.ts";
import { formatUsd } from "../lib/money.ts";
import { BASIS_LABEL } from "../dataset/labels.ts";
import { href, paths } from "../lib/urls.ts";

interface Row {
  date: string;
  basis: Basis;
  /** The deal, or, when the line steps once a month, "<n> deals". */
  dealId: string;
  /** How many deals the step adds (1 unless the line steps once a month). */
  deals: number;
  usd: number;
  cumulativeUsd: number;
}

/** The running total of each basis at the end of each month, with the month's deals summed; dealId says how many. */
function byMonth(rows: readonly Row[]): Row[] {
  const cells = new Map<string, Row>();
  for (const r of rows) {
    const key = `${r.date.slice(0, 7)}/${r.basis}`;
    const cell = cells.get(key);
    cells.set(key, cell ? { ...r, usd: cell.usd + r.usd, deals: cell.deals + 1, dealId: cell.dealId } : r);
  }
  // Each step sits at the month's last announcement, where the running total stands.
  return [...cells.values()].map((r) => (r.deals === 1 ? r : { ...r, dealId: `${r.deals} deals` }));
}

const chart: ChartModule<Row> = {
  id: "cumulative-commitments",
  since: "1.0.0",
  title: "How the pledges piled up",
  subtitle: "Cumulative disclosed US dollars in AI-era deals, by basis, at each announcement",
  caption:
    "Firm (“committed”) dollars and ceilings (“up to”) are kept apart: adding them would treat a letter of intent like a signed contract. Reported figures come from press accounts the parties did not confirm.",
  sourceNote: "Circularity deal dataset. Superseded and cancelled deals excluded; undisclosed amounts are not counted.",
  build(dataset) {
    const deals = sortDealsByDate(dealsInEra(activeDeals(dataset.deals), "ai-2020s").filter((d) => d.amount));
    const running = Object.fromEntries(BASES.map((b) => [b, 0])) as Record<Basis, number>;
    const perDeal: Row[] = deals.map((d) => {
      running[d.amount!.basis] += d.amount!.usd;
      return { date: d.announced, basis: d.amount!.basis, dealId: d.id, deals: 1, usd: d.amount!.usd, cumulativeUsd: running[d.amount!.basis] };
    });
    // Past the mark budget, one step per month and basis instead of one per deal: the same line, far fewer points.
    const monthly = perDeal.length > MARK_BUDGET;
    const data: Row[] = monthly ? byMonth(perDeal) : perDeal;
    const used = BASES.filter((b) => data.some((d) => d.basis === b));
    const ends = used.map((b) => data.filter((d) => d.basis === b).at(-1)!);
    return {
      data,
      columns: [
        { key: "date", label: "Announced" },
        { key: "dealId", label: "Deal" },
        { key: "basis", label: "Basis", format: (v) => BASIS_LABEL[v as Basis] },
        { key: "usd", label: "Deal USD", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "cumulativeUsd", label: "Running total for basis", numeric: true, format: (v) => formatUsd(v as number) },
      ],
      rowKey: (r) => (monthly ? `${r.date.slice(0, 7)}/${r.basis}` : r.dealId),
      rowLink: (r) => (r.deals === 1 ? href(paths.deal(r.dealId)) : null),
      omitted: monthly ? `With ${perDeal.length} deals, the lines step once a month rather than at each deal.` : undefined,
      dealIds: dealIdsOf(deals),
      // Final totals go in the legend: end-of-line labels collide where two bases finish close together.
      legend: basisLegend(data, "line").map((item, i) => ({ ...item, label: `${item.label}: ${formatUsd(ends[i]!.cumulativeUsd)}` })),
      plot: ({ width, compact }) => ({
        width,
        height: compact ? 300 : 380,
        marginLeft: compact ? 50 : 60,
        marginRight: 16,
        marginBottom: twoLineAxisMargin(compact),
        style: baseStyle(compact),
        x: { type: "utc", label: null, ticks: compact ? 4 : 8 },
        y: { label: null, tickFormat: usdTick, grid: true, ticks: 5 },
        color: BASIS_SCALE,
        marks: [
          Plot.ruleY([0]),
          Plot.lineY(data, { x: (d: Row) => new Date(d.date), y: "cumulativeUsd", stroke: "basis", curve: "step-after", strokeWidth: 2.5 }),
          Plot.dot(data, {
            x: (d: Row) => new Date(d.date),
            y: "cumulativeUsd",
            fill: "basis",
            r: 2.5,
            // A monthly step stands for several deals and links to none of them.
            href: (d: Row) => (d.deals === 1 ? href(paths.deal(d.dealId)) : null),
            title: (d: Row) => `${d.date} ${d.dealId}: +${formatUsd(d.usd)} → ${formatUsd(d.cumulativeUsd)} ${BASIS_LABEL[d.basis]}`,
          }),
        ],
      }),
    };
  },
  alt(spec) {
    const ends = BASES.map((b) => spec.data.filter((d) => d.basis === b).at(-1)).filter((r): r is Row => !!r);
    return `Step lines of cumulative disclosed dollars in AI-era deals by basis, from ${spec.data[0]?.date} to ${spec.data.at(-1)?.date}. Final totals: ${ends.map((r) => `${BASIS_LABEL[r.basis]} ${formatUsd(r.cumulativeUsd)}`).join("; ")}.`;
  },
};

export default chart;
