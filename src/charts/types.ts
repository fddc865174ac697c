// The contract every chart module fulfils: metadata plus a pure function from a dataset to what is plotted.
import type { PlotOptions } from "@observablehq/plot";
import type { Dataset } from "../schemas/dataset.ts";

/** The two renditions drawn for every chart: a phone layout and a desktop layout. */
export interface Layout {
  width: number;
  compact: boolean;
}

export interface Column<Row> {
  key: keyof Row & string;
  label: string;
  /** How the table shows the value; CSV and JSON keep the raw value. */
  format?: (value: Row[keyof Row], row: Row) => string;
  numeric?: boolean;
  /**
   * A sum of disclosed dollars, where 0 means nothing was disclosed: the table says "undisclosed" and the CSV and
   * JSON leave the cell blank (null), the one convention for undisclosed amounts in every download (data/README.md).
   */
  disclosedSum?: boolean;
}

export interface LegendItem {
  label: string;
  color: string;
  /** "swatch" for fills, "line" for strokes, "dash" for dashed strokes, "cross" for × marks. */
  shape?: "swatch" | "line" | "dash" | "cross";
}

export interface ChartSpec<Row> {
  /** Exactly the rows plotted: the table, the CSV and the JSON download all come from these. */
  data: Row[];
  columns: Column<Row>[];
  /** Identifies a row across dataset versions, for "what changed". */
  rowKey: (row: Row) => string;
  /**
   * The page a row's marks link to, so the data table links each row too: the marks are out of the Tab order
   * (a keyboard would stop on every bar), and the table is the keyboard's way to the same records.
   */
  rowLink?: (row: Row) => string | null;
  /** Deal ids the plotted rows come from, for "charts that cite this deal". */
  dealIds: string[];
  legend?: LegendItem[];
  /**
   * What a chart that grows with the data leaves out to stay readable and light (at most MARK_BUDGET marks or
   * BAR_ROWS rows), in one sentence; added to the caption and the text alternative.
   */
  omitted?: string;
  /** Plot options for one rendition; pure, no DOM. */
  plot: (layout: Layout) => PlotOptions;
  /**
   * For a chart too dense to read at a phone's width (the network): the list a phone shows first, its largest rows
   * ranked with their values, the ones that matter marked (`highlight`).
   */
  phoneList?: PhoneList;
}

export interface PhoneList {
  heading: string;
  items: { label: string; value: string; highlight: boolean; path?: string }[];
}

export interface ChartModule<Row = any> {
  /** Stable forever; renames go through the alias map. */
  id: string;
  /**
   * The first dataset release the chart is published for; earlier releases never had it. Required: a new chart
   * names the release it first appears in, so `npm run charts:archive` never back-dates it to releases published
   * without it (it refuses to).
   */
  since: string;
  title: string;
  subtitle: string;
  /** What the reader should take from the chart, and its caveats. */
  caption: string;
  /** Where the numbers come from, in words. */
  sourceNote: string;
  build: (dataset: Dataset) => ChartSpec<Row>;
  /** A text alternative stating what the chart shows, from the plotted rows. */
  alt: (spec: ChartSpec<Row>, dataset: Dataset) => string;
}
