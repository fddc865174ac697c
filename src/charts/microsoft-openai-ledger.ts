// Every recorded flow between Microsoft and OpenAI, in date order and in both directions: the oldest loop.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Basis, Dataset, Deal } from "../schemas/dataset.ts";
import { BASIS_SCALE, TYPE_LABEL, barEndLabels, barValueAxis, barInset, basisLegend, compactBarLabels, horizontalBarFrame, barRows } from "./theme.ts";
import { dealIdsOf, entityName } from "./data.ts";
import { activeDeals, sortDealsByDate } from "../dataset/selectors.ts";
import { BASIS_LABEL, formatAmount } from "../dataset/labels.ts";
import { formatUsd } from "../lib/money.ts";
import { href, paths } from "../lib/urls.ts";
import { formatDate } from "../lib/dates.ts";

interface Row {
  dealId: string;
  /** "2019 · Microsoft → OpenAI · Equity": one row per deal. */
  label: string;
  announced: string;
  direction: string;
  type: string;
  /** Null when the amount was not disclosed: drawn as a marker, never as a zero bar. */
  usd: number | null;
  basis: Basis | null;
  amount: string;
  /** The row label's parts: on a phone the deal word moves from the name to the bar's end, where there is room. */
  when: string;
  flow: string;
}

const PAIR = ["microsoft", "openai"] as const;

/** Short words for the row labels, which must fit a phone; the table gives the full deal type. */
const FLOW_WORD: Record<Deal["type"], string> = {
  equity: "stake",
  warrants: "warrants",
  loan: "loan",
  "vendor-financing": "vendor loan",
  "capacity-backstop": "backstop",
  "cloud-commitment": "cloud",
  "chip-purchase": "chips",
  partnership: "partnership",
};

export function microsoftOpenAiDeals(dataset: Dataset): Deal[] {
  return sortDealsByDate(activeDeals(dataset.deals).filter((d) => PAIR.includes(d.from as never) && PAIR.includes(d.to as never) && d.from !== d.to));
}

const chart: ChartModule<Row> = {
  id: "microsoft-openai-ledger",
  since: "1.2.0",
  title: "Microsoft and OpenAI: money each way",
  subtitle: "Every recorded deal between the two companies, oldest first: investments one way, cloud commitments the other",
  caption:
    "Amounts at face value. Microsoft's investments were largely spent as Azure compute; how much arrived as cash and how much as credits is not disclosed. The Azure commitment of October 2025 has no public term or schedule, and a revenue-share cap is a ceiling, not a payment. Undisclosed deals are marked, not drawn as zero.",
  sourceNote: "Circularity deal dataset: active deals between Microsoft and OpenAI in either direction; each deal cites its own sources.",
  build(dataset) {
    const deals = microsoftOpenAiDeals(dataset);
    const name = (id: string) => entityName(dataset, id);
    const data: Row[] = deals.map((d) => ({
      dealId: d.id,
      // The month as well as the year: two deals of one type in one year must stay two rows.
      label: `${formatDate(d.announced, d.datePrecision === "day" ? "month" : d.datePrecision)} · ${name(d.from)} → ${name(d.to)}, ${FLOW_WORD[d.type]}`,
      when: formatDate(d.announced, d.datePrecision === "day" ? "month" : d.datePrecision),
      flow: FLOW_WORD[d.type],
      announced: d.announced,
      direction: `${name(d.from)} → ${name(d.to)}`,
      type: TYPE_LABEL[d.type],
      usd: d.amount?.usd ?? null,
      basis: d.amount?.basis ?? null,
      amount: formatAmount(d.amount),
    }));
    const order = data.map((d) => d.label);
    const link = (label: string) => href(paths.deal(data.find((d) => d.label === label)!.dealId));
    const priced = data.filter((d) => d.usd !== null);
    const rowOf = (label: string) => data.find((d) => d.label === label)!;
    const endText = (d: Row, compact: boolean) => `${d.usd === null ? "undisclosed" : formatUsd(d.usd)}${compact ? ` ${d.flow}` : ""}`;
    return {
      data,
      columns: [
        { key: "announced", label: "Announced" },
        { key: "direction", label: "Direction" },
        { key: "type", label: "Type" },
        { key: "usd", label: "Amount", numeric: true, format: (_v, r) => r.amount },
        { key: "basis", label: "Basis", format: (v) => (v ? BASIS_LABEL[v as Basis] : "undisclosed") },
      ],
      rowKey: (r) => r.dealId,
      rowLink: (r) => href(paths.deal(r.dealId)),
      dealIds: dealIdsOf(deals),
      legend: basisLegend(priced.map((d) => ({ basis: d.basis! }))),
      plot: ({ width, compact }) => {
        const bars = barRows({ width, compact }, order, { phoneName: (label) => `${rowOf(label).when} · ${rowOf(label).direction}` });
        return {
          ...horizontalBarFrame(bars, order, {
            marginLeft: 200,
            marginRight: compact ? 12 : 60,
            extraHeight: 50,
            x: barValueAxis(compact, Math.max(...priced.map((d) => d.usd!)), undefined, {
              labels: data.map((d) => ({ value: d.usd ?? 0, text: endText(d, compact) })),
              width,
              marginRight: 12,
            }),
          }),
          color: BASIS_SCALE,
          marks: [
            Plot.barX(priced, {
              x: "usd",
              y: "label",
              fill: "basis",
              ...barInset(bars),
              href: (d: Row) => link(d.label),
              title: (d: Row) => `${d.label}: ${d.amount}`,
            }),
            barEndLabels(data, { x: (d: Row) => d.usd ?? 0, y: "label", text: (d: Row) => endText(d, compact) }, bars),
            Plot.ruleX([0]),
            compactBarLabels(order, bars, link),
          ],
        };
      },
    };
  },
  alt(spec) {
    const each = spec.data.map((d) => `${d.announced.slice(0, 4)} ${d.direction}, ${d.type.toLowerCase()}: ${d.amount}`);
    return `Bar chart of ${spec.data.length} recorded deals between Microsoft and OpenAI, oldest first. ${each.join("; ")}.`;
  },
};

export default chart;
