// Bars split into parts, each part a sum of records, or what a sum leaves once other records are taken off: the one
// home for the part charts' arithmetic, so every such bar adds up to its records and a part below zero is refused.
import type { Dataset } from "../schemas/dataset.ts";
import type { ChartModule } from "./types.ts";
import { termIds, termListValue } from "../dataset/terms.ts";
import { formatUsd } from "../lib/money.ts";
import { stackedBarPlot } from "./theme.ts";

export interface PartBar<P extends string> {
  label: string;
  /** A part given with `less` is what its terms leave once the records in `less` are taken off. */
  parts: { part: P; terms: string; less?: string }[];
}

export interface PartRow<P extends string> {
  bar: string;
  part: P;
  usd: number;
  /** The bar's whole, for the share each part is of it. */
  barUsd: number;
  /** The records the amount is worked from, space-separated. */
  records: string;
}

/** The rows of part bars, read from the dataset; a part that comes out below zero is refused, naming it and its records. */
export function partRows<P extends string>(chartId: string, bars: readonly PartBar<P>[], labels: Record<P, string>, dataset: Dataset): PartRow<P>[] {
  return bars.flatMap((bar) => {
    const where = `${chartId}, ${bar.label}`;
    const parts = bar.parts.map((p) => ({
      part: p.part,
      usd: termListValue(p.terms, dataset, where, p.less),
      records: termIds(p.less ? `${p.terms} ${p.less}` : p.terms, chartId).join(" "),
    }));
    const negative = parts.find((p) => p.usd < 0);
    if (negative) throw new Error(`${chartId}: "${labels[negative.part]}" of "${bar.label}" (${negative.records}) comes out below zero`);
    const barUsd = parts.reduce((a, p) => a + p.usd, 0);
    return parts.map((p) => ({ bar: bar.label, barUsd, ...p }));
  });
}

/** A part's share of its bar, as the table and the alt text print it. */
const partShare = (r: { usd: number; barUsd: number }) => `${Math.round((100 * r.usd) / r.barUsd)}%`;

/** A label inside a sentence: only its first letter lowered, so "Anthropic" and "Q1" keep their capitals. */
const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** What a part-bar chart says about itself; everything drawn is worked from `bars` and the dataset. */
export interface PartBarChartOptions<P extends string> extends Pick<ChartModule, "id" | "since" | "title" | "subtitle" | "caption" | "sourceNote"> {
  bars: readonly PartBar<P>[];
  labels: Record<P, string>;
  colors: Record<P, string>;
  /** Room for the bar names on the desktop rendition. */
  marginLeft: number;
  /** The alt text's first sentence, before the bars are read out. */
  altIntro: string;
}

/**
 * A chart of horizontal bars split into parts: the data table, legend, stacked bars with their totals and the alt text,
 * all from the rows `partRows` reads (the module's `rows`, for tests). A bar with one part is read out by its total alone.
 */
export function partBarChart<P extends string>(options: PartBarChartOptions<P>): ChartModule<PartRow<P>> & { rows: (dataset: Dataset) => PartRow<P>[] } {
  const { bars, labels, colors } = options;
  const parts = Object.keys(labels) as P[];
  const lower = (part: P) => inSentence(labels[part]);
  const rows = (dataset: Dataset) => partRows(options.id, bars, labels, dataset);
  return {
    id: options.id,
    since: options.since,
    title: options.title,
    subtitle: options.subtitle,
    caption: options.caption,
    sourceNote: options.sourceNote,
    rows,
    build(dataset) {
      const data = rows(dataset);
      const order = bars.map((b) => b.label);
      const totals = order.map((label) => {
        const usd = data.find((d) => d.bar === label)!.barUsd;
        return { bar: label, usd, text: formatUsd(usd) };
      });
      return {
        data,
        columns: [
          { key: "bar", label: "Measure" },
          { key: "part", label: "Part", format: (v) => labels[v as P] },
          { key: "usd", label: "Amount", numeric: true, format: (v) => formatUsd(v as number) },
          { key: "barUsd", label: "Share of the measure", numeric: true, format: (_v, r) => partShare(r) },
          { key: "records", label: "Records" },
        ],
        rowKey: (r) => `${r.bar}/${r.part}`,
        dealIds: [],
        legend: parts.filter((p) => data.some((d) => d.part === p)).map((p) => ({ label: labels[p], color: colors[p] })),
        plot: (layout) =>
          stackedBarPlot(layout, {
            data,
            order,
            y: "bar",
            fill: "part",
            parts,
            colors: parts.map((p) => colors[p]),
            totals,
            marginLeft: options.marginLeft,
            marginRight: 70,
            title: (d) => `${d.bar}, ${lower(d.part)}: ${formatUsd(d.usd)} (${partShare(d)})`,
          }),
      };
    },
    alt(spec) {
      const read = [...new Set(spec.data.map((d) => d.bar))].map((bar) => {
        const rows = spec.data.filter((d) => d.bar === bar);
        if (rows.length === 1) return `${bar}, ${formatUsd(rows[0]!.barUsd)}`;
        return `${bar}, ${formatUsd(rows[0]!.barUsd)}: ${rows.map((r) => `${lower(r.part)} ${formatUsd(r.usd)} (${partShare(r)})`).join(", ")}`;
      });
      return `${options.altIntro} ${read.join(". ")}.`;
    },
  };
}
