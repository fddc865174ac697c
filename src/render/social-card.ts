// Social cards: the picture a link unfurls to in a chat, a feed or a post, at 1.91:1 (1200 × 628), the shape
// Open Graph's large-image cards crop to, with the page's own title on it, so a shared page shows what it is.
import { Resvg } from "@resvg/resvg-js";
import { FIGURE_FONT, FONT_OPTIONS, indexedPng } from "./png.ts";
import { chartGroup } from "./figure.ts";
import { textWidth } from "../charts/text-width.ts";

export const CARD = { width: 1200, height: 628 } as const;

export interface CardContent {
  /** What kind of page: "Deal record", "Chart", "Company", "Analysis", "Monitor". */
  kicker: string;
  title: string;
  /** Up to two short lines under the title: the figure, the parties, the date. */
  lines: string[];
  /** A chart drawn under the title, scaled to fit (its desktop rendition). */
  chart?: { svg: string; width: number; height: number };
  /** The site's address, printed at the foot of the card. */
  site: string;
}

const INK = "#16181d";
const MUTED = "#4a4f59";
const ACCENT = "#2b6cb0";
const LEFT = 72;
const RIGHT = CARD.width - 64;

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** Greedy word wrap to at most `max` lines; a last line that would overflow ends in an ellipsis. */
export function wrapLines(text: string, width: number, size: number, bold: boolean, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const candidate = line ? `${line} ${words[i]}` : words[i]!;
    if (line && textWidth(candidate, size, bold) > width) {
      lines.push(line);
      line = words[i]!;
      if (lines.length === max) {
        let last = lines.pop()!;
        while (last && textWidth(`${last}…`, size, bold) > width) last = last.replace(/\s*\S+$/, "");
        lines.push(`${last}…`);
        return lines;
      }
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

function text(x: number, y: number, body: string, size: number, color: string, bold = false): string {
  return `<text x="${x}" y="${y}" font-size="${size}"${bold ? ' font-weight="bold"' : ""} fill="${color}">${escapeXml(body)}</text>`;
}

/** The card as a standalone SVG in the bundled font. */
export function socialCardSvg(card: CardContent): string {
  const width = RIGHT - LEFT;
  const parts: string[] = [
    `<rect width="${CARD.width}" height="${CARD.height}" fill="#ffffff"/>`,
    `<rect width="14" height="${CARD.height}" fill="${ACCENT}"/>`,
    text(LEFT, 76, `Circularity · ${card.kicker}`, 28, ACCENT, true),
  ];
  const titleSize = card.chart ? 44 : 58;
  const lead = Math.round(titleSize * 1.2);
  const title = wrapLines(card.title, width, titleSize, true, card.chart ? 2 : 3);
  let y = 76 + 28 + lead;
  for (const line of title) {
    parts.push(text(LEFT, y, line, titleSize, INK, true));
    y += lead;
  }
  y += 8;
  for (const line of card.lines.slice(0, 2).flatMap((l) => wrapLines(l, width, 30, false, 1))) {
    parts.push(text(LEFT, y, line, 30, MUTED));
    y += 42;
  }
  if (card.chart) {
    const top = y - 10;
    const bottom = CARD.height - 64;
    const scale = Math.min(width / card.chart.width, (bottom - top) / card.chart.height);
    const x = LEFT + (width - card.chart.width * scale) / 2;
    const inner = chartGroup(card.chart.svg, x, top, scale);
    parts.push(inner);
  }
  parts.push(text(LEFT, CARD.height - 28, card.site, 24, MUTED));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}" font-family="${FIGURE_FONT}">${parts.join("")}</svg>`;
}

/** The card as an indexed PNG, `width` px wide (1200, or 600 for the cards of the many record pages). */
export function socialCardPng(card: CardContent, width: number = CARD.width): Uint8Array {
  const image = new Resvg(socialCardSvg(card), { font: FONT_OPTIONS, background: "#ffffff", fitTo: { mode: "width", value: width } }).render();
  return indexedPng(image.pixels, image.width, image.height);
}
