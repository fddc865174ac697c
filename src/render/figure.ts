// Self-contained chart figures: title, subtitle, legend, chart, source, licence and pinned URL drawn into one SVG,
// so a chart that leaves the site (a download, a social card, a slide) still says what it is and where it came from.
import { Resvg } from "@resvg/resvg-js";
import type { LegendItem } from "../charts/types.ts";
import { FONT_OPTIONS, FIGURE_FONT } from "./png.ts";

/** What the figure's last lines credit: the site, the licence and the URL that will keep showing this figure. */
export interface FigureCredit {
  site: string;
  licence: string;
  pinnedUrl: string;
}

/** The parts of a rendered chart a figure draws; a RenderedChart satisfies it. */
export interface FigureSource {
  title: string;
  subtitle: string;
  sourceNote: string;
  version: string;
  legend: LegendItem[];
  wide: { svg: string; width: number; height: number };
}

export interface Figure {
  svg: string;
  width: number;
  height: number;
}

const INK = "#16181d";
const MUTED = "#4a4f59";
const PAD = 24;
const TYPE = {
  title: { size: 20, bold: true, lead: 26 },
  subtitle: { size: 14, bold: false, lead: 19 },
  legend: { size: 13, bold: false, lead: 20 },
  note: { size: 12, bold: false, lead: 16 },
} as const;
type Style = (typeof TYPE)[keyof typeof TYPE];

/** Draws the figure around the chart's desktop rendition. Deterministic: same chart, same bytes. */
export function figureSvg(chart: FigureSource, credit: FigureCredit): Figure {
  const plot = chart.wide;
  const width = plot.width + 2 * PAD;
  const inner = width - 2 * PAD;
  const parts: string[] = [];
  let y = PAD;

  const block = (lines: string[], style: Style, color: string) => {
    for (const line of lines) {
      y += style.lead;
      parts.push(textNode(PAD, y - (style.lead - style.size) / 2 - 2, line, style, color));
    }
  };

  block(wrap(chart.title, inner, TYPE.title), TYPE.title, INK);
  y += 2;
  block(wrap(chart.subtitle, inner, TYPE.subtitle), TYPE.subtitle, MUTED);

  if (chart.legend.length) {
    y += 8;
    for (const row of legendRows(chart.legend, inner)) {
      y += TYPE.legend.lead;
      let x = PAD;
      for (const item of row) {
        parts.push(legendKey(x, y - 14, item));
        parts.push(textNode(x + 20, y - 4, item.label, TYPE.legend, INK));
        x += legendItemWidth(item);
      }
    }
  }

  y += 12;
  parts.push(chartGroup(plot.svg, PAD, y));
  y += plot.height + 12;

  parts.push(`<line x1="${PAD}" x2="${width - PAD}" y1="${y}" y2="${y}" stroke="#c9ccd2" stroke-width="1"/>`);
  y += 4;
  block(wrap(`Source: ${chart.sourceNote}`, inner, TYPE.note), TYPE.note, MUTED);
  block(wrap(`${credit.site} · dataset v${chart.version} · ${credit.licence}`, inner, TYPE.note), TYPE.note, MUTED);
  block(wrapUrl(credit.pinnedUrl, inner, TYPE.note), TYPE.note, MUTED);
  const height = Math.ceil(y + PAD);

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FIGURE_FONT}">` +
    `<title>${escapeXml(chart.title)}</title>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    parts.join("") +
    `</svg>`;
  return { svg, width, height };
}

/** The Plot SVG's content as a group at (x, y), keeping its text settings but not its viewport (which would clip). */
export function chartGroup(svg: string, x: number, y: number, scale = 1): string {
  const open = /^<svg([^>]*)>/.exec(svg);
  if (!open) throw new Error("figure: chart SVG does not start with <svg>");
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(open[1]!)?.[1];
  // Plot puts the chart's real type size in its style attribute; the font-size attribute is Plot's default.
  const fontSize = /font-size:\s*([\d.]+)px/.exec(attr("style") ?? "")?.[1] ?? attr("font-size") ?? "10";
  const anchor = attr("text-anchor") ?? "middle";
  const body = svg.slice(open[0].length, svg.lastIndexOf("</svg>")).replaceAll("currentColor", INK);
  const transform = scale === 1 ? `translate(${x},${y})` : `translate(${round(x)},${round(y)}) scale(${Math.round(scale * 1000) / 1000})`;
  return `<g transform="${transform}" fill="${INK}" font-size="${fontSize}" text-anchor="${anchor}">${body}</g>`;
}

function textNode(x: number, y: number, text: string, style: Style, color: string): string {
  const weight = style.bold ? ` font-weight="bold"` : "";
  return `<text x="${x}" y="${round(y)}" font-size="${style.size}"${weight} fill="${color}">${escapeXml(text)}</text>`;
}

/** A legend key as SVG marks at (x, y), 14 px square: drawn, not a CSS background, so it survives printing. */
function legendKey(x: number, y: number, item: LegendItem): string {
  if (item.shape === "line") return `<rect x="${x}" y="${y + 5}" width="14" height="4" fill="${item.color}"/>`;
  if (item.shape === "dash")
    return `<line x1="${x}" x2="${x + 14}" y1="${y + 7}" y2="${y + 7}" stroke="${item.color}" stroke-width="2" stroke-dasharray="4 2"/>`;
  if (item.shape === "cross")
    return `<path d="M${x + 2} ${y + 2}L${x + 12} ${y + 12}M${x + 12} ${y + 2}L${x + 2} ${y + 12}" stroke="${item.color}" stroke-width="2"/>`;
  return `<rect x="${x}" y="${y}" width="14" height="14" rx="2" fill="${item.color}"/>`;
}

/** The same key as a small inline SVG for the HTML legend. */
export function legendKeyIcon(item: LegendItem): string {
  return `<svg class="key" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">${legendKey(0, 0, item)}</svg>`;
}

function legendItemWidth(item: LegendItem): number {
  return 20 + measure(item.label, TYPE.legend) + 18;
}

function legendRows(items: LegendItem[], width: number): LegendItem[][] {
  const rows: LegendItem[][] = [[]];
  let used = 0;
  for (const item of items) {
    const w = legendItemWidth(item);
    if (used + w - 18 > width && rows.at(-1)!.length) {
      rows.push([]);
      used = 0;
    }
    rows.at(-1)!.push(item);
    used += w;
  }
  return rows;
}

/** Greedy word wrap measured with the font the PNG is drawn in. */
export function wrap(text: string, width: number, style: Style): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, style) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** URLs have no spaces: break them after a slash so a long pinned URL never runs off a phone-sized figure. */
function wrapUrl(url: string, width: number, style: Style): string[] {
  if (measure(url, style) <= width) return [url];
  const pieces = url.split(/(?<=\/)/);
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces) {
    if (line && measure(line + piece, style) > width) {
      lines.push(line);
      line = piece;
    } else line += piece;
  }
  if (line) lines.push(line);
  return lines;
}

const widths = new Map<string, number>();

/** Width of a line of text in the bundled font, measured by the same renderer that draws the PNG. */
export function measure(text: string, style: Pick<Style, "size" | "bold">): number {
  const key = `${style.size}|${style.bold}|${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="8000" height="100"><text x="0" y="60" font-family="${FIGURE_FONT}" font-size="${style.size}"${style.bold ? ' font-weight="bold"' : ""}>${escapeXml(text)}</text></svg>`;
    const box = new Resvg(svg, { font: FONT_OPTIONS }).getBBox();
    // A 3% margin: viewers without the bundled font substitute one of similar width (Verdana), rarely wider.
    w = box ? (box.x + box.width) * 1.03 : 0;
    widths.set(key, w);
  }
  return w;
}

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
