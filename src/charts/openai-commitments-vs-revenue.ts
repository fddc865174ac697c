// OpenAI's disclosed purchase commitments set against what it earns and burns.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Basis } from "../schemas/dataset.ts";
import { PALETTE, barInset, barY, baseStyle, compactBarLabels, marginForNames, usdTick, basisLegend, BASIS_SCALE } from "./theme.ts";
import { dealIdsOf } from "./data.ts";
import { activeDeals, BASES } from "../dataset/selectors.ts";
import { formatUsd } from "../lib/money.ts";
import { BASIS_LABEL } from "../dataset/labels.ts";

interface Row {
  group: string;
  label: string;
  basis: Basis;
  usd: number;
  kind: "commitment" | "metric";
}

const BUYING = new Set(["cloud-commitment", "chip-purchase"]);

const chart: ChartModule<Row> = {
  id: "openai-commitments-vs-revenue",
  since: "1.0.0",
  title: "OpenAI's bills against its income",
  subtitle: "OpenAI's disclosed compute purchase commitments, by basis, beside its latest reported revenue and cash burn",
  caption:
    "Commitments run over five to ten years while revenue and burn are for the latest full year reported (or the latest period, where no full year is), so the bars are not like for like: the point is the order of magnitude, and at this scale half a year of revenue is a sliver. Several of the largest purchase deals (Nvidia, AMD, Broadcom) carry no dollar figure at all and are missing from the left bar.",
  sourceNote: "Circularity deal dataset (OpenAI as buyer of cloud and chips) and metrics records for revenue and cash burn, each with its source.",
  build(dataset) {
    const deals = activeDeals(dataset.deals).filter((d) => d.from === "openai" && BUYING.has(d.type) && d.amount);
    const commitments: Row[] = BASES.map((basis) => ({
      group: "Purchase commitments",
      label: BASIS_LABEL[basis],
      basis,
      usd: deals.filter((d) => d.amount!.basis === basis).reduce((s, d) => s + d.amount!.usd, 0),
      kind: "commitment" as const,
    })).filter((r) => r.usd > 0);
    // The newest full calendar year when there is one (quarters and half years understate a year's scale).
    const latest = (metric: "revenue" | "cash-burn") => {
      const all = dataset.metrics
        .filter((m) => m.entity === "openai" && m.metric === metric && m.unit === "usd")
        .sort((a, b) => a.period.localeCompare(b.period));
      return all.filter((m) => /^\d{4}$/.test(m.period)).at(-1) ?? all.at(-1);
    };
    const metrics: Row[] = (["revenue", "cash-burn"] as const).flatMap((metric) => {
      const m = latest(metric);
      return m
        ? [{ group: `${metric === "revenue" ? "Revenue" : "Cash burn"}, ${m.period}`, label: metric, basis: m.basis, usd: m.value, kind: "metric" as const }]
        : [];
    });
    const data = [...commitments, ...metrics];
    const groups = [...new Set(data.map((d) => d.group))];
    return {
      data,
      columns: [
        { key: "group", label: "Measure" },
        { key: "basis", label: "Basis", format: (v) => BASIS_LABEL[v as Basis] },
        { key: "usd", label: "USD", numeric: true, format: (v) => formatUsd(v as number) },
      ],
      rowKey: (r) => `${r.group}/${r.basis}`,
      dealIds: dealIdsOf(deals),
      legend: basisLegend(data),
      plot: ({ width, compact }) => ({
        width,
        height: compact ? 170 : 150,
        marginLeft: compact ? 14 : marginForNames(groups, false, 170),
        marginRight: compact ? 56 : 70,
        style: baseStyle(compact),
        x: { label: null, tickFormat: usdTick, ticks: compact ? 3 : 5, grid: true, axis: "top" },
        y: barY(groups, compact),
        color: BASIS_SCALE,
        marks: [
          Plot.barX(
            commitments,
            Plot.stackX({
              x: "usd",
              y: "group",
              fill: "basis",
              order: [...BASES],
              ...barInset(compact),
              title: (d: Row) => `${d.group}, ${d.label}: ${formatUsd(d.usd)}`,
            }),
          ),
          Plot.barX(metrics, {
            x: "usd",
            y: "group",
            fill: PALETTE.grey,
            ...barInset(compact),
            title: (d: Row) => `${d.group}: ${formatUsd(d.usd)} (${BASIS_LABEL[d.basis]})`,
          }),
          Plot.text(groups, {
            x: (g: string) => data.filter((d) => d.group === g).reduce((s, d) => s + d.usd, 0),
            y: (g: string) => g,
            text: (g: string) => formatUsd(data.filter((d) => d.group === g).reduce((s, d) => s + d.usd, 0)),
            textAnchor: "start",
            dx: 4,
            dy: compact ? 9 : 0,
            fill: "currentColor",
          }),
          compactBarLabels(groups, compact),
        ],
      }),
    };
  },
  alt(spec) {
    return `Bar chart comparing OpenAI's disclosed purchase commitments with its revenue and cash burn: ${spec.data.map((d) => `${d.group}${d.kind === "commitment" ? ` (${d.label})` : ""} ${formatUsd(d.usd)}`).join("; ")}.`;
  },
};

export default chart;
