// How much of each boom's disclosed money is firm, a ceiling, reported or estimated.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Basis, Deal } from "../schemas/dataset.ts";
import { ERA_LABEL, baseStyle, basisLegend, marginForNames, BASIS_SCALE } from "./theme.ts";
import { dealIdsOf } from "./data.ts";
import { activeDeals, BASES, withoutOverlaps } from "../dataset/selectors.ts";
import { formatUsd } from "../lib/money.ts";
import { BASIS_LABEL } from "../dataset/labels.ts";

interface Row {
  era: string;
  basis: Basis;
  usd: number;
  share: number;
}

const chart: ChartModule<Row> = {
  id: "firmness-by-era",
  since: "1.0.0",
  title: "How firm are the figures?",
  subtitle: "Share of disclosed US dollars by basis: committed, up to (ceilings), reported, estimated",
  caption:
    "A headline total mixes signed contracts with letters of intent and press reports. This chart shows the mix. Deals with no disclosed amount are not in the shares at all. Where a telecom vendor's total customer financing is known, its named loans are not added on top.",
  sourceNote: "Circularity deal dataset. Superseded and cancelled deals excluded.",
  build(dataset) {
    const deals = withoutOverlaps(activeDeals(dataset.deals), dataset);
    const data: Row[] = [];
    for (const era of ["ai-2020s", "telecom-1990s"] as const) {
      const inEra = deals.filter((d) => d.era === era && d.amount);
      const total = inEra.reduce((s, d) => s + d.amount!.usd, 0);
      if (!total) continue;
      for (const basis of BASES) {
        const usd = inEra.filter((d) => d.amount!.basis === basis).reduce((s, d) => s + d.amount!.usd, 0);
        if (usd) data.push({ era: ERA_LABEL[era], basis, usd, share: usd / total });
      }
    }
    const eras = [...new Set(data.map((d) => d.era))];
    return {
      data,
      columns: [
        { key: "era", label: "Era" },
        { key: "basis", label: "Basis", format: (v) => BASIS_LABEL[v as Basis] },
        { key: "usd", label: "Disclosed USD", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "share", label: "Share", numeric: true, format: (v) => `${Math.round((v as number) * 100)}%` },
      ],
      rowKey: (r) => `${r.era}/${r.basis}`,
      dealIds: dealIdsOf(deals.filter((d) => d.amount)),
      legend: basisLegend(data),
      plot: ({ width, compact }) => ({
        width,
        height: 70 + eras.length * (compact ? 66 : 44),
        marginLeft: compact ? 10 : marginForNames(eras, false, 185),
        marginTop: compact ? 34 : 30,
        marginRight: 26,
        style: baseStyle(compact),
        x: { label: null, domain: [0, 1], tickFormat: (d: number) => `${Math.round(d * 100)}%`, ticks: 5, axis: "top" },
        y: { label: null, domain: eras, axis: compact ? null : "left" },
        color: BASIS_SCALE,
        marks: [
          Plot.barX(
            data,
            Plot.stackX({
              x: "share",
              y: "era",
              fill: "basis",
              order: [...BASES],
              insetTop: compact ? 26 : 2,
              title: (d: Row) => `${d.era}, ${BASIS_LABEL[d.basis]}: ${formatUsd(d.usd)} (${Math.round(d.share * 100)}%)`,
            }),
          ),
          Plot.text(
            data,
            Plot.stackX({
              x: "share",
              y: "era",
              z: "basis",
              order: [...BASES],
              text: (d: Row) => (d.share >= 0.08 ? `${Math.round(d.share * 100)}%` : ""),
              fill: "white",
              fontWeight: 600,
              dy: compact ? 12 : 0,
            }),
          ),
          compact
            ? Plot.text(eras, { x: 0, y: (e: string) => e, text: (e: string) => e, textAnchor: "start", dy: -17, fill: "currentColor", fontWeight: 600 })
            : null,
        ],
      }),
    };
  },
  alt(spec) {
    const byEra = new Map<string, Row[]>();
    for (const r of spec.data) byEra.set(r.era, [...(byEra.get(r.era) ?? []), r]);
    return `Stacked 100% bars of disclosed dollars by basis. ${[...byEra.entries()].map(([era, rows]) => `${era}: ${rows.map((r) => `${BASIS_LABEL[r.basis]} ${Math.round(r.share * 100)}%`).join(", ")}`).join(". ")}.`;
  },
};

export default chart;
