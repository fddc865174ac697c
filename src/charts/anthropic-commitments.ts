// Where Anthropic's priced compute commitments go, supplier by supplier, and which suppliers also hold its shares:
// the concentration the Anthropic suppliers article argues from, drawn from Anthropic's own records rather than a
// site-wide table. A year of each commitment is shown where the record states a term, since totals over ten years and
// over three are not the same weight.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Dataset } from "../schemas/dataset.ts";
import { activeDeals, dealsByEntity, pricedComputePurchases } from "../dataset/selectors.ts";
import { PALETTE, barEndLabels, barValueAxis, barInset, compactBarLabels, horizontalBarFrame, barRows } from "./theme.ts";
import { entityName } from "./data.ts";
import { BASIS_LABEL, formatAmount } from "../dataset/labels.ts";
import { formatUsd } from "../lib/money.ts";
import { href, paths } from "../lib/urls.ts";

/** The lab whose priced compute purchases are drawn (pricedComputePurchases), and from when they are current. */
export const COMMITMENTS = {
  lab: "anthropic",
  // Commitments signed from 2025 on: the 2023 Google Cloud contract runs out in 2027 and is not part of today's bill.
  from: "2025-01-01",
} as const;

interface Row {
  dealId: string;
  supplierId: string;
  supplier: string;
  usd: number;
  /** "$200B (reported)", as the record gives it. */
  amount: string;
  /** How firm the figure is: committed, up to, reported or estimated. */
  basis: string;
  termYears: number | null;
  /** The amount spread evenly over its stated term; null where the record states none. */
  perYearUsd: number | null;
  /** Whether the supplier has a recorded equity stake in the lab. */
  holdsShares: boolean;
}

export function commitmentRows(dataset: Dataset): Row[] {
  const { lab, from } = COMMITMENTS;
  const deals = activeDeals(dataset.deals);
  const shareholders = new Set(
    dealsByEntity(deals, lab)
      .incoming.filter((d) => d.type === "equity")
      .map((d) => d.from),
  );
  return pricedComputePurchases(deals, lab)
    .filter((d) => d.announced >= from)
    .map((d) => ({
      dealId: d.id,
      supplierId: d.to,
      supplier: entityName(dataset, d.to),
      usd: d.amount.usd,
      amount: formatAmount(d.amount),
      basis: BASIS_LABEL[d.amount.basis],
      termYears: d.termYears ?? null,
      perYearUsd: d.termYears ? d.amount.usd / d.termYears : null,
      holdsShares: shareholders.has(d.to),
    }))
    .sort((a, b) => b.usd - a.usd || a.dealId.localeCompare(b.dealId));
}

const KIND = { holds: "Also holds Anthropic shares", none: "No stake in Anthropic" } as const;
const kindOf = (r: Row) => (r.holdsShares ? KIND.holds : KIND.none);

const chart: ChartModule<Row> = {
  id: "anthropic-commitments",
  since: "1.49.0",
  title: "Where Anthropic's compute money goes",
  subtitle: "Anthropic's priced compute commitments signed since 2025, by supplier, US dollars",
  caption:
    "Each bar is one commitment as its record gives it: a firm figure, a press report or an estimate, over terms from three to ten years; the table gives a year of each where a term is stated. Suppliers in blue have also invested in Anthropic. The Google figure is a press report neither company confirmed, and it may overlap Broadcom's TPU rack orders; Amazon's is the floor Anthropic committed to; SpaceX's is our estimate from a monthly fee either side can end at short notice.",
  sourceNote: "Circularity records: Anthropic's compute commitments (company statements, filings, wire and press reports) and the equity deals into Anthropic.",
  build(dataset) {
    const data = commitmentRows(dataset);
    const order = data.map((d) => d.supplier);
    const link = (name: string) => {
      const row = data.find((d) => d.supplier === name);
      return row ? href(paths.company(row.supplierId)) : undefined;
    };
    return {
      data,
      columns: [
        { key: "supplier", label: "Supplier" },
        { key: "usd", label: "Commitment", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "basis", label: "Basis" },
        { key: "termYears", label: "Term", numeric: true, format: (v) => (v === null ? "not stated" : `${v} years`) },
        { key: "perYearUsd", label: "A year of it", numeric: true, format: (v) => (v === null ? "no term stated" : formatUsd(v as number)) },
        { key: "holdsShares", label: "Holds Anthropic shares", format: (v) => (v ? "yes" : "no") },
      ],
      rowKey: (r) => r.dealId,
      rowLink: (r) => href(paths.deal(r.dealId)),
      dealIds: data.map((d) => d.dealId),
      legend: [
        { label: KIND.holds, color: PALETTE.blue },
        { label: KIND.none, color: PALETTE.grey },
      ],
      plot: ({ width, compact }) => {
        const bars = barRows({ width, compact }, order);
        const max = Math.max(0, ...data.map((d) => d.usd));
        return {
          ...horizontalBarFrame(bars, order, {
            marginLeft: 90,
            marginRight: compact ? 12 : 130,
            x: barValueAxis(compact, max, undefined, { labels: data.map((d) => ({ value: d.usd, text: d.amount })), width, marginRight: 12 }),
          }),
          color: { domain: [KIND.holds, KIND.none], range: [PALETTE.blue, PALETTE.grey] },
          marks: [
            Plot.barX(data, {
              x: "usd",
              y: "supplier",
              fill: kindOf,
              ...barInset(bars),
              title: (d: Row) =>
                `${d.supplier}: ${d.amount}${d.perYearUsd === null ? "" : `, ${formatUsd(d.perYearUsd)} a year over ${d.termYears} years`}; ${kindOf(d).toLowerCase()}`,
            }),
            barEndLabels(data, { x: "usd", y: "supplier", text: (d: Row) => d.amount }, bars),
            Plot.ruleX([0]),
            compactBarLabels(order, bars, link),
          ],
        };
      },
    };
  },
  alt(spec) {
    if (!spec.data.length) return "Bar chart of Anthropic's priced compute commitments by supplier: this dataset version records none, so nothing is plotted.";
    const total = spec.data.reduce((s, d) => s + d.usd, 0);
    const held = spec.data.filter((d) => d.holdsShares).reduce((s, d) => s + d.usd, 0);
    const each = spec.data.map((d) => `${d.supplier}, ${d.amount}${d.holdsShares ? ", a shareholder" : ""}`);
    return `Bar chart of Anthropic's ${spec.data.length} priced compute commitments signed since 2025, ${formatUsd(total)} in all, of which ${formatUsd(held)} goes to suppliers that also hold its shares: ${each.join("; ")}.`;
  },
};

export default chart;
