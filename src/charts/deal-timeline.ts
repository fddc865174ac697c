// Every dated AI-era deal on one time axis, one row per deal type, sized by disclosed dollars.
import * as Plot from "@observablehq/plot";
import type { ChartModule, Layout } from "./types.ts";
import type { Basis } from "../schemas/dataset.ts";
import { MARK_BUDGET, PALETTE, baseStyle, fontSize, marginForNames, shortName, twoLineAxisMargin, TYPE_LABEL, basisLegend, BASIS_SCALE } from "./theme.ts";
import { textWidth } from "./text-width.ts";
import { dealIdsOf, entityName } from "./data.ts";
import { DEAL_TYPES, dealsInEra, sortDealsByDate } from "../dataset/selectors.ts";
import { formatUsd } from "../lib/money.ts";
import { BASIS_LABEL, formatAmount } from "../dataset/labels.ts";
import { href, paths } from "../lib/urls.ts";

export interface Row {
  id: string;
  date: string;
  type: string;
  from: string;
  to: string;
  usd: number | null;
  basis: Basis | "undisclosed";
}

/** A box in SVG pixels (y down). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TimelineLabel extends Box {
  row: Row;
  text: string;
  /** A leader line from the label to its circle's edge, when the label does not touch the circle. */
  leader?: { x1: number; y1: number; x2: number; y2: number };
}

/**
 * The time axis. Most deals fall in the last year or two, so when the early years hold only a few, they are squeezed
 * into a short stretch at the left and the story's period gets the width: a piecewise scale, marked by a break.
 */
export interface TimeAxis {
  /** Domain and range for Plot: two points for a plain scale, three for a broken one. */
  domain: Date[];
  range: number[];
  /** Where the scale changes, when it does. */
  breakAt?: { date: string; x: number };
  ticks: Date[];
  x: (date: string) => number;
}

/**
 * Everything the chart places in pixels, computed here rather than left to Plot so that labels can be moved out
 * of each other's way: scales, circle radii, the size key and the labels on the largest circles.
 */
export interface TimelineLayout {
  width: number;
  height: number;
  marginLeft: number;
  marginRight: number;
  marginTop: number;
  marginBottom: number;
  rMax: number;
  /** Pixel ranges handed to Plot, so that Plot draws exactly where the labels were placed around. */
  xRange: [number, number];
  yRange: [number, number];
  axis: TimeAxis;
  x: (date: string) => number;
  y: (type: string) => number;
  radius: (usd: number) => number;
  key: { usd: number; r: number; x: number; label: string; labelX: number }[];
  keyTitle: { text: string; x: number };
  keyY: number;
  /** Row names drawn above the rows on a phone. */
  rowLabels: (Box & { text: string })[];
  labels: TimelineLabel[];
}

/** How many of the largest circles get a name. */
const LABELLED = { compact: 3, wide: 5 };
const MIN_R = 2.5;
/** A label that would cross this many other marks is left off. */
const MAX_CROSSED = 3;
const DAY = 86_400_000;
/** The early years are squeezed when they hold at most this share of the deals, into this share of the width. */
const EARLY_DEALS = 0.15;
const EARLY_WIDTH = 0.16;

/**
 * A time axis over [t0, t1] drawn across `range`: broken at the start of the year in which the latest EARLY_DEALS
 * share of deals begins, when that leaves more than a year before it; ticks every year before the break (thinned to
 * fit) and every half-year after it.
 */
export function timeAxis(dates: readonly string[], range: [number, number], compact: boolean): TimeAxis {
  const times = dates.map((d) => Date.parse(d)).sort((a, b) => a - b);
  let t0 = times[0] ?? 0;
  let t1 = times.at(-1) ?? DAY;
  if (t0 === t1) [t0, t1] = [t0 - 30 * DAY, t1 + 30 * DAY];
  const yearStart = (t: number) => Date.UTC(new Date(t).getUTCFullYear(), 0, 1);
  const early = times[Math.floor(times.length * EARLY_DEALS)] ?? t0;
  const cut = yearStart(early);
  const broken = cut - t0 > 365 * DAY && cut < t1;
  const width = range[1] - range[0];
  const mid = range[0] + width * EARLY_WIDTH;
  const domain = broken ? [t0, cut, t1] : [t0, t1];
  const pixels = broken ? [range[0], mid, range[1]] : [range[0], range[1]];
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const x = (date: string) => {
    const t = Date.parse(date);
    const i = broken && t >= cut ? 1 : 0;
    return pixels[i]! + ((t - domain[i]!) / (domain[i + 1]! - domain[i]!)) * (pixels[i + 1]! - pixels[i]!);
  };
  // Ticks need about 40 px each (60 on a phone): every year before the break, thinned to fit; after it every
  // half-year where half-years are that far apart, else every year.
  const minGap = compact ? 60 : 40;
  const lateStart = broken ? cut : t0;
  const halfYearPx = ((range[1] - (broken ? mid : range[0])) * (182 * DAY)) / (t1 - lateStart);
  const monthsAfter = halfYearPx >= minGap ? 6 : 12;
  const candidates: number[] = [];
  for (let y = new Date(t0).getUTCFullYear(); Date.UTC(y, 0, 1) <= t1; y++)
    for (let m = 0; m < 12; m += 6) {
      const t = Date.UTC(y, m, 1);
      const before = broken && t < cut;
      if (t >= t0 && t <= t1 && (before ? m === 0 : m % monthsAfter === 0)) candidates.push(t);
    }
  const ticks: number[] = [];
  for (const t of candidates) {
    // The break's own tick wins over the crowded early years before it.
    while (broken && t >= cut && ticks.length && x(iso(t)) - x(iso(ticks.at(-1)!)) < minGap) ticks.pop();
    if (!ticks.length || x(iso(t)) - x(iso(ticks.at(-1)!)) >= minGap) ticks.push(t);
  }
  return {
    domain: domain.map((t) => new Date(t)),
    range: pixels,
    breakAt: broken ? { date: iso(cut), x: mid } : undefined,
    ticks: ticks.map((t) => new Date(t)),
    x,
  };
}

/** Tick text: the year at January, the month's short name otherwise. */
export function timeTick(d: Date): string {
  return d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : d.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
}

/** The segment from the edge of a circle towards a label box, or undefined when the label touches the circle. */
function leaderLine(box: Box, cx: number, cy: number, r: number): TimelineLabel["leader"] {
  const nx = Math.max(box.x, Math.min(cx, box.x + box.width));
  const ny = Math.max(box.y, Math.min(cy, box.y + box.height));
  const dist = Math.hypot(nx - cx, ny - cy);
  if (dist - r < 4) return undefined;
  return { x1: cx + ((nx - cx) * r) / dist, y1: cy + ((ny - cy) * r) / dist, x2: nx, y2: ny };
}

/** Circle area is proportional to dollars; the floor keeps the smallest deals visible (they are drawn a little larger). */
function radiusFor(maxUsd: number, rMax: number) {
  return (usd: number) => Math.max(MIN_R, rMax * Math.sqrt(usd / maxUsd));
}

/** Round values for the size key: the largest 1, 2 or 5 × 10ⁿ not above the biggest deal, then about a quarter and a 25th of it. */
export function sizeKeyValues(maxUsd: number): number[] {
  const nice = (v: number) => {
    const p = 10 ** Math.floor(Math.log10(v));
    return [5, 2, 1].map((m) => m * p).find((c) => c <= v) ?? p;
  };
  const top = nice(maxUsd);
  return [...new Set([nice(top / 25), nice(top / 4), top])].filter((v) => v > 0);
}

function overlaps(a: Box, b: Box, pad = 1): boolean {
  return a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad;
}

function hitsCircle(box: Box, cx: number, cy: number, r: number): boolean {
  const nx = Math.max(box.x, Math.min(cx, box.x + box.width));
  const ny = Math.max(box.y, Math.min(cy, box.y + box.height));
  return (nx - cx) ** 2 + (ny - cy) ** 2 < r * r;
}

export function timelineLayout(data: Row[], types: string[], { width, compact }: Layout): TimelineLayout {
  const size = fontSize(compact);
  const line = Math.round(size * 1.25);
  const rMax = compact ? 14 : 20;
  const rowStep = compact ? 68 : 64;
  const disclosed = data.filter((d) => d.usd !== null);
  const maxUsd = Math.max(1, ...disclosed.map((d) => d.usd!));
  const radius = radiusFor(maxUsd, rMax);

  const marginLeft = compact ? 14 : marginForNames(types, false, 150);
  const marginRight = 20;
  const keyY = 8 + rMax;
  // The phone draws each row's name above it; the desktop has them on the axis.
  const marginTop = keyY + rMax + (compact ? 12 : 10);
  // Above the first row: its name on a phone, and room for a label on either layout.
  const rowTop = marginTop + (compact ? line + 8 + rMax : line + 6 + rMax);
  const marginBottom = twoLineAxisMargin(compact);
  const yRange: [number, number] = [rowTop, rowTop + Math.max(0, types.length - 1) * rowStep];
  const height = yRange[1] + rMax + 16 + marginBottom;

  // Inset by the largest radius so that circles at either end stay on the canvas.
  const xRange: [number, number] = [marginLeft + rMax, width - marginRight - rMax];
  const axis = timeAxis(
    data.map((d) => d.date),
    xRange,
    compact,
  );
  const x = axis.x;
  const y = (type: string) => {
    const i = types.indexOf(type);
    return types.length === 1 ? (yRange[0] + yRange[1]) / 2 : yRange[0] + (i * (yRange[1] - yRange[0])) / (types.length - 1);
  };

  // Size key, left to right along the top: "Circle area", then each reference circle with its amount beside it.
  const keyTitle = { text: "Circle area", x: marginLeft };
  let cursor = marginLeft + textWidth(keyTitle.text, size) + 10;
  const key = sizeKeyValues(maxUsd).map((usd) => {
    const r = radius(usd);
    const label = formatUsd(usd);
    const item = { usd, r, x: cursor + r, label, labelX: cursor + 2 * r + 5 };
    cursor = item.labelX + textWidth(label, size) + 14;
    return item;
  });

  const rowLabels = compact ? types.map((t) => ({ text: t, x: marginLeft, y: y(t) - rMax - 6 - line, width: textWidth(t, size, true), height: line })) : [];

  // Labels on the largest circles: each gets one of a few places beside its circle (below or above it, sliding
  // sideways, or level with it), on the canvas and clear of other labels and text. Of all combinations, the one
  // that crosses the fewest other marks wins; a circle whose every place would cross several marks goes unlabelled.
  const obstacles: Box[] = [...rowLabels, { x: marginLeft, y: keyY - rMax, width: cursor - marginLeft, height: 2 * rMax }];
  const marks = data.map((d) => ({ id: d.id, cx: x(d.date), cy: y(d.type), r: (d.usd === null ? 4 : radius(d.usd)) + 1 }));
  const biggest = [...disclosed]
    .sort((a, b) => b.usd! - a.usd! || a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .slice(0, compact ? LABELLED.compact : LABELLED.wide);
  const options = biggest.map((row) => {
    const text = `${compact ? shortName(row.from) : row.from} → ${compact ? shortName(row.to) : row.to} ${formatUsd(row.usd!)}`;
    const w = textWidth(text, size);
    const [cx, cy, r] = [x(row.date), y(row.type), radius(row.usd!)];
    const slide = [0.5, 0.25, 0.75, 0, 1].map((f) => cx - r - f * (w - 2 * r));
    // Beside the circle first; then a line further out, tied to the circle by a leader line.
    const boxes: Box[] = [
      ...[cy + r + 2, cy - r - 2 - line].flatMap((top) => slide.map((left) => ({ x: left, y: top, width: w, height: line }))),
      { x: cx + r + 4, y: cy - line / 2, width: w, height: line },
      { x: cx - r - 4 - w, y: cy - line / 2, width: w, height: line },
      ...[cy + r + 4 + line, cy - r - 4 - 2 * line].flatMap((top) => slide.map((left) => ({ x: left, y: top, width: w, height: line }))),
    ];
    return boxes
      .map((box, order) => ({
        box,
        text,
        row,
        leader: leaderLine(box, cx, cy, r),
        cost: marks.filter((m) => m.id !== row.id && hitsCircle(box, m.cx, m.cy, m.r)).length + order / 100,
      }))
      .filter(
        ({ box, cost }) =>
          cost < MAX_CROSSED && box.x >= 2 && box.x + box.width <= width - 2 && box.y >= marginTop && box.y + box.height <= height - marginBottom,
      )
      .filter(({ box }) => !obstacles.some((o) => overlaps(o, box)));
  });
  let best: { cost: number; chosen: (TimelineLabel | null)[] } = { cost: Infinity, chosen: [] };
  const search = (i: number, chosen: (TimelineLabel | null)[], cost: number) => {
    if (cost >= best.cost) return;
    if (i === options.length) {
      best = { cost, chosen: [...chosen] };
      return;
    }
    for (const o of options[i]!) {
      if (chosen.some((c) => c && overlaps(c, o.box))) continue;
      search(i + 1, [...chosen, { ...o.box, row: o.row, text: o.text, leader: o.leader }], cost + o.cost);
    }
    search(i + 1, [...chosen, null], cost + MAX_CROSSED);
  };
  search(0, [], 0);
  const labels = best.chosen.filter((l): l is TimelineLabel => l !== null);

  return {
    width,
    height,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    rMax,
    xRange,
    yRange,
    axis,
    x,
    y,
    radius,
    key,
    keyTitle,
    keyY,
    rowLabels,
    labels,
  };
}

const chart: ChartModule<Row> = {
  id: "deal-timeline",
  since: "1.0.0",
  title: "The deals, announcement by announcement",
  subtitle: "AI-era deals by date and type; circle area shows disclosed US dollars, crosses mark deals with no disclosed amount",
  caption:
    "Announcements bunch in the second half of 2025, when equity, chip and cloud deals were struck within weeks of each other, often between the same few companies. The years before the dashed line hold few deals and are squeezed, so the period when most were struck gets the width.",
  sourceNote: "Circularity deal dataset, including superseded and cancelled records (their own dates are real events).",
  build(dataset) {
    const all = sortDealsByDate(dealsInEra(dataset.deals, "ai-2020s"));
    // Past the mark budget, only the largest disclosed deals are drawn; the rest are counted in the caption.
    const kept =
      all.length > MARK_BUDGET
        ? new Set(
            all
              .filter((d) => d.amount)
              .sort((a, b) => b.amount!.usd - a.amount!.usd || a.id.localeCompare(b.id))
              .slice(0, MARK_BUDGET)
              .map((d) => d.id),
          )
        : undefined;
    const deals = kept ? all.filter((d) => kept.has(d.id)) : all;
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
    // Largest first, so small circles are drawn on top of big ones and stay easy to hover and click.
    const disclosed = data.filter((d) => d.usd !== null).sort((a, b) => b.usd! - a.usd! || a.id.localeCompare(b.id));
    const undisclosed = data.filter((d) => d.usd === null);
    const title = (d: Row) =>
      `${d.date}: ${d.from} → ${d.to}, ${d.type}, ${d.usd === null ? "undisclosed" : formatAmount({ usd: d.usd, basis: d.basis as Basis })}`;
    const link = (d: Row) => href(paths.deal(d.id));
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
      rowLink: link,
      dealIds: dealIdsOf(deals),
      omitted: kept
        ? `Only the ${MARK_BUDGET} largest of ${all.length} deals are drawn; the other ${all.length - deals.length} are on the deals page.`
        : undefined,
      legend: [...basisLegend(data), ...(undisclosed.length ? [{ label: "undisclosed amount", color: PALETTE.grey, shape: "cross" as const }] : [])],
      plot: (layout) => {
        const { compact } = layout;
        const L = timelineLayout(data, types, layout);
        // Marks placed in pixels (size key, labels) hang off the frame's top-left corner.
        const at = (px: number, py: number) => ({ frameAnchor: "top-left" as const, dx: px - L.marginLeft, dy: py - L.marginTop });
        return {
          width: L.width,
          height: L.height,
          marginLeft: L.marginLeft,
          marginRight: L.marginRight,
          marginTop: L.marginTop,
          marginBottom: L.marginBottom,
          style: baseStyle(compact),
          x: { type: "utc", label: null, domain: L.axis.domain, range: L.axis.range, ticks: L.axis.ticks, tickFormat: timeTick, grid: true },
          y: { type: "point", label: null, domain: types, range: L.yRange, padding: 0, axis: compact ? null : "left" },
          r: { type: "identity" },
          color: BASIS_SCALE,
          marks: [
            ...L.rowLabels.map((b) =>
              Plot.text([b.text], { ...at(b.x, b.y), text: (t: string) => t, textAnchor: "start", lineAnchor: "top", fill: "currentColor", fontWeight: 600 }),
            ),
            // Outlines, not translucent fills: overlapping circles stay readable and every mark keeps 3:1 contrast on both themes.
            Plot.dot(disclosed, {
              x: (d: Row) => new Date(d.date),
              y: "type",
              r: (d: Row) => L.radius(d.usd!),
              stroke: "basis",
              strokeWidth: compact ? 1.5 : 1.75,
              fill: "basis",
              fillOpacity: 0,
              href: link,
              title,
            }),
            Plot.dot(undisclosed, {
              x: (d: Row) => new Date(d.date),
              y: "type",
              r: 4,
              symbol: "times",
              stroke: PALETTE.grey,
              strokeWidth: 1.75,
              href: link,
              title,
            }),
            Plot.text([L.keyTitle.text], { ...at(L.keyTitle.x, L.keyY), text: (t: string) => t, textAnchor: "start", fill: "currentColor" }),
            ...L.key.flatMap((k) => [
              Plot.dot([k], { ...at(k.x, L.keyY), r: k.r, stroke: "currentColor", strokeWidth: 1.25, fill: "none" }),
              Plot.text([k.label], { ...at(k.labelX, L.keyY), text: (t: string) => t, textAnchor: "start", fill: "currentColor" }),
            ]),
            ...L.labels.map((l) =>
              Plot.text([l.row], { ...at(l.x, l.y), text: () => l.text, textAnchor: "start", lineAnchor: "top", fill: "currentColor", href: link, title }),
            ),
            // Leader lines and the axis break are drawn in the layout's pixels, which Plot's scales cannot express.
            (_index: unknown, _scales: unknown, _values: unknown, _dimensions: unknown, context: { document: Document }) => {
              const svg = "http://www.w3.org/2000/svg";
              const g = context.document.createElementNS(svg, "g");
              g.setAttribute("stroke", "currentColor");
              g.setAttribute("fill", "none");
              const line = (x1: number, y1: number, x2: number, y2: number, dash?: string) => {
                const el = context.document.createElementNS(svg, "line");
                for (const [k, v] of Object.entries({ x1, y1, x2, y2 })) el.setAttribute(k, String(Math.round(v * 10) / 10));
                if (dash) el.setAttribute("stroke-dasharray", dash);
                g.appendChild(el);
              };
              for (const l of L.labels) if (l.leader) line(l.leader.x1, l.leader.y1, l.leader.x2, l.leader.y2);
              if (L.axis.breakAt) line(L.axis.breakAt.x, L.marginTop, L.axis.breakAt.x, L.height - L.marginBottom, "3 3");
              return g as unknown as SVGElement;
            },
          ],
        };
      },
    };
  },
  alt(spec) {
    const first = spec.data[0];
    const last = spec.data.at(-1);
    const biggest = [...spec.data]
      .filter((d) => d.usd !== null)
      .sort((a, b) => b.usd! - a.usd!)
      .slice(0, 3);
    return `Timeline of ${spec.data.length} AI-era deals from ${first?.date} to ${last?.date}, grouped by deal type. Largest disclosed: ${biggest.map((d) => `${d.from} to ${d.to} ${formatUsd(d.usd!)} (${d.date})`).join("; ")}. ${spec.data.filter((d) => d.usd === null).length} deals have no disclosed amount.`;
  },
};

export default chart;
