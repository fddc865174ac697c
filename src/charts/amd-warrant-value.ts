// What the shares in AMD's warrant to Meta are worth at each AMD share price the records hold, against the purchase
// the warrant rewards: the payment in stock that grows with the share price, which the AMD warrants article argues
// from. OpenAI's warrant has the same share count and last target, so one warrant stands for both.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Dataset } from "../schemas/dataset.ts";
import { PALETTE, formatPercent as pct, barEndLabels, barValueAxis, barInset, compactBarLabels, horizontalBarFrame, barRows } from "./theme.ts";
import { formatPerShare, formatShares, formatUsd } from "../lib/money.ts";
import { formatDate } from "../lib/dates.ts";
import { href, paths } from "../lib/urls.ts";

/** The records the chart reads: the warrant, its last price target, the purchase it rewards and whose share prices. */
export const WARRANT = {
  shares: "amd-meta-warrant-shares",
  warrant: "amd-meta-2026-02",
  lastTarget: "amd-meta-warrant-final-price-target",
  purchase: "meta-amd-2026-02",
  issuer: "amd",
} as const;

interface Row {
  /** The price record. */
  metricId: string;
  /** "Close, Feb 23, 2026" or "Last price target". */
  label: string;
  kind: "close" | "target";
  price: number;
  /** The warrant's shares at that price. */
  valueUsd: number;
  /** The value as a share of the purchase, in percent. */
  ofPurchase: number;
}

export function warrantValueRows(dataset: Dataset): { rows: Row[]; purchaseUsd: number | null } {
  const metric = (id: string) => dataset.metrics.find((m) => m.id === id);
  const warrant = metric(WARRANT.shares);
  const purchaseUsd = dataset.deals.find((d) => d.id === WARRANT.purchase)?.amount?.usd ?? null;
  const target = metric(WARRANT.lastTarget);
  if (!warrant || purchaseUsd === null || !target) return { rows: [], purchaseUsd };
  const shares = warrant.value;
  const row = (id: string, label: string, kind: Row["kind"], price: number): Row => ({
    metricId: id,
    label,
    kind,
    price,
    valueUsd: shares * price,
    ofPurchase: ((shares * price) / purchaseUsd) * 100,
  });
  // The last close before the warrant was granted (the base of its accounting charge) and every close since, in date
  // order; closes before the warrant existed say nothing about it.
  const granted = warrant.period;
  const prices = dataset.metrics
    .filter((m) => m.entity === WARRANT.issuer && m.metric === "share-price")
    .sort((a, b) => a.period.localeCompare(b.period) || a.id.localeCompare(b.id));
  const before = prices.filter((m) => m.period < granted).at(-1);
  const closes = prices
    .filter((m) => m === before || m.period >= granted)
    .map((m) => row(m.id, `Close, ${formatDate(m.period, "day", "short")}${m === before ? " (before)" : ""}`, "close", m.value));
  return { rows: [...closes, row(target.id, "Last price target", "target", target.value)], purchaseUsd };
}

const chart: ChartModule<Row> = {
  id: "amd-warrant-value",
  since: "1.26.0",
  title: "AMD's warrant to Meta, priced",
  subtitle: "What the warrant's shares are worth at each AMD share price, against Meta's AMD purchases, US dollars",
  caption:
    "The shares are worth the share count times the price, once vested; they vest only as Meta buys and as AMD's price clears targets that rise to the last one shown. The first bar is the close before the deal was announced, the price the warrant's accounting charge starts from. The line is the purchase AMD said Meta would make over five years, as Reuters reported, which may not cover all six gigawatts; analysts' estimates of the whole deal are higher. OpenAI's warrant has the same share count and last target. The closes after the announcement come from aggregator pages.",
  sourceNote: "Circularity records: AMD's warrant terms (8-K exhibit, AP, press), AMD's closing prices (Reuters, aggregators), Meta's purchase (Reuters).",
  build(dataset) {
    const { rows: data, purchaseUsd } = warrantValueRows(dataset);
    const order = data.map((d) => d.label);
    const link = () => href(paths.company(WARRANT.issuer));
    return {
      data,
      columns: [
        { key: "label", label: "AMD share price" },
        { key: "price", label: "Price", numeric: true, format: (v) => formatPerShare(v as number) },
        { key: "valueUsd", label: "Warrant's shares worth", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "ofPurchase", label: "Share of Meta's five-year purchase (Reuters)", numeric: true, format: (v) => pct(v as number) },
      ],
      rowKey: (r) => r.metricId,
      rowLink: () => link(),
      dealIds: data.length ? [WARRANT.purchase, WARRANT.warrant] : [],
      legend: [
        { label: "At a closing price", color: PALETTE.blue },
        { label: "At the last price target", color: PALETTE.orange },
        { label: "Meta's purchase over five years (Reuters)", color: "currentColor", shape: "dash" as const },
      ],
      plot: ({ width, compact }) => {
        const bars = barRows({ width, compact }, order);
        const max = Math.max(purchaseUsd ?? 0, ...data.map((d) => d.valueUsd));
        return {
          ...horizontalBarFrame(bars, order, {
            marginLeft: 170,
            marginRight: compact ? 24 : 110,
            extraHeight: 30,
            x: barValueAxis(compact, max),
          }),
          color: { domain: ["close", "target"], range: [PALETTE.blue, PALETTE.orange] },
          marks: [
            Plot.barX(data, {
              x: "valueUsd",
              y: "label",
              fill: "kind",
              ...barInset(bars),
              title: (d: Row) => `${d.label}: ${formatPerShare(d.price)}, shares worth ${formatUsd(d.valueUsd)}, ${pct(d.ofPurchase)} of Meta's purchase`,
            }),
            ...(purchaseUsd === null ? [] : [Plot.ruleX([purchaseUsd], { stroke: "currentColor", strokeDasharray: "4 3", strokeWidth: 1.5 })]),
            barEndLabels(data, { x: "valueUsd", y: "label", text: (d: Row) => formatUsd(d.valueUsd) }, bars),
            Plot.ruleX([0]),
            compactBarLabels(order, bars, link),
          ],
        };
      },
    };
  },
  alt(spec) {
    if (!spec.data.length)
      return "Bar chart of what AMD's warrant to Meta is worth at AMD's share prices: this dataset version lacks the warrant's records, so nothing is plotted.";
    const each = spec.data.map((d) => `${d.label} (${formatPerShare(d.price)}): ${formatUsd(d.valueUsd)}, ${pct(d.ofPurchase)} of Meta's purchase`);
    const shares = formatShares(spec.data[0]!.valueUsd / spec.data[0]!.price);
    const purchase = spec.data[0]!.valueUsd / (spec.data[0]!.ofPurchase / 100);
    return `Bar chart of what the ${shares} in AMD's warrant to Meta are worth at each AMD share price, against Meta's AMD purchase of ${formatUsd(purchase)}: ${each.join("; ")}.`;
  },
};

export default chart;
