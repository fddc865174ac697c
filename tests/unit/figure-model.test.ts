// What a downloaded chart figure shows a reader, checked on small hand-made charts: its lines of text in reading
// order, each sitting in its own line of the figure's vertical rhythm, wrapped inside the margins; the legend's keys
// and labels side by side and wrapped into rows; the chart placed between them and a full-width rule; the credit
// and pinned URL (broken after slashes); and the building blocks other drawings reuse (chartGroup, legend icons,
// word wrap and text measurement).
import { describe, expect, it } from "vitest";
import { Resvg } from "@resvg/resvg-js";
import { chartGroup, figureSvg, legendKeyIcon, measure, wrap, type FigureCredit, type FigureSource } from "../../src/render/figure.ts";
import { FIGURE_FONT, FONT_OPTIONS } from "../../src/render/png.ts";
import type { LegendItem } from "../../src/charts/types.ts";
import { svgTextLines, unescapeXml, type SvgTextLine } from "../helpers/svg-text.ts";

const PAD = 24;
const INK = "#16181d";
const MUTED = "#4a4f59";
/** The figure's type scale: font size and the height of one line of each kind of text. */
const TITLE = { size: 20, bold: true, lead: 26 } as const;
const SUBTITLE = { size: 14, bold: false, lead: 19 } as const;
const LEGEND = { size: 13, bold: false, lead: 20 } as const;
const NOTE = { size: 12, bold: false, lead: 16 } as const;

/** A plot with no text of its own: a filled box the size of the drawing, in Plot's currentColor. */
function plot(width: number, height: number): FigureSource["wide"] {
  return {
    svg: `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect x="0" y="0" width="${width}" height="${height}" fill="currentColor"/></svg>`,
    width,
    height,
  };
}

function source(overrides: Partial<FigureSource> = {}): FigureSource {
  return {
    title: "Typography of jumpy quarters",
    subtitle: "Quarterly deals, by type (gauged yearly)",
    sourceNote: "Company filings; Typography quarterly.",
    version: "1.2.3",
    legend: [],
    wide: plot(600, 100),
    ...overrides,
  };
}

const CREDIT: FigureCredit = { site: "Circularity", licence: "CC BY 4.0", pinnedUrl: "https://circularity.report/charts/deals-by-quarter/v1.2.3/" };

/** The figure without the chart drawn in it: only what the figure itself adds. */
const withoutChart = (svg: string) => svg.replace(/<g transform="[^"]*"[^>]*>[\s\S]*?<\/g>/, "");

/** The figure's own lines of text, in document (reading) order. */
function textLines(svg: string): SvgTextLine[] {
  return svgTextLines(withoutChart(svg));
}

type Box = { left: number; top: number; right: number; bottom: number };

/** Where one mark's ink lands, drawn alone by the renderer the PNG uses. */
function ink(node: string): Box {
  const box = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="2000" font-family="${FIGURE_FONT}">${node}</svg>`, {
    font: FONT_OPTIONS,
  }).getBBox();
  if (!box) throw new Error(`nothing drawn: ${node}`);
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
}

/**
 * The figure's vertical rhythm: lines of text stacked from the top margin, each as tall as its style's lead; two
 * pixels between title and subtitle; 8 before the legend rows; 12 either side of the chart; the rule; 4 below it;
 * the three note lines (source, credit, pinned URL); and the bottom margin.
 */
function rhythm(counts: { title: number; subtitle: number; legendRows: number; plotHeight: number; notes: number }) {
  const lines: { top: number; bottom: number }[] = [];
  let y = PAD;
  const stack = (n: number, lead: number) => {
    for (let i = 0; i < n; i++) lines.push({ top: y, bottom: (y += lead) });
  };
  stack(counts.title, TITLE.lead);
  y += 2;
  stack(counts.subtitle, SUBTITLE.lead);
  const legendStart = lines.length;
  if (counts.legendRows) {
    y += 8;
    stack(counts.legendRows, LEGEND.lead);
  }
  const legendRows = lines.slice(legendStart);
  y += 12;
  const chartTop = y;
  y += counts.plotHeight + 12;
  const rule = y;
  y += 4;
  const noteStart = lines.length;
  stack(counts.notes, NOTE.lead);
  return { textLines: lines, legendRows, notes: lines.slice(noteStart), chartTop, rule, height: Math.ceil(y + PAD) };
}

/** How many lines of title, subtitle and notes a figure drew. */
function lineCounts(svg: string) {
  const lines = textLines(svg);
  const count = (style: { size: number }) => lines.filter((t) => t.size === style.size).length;
  return { title: count(TITLE), subtitle: count(SUBTITLE), notes: count(NOTE) };
}

const within = (inner: Box, outer: { top: number; bottom: number }) => inner.top >= outer.top && inner.bottom <= outer.bottom;

describe("a chart figure, read top to bottom", () => {
  const legend: LegendItem[] = [
    { label: "Equity (gy)", color: "#111111" },
    { label: "Typography", color: "#222222", shape: "line" },
  ];
  const figure = figureSvg(source({ legend }), CREDIT);

  it("says what it is, what the colours mean, where the data came from, under what licence and where it lives", () => {
    expect(textLines(figure.svg).map((t) => t.text)).toEqual([
      "Typography of jumpy quarters",
      "Quarterly deals, by type (gauged yearly)",
      "Equity (gy)",
      "Typography",
      "Source: Company filings; Typography quarterly.",
      "Circularity · dataset v1.2.3 · CC BY 4.0",
      "https://circularity.report/charts/deals-by-quarter/v1.2.3/",
    ]);
    // Nothing else is written on the figure: all its text is in those lines (the plot here has none).
    expect(
      figure.svg
        .replace(/<title>[\s\S]*?<\/title>/, "")
        .replace(/<[^>]+>/g, "\n")
        .split("\n")
        .filter(Boolean)
        .map(unescapeXml),
    ).toEqual(textLines(figure.svg).map((t) => t.text));
  });

  it("is a standalone SVG the size of the chart plus margins, named by its title, on a white background", () => {
    expect(figure.width).toBe(600 + 2 * PAD);
    expect(
      figure.svg.startsWith(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${figure.width}" height="${figure.height}" viewBox="0 0 ${figure.width} ${figure.height}" font-family="${FIGURE_FONT}">` +
          `<title>Typography of jumpy quarters</title><rect width="100%" height="100%" fill="#ffffff"/>`,
      ),
    ).toBe(true);
    expect(figure.svg.endsWith("</svg>")).toBe(true);
  });

  it("sets the title bold and large, the subtitle and notes smaller in a muted grey, the legend in ink", () => {
    const lines = textLines(figure.svg);
    expect(lines.map((t) => [t.size, t.bold, t.fill])).toEqual([
      [TITLE.size, true, INK],
      [SUBTITLE.size, false, MUTED],
      [LEGEND.size, false, INK],
      [LEGEND.size, false, INK],
      [NOTE.size, false, MUTED],
      [NOTE.size, false, MUTED],
      [NOTE.size, false, MUTED],
    ]);
    for (const line of [lines[0]!, lines[1]!, ...lines.slice(4)]) expect(line.x, line.text).toBe(PAD);
  });

  it("keeps each line's letters, ascenders to descenders, inside that line's own slot of the rhythm", () => {
    const r = rhythm({ title: 1, subtitle: 1, legendRows: 1, plotHeight: 100, notes: 3 });
    const lines = textLines(figure.svg);
    const slots = [r.textLines[0]!, r.textLines[1]!, r.legendRows[0]!, r.legendRows[0]!, ...r.notes];
    expect(lines).toHaveLength(slots.length);
    lines.forEach((line, i) => {
      const box = ink(line.node);
      expect(within(box, slots[i]!), `${line.text}: ink ${box.top}–${box.bottom}, slot ${slots[i]!.top}–${slots[i]!.bottom}`).toBe(true);
    });
    expect(figure.height).toBe(r.height);
  });

  it("places the chart below the legend at the left margin, and rules it off from the notes across the full width", () => {
    const r = rhythm({ title: 1, subtitle: 1, legendRows: 1, plotHeight: 100, notes: 3 });
    expect(figure.svg).toContain(`<g transform="translate(${PAD},${r.chartTop})" fill="${INK}"`);
    expect(figure.svg).toContain(`<line x1="${PAD}" x2="${figure.width - PAD}" y1="${r.rule}" y2="${r.rule}" stroke="#c9ccd2" stroke-width="1"/>`);
  });

  it("leaves no legend gap when the chart has no legend", () => {
    const bare = figureSvg(source(), CREDIT);
    const r = rhythm({ title: 1, subtitle: 1, legendRows: 0, plotHeight: 100, notes: 3 });
    expect(bare.svg).toContain(`<g transform="translate(${PAD},${r.chartTop})"`);
    expect(bare.height).toBe(r.height);
    expect(textLines(bare.svg)).toHaveLength(5);
  });

  it('escapes markup characters in every line, so a title with & < > " still parses and reads as written', () => {
    const title = `R&D <spend> "per quarter"`;
    const odd = figureSvg(source({ title, sourceNote: "A & B" }), CREDIT);
    expect(odd.svg).toContain(`<title>R&amp;D &lt;spend&gt; &quot;per quarter&quot;</title>`);
    expect(textLines(odd.svg)[0]!.node).toContain(">R&amp;D &lt;spend&gt; &quot;per quarter&quot;</text>");
    expect(textLines(odd.svg).map((t) => t.text)).toContain("Source: A & B");
    expect(new Resvg(odd.svg, { font: FONT_OPTIONS }).getBBox()).toBeDefined();
  });

  it("is drawn the same way every time", () => {
    expect(figureSvg(source({ legend }), CREDIT)).toEqual(figure);
  });
});

describe("the figure's legend", () => {
  it("puts each key at the start of its label, on the label's line, and keys and labels in a row left to right", () => {
    const items: LegendItem[] = ["Apples (big)", "Grapes", "Quarterly jumps"].map((label, i) => ({ label, color: `#00000${i}` }));
    const figure = figureSvg(source({ legend: items }), CREDIT);
    const row = rhythm({ title: 1, subtitle: 1, legendRows: 1, plotHeight: 100, notes: 3 }).legendRows[0]!;
    const keys = [...withoutChart(figure.svg).matchAll(/<rect x="[^"]*" y="[^"]*" width="14" height="14" rx="2" fill="[^"]*"\/>/g)].map((m) => m[0]);
    const labels = textLines(figure.svg).filter((t) => t.size === LEGEND.size);
    expect(labels.map((l) => l.text)).toEqual(["Apples (big)", "Grapes", "Quarterly jumps"]);
    expect(keys).toHaveLength(3);
    const keyBoxes = keys.map(ink);
    const labelBoxes = labels.map((l) => ink(l.node));
    expect(keyBoxes[0]!.left).toBe(PAD);
    keyBoxes.forEach((key, i) => {
      const label = labelBoxes[i]!;
      expect(key.right - key.left).toBe(14);
      expect(within(key, row), `key ${i} in the legend row`).toBe(true);
      expect(within(label, row), `label ${i} in the legend row`).toBe(true);
      // Key and label share the line: each one's vertical extent overlaps the other's middle.
      expect(label.top < (key.top + key.bottom) / 2 && (key.top + key.bottom) / 2 < label.bottom).toBe(true);
      // The label starts just after its key: clear of it, by a few pixels.
      expect(label.left).toBeGreaterThan(key.right);
      expect(label.left - key.right).toBeLessThan(8);
      if (i > 0) {
        // The next key follows the previous label after a gap of about 18 px (plus the measuring margin).
        const gap = key.left - labelBoxes[i - 1]!.right;
        expect(gap).toBeGreaterThanOrEqual(18);
        expect(gap).toBeLessThan(18 + 0.05 * (labelBoxes[i - 1]!.right - labelBoxes[i - 1]!.left) + 2);
      }
    });
  });

  it("draws each key shape inside the legend row", () => {
    const items: LegendItem[] = [
      { label: "swatch", color: "#101010" },
      { label: "line", color: "#202020", shape: "line" },
      { label: "dash", color: "#303030", shape: "dash" },
      { label: "cross", color: "#404040", shape: "cross" },
    ];
    const figure = figureSvg(source({ legend: items }), CREDIT);
    const row = rhythm({ title: 1, subtitle: 1, legendRows: 1, plotHeight: 100, notes: 3 }).legendRows[0]!;
    const svg = withoutChart(figure.svg);
    const marks = [
      /<rect [^>]*fill="#101010"\/>/.exec(svg)?.[0],
      /<rect [^>]*fill="#202020"\/>/.exec(svg)?.[0],
      /<line [^>]*stroke="#303030"[^>]*\/>/.exec(svg)?.[0],
      /<path [^>]*stroke="#404040"[^>]*\/>/.exec(svg)?.[0],
    ];
    const labels = textLines(figure.svg).filter((t) => t.size === LEGEND.size);
    marks.forEach((mark, i) => {
      expect(mark, items[i]!.label).toBeDefined();
      const box = ink(mark!);
      expect(box.top >= row.top && box.bottom <= row.bottom, `${items[i]!.label} key in the row`).toBe(true);
      expect(box.right, `${items[i]!.label} key before its label`).toBeLessThan(ink(labels[i]!.node).left);
    });
  });

  describe("wrapping into rows", () => {
    const items: LegendItem[] = ["Committed", "Up to (ceiling)", "Reported", "Estimated"].map((label) => ({ label, color: "#333333" }));
    /** Where the keys fall on one unbroken row: the fourth key's position less its gap is where the third label ends. */
    const unbroken = figureSvg(source({ legend: items, wide: plot(2000, 50) }), CREDIT);
    const keyX = [...unbroken.svg.matchAll(/<rect x="([\d.]+)" y="[^"]*" width="14" height="14"/g)].map((m) => Number(m[1]));
    const threeItemsEnd = keyX[3]! - 18 - PAD;
    const rowsOf = (plotWidth: number) => {
      const figure = figureSvg(source({ legend: items, wide: plot(plotWidth, 50) }), CREDIT);
      const labels = textLines(figure.svg).filter((t) => t.size === LEGEND.size);
      const ys = [...new Set(labels.map((l) => l.y))];
      return { figure, labels, rows: ys.map((y) => labels.filter((l) => l.y === y).map((l) => l.text)) };
    };

    it("keeps every item on one row when the figure is wide enough", () => {
      expect(keyX).toHaveLength(4);
      expect(rowsOf(2000).rows).toEqual([["Committed", "Up to (ceiling)", "Reported", "Estimated"]]);
    });

    it("fills a row with as many items as fit, even with only a few pixels to spare", () => {
      const { rows, figure, labels } = rowsOf(Math.ceil(threeItemsEnd) + 6);
      expect(rows).toEqual([["Committed", "Up to (ceiling)", "Reported"], ["Estimated"]]);
      for (const label of labels) expect(ink(label.node).right, label.text).toBeLessThanOrEqual(figure.width - PAD);
      // The second row starts again at the left margin, one legend line lower.
      const [first, , , fourth] = labels;
      expect(fourth!.x).toBe(first!.x);
      expect(fourth!.y - first!.y).toBe(LEGEND.lead);
    });

    it("moves an item to the next row when it would cross the right margin by a few pixels", () => {
      const { rows, figure } = rowsOf(Math.floor(threeItemsEnd) - 6);
      expect(rows).toEqual([
        ["Committed", "Up to (ceiling)"],
        ["Reported", "Estimated"],
      ]);
      const r = rhythm({ ...lineCounts(figure.svg), legendRows: 2, plotHeight: 50 });
      expect(figure.svg).toContain(`<g transform="translate(${PAD},${r.chartTop})"`);
    });

    it("keeps an item on a row it fills exactly, to the pixel", () => {
      // A legend item is its 14 px key, 6 px to its label, the label, and 18 px to the next key.
      const pair: LegendItem[] = ["Committed", "Reported"].map((label) => ({ label, color: "#333333" }));
      const [w1, w2] = pair.map((item) => 20 + measure(item.label, LEGEND) + 18);
      const exact = w1! + w2! - 18;
      expect(exact).toBeGreaterThanOrEqual(128);
      expect(exact).toBeLessThan(208);
      const figure = figureSvg(source({ legend: pair, wide: plot(exact, 50) }), CREDIT);
      expect(figure.width - 2 * PAD).toBe(exact);
      const labels = textLines(figure.svg).filter((t) => t.size === LEGEND.size);
      expect(labels.map((l) => l.text)).toEqual(["Committed", "Reported"]);
      expect(labels[1]!.y).toBe(labels[0]!.y);
    });

    it("keeps a single label wider than the figure on the first legend row rather than leaving it empty", () => {
      const long = [{ label: "A legend label far too long to fit beside anything in a narrow figure", color: "#444444" }];
      const figure = figureSvg(source({ title: "T", subtitle: "S", legend: long, wide: plot(120, 40) }), { ...CREDIT, pinnedUrl: "https://x/" });
      const r = rhythm({ title: 1, subtitle: 1, legendRows: 1, plotHeight: 40, notes: textLines(figure.svg).length - 3 });
      const label = textLines(figure.svg)[2]!;
      expect(label.text).toBe(long[0]!.label);
      expect(within(ink(label.node), r.legendRows[0]!)).toBe(true);
      expect(figure.svg).toContain(`<g transform="translate(${PAD},${r.chartTop})"`);
    });
  });
});

describe("wrapping the figure's text", () => {
  const narrow = plot(200, 40);
  const inner = 200;

  it("wraps a long title into lines that each fit between the margins and are as full as they can be", () => {
    const title = "A a title of many short words so it has to run over several lines in a narrow figure of two hundred pixels";
    const figure = figureSvg(source({ title, wide: narrow }), CREDIT);
    const lines = textLines(figure.svg)
      .filter((t) => t.size === TITLE.size)
      .map((t) => t.text);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join(" ")).toBe(title);
    lines.forEach((line, i) => {
      expect(measure(line, TITLE), line).toBeLessThanOrEqual(inner);
      const next = lines[i + 1]?.split(" ")[0];
      if (next) expect(measure(`${line} ${next}`, TITLE), `${line} + ${next}`).toBeGreaterThan(inner);
    });
    const r = rhythm({
      title: lines.length,
      subtitle: textLines(figure.svg).filter((t) => t.size === SUBTITLE.size).length,
      legendRows: 0,
      plotHeight: 40,
      notes: 0,
    });
    textLines(figure.svg)
      .filter((t) => t.size === TITLE.size)
      .forEach((t, i) => expect(t.y, t.text).toBeLessThan(r.textLines[i]!.bottom));
  });

  it("breaks a pinned URL too long for the figure after slashes, each line as full as it can be", () => {
    const url = "https://circularity.report/charts/deals-by-quarter/as-of/2025-12-31/v1.10.0/";
    const figure = figureSvg(source({ wide: narrow }), { ...CREDIT, pinnedUrl: url });
    const all = textLines(figure.svg);
    const start = all.findIndex((t) => t.text.startsWith("https://"));
    const lines = all.slice(start).map((t) => t.text);
    expect(lines.join("")).toBe(url);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThan(url.split("/").length - 1);
    lines.forEach((line, i) => {
      expect(measure(line, NOTE), line).toBeLessThanOrEqual(inner);
      if (i < lines.length - 1) expect(line.endsWith("/"), line).toBe(true);
      const next = lines[i + 1]?.match(/^[^/]*\//)?.[0];
      if (next) expect(measure(line + next, NOTE), `${line} + ${next}`).toBeGreaterThan(inner);
    });
    for (const t of all.slice(start)) expect(t.size).toBe(NOTE.size);
  });

  it("keeps pieces of a URL together on a line they fill exactly", () => {
    const first = "https://circularity.report/";
    const width = measure(first, NOTE);
    // The figure's inner width is the plot's width (plus and minus the margins, exact for a width in [128, 208)).
    expect(width).toBeGreaterThanOrEqual(128);
    expect(width).toBeLessThan(208);
    const figure = figureSvg(source({ wide: plot(width, 40) }), { ...CREDIT, pinnedUrl: `${first}charts/` });
    expect(figure.width - 2 * PAD).toBe(width);
    expect(
      textLines(figure.svg)
        .slice(-2)
        .map((t) => t.text),
    ).toEqual([first, "charts/"]);
  });

  it("keeps a pinned URL that fits on one line whole", () => {
    const figure = figureSvg(source(), CREDIT);
    expect(textLines(figure.svg).at(-1)!.text).toBe(CREDIT.pinnedUrl);
  });

  it("wraps the credit line like any other words", () => {
    const figure = figureSvg(source({ wide: narrow }), { ...CREDIT, licence: "Creative Commons Attribution 4.0 International" });
    const lines = textLines(figure.svg).map((t) => t.text);
    const start = lines.findIndex((l) => l.startsWith("Circularity"));
    const end = lines.findIndex((l) => l.startsWith("https://"));
    expect(end - start).toBeGreaterThan(1);
    expect(lines.slice(start, end).join(" ")).toBe("Circularity · dataset v1.2.3 · Creative Commons Attribution 4.0 International");
  });
});

describe("wrap", () => {
  const style = NOTE;

  it("joins words separated by any run of whitespace with single spaces, dropping leading and trailing space", () => {
    expect(wrap("  one \t two\n\nthree  ", 1000, style)).toEqual(["one two three"]);
  });

  it("returns no lines for empty or blank text", () => {
    expect(wrap("", 100, style)).toEqual([]);
    expect(wrap(" \n ", 100, style)).toEqual([]);
  });

  it("breaks greedily: each line as many words as fit, a word too long for the width on a line of its own", () => {
    const width = measure("ab ab", style);
    expect(wrap("ab ab ab ab ab", width, style)).toEqual(["ab ab", "ab ab", "ab"]);
    expect(wrap("ab ab ab", width - 0.5, style)).toEqual(["ab", "ab", "ab"]);
    expect(wrap("incomprehensibilities is long", 10, style)).toEqual(["incomprehensibilities", "is", "long"]);
  });
});

describe("measure", () => {
  it("is the drawn width of the text in the bundled font, plus a 3% margin for substitute fonts", () => {
    const text = "Typography quarterly";
    const drawn = ink(`<text x="0" y="60" font-size="12">${text}</text>`).right;
    expect(measure(text, { size: 12, bold: false }) / drawn).toBeCloseTo(1.03, 3);
  });

  it("measures bold and larger type wider, and the same text the same each time", () => {
    const text = "Typography quarterly";
    const regular = measure(text, { size: 12, bold: false });
    expect(measure(text, { size: 12, bold: true })).toBeGreaterThan(regular * 1.05);
    expect(measure(text, { size: 20, bold: false })).toBeCloseTo((regular * 20) / 12, -1);
    expect(measure(text, { size: 12, bold: false })).toBe(regular);
  });

  it("measures markup characters as text", () => {
    expect(measure("A & <B>", { size: 12, bold: false })).toBeGreaterThan(measure("A  B", { size: 12, bold: false }));
  });
});

describe("chartGroup (a Plot drawing placed inside another SVG)", () => {
  it("keeps the drawing's content, in ink instead of currentColor, as a group without its own viewport", () => {
    const svg = `<svg width="100" height="50" viewBox="0 0 100 50" style="font-size: 12px"><text fill="currentColor">A</text><path stroke="currentColor" d="M0 0"/></svg>`;
    expect(chartGroup(svg, 24, 30)).toBe(
      `<g transform="translate(24,30)" fill="${INK}" font-size="12" text-anchor="middle"><text fill="${INK}">A</text><path stroke="${INK}" d="M0 0"/></g>`,
    );
  });

  it("takes the type size from the style attribute, which holds the chart's real size, before the font-size attribute", () => {
    const group = (open: string) => /^<g [^>]*font-size="([^"]*)"/.exec(chartGroup(`${open}</svg>`, 0, 0))?.[1];
    expect(group(`<svg font-size="10" style="font: 10px sans; font-size: 13px">`)).toBe("13");
    expect(group(`<svg font-size="10" style="font-size:12.5px">`)).toBe("12.5");
    expect(group(`<svg style="color: red" font-size="11">`)).toBe("11");
    expect(group(`<svg font-size="11">`)).toBe("11");
    expect(group(`<svg width="10">`)).toBe("10");
  });

  it("keeps the drawing's text anchor, or centres text as SVG drawings from Plot do by default", () => {
    const anchor = (open: string) => /text-anchor="([^"]*)"/.exec(chartGroup(`${open}</svg>`, 0, 0))?.[1];
    expect(anchor(`<svg text-anchor="start">`)).toBe("start");
    expect(anchor(`<svg width="10">`)).toBe("middle");
  });

  it("places the drawing unscaled at exactly (x, y), or scaled with its position rounded to a tenth", () => {
    const svg = `<svg width="10"><rect/></svg>`;
    expect(chartGroup(svg, 10.25, 20.04)).toMatch(/^<g transform="translate\(10\.25,20\.04\)" /);
    expect(chartGroup(svg, 10.26, 20.04, 0.123456)).toMatch(/^<g transform="translate\(10\.3,20\) scale\(0\.123\)" /);
    expect(chartGroup(svg, 3, 4, 2)).toMatch(/^<g transform="translate\(3,4\) scale\(2\)" /);
  });

  it("refuses a drawing that does not start with <svg>, saying so", () => {
    expect(() => chartGroup(`<?xml version="1.0"?><svg width="10"></svg>`, 0, 0)).toThrow("figure: chart SVG does not start with <svg>");
    expect(() => chartGroup(`<g></g>`, 0, 0)).toThrow("figure: chart SVG does not start with <svg>");
  });
});

describe("legend key icons (the HTML legend)", () => {
  const icon = (inner: string) => `<svg class="key" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">${inner}</svg>`;

  it("draws a fill as a rounded 14 px square", () => {
    expect(legendKeyIcon({ label: "x", color: "#abcdef" })).toBe(icon(`<rect x="0" y="0" width="14" height="14" rx="2" fill="#abcdef"/>`));
    expect(legendKeyIcon({ label: "x", color: "#abcdef", shape: "swatch" })).toBe(icon(`<rect x="0" y="0" width="14" height="14" rx="2" fill="#abcdef"/>`));
  });

  it("draws a stroke as a 4 px bar across the middle of the square", () => {
    expect(legendKeyIcon({ label: "x", color: "#abcdef", shape: "line" })).toBe(icon(`<rect x="0" y="5" width="14" height="4" fill="#abcdef"/>`));
  });

  it("draws a dashed stroke as a dashed line across the middle", () => {
    expect(legendKeyIcon({ label: "x", color: "#abcdef", shape: "dash" })).toBe(
      icon(`<line x1="0" x2="14" y1="7" y2="7" stroke="#abcdef" stroke-width="2" stroke-dasharray="4 2"/>`),
    );
  });

  it("draws a cross as two diagonals inset 2 px from the corners", () => {
    expect(legendKeyIcon({ label: "x", color: "#abcdef", shape: "cross" })).toBe(icon(`<path d="M2 2L12 12M12 2L2 12" stroke="#abcdef" stroke-width="2"/>`));
  });
});
