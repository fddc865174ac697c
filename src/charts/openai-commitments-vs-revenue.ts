// OpenAI's purchase commitments, a year's share of each, set against one year of what it earns and burns.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Basis, Deal } from "../schemas/dataset.ts";
import {
  PALETTE,
  barInset,
  barValueAxis,
  barY,
  baseStyle,
  compactBarLabels,
  marginForNames,
  fontSize,
  basisLegend,
  BASIS_SCALE,
  COMPACT_MARGIN_LEFT,
  COMPACT_ROW,
  barRows,
} from "./theme.ts";
import { textWidth } from "./text-width.ts";
import { dealIdsOf } from "./data.ts";
import { BASES, pricedComputePurchases } from "../dataset/selectors.ts";
import { formatUsd } from "../lib/money.ts";
import { BASIS_LABEL } from "../dataset/labels.ts";

interface Row {
  group: string;
  basis: Basis;
  /** US dollars a year: a commitment's amount over its term, or a year's revenue or burn. */
  usdPerYear: number;
  /** What the figure covers: the commitments' terms, or the year reported. */
  period: string;
  kind: "commitment" | "metric";
}

const PER_YEAR = "Commitments, a year's share";

/** The commitments whose term is stated, and the rest, which cannot be spread over years without inventing a term. */
export function splitByTerm(deals: readonly Deal[]): { termed: Deal[]; untermed: Deal[] } {
  return { termed: deals.filter((d) => d.termYears), untermed: deals.filter((d) => !d.termYears) };
}

const chart: ChartModule<Row> = {
  id: "openai-commitments-vs-revenue",
  since: "1.0.0",
  title: "OpenAI's bills against its income",
  subtitle: "OpenAI's compute purchase commitments with a stated term, each spread evenly over its years, beside one year of its revenue and cash burn",
  caption:
    "Like for like: each commitment counts at its amount divided by its term (a $38 billion, seven-year contract is $5.4 billion a year), against revenue and cash burn for the latest full year reported. The years overlap only in part, since contracts start at different dates, so the bar is a year's share of what has been promised, not a forecast of any one year's bill. Several of the largest purchase deals (Nvidia, AMD, Broadcom) carry no dollar figure at all.",
  sourceNote:
    "Circularity deal dataset (OpenAI as buyer of cloud and chips, with each contract's term) and metrics records for revenue and cash burn, each with its source.",
  build(dataset) {
    const deals = pricedComputePurchases(dataset.deals, "openai");
    const { termed, untermed } = splitByTerm(deals);
    const terms = [...new Set(termed.map((d) => d.termYears!))].sort((a, b) => a - b);
    const commitments: Row[] = BASES.map((basis) => ({
      group: PER_YEAR,
      basis,
      usdPerYear: termed.filter((d) => d.amount!.basis === basis).reduce((s, d) => s + d.amount!.usd / d.termYears!, 0),
      period: terms.length ? `terms of ${terms.join(", ")} years` : "",
      kind: "commitment" as const,
    })).filter((r) => r.usdPerYear > 0);
    // The newest full calendar year: quarters and half years are not a year.
    const latest = (metric: "revenue" | "cash-burn") =>
      dataset.metrics
        .filter((m) => m.entity === "openai" && m.metric === metric && m.unit === "usd" && /^\d{4}$/.test(m.period))
        .sort((a, b) => a.period.localeCompare(b.period))
        .at(-1);
    const metrics: Row[] = (["revenue", "cash-burn"] as const).flatMap((metric) => {
      const m = latest(metric);
      return m
        ? [
            {
              group: `${metric === "revenue" ? "Revenue" : "Cash burn"}, ${m.period}`,
              basis: m.basis,
              usdPerYear: m.value,
              period: `the year ${m.period}`,
              kind: "metric" as const,
            },
          ]
        : [];
    });
    const data = [...commitments, ...metrics];
    const groups = [...new Set(data.map((d) => d.group))];
    const total = (g: string) => data.filter((d) => d.group === g).reduce((s, d) => s + d.usdPerYear, 0);
    const untermedUsd = untermed.reduce((s, d) => s + d.amount!.usd, 0);
    return {
      data,
      columns: [
        { key: "group", label: "Measure" },
        { key: "basis", label: "Basis", format: (v) => BASIS_LABEL[v as Basis] },
        { key: "usdPerYear", label: "USD a year", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "period", label: "Period" },
      ],
      rowKey: (r) => `${r.group}/${r.basis}`,
      dealIds: dealIdsOf(deals),
      omitted: untermed.length
        ? `Left out because they state no term, so have no year's share: ${formatUsd(untermedUsd)} of commitments in ${untermed.length} deal${untermed.length === 1 ? "" : "s"} (${untermed.map((d) => d.id).join(", ")}).`
        : undefined,
      legend: basisLegend(data),
      plot: ({ width, compact }) => {
        const size = fontSize(compact);
        const max = Math.max(...groups.map(total));
        const marginLeft = compact ? COMPACT_MARGIN_LEFT : marginForNames(groups, false, 170);
        const bars = barRows({ width, compact }, groups);
        // Room for half of the last tick label, which is centred on the frame's right edge.
        const marginRight = 24;
        const plotWidth = width - marginLeft - marginRight;
        // A segment's value goes inside it, in white, where it fits; else it joins the total at the bar's end. The
        // scale then stretches so that every end label fits on the canvas (twice over: a longer label narrows the bars).
        let domainMax = max;
        const fits = (r: Row) => (r.usdPerYear / domainMax) * plotWidth >= textWidth(formatUsd(r.usdPerYear), size) + 8;
        // The phone has no room beside the bar for the small segments: its end label is the total (the table has each).
        const endLabel = (g: string) => {
          const outside = compact ? [] : data.filter((d) => d.group === g && d.kind === "commitment" && !fits(d));
          return `${formatUsd(total(g))}${g === PER_YEAR ? " a year" : ""}${outside.length ? ` (${outside.map((d) => `${BASIS_LABEL[d.basis]} ${formatUsd(d.usdPerYear)}`).join(", ")})` : ""}`;
        };
        for (let pass = 0; pass < 2; pass++)
          domainMax = Math.max(...groups.map((g) => (total(g) * plotWidth) / Math.max(plotWidth * 0.3, plotWidth - textWidth(endLabel(g), size) - 8)));
        return {
          width,
          // A wrapped group name adds a line to each row.
          height: compact ? 170 + groups.length * (bars.row - COMPACT_ROW) : 130,
          marginLeft,
          marginRight,
          style: baseStyle(compact),
          x: { ...barValueAxis(compact, max), domain: [0, domainMax], ticks: compact ? 3 : 5 },
          y: barY(groups, compact),
          color: BASIS_SCALE,
          marks: [
            Plot.barX(
              commitments,
              Plot.stackX({
                x: "usdPerYear",
                y: "group",
                fill: "basis",
                z: "basis",
                order: [...BASES],
                ...barInset(bars),
                title: (d: Row) => `${BASIS_LABEL[d.basis]}: ${formatUsd(d.usdPerYear)} a year`,
              }),
            ),
            Plot.text(
              commitments,
              Plot.stackX({
                x: "usdPerYear",
                y: "group",
                z: "basis",
                order: [...BASES],
                text: (d: Row) => (fits(d) ? formatUsd(d.usdPerYear) : ""),
                fill: "white",
                dy: bars.valueDy,
              }),
            ),
            Plot.barX(metrics, {
              x: "usdPerYear",
              y: "group",
              fill: PALETTE.grey,
              ...barInset(bars),
              title: (d: Row) => `${d.group}: ${formatUsd(d.usdPerYear)} (${BASIS_LABEL[d.basis]})`,
            }),
            Plot.text(groups, {
              x: total,
              y: (g: string) => g,
              text: endLabel,
              textAnchor: "start",
              dx: 4,
              dy: bars.valueDy,
              fill: "currentColor",
            }),
            compactBarLabels(groups, bars),
          ],
        };
      },
    };
  },
  alt(spec) {
    const perYear = spec.data.filter((d) => d.kind === "commitment");
    const metrics = spec.data.filter((d) => d.kind === "metric");
    return `Bar chart: OpenAI's purchase commitments with a stated term come to ${formatUsd(perYear.reduce((s, d) => s + d.usdPerYear, 0))} a year (${perYear.map((d) => `${BASIS_LABEL[d.basis]} ${formatUsd(d.usdPerYear)}`).join(", ")}), against ${metrics.map((d) => `${d.group.toLowerCase()} ${formatUsd(d.usdPerYear)}`).join(" and ")}.`;
  },
};

export default chart;
