// How a social card is drawn: the words on it line by line, how a long title wraps and is cut with an ellipsis so every
// line fits between the margins, where each line sits, the chart under the title, and the PNG's size and colours.
import { describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import { CARD, socialCardPng, socialCardSvg, wrapLines, type CardContent } from "../../src/render/social-card.ts";
import { textWidth } from "../../src/charts/text-width.ts";
import { svgTextLines, type SvgTextLine } from "../helpers/svg-text.ts";

/** The card's text column: 72 px from the left edge to 64 px from the right. */
const LEFT = 72;
const COLUMN = CARD.width - 64 - LEFT;
const INK = "#16181d";
const MUTED = "#4a4f59";
const ACCENT = "#2b6cb0";

/** Every <text> on the card, in drawing order; fails if one is written in a shape this does not read. */
function texts(svg: string): Omit<SvgTextLine, "node">[] {
  const found = svgTextLines(svg).map(({ node: _node, ...line }) => line);
  expect(found).toHaveLength(svg.split("<text").length - 1);
  return found;
}

/** Greedy: no line could have taken the next line's first word and still fitted. */
function expectGreedy(lines: string[], width: number, size: number, bold: boolean): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const next = lines[i + 1]!.replace(/…$/, "").split(" ")[0]!;
    expect(textWidth(`${lines[i]} ${next}`, size, bold), `line ${i} could take "${next}"`).toBeGreaterThan(width);
  }
}

const TITLE =
  "OpenAI's seven-year compute contract with Amazon Web Services for Nvidia GB200 and GB300 clusters, with options to expand it after 2027 at prices both sides keep confidential";

const base: CardContent = {
  kicker: "Deal record",
  title: "AMD's warrant for OpenAI",
  lines: ["~$34B (estimated) · warrants · AMD → OpenAI", "Announced Oct 6, 2025 · signed · other press"],
  site: "circularity.example",
};

describe("wrapping a card's text", () => {
  it("keeps text that fits on one line, whitespace collapsed, and gives no line for no words", () => {
    expect(wrapLines("  Two   words \n", 1000, 58, true, 3)).toEqual(["Two words"]);
    expect(wrapLines("", 1000, 58, true, 3)).toEqual([]);
    expect(wrapLines("   ", 1000, 58, true, 3)).toEqual([]);
  });

  it("lets a line exactly as wide as the space stand, and breaks before the word that would overflow", () => {
    const width = textWidth("alpha beta", 40, false);
    expect(wrapLines("alpha beta gamma", width, 40, false, 3)).toEqual(["alpha beta", "gamma"]);
    expect(wrapLines("alpha beta gamma", width - 0.01, 40, false, 3)).toEqual(["alpha", "beta", "gamma"]);
  });

  it("puts a first word wider than the space on its own line rather than an empty line before it", () => {
    expect(wrapLines("Supercalifragilistic is long", textWidth("Super", 30, true), 30, true, 5)).toEqual(["Supercalifragilistic", "is", "long"]);
  });

  it("cuts text beyond the line limit at a whole word, ending the last line in an ellipsis that still fits", () => {
    const width = textWidth("alpha beta…", 40, true);
    expect(wrapLines("alpha beta gamma delta", width, 40, true, 1)).toEqual(["alpha beta…"]);
    // One pixel less and "beta" no longer fits beside the ellipsis: the whole word goes, not a letter at a time.
    expect(wrapLines("alpha beta gamma delta", width - 1, 40, true, 1)).toEqual(["alpha…"]);
    const three = textWidth("aaa aaa aaa", 40, true);
    expect(wrapLines("aaa aaa aaa aaa aaa aaa", three, 40, true, 2)).toEqual(["aaa aaa aaa", "aaa aaa aaa"]);
    expect(wrapLines("aaa aaa aaa aaa aaa aaa aaa", three, 40, true, 2)).toEqual(["aaa aaa aaa", "aaa aaa…"]);
  });

  it("drops a last word that cannot fit beside its ellipsis, even when it is the line's only word", () => {
    expect(wrapLines("Supercalifragilistic expialidocious", textWidth("Supercalifragilistic", 40, false), 40, false, 1)).toEqual(["…"]);
  });

  it("wraps a long title greedily to its limit, every line within the width in the weight it is drawn in", () => {
    for (const [size, bold, max] of [
      [58, true, 3],
      [44, true, 2],
      [30, false, 1],
    ] as const) {
      const lines = wrapLines(TITLE, COLUMN, size, bold, max);
      expect(lines).toHaveLength(max);
      expect(lines.at(-1)!.endsWith("…")).toBe(true);
      expect(lines.at(-1)!.endsWith(" …")).toBe(false);
      for (const line of lines) expect(textWidth(line, size, bold)).toBeLessThanOrEqual(COLUMN);
      expectGreedy(lines, COLUMN, size, bold);
      // Read together, the lines are the title's start.
      expect(TITLE.startsWith(lines.join(" ").replace(/…$/, ""))).toBe(true);
    }
  });
});

describe("a card's SVG", () => {
  it("is 1200 × 628 (1.91:1) in the bundled font, on white with an accent bar down its left edge", () => {
    expect(CARD).toEqual({ width: 1200, height: 628 });
    const svg = socialCardSvg(base);
    expect(
      svg.startsWith(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="628" viewBox="0 0 1200 628" font-family="DejaVu Sans, Verdana, sans-serif">' +
          '<rect width="1200" height="628" fill="#ffffff"/><rect width="14" height="628" fill="#2b6cb0"/>',
      ),
    ).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
  });

  it("sets the kicker, title, lines and site in their sizes, weights, colours and places", () => {
    expect(texts(socialCardSvg(base))).toEqual([
      { x: LEFT, y: 76, size: 28, bold: true, fill: ACCENT, text: "Circularity · Deal record" },
      { x: LEFT, y: 174, size: 58, bold: true, fill: INK, text: "AMD's warrant for OpenAI" },
      { x: LEFT, y: 252, size: 30, bold: false, fill: MUTED, text: base.lines[0] },
      { x: LEFT, y: 294, size: 30, bold: false, fill: MUTED, text: base.lines[1] },
      { x: LEFT, y: 600, size: 24, bold: false, fill: MUTED, text: "circularity.example" },
    ]);
  });

  it("wraps a long title to three lines 70 px apart, cut with an ellipsis, each line inside the card's margins", () => {
    const lines = texts(socialCardSvg({ ...base, title: TITLE, lines: ["One line under it"] }));
    const title = lines.filter((l) => l.size === 58);
    expect(title.map((l) => l.y)).toEqual([174, 244, 314]);
    expect(title.every((l) => l.bold && l.fill === INK && l.x === LEFT)).toBe(true);
    expect(title.at(-1)!.text.endsWith("…")).toBe(true);
    for (const l of title) expect(l.x + textWidth(l.text, 58, true)).toBeLessThanOrEqual(CARD.width - 64);
    expectGreedy(
      title.map((l) => l.text),
      COLUMN,
      58,
      true,
    );
    expect(lines.find((l) => l.text === "One line under it")!.y).toBe(314 + 70 + 8);
  });

  it("shows at most two lines under the title, each cut to one line with an ellipsis", () => {
    const long = "Announced Oct 6, 2025 · signed · other press · and a great deal more about warrants, tranches and vesting milestones";
    const lines = texts(socialCardSvg({ ...base, lines: ["First", long, "Third, never shown"] })).filter((l) => l.size === 30);
    expect(lines.map((l) => [l.y, l.fill, l.bold])).toEqual([
      [252, MUTED, false],
      [294, MUTED, false],
    ]);
    expect(lines[0]!.text).toBe("First");
    const cut = lines[1]!.text;
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 30, false)).toBeLessThanOrEqual(COLUMN);
    // Cut at the last word that fits in the weight it is drawn in: one more word would not.
    const kept = cut.slice(0, -1);
    const nextWord = long.slice(kept.length).trim().split(" ")[0]!;
    expect(long.startsWith(kept)).toBe(true);
    expect(textWidth(`${kept} ${nextWord}…`, 30, false)).toBeGreaterThan(COLUMN);
  });

  it("escapes the characters XML reserves, so a title with them still draws as written", () => {
    const svg = socialCardSvg({ ...base, kicker: "A<B>", title: `AT&T's "<deal>"`, lines: ["R&D > 0"], site: "a&b" });
    expect(svg).toContain(">Circularity · A&lt;B&gt;</text>");
    expect(svg).toContain(">AT&amp;T's &quot;&lt;deal&gt;&quot;</text>");
    expect(svg).toContain(">R&amp;D &gt; 0</text>");
    expect(svg).toContain(">a&amp;b</text>");
    expect(texts(svg).map((l) => l.text)).toEqual(["Circularity · A<B>", `AT&T's "<deal>"`, "R&D > 0", "a&b"]);
  });

  describe("with a chart", () => {
    const chartSvg = (w: number, h: number) => ({
      svg: `<svg width="${w}" height="${h}" font-size="12"><rect width="${w}" height="${h}" fill="currentColor"/></svg>`,
      width: w,
      height: h,
    });
    /** The chart's group and the box it covers on the card. */
    function placed(card: CardContent) {
      const svg = socialCardSvg(card);
      const m = /<g transform="translate\(([\d.]+),([\d.]+)\) scale\(([\d.]+)\)"[^>]*><rect width="(\d+)" height="(\d+)" fill="#16181d"\/><\/g>/.exec(svg);
      expect(m, "chart group").not.toBeNull();
      const [x, y, s, w, h] = m!.slice(1).map(Number) as [number, number, number, number, number];
      return { svg, x, y, right: x + w * s, bottom: y + h * s };
    }

    it("sets the title smaller, in two lines at most, 53 px apart", () => {
      const lines = texts(socialCardSvg({ ...base, title: TITLE, chart: chartSvg(720, 300) })).filter((l) => l.size === 44);
      expect(lines.map((l) => l.y)).toEqual([157, 210]);
      expect(lines.every((l) => l.bold && l.fill === INK)).toBe(true);
      expect(lines[1]!.text.endsWith("…")).toBe(true);
      for (const l of lines) expect(textWidth(l.text, 44, true)).toBeLessThanOrEqual(COLUMN);
    });

    it("draws the chart under the lines, centred, as large as fits above the foot", () => {
      // One title line at 157, lines at 218 and 260: the chart starts 10 px above where a third line would sit.
      const tall = placed({ ...base, chart: chartSvg(720, 300) });
      expect(tall.y).toBe(292);
      expect(tall.bottom).toBeCloseTo(CARD.height - 64, 0);
      expect(tall.bottom).toBeLessThanOrEqual(CARD.height - 64 + 0.2);
      expect((tall.x + tall.right) / 2).toBeCloseTo(LEFT + COLUMN / 2, 0);
      expect(tall.x).toBeGreaterThan(LEFT);

      const wide = placed({ ...base, chart: chartSvg(3000, 300) });
      expect(wide.x).toBeCloseTo(LEFT, 1);
      // The scale is written to three decimals: within 1.5 px of the margin at 3000 px.
      expect(Math.abs(wide.right - (LEFT + COLUMN))).toBeLessThanOrEqual(1.5);
      expect(wide.bottom).toBeLessThan(CARD.height - 64);
      // The site's address stays at the foot, below the chart.
      expect(texts(wide.svg).at(-1)).toEqual({ x: LEFT, y: 600, size: 24, bold: false, fill: MUTED, text: "circularity.example" });
    });

    it("draws the chart's text dark, since currentColor means nothing on a card", () => {
      const { svg } = placed({ ...base, chart: chartSvg(720, 300) });
      expect(svg).not.toContain("currentColor");
    });
  });
});

/** Width, height and the RGB of each pixel of an indexed, unfiltered PNG (what socialCardPng writes). */
function decodeIndexed(png: Uint8Array): { width: number; height: number; rgb: (x: number, y: number) => string } {
  const buf = Buffer.from(png);
  let at = 8;
  let palette = Buffer.alloc(0);
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  while (at < buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString("latin1", at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 3]);
    } else if (type === "PLTE") palette = data;
    else if (type === "IDAT") idat.push(data);
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  expect(rows.length).toBe((width + 1) * height);
  const rgb = (x: number, y: number) => {
    const row = y * (width + 1);
    expect(rows[row]).toBe(0);
    const i = rows[row + 1 + x]! * 3;
    return "#" + [...palette.subarray(i, i + 3)].map((c) => c.toString(16).padStart(2, "0")).join("");
  };
  return { width, height, rgb };
}

describe("a card's PNG", () => {
  it("is 1200 × 628 by default and 600 × 314 for a record page's card, in at most 256 colours", () => {
    const large = decodeIndexed(socialCardPng(base));
    expect([large.width, large.height]).toEqual([1200, 628]);
    const small = decodeIndexed(socialCardPng(base, 600));
    expect([small.width, small.height]).toEqual([600, 314]);
  });

  it("is white with the accent bar down its left edge", () => {
    const { rgb } = decodeIndexed(socialCardPng(base, 600));
    expect(rgb(3, 150)).toBe("#3366aa"); // #2b6cb0 at 16 levels a channel
    expect(rgb(590, 10)).toBe("#ffffff");
    expect(rgb(300, 300)).toBe("#ffffff");
  });
});
