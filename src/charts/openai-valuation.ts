// OpenAI's valuation at each priced round or share sale, the number every circular deal leans on.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Basis } from "../schemas/dataset.ts";
import { PALETTE, baseStyle, twoLineAxisMargin, usdTick, basisLegend, BASIS_SCALE } from "./theme.ts";
import { BASES } from "../dataset/selectors.ts";
import { formatUsd } from "../lib/money.ts";
import { BASIS_LABEL } from "../dataset/labels.ts";

interface Row {
  metricId: string;
  date: string;
  usd: number;
  basis: Basis;
  note: string;
}

export function valuationRows(
  metrics: { id: string; entity: string; metric: string; period: string; value: number; basis: Basis; notes?: string | undefined }[],
  entity: string,
): Row[] {
  return metrics
    .filter((m) => m.entity === entity && m.metric === "valuation" && /^\d{4}-\d{2}/.test(m.period))
    .map((m) => ({ metricId: m.id, date: m.period.length === 7 ? `${m.period}-01` : m.period, usd: m.value, basis: m.basis, note: m.notes ?? "" }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.metricId.localeCompare(b.metricId));
}

const chart: ChartModule<Row> = {
  id: "openai-valuation",
  since: "1.0.0",
  title: "OpenAI's price tag",
  subtitle: "OpenAI's valuation at each round or share sale in the dataset, US dollars",
  caption:
    "Investors who are also suppliers (Nvidia, Amazon, Microsoft) buy in at these prices, and the price is what makes equity-for-compute deals look cheap or dear. Some points are pre-money and some post-money; the table says which.",
  sourceNote: "Circularity metrics records, each with its own source.",
  build(dataset) {
    const data = valuationRows(dataset.metrics, "openai");
    return {
      data,
      columns: [
        { key: "date", label: "Date" },
        { key: "usd", label: "Valuation", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "basis", label: "Basis", format: (v) => BASIS_LABEL[v as Basis] },
        { key: "note", label: "Note" },
      ],
      rowKey: (r) => r.metricId,
      dealIds: [],
      legend: basisLegend(data),
      plot: ({ width, compact }) => ({
        width,
        height: compact ? 260 : 320,
        marginLeft: 56,
        marginRight: compact ? 30 : 50,
        marginBottom: twoLineAxisMargin(compact),
        marginTop: 24,
        style: baseStyle(compact),
        x: { type: "utc", label: null, ticks: compact ? 3 : 6 },
        y: { label: null, tickFormat: usdTick, grid: true, ticks: 5, zero: true },
        color: BASIS_SCALE,
        marks: [
          Plot.ruleY([0]),
          Plot.line(data, { x: (d: Row) => new Date(d.date), y: "usd", stroke: PALETTE.grey, strokeWidth: 1.5 }),
          Plot.dot(data, {
            x: (d: Row) => new Date(d.date),
            y: "usd",
            fill: "basis",
            r: 5,
            title: (d: Row) => `${d.date}: ${formatUsd(d.usd)} (${BASIS_LABEL[d.basis]}) ${d.note}`,
          }),
          Plot.text(data, { x: (d: Row) => new Date(d.date), y: "usd", text: (d: Row) => formatUsd(d.usd), dy: -12, fill: "currentColor", fontWeight: 600 }),
        ],
      }),
    };
  },
  alt(spec) {
    if (!spec.data.length) return "Line chart of OpenAI's valuation: this dataset version has no valuation records, so nothing is plotted.";
    return `Line chart of OpenAI's valuation: ${spec.data.map((d) => `${d.date} ${formatUsd(d.usd)}`).join("; ")}.`;
  },
};

export default chart;
