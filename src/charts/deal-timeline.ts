// Every dated AI-era deal on one time axis, one row per deal type, sized by disclosed dollars.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Basis } from "../schemas/dataset.ts";
import { PALETTE, baseStyle, TYPE_LABEL, basisLegend, BASIS_SCALE } from "./theme.ts";
import { dealIdsOf, entityName } from "./data.ts";
import { BASES, DEAL_TYPES, dealsInEra, sortDealsByDate } from "../dataset/selectors.ts";
import { BASIS_LABEL, formatAmount, formatUsd } from "../lib/money.ts";

interface Row {
  id: string;
  date: string;
  type: string;
  from: string;
  to: string;
  usd: number | null;
  basis: Basis | "undisclosed";
}

const chart: ChartModule<Row> = {
  id: "deal-timeline",
  title: "The deals, announcement by announcement",
  subtitle: "AI-era deals by date and type; circle area shows disclosed US dollars, hollow circles are undisclosed",
  caption:
    "Announcements bunch in the second half of 2025, when equity, chip and cloud deals were struck within weeks of each other, often between the same few companies.",
  sourceNote: "Circularity deal dataset, including superseded and cancelled records (their own dates are real events).",
  build(dataset) {
    const deals = sortDealsByDate(dealsInEra(dataset.deals, "ai-2020s"));
    const data: Row[] = deals.map((d) => ({
      id: d.id,
      date: d.announced,
      type: TYPE_LABEL[d.type],
      from: entityName(dataset, d.from),
      to: entityName(dataset, d.to),
      usd: d.amount?.usd ?? null,
      basis: d.amount?.basis ?? "undisclosed",
    }));
    const types = DEAL_TYPES.filter((t) => deals.some((d) => d.type === t)).map((t) => TYPE_LABEL[t]);
    const disclosed = data.filter((d) => d.usd !== null);
    const undisclosed = data.filter((d) => d.usd === null);
    const title = (d: Row) => `${d.date}: ${d.from} → ${d.to}, ${d.type}, ${d.usd === null ? "undisclosed" : formatAmount({ usd: d.usd, basis: d.basis as Basis })}`;
    return {
      data,
      columns: [
        { key: "date", label: "Announced" },
        { key: "from", label: "From" },
        { key: "to", label: "To" },
        { key: "type", label: "Type" },
        { key: "usd", label: "USD", numeric: true, format: (v) => (v === null ? "undisclosed" : formatUsd(v as number)) },
        { key: "basis", label: "Basis", format: (v) => (v === "undisclosed" ? "—" : BASIS_LABEL[v as Basis]) },
      ],
      rowKey: (r) => r.id,
      dealIds: dealIdsOf(deals),
      legend: [
        ...basisLegend(data),
        ...(undisclosed.length ? [{ label: "undisclosed (hollow)", color: PALETTE.grey, shape: "line" as const }] : []),
      ],
      plot: ({ width, compact }) => ({
        width,
        height: 60 + types.length * (compact ? 56 : 40),
        marginLeft: compact ? 14 : 150,
        marginRight: 20,
        marginTop: compact ? 26 : 20,
        style: baseStyle(compact),
        x: { type: "utc", label: null, ticks: compact ? 4 : 8, grid: true },
        y: { label: null, domain: types, axis: compact ? null : "left" },
        r: { range: [2.5, compact ? 13 : 22] },
        color: BASIS_SCALE,
        marks: [
          compact ? Plot.text(types, { x: deals[0] ? new Date(deals[0].announced) : new Date(0), y: (t: string) => t, text: (t: string) => t, textAnchor: "start", dy: -22, fill: "currentColor", fontWeight: 600 }) : null,
          Plot.dot(disclosed, { x: (d: Row) => new Date(d.date), y: "type", r: "usd", fill: "basis", fillOpacity: 0.55, stroke: "basis", title }),
          Plot.dot(undisclosed, { x: (d: Row) => new Date(d.date), y: "type", r: 3.5, stroke: PALETTE.grey, strokeWidth: 1.5, fill: "none", title }),
        ],
      }),
    };
  },
  alt(spec) {
    const first = spec.data[0];
    const last = spec.data.at(-1);
    const biggest = [...spec.data].filter((d) => d.usd !== null).sort((a, b) => b.usd! - a.usd!).slice(0, 3);
    return `Timeline of ${spec.data.length} AI-era deals from ${first?.date} to ${last?.date}, grouped by deal type. Largest disclosed: ${biggest.map((d) => `${d.from} to ${d.to} ${formatUsd(d.usd!)} (${d.date})`).join("; ")}. ${spec.data.filter((d) => d.usd === null).length} deals have no disclosed amount.`;
  },
};

export default chart;
