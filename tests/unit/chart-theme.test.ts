// The charts' shared visual language (src/charts/theme.ts), checked as a reader meets it: colour keys that read on
// both page backgrounds and mean one thing each, legends that list what is plotted, labels in words, and the phone
// bar-chart layout, whose names, bars and value labels must stay on the canvas and clear of each other.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import {
  BASIS_COLOR,
  BASIS_SCALE,
  COMPACT_MARGIN_LEFT,
  COMPACT_NAME_DX,
  ERA_COLOR,
  INSTRUMENT_COLOR,
  TYPE_COLOR,
  TYPE_LABEL,
  barEndLabels,
  barInset,
  barRows,
  barValueAxis,
  barY,
  baseStyle,
  basisLegend,
  compactBarLabels,
  fittedDomainMax,
  fontSize,
  horizontalBarFrame,
  marginForNames,
  shortName,
  twoLineAxisMargin,
  usdTick,
} from "../../src/charts/theme.ts";
import { textWidth } from "../../src/charts/text-width.ts";
import { plotToSvg } from "../../src/render/plot-to-svg.ts";
import { Basis, DealType, FinancingInstrument } from "../../src/schemas/dataset.ts";
import { BASIS_LABEL } from "../../src/dataset/labels.ts";

const PHONE = 300;
/** Names on a phone are drawn bold at the phone's font size. */
const nameWidth = (text: string) => textWidth(text, 13, true);

// ---- Colour ------------------------------------------------------------------------------------------------------

/** The page background, light and dark, as the site's stylesheet sets it. */
function pageBackgrounds(): { light: string; dark: string } {
  const css = readFileSync(join(import.meta.dirname, "..", "..", "src", "styles", "global.css"), "utf8");
  const match = /--bg:\s*light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)/i.exec(css);
  if (!match) throw new Error("global.css sets no --bg: light-dark(#light, #dark)");
  return { light: match[1]!, dark: match[2]! };
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const COLOUR_KEYS: [string, readonly string[], Record<string, string>][] = [
  ["basis", Basis.options, BASIS_COLOR],
  ["deal type", DealType.options, TYPE_COLOR],
  ["financing instrument", FinancingInstrument.options, INSTRUMENT_COLOR],
  ["era", ["ai-2020s", "telecom-1990s"], ERA_COLOR],
];

describe("colour keys", () => {
  it("reads the two page backgrounds from the stylesheet, the light one light and the dark one dark", () => {
    const { light, dark } = pageBackgrounds();
    expect(luminance(light)).toBeGreaterThan(0.8);
    expect(luminance(dark)).toBeLessThan(0.05);
  });

  it.each(COLOUR_KEYS)("gives every %s a colour with 3:1 contrast on the light and the dark page", (_name, keys, colors) => {
    const { light, dark } = pageBackgrounds();
    for (const key of keys) {
      const color = colors[key];
      expect(color, key).toMatch(/^#[0-9a-f]{6}$/i);
      expect(contrast(color!, light), `${key} on ${light}`).toBeGreaterThanOrEqual(3);
      expect(contrast(color!, dark), `${key} on ${dark}`).toBeGreaterThanOrEqual(3);
    }
    expect(Object.keys(colors).sort()).toEqual([...keys].sort());
  });

  it.each(COLOUR_KEYS)("tells every %s apart by its colour", (_name, keys, colors) => {
    expect(new Set(keys.map((k) => colors[k])).size).toBe(keys.length);
  });

  it("colours a basis channel with each basis's own colour, in the bases' order", () => {
    expect(BASIS_SCALE.domain).toEqual(["committed", "up-to", "reported", "estimated"]);
    expect(BASIS_SCALE.range).toEqual(BASIS_SCALE.domain.map((b) => BASIS_COLOR[b as keyof typeof BASIS_COLOR]));
  });
});

describe("a basis legend", () => {
  const item = (basis: keyof typeof BASIS_COLOR) => ({ label: BASIS_LABEL[basis], color: BASIS_COLOR[basis] });

  it("lists exactly the bases in the rows, once each, in the bases' order", () => {
    const rows = [{ basis: "estimated" }, { basis: "committed" }, { basis: "estimated" }, { basis: "committed" }];
    expect(basisLegend(rows)).toStrictEqual([item("committed"), item("estimated")]);
  });

  it("lists all four when all four are plotted, and none for no rows", () => {
    const rows = [{ basis: "reported" }, { basis: "up-to" }, { basis: "estimated" }, { basis: "committed" }];
    expect(basisLegend(rows)).toStrictEqual([item("committed"), item("up-to"), item("reported"), item("estimated")]);
    expect(basisLegend([])).toEqual([]);
  });

  it("ignores what is not a basis", () => {
    expect(basisLegend([{ basis: "rumoured" }, { basis: "up-to" }])).toStrictEqual([item("up-to")]);
  });

  it("gives each entry the marks' shape when the chart names one", () => {
    expect(basisLegend([{ basis: "reported" }, { basis: "committed" }], "line")).toStrictEqual([
      { ...item("committed"), shape: "line" },
      { ...item("reported"), shape: "line" },
    ]);
  });
});

describe("words and type", () => {
  it("names every deal type in words: its id in sentence case", () => {
    for (const type of DealType.options) {
      const words = type.replaceAll("-", " ");
      expect(TYPE_LABEL[type]).toBe(words[0]!.toUpperCase() + words.slice(1));
    }
    expect(Object.keys(TYPE_LABEL).sort()).toEqual([...DealType.options].sort());
  });

  it("draws chart text at 12 px or more: 13 px on a phone, 14 px on a desktop, never clipped", () => {
    expect(fontSize(true)).toBe(13);
    expect(fontSize(false)).toBe(14);
    expect(baseStyle(true)).toEqual({ fontSize: "13px", overflow: "visible" });
    expect(baseStyle(false)).toEqual({ fontSize: "14px", overflow: "visible" });
  });

  it("leaves two lines of tick label (2.2 font sizes, rounded up) and 12 px of tick below a two-line axis", () => {
    // 13 × 2.2 = 28.6 → 29; 14 × 2.2 = 30.8 → 31.
    expect(twoLineAxisMargin(true)).toBe(29 + 12);
    expect(twoLineAxisMargin(false)).toBe(31 + 12);
  });

  it("writes dollar ticks short", () => {
    expect([0, 50e9, 1e12, 2.5e9].map(usdTick)).toEqual(["$0", "$50B", "$1T", "$2.5B"]);
  });
});

describe("short names on a phone", () => {
  it("drop a parenthesised aside, however it is spaced", () => {
    expect(shortName("Advanced Micro Devices (AMD)")).toBe("Advanced Micro Devices");
    expect(shortName("Amazon (AWS)")).toBe("Amazon");
    expect(shortName("Foxconn  (Hon Hai)")).toBe("Foxconn");
    expect(shortName("Stargate(UAE)")).toBe("Stargate");
    expect(shortName("(Reported) OpenAI")).toBe("OpenAI");
  });

  it("keep the words either side of an aside in the middle of a name apart", () => {
    // A real entity: the aside used to take both spaces with it ("Meta Prometheuslenders").
    expect(shortName("Meta Prometheus (Project Walleye) lenders")).toBe("Meta Prometheus lenders");
    expect(shortName("River Bend construction lenders (JPMorgan, Goldman Sachs)")).toBe("River Bend construction lenders");
  });

  it("drop a company-form suffix at the end of the name", () => {
    expect(shortName("Akamai Technologies")).toBe("Akamai");
    expect(shortName("Nvidia Corporation")).toBe("Nvidia");
    expect(shortName("CoreWeave Inc.")).toBe("CoreWeave");
    expect(shortName("CoreWeave Inc")).toBe("CoreWeave");
    expect(shortName("CoreWeave, Inc.")).toBe("CoreWeave");
    expect(shortName("CoreWeave Compute Acquisition Co. IV, LLC")).toBe("CoreWeave Compute Acquisition Co. IV");
  });

  it("leave a name alone that only contains a suffix's word, or has none", () => {
    expect(shortName("Micron Technology")).toBe("Micron Technology");
    expect(shortName("Oracle Corporation Japan")).toBe("Oracle Corporation Japan");
    expect(shortName("Applied Technologies Group")).toBe("Applied Technologies Group");
    expect(shortName("Crusoe Incubator")).toBe("Crusoe Incubator");
    expect(shortName("OpenAI")).toBe("OpenAI");
  });
});

// ---- Phone bar rows ---------------------------------------------------------------------------------------------

/** Names start this far from the canvas's left edge: the phone margin, less the names' offset left of the zero line. */
const NAME_START = 6;
/** Lines of a name may be this wide on a phone chart of a width: from NAME_START to 18 px short of the right edge. */
const nameRoom = (width: number) => width - NAME_START - 18;

/** Names of many widths, from words a company name is made of. */
function sweepNames(): string[] {
  const words = ["Global", "Compute", "Infrastructure", "Partners", "Holdings", "Data", "Centre", "Capital", "of", "AI", "Cloud", "Systems", "North", "Fund"];
  const names: string[] = [];
  for (let a = 0; a < words.length; a++)
    for (let b = 0; b < words.length; b++)
      for (let c = 0; c < words.length; c++)
        names.push(`${words[a]} ${words[b]} ${words[c]} ${words[(a + b) % words.length]} ${words[(b + c) % words.length]}`);
  return names;
}

describe("a phone bar chart's rows", () => {
  it("starts its names 6 px in from the left edge", () => {
    expect(COMPACT_MARGIN_LEFT + COMPACT_NAME_DX).toBe(NAME_START);
  });

  it("keeps a one-line layout when every name fits: 42 px rows, bars 18 px down, value labels centred on the bars", () => {
    const rows = barRows({ width: PHONE, compact: true }, ["Nvidia", "Microsoft", "OpenAI"]);
    expect(rows).toMatchObject({ width: PHONE, compact: true, row: 42, inset: 18, nameLines: 1 });
    // The bar fills its row below the inset; a value label centred on it sits half the inset below the row's middle.
    expect(rows.valueDy).toBe(rows.inset / 2);
    expect(rows.name("Microsoft")).toBe("Microsoft");
  });

  it("wraps every name to lines that fit the phone chart, and only where the next word would not fit", () => {
    const room = nameRoom(PHONE);
    const names = sweepNames().filter((n) => nameWidth(n) > room - 60 && nameWidth(n) < room + 60);
    // The sweep has names just inside the room and just past it.
    expect(names.some((n) => nameWidth(n) > room && nameWidth(n) <= room + 4)).toBe(true);
    expect(names.some((n) => nameWidth(n) <= room && nameWidth(n) > room - 4)).toBe(true);
    for (const name of names) {
      const rows = barRows({ width: PHONE, compact: true }, [name]);
      const lines = rows.name(name).split("\n");
      expect(lines.join(" ")).toBe(name);
      expect(lines.length).toBe(nameWidth(name) <= room ? 1 : 2);
      for (const line of lines) expect(nameWidth(line), `"${line}"`).toBeLessThanOrEqual(room);
      if (lines.length === 2) expect(nameWidth(`${lines[0]} ${lines[1]!.split(" ")[0]}`), name).toBeGreaterThan(room);
    }
  });

  it("grows every row by a 16 px line when one name takes two, moving bars and value labels down with it", () => {
    const long = "Abilene data-centre joint venture lenders and partners";
    expect(nameWidth(long)).toBeGreaterThan(nameRoom(PHONE));
    const one = barRows({ width: PHONE, compact: true }, ["Nvidia"]);
    const two = barRows({ width: PHONE, compact: true }, ["Nvidia", long]);
    expect(two.nameLines).toBe(2);
    expect(two.row - one.row).toBe(16);
    expect(two.inset - one.inset).toBe(16);
    // The bar keeps its thickness, and its value label stays centred on it.
    expect(two.row - two.inset).toBe(one.row - one.inset);
    expect(two.valueDy).toBe(two.inset / 2);
    expect(two.name(long)).toBe("Abilene data-centre joint venture\nlenders and partners");
    expect(two.name("Nvidia")).toBe("Nvidia");
  });

  it("wraps to the room of its own width", () => {
    const name = "Compute Infrastructure Partners";
    const width = Math.ceil(nameWidth(name)) + NAME_START + 18;
    expect(barRows({ width, compact: true }, [name]).nameLines).toBe(1);
    expect(barRows({ width: width - 1, compact: true }, [name]).nameLines).toBe(2);
  });

  it("refuses a name that needs a third line, naming it and the chart's width", () => {
    const long = "Abilene data-centre joint venture lenders and partners of the Crusoe, Blue Owl and Primary Digital build";
    expect(() => barRows({ width: PHONE, compact: true }, ["Nvidia", long])).toThrow(`a name is too long for two lines of a 300 px phone chart: "${long}"`);
  });

  it("wraps and shows the phone's short form of each name, and of a name it was not given", () => {
    const rows = barRows({ width: PHONE, compact: true }, ["Advanced Micro Devices (AMD)"], { phoneName: shortName });
    expect(rows.name("Advanced Micro Devices (AMD)")).toBe("Advanced Micro Devices");
    expect(rows.name("Amazon (AWS)")).toBe("Amazon");
    // A phone name that fits though the full one would not.
    const full = "Tata Consultancy Services (HyperVault data-centre platform)";
    expect(nameWidth(full)).toBeGreaterThan(nameRoom(PHONE));
    expect(barRows({ width: PHONE, compact: true }, [full], { phoneName: shortName }).nameLines).toBe(1);
  });

  it("on a desktop, keeps names in the margin: 28 px rows unless the chart asks for others, nothing inset", () => {
    const long = "Abilene data-centre joint venture lenders and partners of the Crusoe, Blue Owl and Primary Digital build";
    const rows = barRows({ width: 720, compact: false }, ["Nvidia", long]);
    expect(rows).toMatchObject({ width: 720, compact: false, row: 28, inset: 0, valueDy: 0, nameLines: 1 });
    expect(rows.name(long)).toBe(long);
    expect(barRows({ width: 720, compact: false }, ["Nvidia"], { row: 36 }).row).toBe(36);
    expect(barRows({ width: 720, compact: false }, ["A (B)"], { phoneName: shortName }).name("A (B)")).toBe("A");
  });

  it("insets the bars only on a phone", () => {
    expect(barInset(barRows({ width: PHONE, compact: true }, ["Nvidia"]))).toEqual({ insetTop: 18 });
    expect(barInset(barRows({ width: 720, compact: false }, ["Nvidia"]))).toEqual({});
  });

  it("gives the y scale an axis of names on a desktop and none on a phone", () => {
    const domain = ["Nvidia", "OpenAI"];
    expect(barY(domain, true)).toEqual({ label: null, domain, axis: null });
    const desktop = barY(domain, false, (n) => n.toUpperCase());
    expect(desktop).toMatchObject({ label: null, domain });
    expect(domain.map(desktop.tickFormat!)).toEqual(["NVIDIA", "OPENAI"]);
    expect(domain.map(barY(domain, false).tickFormat!)).toEqual(domain);
  });
});

// ---- A drawn phone bar chart --------------------------------------------------------------------------------------

type Box = { x: number; y: number };

/** Sum of the translate() offsets of an element and its ancestors: where Plot put it on the canvas. */
function position(el: Element): Box {
  let x = 0;
  let y = 0;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const m = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(node.getAttribute("transform") ?? "");
    if (m) {
      x += Number(m[1]);
      y += Number(m[2]);
    }
  }
  return { x, y };
}

/** An attribute's value as the element inherits it: its own or its nearest ancestor's, skipping "inherit". */
function inherited(el: Element, attribute: string): string | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const value = node.getAttribute(attribute);
    if (value !== null && value !== "inherit") return value;
  }
  return null;
}

type Row = { name: string; usd: number };

/** A phone bar chart drawn as the site draws it, with names above the bars, linked, and values at the bar ends. */
function drawPhoneChart(data: Row[]) {
  const domain = data.map((d) => d.name);
  const rows = barRows({ width: PHONE, compact: true }, domain);
  const text = (d: Row) => usdTick(d.usd);
  const max = Math.max(...data.map((d) => d.usd));
  const frame = horizontalBarFrame(rows, domain, {
    marginLeft: 0,
    x: barValueAxis(true, max, usdTick, { labels: data.map((d) => ({ value: d.usd, text: text(d) })), width: PHONE, marginRight: 24 }),
  });
  const { svg } = plotToSvg(
    {
      ...frame,
      marks: [
        Plot.barX(data, { x: "usd", y: "name", ...barInset(rows) }),
        compactBarLabels(domain, rows, (name) => `/companies/${name.toLowerCase().replaceAll(" ", "-")}/`),
        barEndLabels(data, { x: "usd", y: "name", text }, rows),
      ],
    },
    "phone-test",
    "test chart",
  );
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const texts = [...document.querySelectorAll("text")] as unknown as Element[];
  const bars = ([...document.querySelectorAll("rect")] as unknown as Element[]).map((r) => ({
    x: Number(r.getAttribute("x")),
    y: Number(r.getAttribute("y")),
    width: Number(r.getAttribute("width")),
    height: Number(r.getAttribute("height")),
  }));
  return { rows, texts, bars, data, text };
}

/** The text element whose lines are the name. */
function nameText(texts: Element[], name: string): Element {
  const found = texts.find((t) => {
    const spans = [...t.querySelectorAll("tspan")];
    return (spans.length ? spans.map((s) => s.textContent).join(" ") : t.textContent) === name;
  });
  if (!found) throw new Error(`no text draws "${name}"`);
  return found;
}

describe("a drawn phone bar chart", () => {
  const ONE_LINE: Row[] = [
    { name: "Nvidia", usd: 100e9 },
    { name: "Microsoft", usd: 38e9 },
    { name: "Amazon", usd: 4e9 },
  ];
  const TWO_LINES: Row[] = [
    { name: "Nvidia", usd: 100e9 },
    { name: "Abilene data-centre joint venture lenders and partners", usd: 18e9 },
  ];

  it.each([
    ["one-line", ONE_LINE],
    ["two-line", TWO_LINES],
  ])("draws each name of a %s layout whole, from the left, above its own bar and linked", (_name, data) => {
    const { rows, texts, bars } = drawPhoneChart(data);
    expect(bars).toHaveLength(data.length);
    data.forEach((row, i) => {
      const text = nameText(texts, rows.name(row.name).replaceAll("\n", " "));
      const at = position(text);
      expect(inherited(text, "text-anchor"), row.name).toBe("start");
      expect(at.x).toBe(NAME_START);
      expect(text.parentElement!.tagName.toLowerCase()).toBe("a");
      expect(text.parentElement!.getAttribute("href")).toBe(`/companies/${row.name.toLowerCase().replaceAll(" ", "-")}/`);
      expect(inherited(text, "fill")).toBe("currentColor");
      // The lines are centred on `at.y`, 16 px apart; the last one's lower half (half a 13 px line) clears the bar.
      const lines = rows.name(row.name).split("\n").length;
      const lastLineMiddle = at.y + ((rows.nameLines - 1) / 2) * 16 - ((rows.nameLines - lines) / 2) * 16;
      expect(lastLineMiddle + 13 / 2, row.name).toBeLessThanOrEqual(bars[i]!.y);
      // And above the bar of the row before, if any.
      if (i > 0) expect(at.y - ((lines - 1) / 2) * 16 - 13 / 2).toBeGreaterThanOrEqual(bars[i - 1]!.y + bars[i - 1]!.height);
    });
  });

  it("spaces a wrapped name's two lines 16 px apart, the line each row grew by", () => {
    const { rows, texts } = drawPhoneChart(TWO_LINES);
    const text = nameText(texts, TWO_LINES[1]!.name);
    const spans = [...text.querySelectorAll("tspan")];
    expect(rows.name(TWO_LINES[1]!.name).split("\n")).toEqual(spans.map((s) => s.textContent));
    const dy = /^([\d.]+)em$/.exec(spans[1]!.getAttribute("dy") ?? "");
    expect(Number(dy![1]) * 13).toBeCloseTo(16, 6);
  });

  it.each([
    ["one-line", ONE_LINE],
    ["two-line", TWO_LINES],
  ])("writes each value of a %s layout just past its bar's end, level with its middle, inside the canvas", (_name, data) => {
    const { texts, bars, text } = drawPhoneChart(data);
    data.forEach((row, i) => {
      // The last text of the figure: the axis, drawn first, may show the same one.
      const label = texts.findLast((t) => t.textContent === text(row))!;
      expect(label, text(row)).toBeDefined();
      const at = position(label);
      const bar = bars[i]!;
      expect(inherited(label, "text-anchor")).toBe("start");
      expect(at.x).toBeCloseTo(bar.x + bar.width + 4, 6);
      expect(at.y).toBeCloseTo(bar.y + bar.height / 2, 6);
      expect(at.x + textWidth(text(row), 13)).toBeLessThanOrEqual(PHONE);
    });
  });
});

// ---- Margins and the value axis ----------------------------------------------------------------------------------

describe("a desktop name margin", () => {
  const NAMES = ["Nvidia", "Abilene data-centre joint venture", "OpenAI"];

  it("fits the widest name at the desktop size, with 14 px for tick and padding", () => {
    const widest = textWidth("Abilene data-centre joint venture", 14);
    expect(marginForNames(NAMES)).toBe(Math.ceil(widest) + 14);
    expect(marginForNames(NAMES)).toBeGreaterThanOrEqual(widest + 9);
  });

  it("measures at the phone size when asked", () => {
    expect(marginForNames(NAMES, true)).toBe(Math.ceil(textWidth("Abilene data-centre joint venture", 13)) + 14);
    expect(marginForNames(NAMES, true)).toBeLessThan(marginForNames(NAMES));
  });

  it("is never less than the chart's minimum, nor less than the tick with no names", () => {
    expect(marginForNames(NAMES, false, 400)).toBe(400);
    expect(marginForNames(NAMES, false, 10)).toBe(marginForNames(NAMES));
    expect(marginForNames([])).toBe(14);
  });
});

type Fit = { labels: { value: number; text: string }[]; width: number; marginRight: number };

/** Where a label ends, in px from the plot's left edge, when the axis runs to domainMax over `range` px. */
const labelEnd = (label: { value: number; text: string }, domainMax: number, range: number) =>
  (label.value * range) / domainMax + 6 + textWidth(label.text, 13);

describe("a phone bar chart's value axis fitted to its labels", () => {
  const FITS: [string, Fit][] = [
    [
      "long labels on short bars",
      {
        labels: [
          { value: 100e9, text: "$100B" },
          { value: 90e9, text: "$90B up to, estimated" },
          { value: 5e9, text: "$5B" },
        ],
        width: PHONE,
        marginRight: 24,
      },
    ],
    ["one bar", { labels: [{ value: 38e9, text: "$38B" }], width: PHONE, marginRight: 24 }],
    [
      "a wide right margin",
      {
        labels: [
          { value: 10e9, text: "$10B" },
          { value: 9.5e9, text: "$9.5B (2 deals)" },
        ],
        width: PHONE,
        marginRight: 60,
      },
    ],
  ];

  it.each(FITS)("keeps every label inside the plot, at the smallest such domain: %s", (_name, fit) => {
    const max = Math.max(...fit.labels.map((l) => l.value));
    const range = fit.width - 14 - fit.marginRight;
    const domainMax = fittedDomainMax(max, fit);
    // The longest bar always leaves 5% of the axis.
    expect(domainMax).toBeGreaterThanOrEqual(max * 1.05);
    for (const label of fit.labels) expect(labelEnd(label, domainMax, range), label.text).toBeLessThanOrEqual(range + 1e-9);
    // Smallest: at a domain any shorter, the 5% rule or some label would break.
    const shorter = domainMax * (1 - 1e-9);
    const breaks = shorter < max * 1.05 || fit.labels.some((l) => labelEnd(l, shorter, range) > range);
    expect(breaks).toBe(true);
  });

  it("leaves the longest bar 5% when the labels are short", () => {
    expect(fittedDomainMax(100, { labels: [{ value: 100, text: "1" }], width: 2000, marginRight: 24 })).toBeCloseTo(105, 9);
  });

  it("stretches the axis for a label that would otherwise run off the plot", () => {
    const fit = { labels: [{ value: 100e9, text: "$100B, the largest of all" }], width: PHONE, marginRight: 24 };
    expect(fittedDomainMax(100e9, fit)).toBeGreaterThan(100e9 * 1.45);
  });

  it("refuses a label wider than the plot, naming it and the width", () => {
    const fit = {
      labels: [
        { value: 1, text: "$1B" },
        { value: 2, text: "a label far too long to sit beside any bar of a phone chart" },
      ],
      width: PHONE,
      marginRight: 24,
    };
    expect(() => fittedDomainMax(2, fit)).toThrow('bar label "a label far too long to sit beside any bar of a phone chart" is wider than a 300 px phone chart');
  });

  it("refuses a label that would leave its bar no room at all", () => {
    // "…" is exactly 13 px wide at 13 px: the plot of 57 − 14 − 24 = 19 px holds the 6 px gap and the label, no bar.
    expect(textWidth("…", 13)).toBe(13);
    expect(() => fittedDomainMax(1, { labels: [{ value: 1, text: "…" }], width: 57, marginRight: 24 })).toThrow(
      'bar label "…" is wider than a 57 px phone chart',
    );
  });

  it("is the axis's domain on a phone; a desktop, or a phone without the labels, gives the longest bar 5% or 45%", () => {
    const fit = FITS[0]![1];
    expect(barValueAxis(true, 100e9, usdTick, fit).domain).toEqual([0, fittedDomainMax(100e9, fit)]);
    expect(barValueAxis(true, 100).domain[1]).toBeCloseTo(145, 9);
    expect(barValueAxis(false, 100).domain[1]).toBeCloseTo(105, 9);
    expect(barValueAxis(false, 100, usdTick, fit).domain[1]).toBeCloseTo(105, 9);
  });

  it("draws the value axis on top, with gridlines, 3 ticks on a phone and 5 on a desktop, in dollars unless told", () => {
    const phone = barValueAxis(true, 100);
    const desktop = barValueAxis(false, 100, (d) => `${d} GW`);
    expect(phone).toMatchObject({ label: null, ticks: 3, grid: true, axis: "top" });
    expect(desktop).toMatchObject({ label: null, ticks: 5, grid: true, axis: "top" });
    expect(phone.tickFormat(50e9)).toBe("$50B");
    expect(desktop.tickFormat(5)).toBe("5 GW");
  });
});

describe("a horizontal bar chart's frame", () => {
  const DOMAIN = ["Nvidia", "Abilene data-centre joint venture", "OpenAI"];

  it("is as tall as its rows, plus 40 px for the axis unless told otherwise", () => {
    const desktop = barRows({ width: 720, compact: false }, DOMAIN);
    expect(horizontalBarFrame(desktop, DOMAIN, { marginLeft: 100 }).height).toBe(40 + 3 * 28);
    expect(horizontalBarFrame(desktop, DOMAIN, { marginLeft: 100, extraHeight: 10 }).height).toBe(10 + 3 * 28);
    const phone = barRows({ width: PHONE, compact: true }, DOMAIN);
    expect(horizontalBarFrame(phone, DOMAIN, { marginLeft: 100 }).height).toBe(40 + 3 * 42);
  });

  it("puts desktop names in a margin that fits them, and phone names above the bars", () => {
    const desktop = horizontalBarFrame(barRows({ width: 720, compact: false }, DOMAIN), DOMAIN, { marginLeft: 100 });
    expect(desktop.marginLeft).toBe(Math.ceil(textWidth("Abilene data-centre joint venture", 14)) + 14);
    expect(horizontalBarFrame(barRows({ width: 720, compact: false }, DOMAIN), DOMAIN, { marginLeft: 400 }).marginLeft).toBe(400);
    expect(desktop.y).toEqual({ label: null, domain: DOMAIN, tickFormat: expect.any(Function) });
    const phone = horizontalBarFrame(barRows({ width: PHONE, compact: true }, DOMAIN), DOMAIN, { marginLeft: 400 });
    expect(phone.marginLeft).toBe(14);
    expect(phone.y).toEqual({ label: null, domain: DOMAIN, axis: null });
  });

  it("keeps 24 px on the right for the last tick's label unless told otherwise, at the rendition's size and font", () => {
    const rows = barRows({ width: 720, compact: false }, DOMAIN);
    const frame = horizontalBarFrame(rows, DOMAIN, { marginLeft: 100 });
    expect(frame).toMatchObject({ width: 720, marginRight: 24, style: { fontSize: "14px", overflow: "visible" } });
    expect(horizontalBarFrame(rows, DOMAIN, { marginLeft: 100, marginRight: 60 }).marginRight).toBe(60);
    expect(horizontalBarFrame(barRows({ width: PHONE, compact: true }, DOMAIN), DOMAIN, { marginLeft: 0 }).style).toEqual({
      fontSize: "13px",
      overflow: "visible",
    });
  });

  it("draws a dollar axis on top with gridlines, 3 ticks on a phone and 6 on a desktop, unless given another", () => {
    const desktop = horizontalBarFrame(barRows({ width: 720, compact: false }, DOMAIN), DOMAIN, { marginLeft: 0 }).x as Record<string, unknown>;
    const phone = horizontalBarFrame(barRows({ width: PHONE, compact: true }, DOMAIN), DOMAIN, { marginLeft: 0 }).x as Record<string, unknown>;
    expect(desktop).toEqual({ label: null, tickFormat: usdTick, ticks: 6, grid: true, axis: "top" });
    expect(phone).toEqual({ label: null, tickFormat: usdTick, ticks: 3, grid: true, axis: "top" });
    const x = { label: null, ticks: 4 };
    expect(horizontalBarFrame(barRows({ width: 720, compact: false }, DOMAIN), DOMAIN, { marginLeft: 0, x }).x).toBe(x);
  });
});
