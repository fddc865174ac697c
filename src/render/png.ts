// Rasterises a chart SVG to PNG at build time with a bundled font, so the PNG is the same on every machine.
import { Resvg } from "@resvg/resvg-js";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { deflateSync } from "node:zlib";

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

/** Each channel value's nearest of 16 levels (0, 17, …, 255). */
const LEVEL = Uint8Array.from({ length: 256 }, (_, v) => Math.round(v / 17));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An opaque RGBA image as an indexed PNG: each channel rounded to 16 levels, at most 256 colours. Cards are flat
 * colour and anti-aliased text, so this keeps them sharp at about a fifth of resvg's own (RGBA) encoding: a card
 * per page is affordable even at 100× the dataset. Throws if the image has more colours than a palette holds.
 */
export function indexedPng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  // Colour → palette index, by each channel's level (0–15): a flat table is much faster than a map per pixel.
  const lut = new Int16Array(4096).fill(-1);
  const colours: number[] = [];
  const rows = new Uint8Array((width + 1) * height);
  let out = 0;
  for (let y = 0, i = 0; y < height; y++) {
    rows[out++] = 0; // filter: none (flat colour compresses best unfiltered)
    for (let x = 0; x < width; x++, i += 4) {
      const key = (LEVEL[rgba[i]!]! << 8) | (LEVEL[rgba[i + 1]!]! << 4) | LEVEL[rgba[i + 2]!]!;
      let index = lut[key]!;
      if (index < 0) {
        index = colours.length;
        if (index > 255) throw new Error("indexedPng: more than 256 colours; draw the image in fewer colours");
        colours.push(key);
        lut[key] = index;
      }
      rows[out++] = index;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 3; // colour type: indexed
  const plte = Buffer.alloc(colours.length * 3);
  colours.forEach((key, index) => plte.set([(key >> 8) * 17, ((key >> 4) & 15) * 17, (key & 15) * 17], index * 3));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("PLTE", plte),
    // Level 6: a tenth of level 9's time for a tenth more bytes, which matters over hundreds of cards per build.
    chunk("IDAT", deflateSync(rows, { level: 6 })),
    chunk("IEND", new Uint8Array()),
  ]);
}
