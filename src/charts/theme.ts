// Chart palette, type sizes and axis formats: one place, so every chart speaks the same visual language.
import * as Plot from "@observablehq/plot";
import { Basis as BasisSchema, type Basis, type DealType, type FinancingInstrument } from "../schemas/dataset.ts";
import type { LegendItem } from "./types.ts";
import { formatUsd } from "../lib/money.ts";
import { BASIS_LABEL } from "../dataset/labels.ts";
import { textWidth, wrapWords } from "./text-width.ts";

/**
 * Colours chosen from colour-blind-safe hues (after Okabe & Ito) and darkened or lightened until each has
 * at least 3:1 contrast against both the light (#ffffff) and dark (#121418) page backgrounds.
 */
export const PALETTE = {
  blue: "#2b6cb0",
  orange: "#c25e0f",
  purple: "#9b4f96",
  green: "#23855a",
  grey: "#7b8089",
  red: "#c8372d",
  teal: "#1f7f8c",
  brown: "#8a6d1f",
} as const;

export const BASIS_COLOR: Record<Basis, string> = {
  committed: PALETTE.blue,
  "up-to": PALETTE.orange,
  reported: PALETTE.purple,
  estimated: PALETTE.green,
};

const BASES = BasisSchema.options;

/** Plot's colour scale for a basis channel: the same four colours on every chart. */
export const BASIS_SCALE = { domain: [...BASES], range: BASES.map((b) => BASIS_COLOR[b]) };

/** Legend entries for the bases that actually occur in the plotted rows. */
export function basisLegend(rows: readonly { basis: string }[], shape?: LegendItem["shape"]): LegendItem[] {
  return BASES.filter((b) => rows.some((r) => r.basis === b)).map((b) => ({ label: BASIS_LABEL[b], color: BASIS_COLOR[b], ...(shape ? { shape } : {}) }));
}

export const TYPE_LABEL: Record<DealType, string> = {
  equity: "Equity",
  "cloud-commitment": "Cloud commitment",
  "chip-purchase": "Chip purchase",
  warrants: "Warrants",
  "capacity-backstop": "Capacity backstop",
  loan: "Loan",
  "vendor-financing": "Vendor financing",
  partnership: "Partnership",
};

/** One colour per deal type; partnership's brown is outside the palette but checked for contrast like it. */
export const TYPE_COLOR: Record<DealType, string> = {
  equity: PALETTE.blue,
  "cloud-commitment": PALETTE.orange,
  "chip-purchase": PALETTE.purple,
  warrants: PALETTE.green,
  "capacity-backstop": PALETTE.red,
  loan: PALETTE.teal,
  "vendor-financing": PALETTE.grey,
  partnership: PALETTE.brown,
};

export const ERA_LABEL = { "ai-2020s": "AI era (2019–2026)", "telecom-1990s": "Telecom era (1996–2002)" } as const;

/**
 * How much a chart may draw before it aggregates or caps: marks in a scatter or timeline, rows in a bar chart.
 * Bounds the SVG (≤ 150 KB at 100× the dataset) and keeps a chart readable long before it gets heavy.
 */
export const MARK_BUDGET = 300;
export const BAR_ROWS = 20;

/** One colour per financing instrument, from the same contrast-checked palette. */
export const INSTRUMENT_COLOR: Record<FinancingInstrument, string> = {
  bond: PALETTE.blue,
  loan: PALETTE.orange,
  vehicle: PALETTE.purple,
  guarantee: PALETTE.green,
  "equity-issuance": PALETTE.teal,
};

export const ERA_COLOR = { "ai-2020s": PALETTE.blue, "telecom-1990s": PALETTE.orange } as const;

/**
 * The two widths every chart is drawn at: a phone rendition narrow enough to show at its drawn size in a 320 px host
 * page's embed, and a desktop one. Every chart, indicator history and company flows chart uses these.
 */
export const RENDITION_WIDTH = { phone: 300, desktop: 720 } as const;

/**
 * Font sizes. Chart text must read at 12 px or more. The phone rendition is drawn 300 px wide, so that it is never
 * shown smaller than drawn: a 360 px phone's column and a 320 px host page's embed frame are both wider. Its 13 px
 * leaves a margin for the PNG font; desktop renditions are scaled down on mid-size screens, so they start larger.
 */
export function fontSize(compact: boolean): number {
  return compact ? 13 : 14;
}

/** Bottom margin for an axis whose ticks take two lines (month over year, quarter over year). */
export function twoLineAxisMargin(compact: boolean): number {
  return Math.ceil(fontSize(compact) * 2.2) + 12;
}

export function baseStyle(compact: boolean) {
  return { fontSize: `${fontSize(compact)}px`, overflow: "visible" as const };
}

/** Axis tick format for USD axes: $0, $50B, $1T. */
export const usdTick = (d: number) => formatUsd(d);

/** A percentage in a chart's labels and tables: whole above ten ("23%"), one decimal below ("4.6%"). One rule for every chart. */
export const formatPercent = (v: number) => `${v >= 10 ? Math.round(v) : v.toFixed(1)}%`;

/**
 * Shortens long names for compact renditions: drops asides in parentheses (keeping the words either side apart:
 * "Meta Prometheus (Project Walleye) lenders" → "Meta Prometheus lenders") and a trailing company-form suffix.
 */
export function shortName(name: string): string {
  return name
    .replace(/\s*\(.*?\)/g, "")
    .replace(/\s{2,}/g, " ")
    .trim()
    .replace(/,? (Technologies|Inc\.?|Corporation|LLC)$/, "");
}

/**
 * Phone layout for horizontal bar charts: names go above their bars at full width instead of in a left margin
 * that would squeeze the bars or cut the names. Rows are taller, bars sit in the lower part of each row.
 */
export const COMPACT_ROW = 42;
export const COMPACT_BAR_INSET = 18;
/** What a second line of name adds to every row, when one name needs it. */
const NAME_LINE = 16;

/**
 * The rows of one rendition of a horizontal bar chart. On a phone a name that does not fit the width above its bar
 * wraps onto a second line, and then every row grows by a line so that the bars stay evenly spaced: `inset` is where
 * each bar starts below its row's top, `valueDy` where a value label sits beside it, `name` the text above it.
 */
export interface BarRows {
  width: number;
  compact: boolean;
  /** A phone's row height, or the desktop one. */
  row: number;
  inset: number;
  valueDy: number;
  /** Lines of name above each bar: 1, or 2 on a phone when a name wraps. */
  nameLines: number;
  name: (name: string) => string;
}

export function barRows(
  { width, compact }: { width: number; compact: boolean },
  names: readonly string[],
  options: { row?: number; phoneName?: (name: string) => string } = {},
): BarRows {
  const phoneName = options.phoneName ?? ((n: string) => n);
  if (!compact) return { width, compact, row: options.row ?? 28, inset: 0, valueDy: 0, nameLines: 1, name: phoneName };
  const room = width + COMPACT_NAME_DX - COMPACT_MARGIN_LEFT - 2;
  const lines = new Map(names.map((n) => [n, wrapWords(phoneName(n), room, fontSize(true), true)]));
  const most = Math.max(1, ...[...lines.values()].map((l) => l.length));
  if (most > 2) throw new Error(`a name is too long for two lines of a ${width} px phone chart: "${names.find((n) => lines.get(n)!.length > 2)}"`);
  const extra = (most - 1) * NAME_LINE;
  return {
    width,
    compact,
    row: COMPACT_ROW + extra,
    inset: COMPACT_BAR_INSET + extra,
    valueDy: 9 + extra / 2,
    nameLines: most,
    // Two lines centred where one was: the second ends just above the bar.
    name: (n) => (lines.get(n) ?? [phoneName(n)]).join("\n"),
  };
}

export function barInset(rows: BarRows): { insetTop?: number } {
  return rows.compact ? { insetTop: rows.inset } : {};
}

/** The y scale of a bar chart: an axis on desktop, no axis (labels drawn above the bars) on a phone. */
export function barY(domain: string[], compact: boolean, format: (name: string) => string = (n) => n) {
  return compact ? { label: null, domain, axis: null } : { label: null, domain, tickFormat: format };
}

/**
 * Names above the bars on a phone, at full width and never cut (tests check that they stay on the canvas), on one
 * line or two (see barRows); `link` makes each name a link, for instance to the company's page.
 */
export function compactBarLabels(domain: string[], rows: BarRows, link?: (name: string) => string | undefined) {
  return rows.compact
    ? Plot.text(domain, {
        x: 0,
        y: (d: string) => d,
        text: rows.name,
        textAnchor: "start",
        ...(rows.nameLines > 1 ? { lineHeight: NAME_LINE / fontSize(true) } : {}),
        dx: COMPACT_NAME_DX,
        dy: -11,
        fill: "currentColor",
        fontWeight: 600,
        ...(link ? { href: link } : {}),
      })
    : null;
}

/** A left margin wide enough for the widest name beside a desktop axis (tick and padding take 9 px). */
export function marginForNames(names: readonly string[], compact = false, minimum = 0): number {
  return Math.max(minimum, Math.ceil(Math.max(0, ...names.map((n) => textWidth(n, fontSize(compact))))) + 14);
}

/** Left margin of a phone bar chart: room for half the "$0" tick label centred on the zero line. */
export const COMPACT_MARGIN_LEFT = 14;

/** Names above a phone chart's bars start this far left of the zero line (6 px from the edge), for the width. */
export const COMPACT_NAME_DX = -8;

/** Gap between a bar's end and its value label (barEndLabels' dx, with a pixel to spare). */
const END_LABEL_GAP = 6;

/**
 * A top value axis for a bar chart whose values are labelled at the bar ends. On a phone the domain leaves room for
 * every bar's label inside the canvas: given the labels and the frame (`fit`), the domain is the smallest that keeps
 * each one on the canvas; without them, the longest bar's label gets 45% of its length.
 */
export function barValueAxis(
  compact: boolean,
  max: number,
  tickFormat: (d: number) => string = usdTick,
  fit?: { labels: readonly { value: number; text: string }[]; width: number; marginRight: number },
) {
  const domainMax = compact && fit ? fittedDomainMax(max, fit) : max * (compact ? 1.45 : 1.05);
  return { label: null, tickFormat, ticks: compact ? 3 : 5, grid: true, axis: "top" as const, domain: [0, domainMax] };
}

/** The smallest domain maximum at which every label, drawn past its bar's end, stays inside the plot. */
export function fittedDomainMax(max: number, fit: { labels: readonly { value: number; text: string }[]; width: number; marginRight: number }): number {
  const range = fit.width - COMPACT_MARGIN_LEFT - fit.marginRight;
  let domainMax = max * 1.05;
  for (const { value, text } of fit.labels) {
    const room = range - END_LABEL_GAP - textWidth(text, fontSize(true));
    if (room <= 0) throw new Error(`bar label "${text}" is wider than a ${fit.width} px phone chart`);
    domainMax = Math.max(domainMax, (value * range) / room);
  }
  return domainMax;
}

/** Each bar's value written just past its end (below the name on a phone, where names sit above the bars). */
export function barEndLabels<T>(data: readonly T[], channels: { x: string | ((d: T) => number); y: string; text: string | ((d: T) => string) }, rows: BarRows) {
  return Plot.text(data as T[], { ...channels, textAnchor: "start", dx: 4, dy: rows.valueDy, fill: "currentColor" } as Plot.TextOptions);
}

/**
 * The frame shared by every horizontal bar chart: size from the row count, names in a left margin on desktop and
 * above the bars on a phone, a top value axis in dollars unless another is given.
 */
export function horizontalBarFrame(
  rows: BarRows,
  domain: string[],
  options: { marginLeft: number; marginRight?: number; extraHeight?: number; x?: Record<string, unknown> },
) {
  const { width, compact } = rows;
  return {
    width,
    height: (options.extraHeight ?? 40) + domain.length * rows.row,
    marginLeft: compact ? COMPACT_MARGIN_LEFT : marginForNames(domain, false, options.marginLeft),
    // Room for half of the last value tick's label, which is centred on the frame's right edge.
    marginRight: options.marginRight ?? 24,
    style: baseStyle(compact),
    x: options.x ?? { label: null, tickFormat: usdTick, ticks: compact ? 3 : 6, grid: true, axis: "top" },
    y: barY(domain, compact),
  };
}

/**
 * A horizontal stacked bar chart in dollars: one bar per name in `order`, its parts stacked in the order of `parts`,
 * each bar's total written past its end (`totals`, in the order of `order`), names above the bars on a phone.
 */
export function stackedBarPlot<Row>(
  { width, compact }: { width: number; compact: boolean },
  options: {
    data: Row[];
    order: string[];
    y: keyof Row & string;
    fill: keyof Row & string;
    parts: readonly string[];
    colors: readonly string[];
    totals: readonly { usd: number; text: string }[];
    marginLeft: number;
    marginRight: number;
    title: (d: Row) => string;
  },
) {
  const bars = barRows({ width, compact }, options.order);
  const totals = options.totals.map((t, i) => ({ ...t, name: options.order[i]! }));
  return {
    ...horizontalBarFrame(bars, options.order, {
      marginLeft: options.marginLeft,
      marginRight: compact ? 12 : options.marginRight,
      extraHeight: 50,
      x: barValueAxis(compact, Math.max(...totals.map((t) => t.usd)), undefined, {
        labels: totals.map((t) => ({ value: t.usd, text: t.text })),
        width,
        marginRight: 12,
      }),
    }),
    color: { domain: [...options.parts], range: [...options.colors] },
    marks: [
      Plot.barX(options.data, Plot.stackX({ x: "usd", y: options.y, fill: options.fill, order: [...options.parts], ...barInset(bars), title: options.title })),
      barEndLabels(totals, { x: "usd", y: "name", text: "text" }, bars),
      Plot.ruleX([0]),
      compactBarLabels(options.order, bars),
    ],
  };
}
