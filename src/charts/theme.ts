// Chart palette, type sizes and axis formats: one place, so every chart speaks the same visual language.
import * as Plot from "@observablehq/plot";
import { Basis as BasisSchema, type Basis, type DealType, type FinancingInstrument } from "../schemas/dataset.ts";
import type { LegendItem } from "./types.ts";
import { formatUsd } from "../lib/money.ts";
import { BASIS_LABEL } from "../dataset/labels.ts";
import { textWidth } from "./text-width.ts";

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
 * Font sizes. Chart text must read at 12 px or more: the phone rendition (380 wide) is shown at about 360 CSS px,
 * so it needs 12 × 380 / 360 ≈ 12.7 → 13; desktop renditions are scaled down on mid-size screens, so they start larger.
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

/** Shortens long names for compact renditions. */
export function shortName(name: string): string {
  return name.replace(/\s*\(.*?\)\s*/g, "").replace(/ Technologies$| Inc\.?$| Corporation$/, "");
}

/**
 * Phone layout for horizontal bar charts: names go above their bars at full width instead of in a left margin
 * that would squeeze the bars or cut the names. Rows are taller, bars sit in the lower half of each row.
 */
export const COMPACT_ROW = 42;
export const COMPACT_BAR_INSET = 18;

export function rowHeight(compact: boolean, wide = 28): number {
  return compact ? COMPACT_ROW : wide;
}

export function barInset(compact: boolean): { insetTop?: number } {
  return compact ? { insetTop: COMPACT_BAR_INSET } : {};
}

/** The y scale of a bar chart: an axis on desktop, no axis (labels drawn above the bars) on a phone. */
export function barY(domain: string[], compact: boolean, format: (name: string) => string = (n) => n) {
  return compact ? { label: null, domain, axis: null } : { label: null, domain, tickFormat: format };
}

/**
 * Names above the bars on a phone, at full width and never cut (tests check that they stay on the canvas);
 * `link` makes each name a link, for instance to the company's page.
 */
export function compactBarLabels(domain: string[], compact: boolean, label: (name: string) => string = (n) => n, link?: (name: string) => string | undefined) {
  return compact
    ? Plot.text(domain, {
        x: 0,
        y: (d: string) => d,
        text: label,
        textAnchor: "start",
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

/**
 * A top value axis for a bar chart whose values are labelled at the bar ends: on a phone the domain leaves room for
 * the longest bar's label inside the canvas.
 */
export function barValueAxis(compact: boolean, max: number, tickFormat: (d: number) => string = usdTick) {
  return { label: null, tickFormat, ticks: compact ? 3 : 5, grid: true, axis: "top" as const, domain: [0, max * (compact ? 1.45 : 1.05)] };
}

/** Each bar's value written just past its end (below the name on a phone, where names sit above the bars). */
export function barEndLabels<T>(
  data: readonly T[],
  channels: { x: string | ((d: T) => number); y: string; text: string | ((d: T) => string) },
  compact: boolean,
) {
  return Plot.text(data as T[], { ...channels, textAnchor: "start", dx: 4, dy: compact ? 9 : 0, fill: "currentColor" } as Plot.TextOptions);
}

/**
 * The frame shared by every horizontal bar chart: size from the row count, names in a left margin on desktop and
 * above the bars on a phone, a top value axis in dollars unless another is given.
 */
export function horizontalBarFrame(
  { width, compact }: { width: number; compact: boolean },
  domain: string[],
  options: { marginLeft: number; row?: number; marginRight?: number; extraHeight?: number; x?: Record<string, unknown> },
) {
  return {
    width,
    height: (options.extraHeight ?? 40) + domain.length * rowHeight(compact, options.row ?? 28),
    marginLeft: compact ? 14 : marginForNames(domain, false, options.marginLeft),
    // Room for half of the last value tick's label, which is centred on the frame's right edge.
    marginRight: options.marginRight ?? 24,
    style: baseStyle(compact),
    x: options.x ?? { label: null, tickFormat: usdTick, ticks: compact ? 3 : 6, grid: true, axis: "top" },
    y: barY(domain, compact),
  };
}
