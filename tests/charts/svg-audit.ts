// Reads a rendered chart SVG the way a reader sees it: the colour of every mark on each page background, the size
// of every piece of text, and whether any text leaves the canvas.
import { DOMParser } from "linkedom";
import { Resvg } from "@resvg/resvg-js";
import { FONT_OPTIONS } from "../../src/render/png.ts";

/** The two page backgrounds and the text colour (currentColor) on each, from src/styles/global.css. */
export const THEMES = [
  { name: "light", background: "#ffffff", text: "#16181d" },
  { name: "dark", background: "#121418", text: "#e8eaed" },
] as const;

type Rgb = [number, number, number];

const NAMED: Record<string, Rgb> = { white: [255, 255, 255], black: [0, 0, 0] };

/** Parses the colour forms Plot writes; anything else is reported, so a new form cannot slip past unchecked. */
export function parseColour(value: string): Rgb {
  const v = value.trim().toLowerCase();
  if (NAMED[v]) return NAMED[v]!;
  let m = /^#([0-9a-f]{6})$/.exec(v);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1]!.slice(i, i + 2), 16)) as Rgb;
  m = /^#([0-9a-f]{3})$/.exec(v);
  if (m) return [...m[1]!].map((c) => parseInt(c + c, 16)) as Rgb;
  m = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(v);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  throw new Error(`unrecognised colour "${value}"`);
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** What a colour drawn at an opacity looks like over a background. */
export function composite(colour: Rgb, alpha: number, background: Rgb): Rgb {
  return colour.map((c, i) => Math.round(c * alpha + background[i]! * (1 - alpha))) as Rgb;
}

const SHAPES = new Set(["rect", "circle", "ellipse", "path", "line", "polyline", "polygon", "text"]);

export interface Paint {
  /** Element and a short description, to name the mark in a failure. */
  where: string;
  element: string;
  channel: "fill" | "stroke";
  colour: string;
  /** Opacity of the paint after fill-/stroke-opacity and every group's opacity. */
  alpha: number;
}

function inherited(el: Element, name: string): string | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const v = node.getAttribute(name);
    // Plot wraps linked marks in <a fill="inherit">: keep looking up.
    if (v !== null && v !== "inherit") return v;
  }
  return null;
}

function describe(el: Element): string {
  const text = el.tagName.toLowerCase() === "text" ? ` "${el.textContent?.trim().slice(0, 40)}"` : "";
  const title = el.querySelector("title")?.textContent ?? el.parentElement?.querySelector(":scope > title")?.textContent;
  return `<${el.tagName.toLowerCase()}>${text}${title ? ` (${title.slice(0, 60)})` : ""}`;
}

function parse(svg: string): Element {
  return new DOMParser().parseFromString(svg, "image/svg+xml").documentElement as unknown as Element;
}

/** Every visible fill and stroke of every shape and text in the SVG. */
export function paints(svg: string): Paint[] {
  const root = parse(svg);
  const out: Paint[] = [];
  for (const el of [...root.querySelectorAll("*")]) {
    const tag = el.tagName.toLowerCase();
    if (!SHAPES.has(tag) || el.closest("defs, clipPath, mask, pattern")) continue;
    let groupOpacity = 1;
    for (let node: Element | null = el; node; node = node.parentElement) groupOpacity *= Number(node.getAttribute("opacity") ?? 1);
    for (const channel of ["fill", "stroke"] as const) {
      // SVG defaults: fill black, stroke none; lines have no fill.
      const colour = inherited(el, channel) ?? (channel === "fill" ? "black" : "none");
      if (colour === "none" || (channel === "fill" && tag === "line")) continue;
      const alpha = groupOpacity * Number(inherited(el, `${channel}-opacity`) ?? 1);
      if (alpha === 0) continue;
      out.push({ where: describe(el), element: tag, channel, colour, alpha });
    }
  }
  return out;
}

/** Font size in px of every text element, from the nearest style or font-size attribute (style wins, as in CSS). */
export function fontSizes(svg: string): { text: string; size: number }[] {
  const root = parse(svg);
  return [...root.querySelectorAll("text")].map((el) => {
    let size = NaN;
    for (let node: Element | null = el as Element; node && Number.isNaN(size); node = node.parentElement) {
      const style = /font-size:\s*([\d.]+)px/.exec(node.getAttribute("style") ?? "")?.[1];
      const attr = node.getAttribute("font-size");
      size = Number(style ?? attr ?? NaN);
    }
    return { text: el.textContent ?? "", size };
  });
}

/** Link targets of every mark drawn as a link. */
export function links(svg: string): string[] {
  return [...parse(svg).querySelectorAll("a")].map((a) => a.getAttribute("href") ?? "");
}

/** The chart's text alone, standalone, as the PNG renderer draws it. */
function textOnly(svg: string): string {
  return svg
    .replace(/^<svg /, '<svg xmlns="http://www.w3.org/2000/svg" ')
    .replaceAll("currentColor", "#16181d")
    .replace(/font-family="[^"]*"/, 'font-family="DejaVu Sans"')
    .replace(/<(path|rect|line|circle|polyline|polygon|ellipse)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/g, "");
}

/**
 * Texts that run off the canvas (where a bare SVG download or PNG would cut them), measured in the PNG font, which
 * is wider than the site's system fonts.
 */
export function textOffCanvas(svg: string, width: number, height: number): string[] {
  const only = textOnly(svg);
  const box = (s: string) => new Resvg(s, { font: FONT_OPTIONS }).getBBox();
  const inside = (b: ReturnType<typeof box>) => !b || (b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= width + 0.5 && b.y + b.height <= height + 0.5);
  if (inside(box(only))) return [];
  const texts = [...only.matchAll(/<text\b[\s\S]*?<\/text>/g)].map((m) => m[0]);
  return texts.filter((t) => !inside(box(only.replace(/<text\b[\s\S]*?<\/text>/g, (x) => (x === t ? x : ""))))).map((t) => t.replace(/<[^>]+>/g, " ").trim());
}

export interface TextBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The inked box of every piece of text, measured in the PNG font (wider than the site's), one text at a time. */
export function textBoxes(svg: string): TextBox[] {
  // The focus readouts (visibility="hidden" until a mark has focus) are shown one at a time, so they are left out.
  const only = textOnly(svg).replace(/<text\b[^>]*visibility="hidden"[\s\S]*?<\/text>/g, "");
  const texts = [...only.matchAll(/<text\b[\s\S]*?<\/text>/g)].map((m) => m[0]);
  const boxes: TextBox[] = [];
  texts.forEach((t, i) => {
    // A text of several lines (tspans) is measured line by line: the other lines keep their place as a no-ink space.
    const lines = [...t.matchAll(/<tspan\b[^>]*>([^<]*)<\/tspan>/g)];
    const variants =
      lines.length > 1
        ? lines.map((_, k) => {
            let m = -1;
            return t.replace(/(<tspan\b[^>]*>)([^<]*)(<\/tspan>)/g, (_x, open: string, body: string, close: string) =>
              (m += 1) === k ? open + body + close : `${open}\u00a0${close}`,
            );
          })
        : [t];
    for (const variant of variants) {
      let n = -1;
      const alone = only.replace(/<text\b[\s\S]*?<\/text>/g, (x) => ((n += 1) === i ? variant : ""));
      const b = new Resvg(alone, { font: FONT_OPTIONS }).getBBox();
      const text = variant
        .replace(/<title>[\s\S]*?<\/title>/g, "")
        .replace(/<[^>]+>/g, " ")
        .replace(/\u00a0/g, "")
        .replace(/\s+/g, " ")
        .trim();
      if (b) boxes.push({ text, x: b.x, y: b.y, width: b.width, height: b.height });
    }
  });
  return boxes;
}

/**
 * Pairs of texts whose inked boxes overlap by more than `tolerance` px both ways: labels a reader cannot tell apart.
 * Identical repeated texts at one place (a label drawn twice for a halo) are not counted.
 */
export function overlappingTexts(boxes: readonly TextBox[], tolerance = 1): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > tolerance && h > tolerance && !(a.text === b.text && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5)) pairs.push([a.text, b.text]);
    }
  return pairs;
}
