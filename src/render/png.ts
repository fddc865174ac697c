// Rasterises a chart SVG to PNG at build time with a bundled font, so the PNG is the same on every machine.
import { Resvg } from "@resvg/resvg-js";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => join(fontDir, f));

/** The bundled font every PNG is drawn in, so a PNG is the same on every machine. */
export const FONT_OPTIONS = { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" };

/** Figures name the bundled font first, then fonts of similar width for viewers that lack it. */
export const FIGURE_FONT = "DejaVu Sans, Verdana, sans-serif";

/**
 * The PNG of a bare chart SVG, as release 1.0.0's pinned downloads were drawn (their bytes never change).
 * Text in the SVG uses currentColor, which has no value outside a page: the PNG is drawn dark on white.
 */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  const standalone = svg
    .replace(/^<svg /, '<svg xmlns="http://www.w3.org/2000/svg" ')
    .replaceAll("currentColor", "#16181d")
    .replace(/font-family="[^"]*"/, 'font-family="DejaVu Sans"');
  const resvg = new Resvg(standalone, {
    background: "#ffffff",
    fitTo: { mode: "zoom", value: scale },
    font: FONT_OPTIONS,
  });
  return resvg.render().asPng();
}

/** A standalone SVG file: namespace, white background, dark text, for use outside the site. */
export function standaloneSvg(svg: string): string {
  const withNs = svg.includes('xmlns="http://www.w3.org/2000/svg"') ? svg : svg.replace(/^<svg /, '<svg xmlns="http://www.w3.org/2000/svg" ');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    withNs.replaceAll("currentColor", "#16181d").replace(/(<svg[^>]*>)/, '$1<rect width="100%" height="100%" fill="#ffffff"/>') +
    "\n"
  );
}

/** The PNG of a self-contained figure (already standalone: namespace, background, colours, font). */
/** A chart's current download and its pinned copy are the same figure: draw each distinct figure once per build. */
const drawnPngs = new Map<string, Uint8Array>();

export function figureToPng(svg: string, scale = 2): Uint8Array {
  const key = `${scale}\u0000${svg}`;
  let png = drawnPngs.get(key);
  if (!png) {
    png = new Resvg(svg, { background: "#ffffff", fitTo: { mode: "zoom", value: scale }, font: FONT_OPTIONS }).render().asPng();
    drawnPngs.set(key, png);
  }
  return png;
}
