// Reads the text lines the figure and social-card renderers write (`<text x y font-size [font-weight] fill>`), so
// tests can check what a reader sees on a downloaded figure or a shared card, line by line.

export interface SvgTextLine {
  x: number;
  y: number;
  size: number;
  bold: boolean;
  fill: string;
  /** The line as a reader sees it (XML entities decoded). */
  text: string;
  /** The whole <text> element as written. */
  node: string;
}

export const unescapeXml = (s: string) => s.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

export function svgTextLines(svg: string): SvgTextLine[] {
  const re = /<text x="([-\d.]+)" y="([-\d.]+)" font-size="(\d+)"( font-weight="bold")? fill="([^"]+)">([^<]*)<\/text>/g;
  return [...svg.matchAll(re)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    size: Number(m[3]),
    bold: Boolean(m[4]),
    fill: m[5]!,
    text: unescapeXml(m[6]!),
    node: m[0],
  }));
}
