// The PNGs and standalone SVGs readers download: their size at each scale, dark text on white, a figure drawn once
// per build, and the indexed PNG the social cards use: a valid file (signature, chunks, checksums) whose pixels and
// palette are the image's, rounded to 16 levels a channel.
import { describe, expect, it } from "vitest";
import { crc32, inflateSync } from "node:zlib";
import { FIGURE_FONT, FONT_OPTIONS, figureToPng, indexedPng, standaloneSvg, svgToPng } from "../../src/render/png.ts";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Chunk {
  type: string;
  data: Buffer;
}

/** The chunks of a PNG, after checking its signature and every chunk's checksum (as any viewer does). */
function chunks(png: Uint8Array): Chunk[] {
  const buf = Buffer.from(png);
  expect([...buf.subarray(0, 8)]).toEqual(SIGNATURE);
  const out: Chunk[] = [];
  let at = 8;
  while (at < buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString("latin1", at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    expect(buf.readUInt32BE(at + 8 + length), `${type} checksum`).toBe(crc32(buf.subarray(at + 4, at + 8 + length)));
    out.push({ type, data });
    at += 12 + length;
  }
  expect(at).toBe(buf.length);
  return out;
}

function size(png: Uint8Array): [number, number] {
  const ihdr = chunks(png)[0]!;
  expect(ihdr.type).toBe("IHDR");
  return [ihdr.data.readUInt32BE(0), ihdr.data.readUInt32BE(4)];
}

/** An 8-bit RGBA PNG (what resvg writes) as a pixel reader: "#rrggbbaa". */
function decodeRgba(png: Uint8Array): { width: number; height: number; at: (x: number, y: number) => string } {
  const all = chunks(png);
  const [width, height] = size(png);
  expect([all[0]!.data[8], all[0]!.data[9]]).toEqual([8, 6]);
  const raw = inflateSync(Buffer.concat(all.filter((c) => c.type === "IDAT").map((c) => c.data)));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= 4 ? pixels[y * stride + i - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const c = i >= 4 && y > 0 ? pixels[(y - 1) * stride + i - 4]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  const at = (x: number, y: number) =>
    "#" + [...pixels.subarray(y * stride + x * 4, y * stride + x * 4 + 4)].map((v) => v.toString(16).padStart(2, "0")).join("");
  return { width, height, at };
}

/** An indexed PNG's palette and each pixel's colour, "#rrggbb", row by row. */
function decodeIndexed(png: Uint8Array): { header: number[]; types: string[]; palette: string[]; pixels: string[][]; rowBytes: number; filters: number[] } {
  const all = chunks(png);
  const ihdr = all[0]!.data;
  const [width, height] = [ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)];
  const plte = all.find((c) => c.type === "PLTE")!.data;
  const palette = Array.from(
    { length: plte.length / 3 },
    (_, i) => "#" + [...plte.subarray(i * 3, i * 3 + 3)].map((v) => v.toString(16).padStart(2, "0")).join(""),
  );
  const rows = inflateSync(Buffer.concat(all.filter((c) => c.type === "IDAT").map((c) => c.data)));
  const filters = Array.from({ length: height }, (_, y) => rows[y * (width + 1)]!);
  const pixels = Array.from({ length: height }, (_, y) => Array.from({ length: width }, (_, x) => palette[rows[y * (width + 1) + 1 + x]!]!));
  return { header: [width, height, ...ihdr.subarray(8)], types: all.map((c) => c.type), palette, pixels, rowBytes: rows.length, filters };
}

/** An opaque RGBA image from rows of "#rrggbb". */
function rgba(rows: string[][]): { data: Uint8Array; width: number; height: number } {
  const width = rows[0]!.length;
  const data = new Uint8Array(width * rows.length * 4);
  rows.flat().forEach((hex, i) => data.set([parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16), 255], i * 4));
  return { data, width, height: rows.length };
}

/** A bare chart SVG as Plot draws it: no namespace, text and marks in currentColor, the site's font. */
const BARE =
  '<svg width="40" height="20" viewBox="0 0 40 20" font-family="system-ui, sans-serif" fill="currentColor"><rect x="0" y="0" width="20" height="20"/><text x="22" y="14" font-size="10">A</text></svg>';

describe("a chart's PNG", () => {
  it("is drawn at twice the SVG's size by default, or at the scale asked for", () => {
    expect(size(svgToPng(BARE))).toEqual([80, 40]);
    expect(size(svgToPng(BARE, 1))).toEqual([40, 20]);
    expect(size(svgToPng(BARE, 3))).toEqual([120, 60]);
  });

  it("draws a bare SVG dark on white: currentColor as the site's ink, the empty part as opaque white", () => {
    const png = decodeRgba(svgToPng(BARE));
    expect(png.at(10, 10)).toBe("#16181dff");
    expect(png.at(39, 39)).toBe("#16181dff");
    expect(png.at(79, 0)).toBe("#ffffffff");
    expect(png.at(79, 39)).toBe("#ffffffff");
  });

  it("draws an SVG that already has its namespace the same way", () => {
    const withNs = BARE.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ');
    expect(Buffer.from(svgToPng(withNs, 1)).equals(Buffer.from(svgToPng(BARE, 1)))).toBe(true);
  });

  it("draws text in the bundled font whatever font the SVG names", () => {
    expect(FONT_OPTIONS).toMatchObject({ loadSystemFonts: false, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" });
    expect(FONT_OPTIONS.fontFiles.map((f) => f.split(/[\\/]/).at(-1))).toEqual(["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]);
    expect(FIGURE_FONT).toBe("DejaVu Sans, Verdana, sans-serif");
    const dejavu = BARE.replace('font-family="system-ui, sans-serif"', 'font-family="DejaVu Sans"');
    expect(Buffer.from(svgToPng(BARE)).equals(Buffer.from(svgToPng(dejavu)))).toBe(true);
  });

  it("says why it cannot draw what is not an SVG", () => {
    expect(() => svgToPng("<div>not a chart</div>")).toThrow(/SVG|svg/);
    expect(() => figureToPng("not svg at all")).toThrow();
  });
});

describe("a standalone SVG download", () => {
  it("adds the namespace, a white background and the site's ink for currentColor", () => {
    expect(standaloneSvg('<svg width="10" height="10" class="c"><text fill="currentColor">A</text><g stroke="currentColor"></g></svg>')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" class="c"><rect width="100%" height="100%" fill="#ffffff"/>' +
        '<text fill="#16181d">A</text><g stroke="#16181d"></g></svg>\n',
    );
  });

  it("keeps a namespace that is already there, once", () => {
    const out = standaloneSvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="1" height="1"/></svg>');
    expect(out).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="100%" height="100%" fill="#ffffff"/><rect width="1" height="1"/></svg>\n',
    );
    expect(out.split("xmlns=").length - 1).toBe(1);
  });

  it("is a file resvg can draw, white where the chart draws nothing", () => {
    const png = decodeRgba(figureToPng(standaloneSvg(BARE).replace(/^<\?xml[^>]*>\n/, ""), 1));
    expect([png.width, png.height]).toEqual([40, 20]);
    expect(png.at(5, 5)).toBe("#16181dff");
    expect(png.at(39, 0)).toBe("#ffffffff");
  });
});

describe("a figure's PNG", () => {
  const figure = (w: number, h: number) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w / 2}" height="${h}" fill="#2b6cb0"/></svg>`;

  it("is drawn at its scale on white, each distinct figure and scale on its own", () => {
    expect(size(figureToPng(figure(30, 10)))).toEqual([60, 20]);
    expect(size(figureToPng(figure(50, 20)))).toEqual([100, 40]);
    expect(size(figureToPng(figure(30, 10), 1))).toEqual([30, 10]);
    expect(size(figureToPng(figure(30, 10), 3))).toEqual([90, 30]);
    const png = decodeRgba(figureToPng(figure(30, 10)));
    expect(png.at(0, 0)).toBe("#2b6cb0ff");
    expect(png.at(59, 19)).toBe("#ffffffff");
  });

  it("is drawn once per build: the same figure at the same scale gives the same file", () => {
    const svg = figure(44, 22);
    const once = figureToPng(svg, 2);
    expect(figureToPng(svg, 2)).toBe(once);
    expect(figureToPng(svg)).toBe(once);
    expect(figureToPng(svg, 1)).not.toBe(once);
  });
});

describe("an indexed PNG", () => {
  const WHITE = "#ffffff";
  const BLUE = "#2b6cb0";
  const INK = "#16181d";

  it("is a valid PNG: signature, header, palette, data and end, in that order, each checksummed", () => {
    const { data, width, height } = rgba([
      [WHITE, BLUE, WHITE],
      [INK, INK, BLUE],
    ]);
    const png = decodeIndexed(indexedPng(data, width, height));
    expect(png.types).toEqual(["IHDR", "PLTE", "IDAT", "IEND"]);
    // 3 × 2, 8 bits, indexed colour, deflate, no filtering method variants, not interlaced.
    expect(png.header).toEqual([3, 2, 8, 3, 0, 0, 0]);
    const end = chunks(indexedPng(data, width, height)).at(-1)!;
    expect(end.data.length).toBe(0);
  });

  it("rounds each channel to 16 levels and lists each colour once, in the order the image first uses it", () => {
    const { data, width, height } = rgba([
      [WHITE, BLUE, WHITE],
      [INK, INK, BLUE],
    ]);
    const png = decodeIndexed(indexedPng(data, width, height));
    // #2b6cb0 → #3366aa and #16181d → #111122: each channel to its nearest multiple of 17.
    expect(png.palette).toEqual(["#ffffff", "#3366aa", "#111122"]);
    expect(png.pixels).toEqual([
      ["#ffffff", "#3366aa", "#ffffff"],
      ["#111122", "#111122", "#3366aa"],
    ]);
  });

  it("stores every row whole, each unfiltered, for images of any shape", () => {
    for (const [w, h] of [
      [1, 1],
      [4, 1],
      [2, 3],
      [5, 2],
    ] as const) {
      const rows = Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => ((x + y) % 2 ? BLUE : WHITE)));
      const { data } = rgba(rows);
      const png = decodeIndexed(indexedPng(data, w, h));
      expect(png.rowBytes, `${w}×${h}`).toBe((w + 1) * h);
      expect(png.filters).toEqual(Array(h).fill(0));
      expect(png.pixels).toEqual(rows.map((r) => r.map((c) => (c === BLUE ? "#3366aa" : "#ffffff"))));
    }
  });

  it("holds up to 256 colours and refuses a 257th", () => {
    const levels = (n: number) => {
      const data = new Uint8Array(4 * n);
      for (let i = 0; i < n; i++) data.set([(i % 16) * 17, (Math.floor(i / 16) % 16) * 17, Math.floor(i / 256) * 17, 255], i * 4);
      return data;
    };
    const png = decodeIndexed(indexedPng(levels(256), 256, 1));
    expect(png.palette).toHaveLength(256);
    expect(png.palette.at(-1)).toBe("#ffff00");
    expect(png.pixels[0]![17]).toBe("#111100");
    expect(() => indexedPng(levels(257), 257, 1)).toThrow("indexedPng: more than 256 colours; draw the image in fewer colours");
  });
});
