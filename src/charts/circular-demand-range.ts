// How much of AI demand is circular: for each yardstick (a supplier's revenue or backlog, hyperscaler capex, a lab's
// revenue), the lowest and highest defensible count of circular dollars against it. The article
// "how-much-ai-demand-is-circular" uses the same record terms in its <Computed> figures (a unit test keeps them in step).
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import { COMPACT_MARGIN_LEFT, COMPACT_NAME_DX, PALETTE, fontSize, formatPercent, marginForNames } from "./theme.ts";
import { parseTerms, sumTerms, termValued } from "../dataset/terms.ts";
import { formatUsd } from "../lib/money.ts";

/** One yardstick: record terms for the denominator and for the low and high numerators (see dataset/terms.ts). */
export interface DemandComparison {
  label: string;
  /** A shorter label for the phone rendition, where the full one would run off a 300 px canvas. */
  phoneLabel?: string;
  denominator: string;
  /** Firm money round a loop (a closed investment against a committed or closed purchase), each loop at its smallest leg. */
  low?: string;
  /** Every deal on any loop, at face value. */
  high: string;
}

export const DEMAND_COMPARISONS: readonly DemandComparison[] = [
  {
    label: "Nvidia, fiscal 2026 revenue",
    denominator: "metric:nvidia-revenue-fy2026",
    low: "deal:nvidia-coreweave-2023-04 deal:nvidia-coreweave-2025-03-ipo deal:nvidia-coreweave-2026-01",
    high: "deal:oracle-nvidia-2025-05 deal:xai-nvidia-2025-10 deal:nvidia-openai-2024-10 deal:nvidia-openai-2026-02 deal:nvidia-coreweave-2023-04 deal:nvidia-coreweave-2025-03-ipo deal:nvidia-coreweave-2025-03-rentback deal:nvidia-coreweave-2025-09 deal:nvidia-coreweave-2026-01 deal:nvidia-lambda-2025-09-8k deal:nvidia-lambda-2025-09-comet deal:nvidia-iren-2026-05-cloud deal:nvidia-iren-2026-05-equity deal:nvidia-nebius-2026-03 deal:nvidia-nscale-2025-09 deal:nvidia-poolside-2025-10",
  },
  { label: "AMD, 2025 revenue", denominator: "metric:amd-revenue-2025", high: "deal:amd-openai-2025-10 deal:meta-amd-2026-02" },
  {
    label: "CoreWeave, backlog March 2026",
    denominator: "metric:coreweave-backlog-2026-03-31",
    high: "deal:openai-coreweave-2025-03 deal:openai-coreweave-2025-05 deal:openai-coreweave-2025-09 deal:nvidia-coreweave-2025-03-rentback deal:nvidia-coreweave-2025-09",
  },
  { label: "Oracle, backlog May 2026", denominator: "metric:oracle-backlog-2026-05-31", high: "deal:openai-oracle-2025-09 deal:meta-oracle-2025-09" },
  {
    label: "Amazon, Alphabet, Meta: 2026 capex guidance",
    phoneLabel: "Amazon, Alphabet, Meta 2026 capex",
    denominator: "metric:amazon-capex-guidance-2026 metric:google-capex-guidance-2026 metric:meta-capex-guidance-2026",
    low: "deal:amazon-anthropic-2023-09 deal:amazon-anthropic-2024-03 deal:amazon-anthropic-2024-11",
    high: "deal:openai-amazon-2025-11/yr deal:openai-amazon-2026-02/yr deal:anthropic-amazon-2026-04/yr deal:anthropic-google-2023-10/yr deal:anthropic-google-2026-05/yr",
  },
  {
    label: "OpenAI, 2025 revenue",
    denominator: "metric:openai-revenue-2025",
    high: "deal:nvidia-openai-2024-10 deal:nvidia-openai-2026-02 deal:amazon-openai-2026-02 deal:amazon-openai-2026-02-conditional deal:microsoft-openai-2023-01 deal:amd-openai-2025-10 deal:coreweave-openai-2025-03",
  },
  {
    label: "Anthropic, run rate May 2026",
    denominator: "metric:anthropic-revenue-run-rate-2026-05-28",
    low: "deal:amazon-anthropic-2023-09 deal:amazon-anthropic-2024-03 deal:amazon-anthropic-2024-11",
    high: "deal:amazon-anthropic-2023-09 deal:amazon-anthropic-2024-03 deal:amazon-anthropic-2024-11 deal:amazon-anthropic-2026-04 deal:amazon-anthropic-2026-04-milestones deal:google-anthropic-2023-early deal:google-anthropic-2023-10 deal:google-anthropic-2025-01 deal:google-anthropic-2026-04 deal:microsoft-anthropic-2025-11",
  },
];

interface Row {
  label: string;
  denominatorUsd: number;
  lowUsd: number;
  highUsd: number;
  /** Percentages of the denominator. */
  low: number;
  high: number;
  records: string;
}

const pct = (v: number) => (v === 0 ? "none" : formatPercent(v));
/** The log axis starts here; a low estimate of none sits on it, marked as such. */
const FLOOR = 0.5;

const chart: ChartModule<Row> = {
  id: "circular-demand-range",
  since: "1.2.0",
  title: "How much of AI demand is circular: the low and the high count",
  subtitle: "Circular dollars as a share of each yardstick, from firm money round a loop (low) to every loop deal at face value (high)",
  caption:
    "Low: only loops whose investment has been paid (a closed, priced deal) and whose purchase is committed or closed, each counted at its smallest leg. High: every deal on any loop at face value, ceilings and press reports included, over the deals' full terms, except the capex row, which spreads cloud contracts over their years. The scale is logarithmic because the high counts for the labs exceed their revenue. Rows overlap (one deal can appear against its buyer and its seller), so they must not be summed.",
  sourceNote: "Circularity dataset: deal, revenue, backlog and capex records; the rules are set out in the article on how much of AI demand is circular.",
  build(dataset) {
    const where = "chart circular-demand-range";
    const ids = new Set<string>();
    const total = (list: string | undefined) => {
      if (!list) return 0;
      // A record counts from the release that gives it a value: a comparison that gains a record (or a record that gains
      // an amount) leaves earlier releases as they were published. The article's <Computed> figures, which fail on an
      // unknown or unpriced record, keep the current release's lists honest (tests/unit/article-charts.test.ts).
      const terms = parseTerms(list, where).filter((t) => termValued(t, dataset));
      for (const t of terms) ids.add(t.id);
      return sumTerms(terms, dataset, where).value;
    };
    // A yardstick appears once its denominator is on record (CoreWeave's March 2026 backlog arrived in 1.3.0).
    const yardsticks = DEMAND_COMPARISONS.filter((c) => parseTerms(c.denominator, where).every((t) => termValued(t, dataset)));
    const data: Row[] = yardsticks.map((c) => {
      const denominatorUsd = total(c.denominator);
      const lowUsd = total(c.low);
      const highUsd = total(c.high);
      const records = [c.denominator, c.low ?? "", c.high]
        .join(" ")
        .trim()
        .split(/\s+/)
        .map((t) => t.replace(/^\w+:/, "").replace(/\/yr$/, ""));
      return {
        label: c.label,
        denominatorUsd,
        lowUsd,
        highUsd,
        low: (lowUsd / denominatorUsd) * 100,
        high: (highUsd / denominatorUsd) * 100,
        records: [...new Set(records)].join(" "),
      };
    });
    const order = data.map((d) => d.label);
    const phoneLabel = (label: string) => DEMAND_COMPARISONS.find((c) => c.label === label)?.phoneLabel ?? label;
    const dealIds = new Set(dataset.deals.map((d) => d.id));
    const maxHigh = Math.max(...data.map((d) => d.high));
    return {
      data,
      columns: [
        { key: "label", label: "Yardstick" },
        { key: "denominatorUsd", label: "Yardstick value", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "lowUsd", label: "Low count", numeric: true, format: (v, r) => (v ? `${formatUsd(v as number)} (${pct(r.low)})` : "none") },
        { key: "highUsd", label: "High count", numeric: true, format: (v, r) => `${formatUsd(v as number)} (${pct(r.high)})` },
      ],
      rowKey: (r) => r.label,
      dealIds: [...ids].filter((id) => dealIds.has(id)).sort(),
      legend: [
        { label: "Low count", color: PALETTE.blue },
        { label: "High count", color: PALETTE.orange },
      ],
      plot: ({ width, compact }) => {
        const row = compact ? 52 : 34;
        const marginLeft = compact ? COMPACT_MARGIN_LEFT : marginForNames(order, false, 200);
        return {
          width,
          height: 60 + order.length * row,
          marginLeft,
          marginRight: compact ? 30 : 60,
          style: { fontSize: `${fontSize(compact)}px`, overflow: "visible" },
          x: {
            type: "log",
            domain: [FLOOR, Math.max(200, maxHigh * 1.4)],
            label: null,
            axis: "top",
            grid: true,
            tickFormat: (d: number) => `${d}%`,
            ticks: [1, 10, 100, 1000].filter((t) => t <= maxHigh * 1.4),
          },
          y: compact ? { domain: order, axis: null, label: null } : { domain: order, label: null },
          marks: [
            Plot.ruleY(data, {
              x1: (d: Row) => Math.max(FLOOR, d.low),
              x2: "high",
              y: "label",
              stroke: "currentColor",
              strokeOpacity: 0.6,
              dy: compact ? 8 : 0,
            }),
            Plot.dot(data, {
              x: (d: Row) => Math.max(FLOOR, d.low),
              y: "label",
              r: 6,
              fill: (d: Row) => (d.low ? PALETTE.blue : "none"),
              stroke: PALETTE.blue,
              strokeWidth: 2,
              dy: compact ? 8 : 0,
            }),
            Plot.dot(data, { x: "high", y: "label", r: 6, fill: PALETTE.orange, dy: compact ? 8 : 0 }),
            Plot.text(data, {
              x: (d: Row) => Math.max(FLOOR, d.low),
              y: "label",
              text: (d: Row) => pct(d.low),
              textAnchor: "start",
              dx: -6,
              dy: compact ? 24 : -14,
              fill: "currentColor",
            }),
            Plot.text(data, { x: "high", y: "label", text: (d: Row) => pct(d.high), textAnchor: "middle", dy: compact ? 24 : -14, fill: "currentColor" }),
            compact
              ? Plot.text(order, {
                  x: FLOOR,
                  y: (d: string) => d,
                  text: phoneLabel,
                  textAnchor: "start",
                  dx: COMPACT_NAME_DX,
                  dy: -12,
                  fill: "currentColor",
                  fontWeight: 600,
                })
              : null,
          ],
        };
      },
    };
  },
  alt(spec) {
    const each = spec.data.map((d) => `${d.label}: low ${pct(d.low)}, high ${pct(d.high)}`);
    return `Range chart of circular dollars as a share of ${spec.data.length} yardsticks, on a logarithmic scale. ${each.join("; ")}.`;
  },
};

export default chart;
