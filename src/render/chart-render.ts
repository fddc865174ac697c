// Renders a chart for one dataset version once, and hands the same result to every page and download that needs it.
import { csvFormat } from "d3-dsv";
import type { Dataset } from "../schemas/dataset.ts";
import type { ChartModule, ChartSpec, Column, LegendItem, PhoneList } from "../charts/types.ts";
import { plotToSvg, type RenderedSvg } from "./plot-to-svg.ts";
import { RENDITION_WIDTH } from "../charts/theme.ts";
import type { Figure } from "./figure.ts";
import { SITE } from "../site.config.ts";

/**
 * Format of a rendered chart as archived: 1 (absent) = release 1.0.0's bare-chart downloads; 2 = downloads are
 * self-contained figures, frozen in the archive entry. Pinned files never change, so old formats stay readable.
 */
export const CHART_FORMAT = 2 as const;

export const WIDE = { width: RENDITION_WIDTH.desktop, compact: false } as const;
export const NARROW = { width: RENDITION_WIDTH.phone, compact: true } as const;

export interface RenderedChart {
  /** Archive format (see CHART_FORMAT and src/schemas/archive.ts). */
  format: 1 | 2;
  id: string;
  version: string;
  /** For a chart as of a date: the date, YYYY-MM-DD; the plotted deals are those announced by then. */
  asOf?: string;
  title: string;
  subtitle: string;
  caption: string;
  sourceNote: string;
  alt: string;
  wide: RenderedSvg;
  narrow: RenderedSvg;
  legend: LegendItem[];
  /** `links`: where each row's first cell links (the page its marks link to), when the chart links its marks. */
  table: { headers: { label: string; numeric: boolean }[]; rows: string[][]; links?: (string | null)[] };
  /** Raw plotted rows, keyed for "what changed". */
  rows: { key: string; value: Record<string, unknown> }[];
  csv: string;
  json: string;
  dealIds: string[];
  /** What a phone shows first for a chart too dense for its width (see ChartSpec.phoneList). */
  phoneList?: PhoneList;
  /** The self-contained figure the image downloads show, frozen when the chart is archived. */
  figure?: Figure;
}

const cache = new Map<string, RenderedChart>();

export function renderChart(chart: ChartModule, dataset: Dataset, version: string): RenderedChart {
  const key = `${chart.id}@${version}`;
  let rendered = cache.get(key);
  if (!rendered) {
    rendered = renderUncached(chart, dataset, version);
    cache.set(key, rendered);
  }
  return rendered;
}

export function renderUncached(chart: ChartModule, dataset: Dataset, version: string): RenderedChart {
  const spec: ChartSpec<Record<string, unknown>> = chart.build(dataset);
  const alt = spec.omitted ? `${chart.alt(spec, dataset)} ${spec.omitted}` : chart.alt(spec, dataset);
  const columns = spec.columns as Column<Record<string, unknown>>[];
  const plainRows = spec.data.map((row) => Object.fromEntries(columns.map((c) => [c.key, c.disclosedSum && row[c.key] === 0 ? null : (row[c.key] ?? null)])));
  // Downloads lead with each row's stable key, so a reader can join them to the dataset: the record's id where the row
  // is one deal or metric, else the grouping it sums ("2025-Q3/equity").
  const keyedRows = spec.data.map((row, i) => ({ row: spec.rowKey(row), ...plainRows[i]! }));
  return {
    format: CHART_FORMAT,
    id: chart.id,
    version,
    title: chart.title,
    subtitle: chart.subtitle,
    caption: spec.omitted ? `${chart.caption} ${spec.omitted}` : chart.caption,
    sourceNote: chart.sourceNote,
    alt,
    wide: plotToSvg(spec.plot(WIDE), `chart-${chart.id}-w`, alt),
    narrow: plotToSvg(spec.plot(NARROW), `chart-${chart.id}-n`, alt),
    legend: spec.legend ?? [],
    table: {
      headers: columns.map((c) => ({ label: c.label, numeric: !!c.numeric })),
      rows: spec.data.map((row) =>
        columns.map((c) => (c.disclosedSum && row[c.key] === 0 ? "undisclosed" : c.format ? c.format(row[c.key] as never, row) : formatCell(row[c.key]))),
      ),
      ...(spec.rowLink ? { links: spec.data.map((row) => spec.rowLink!(row)) } : {}),
    },
    rows: spec.data.map((row, i) => ({ key: spec.rowKey(row), value: plainRows[i]! })),
    csv: csvFormat(keyedRows, ["row", ...columns.map((c) => c.key)] as (keyof (typeof keyedRows)[number])[]) + "\n",
    json:
      JSON.stringify(
        {
          chart: chart.id,
          title: chart.title,
          datasetVersion: version,
          licence: SITE.contentLicence,
          columns: [{ key: "row", label: "Row key" }, ...columns.map((c) => ({ key: c.key, label: c.label }))],
          data: keyedRows,
        },
        null,
        2,
      ) + "\n",
    dealIds: spec.dealIds,
    ...(spec.phoneList ? { phoneList: spec.phoneList } : {}),
  };
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return value.toLocaleString("en-US");
  return String(value);
}
