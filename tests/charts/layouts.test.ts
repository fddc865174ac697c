// The two charts that place their own labels: the network ring and the deal timeline.
import { describe, expect, it } from "vitest";
import whoFundsWhom, { labelCollisions, networkLayout } from "../../src/charts/who-funds-whom.ts";
import dealTimeline, { sizeKeyValues, timelineLayout, type Box } from "../../src/charts/deal-timeline.ts";
import { shortName } from "../../src/charts/theme.ts";
import { NARROW, WIDE, renderUncached } from "../../src/render/chart-render.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import type { Dataset } from "../../src/schemas/dataset.ts";
import { formatUsd } from "../../src/lib/money.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

const { current } = loadReleases(FIXTURE_DATA);
const dataset = current.dataset;

/** The words of every text element, lines joined by spaces, hover titles left out. */
const textOf = (svg: string) =>
  [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/<title>[\s\S]*?<\/title>/g, "")
      .replace(/<\/tspan>/g, " ")
      .replace(/<[^>]+>/g, "")
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ")
      .trim(),
  );
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("who-funds-whom", () => {
  const rendered = renderUncached(whoFundsWhom, dataset, current.version);

  it("draws the same companies on a phone as on a desktop", () => {
    const count = (svg: string) => (svg.match(/<circle\b/g) ?? []).length;
    expect(count(rendered.narrow.svg)).toBe(count(rendered.wide.svg));
    expect(count(rendered.wide.svg)).toBeGreaterThan(0);
    expect(rendered.alt).toContain(`Network diagram of ${count(rendered.wide.svg)} companies`);
  });

  it("writes every name out in full (short form on a phone), never cut", () => {
    for (const [svg, layout] of [
      [rendered.wide.svg, WIDE],
      [rendered.narrow.svg, NARROW],
    ] as const) {
      const text = textOf(svg).join(" | ");
      const names = [...new Set(svg.match(/<circle\b[^>]*>\s*<title>([^<]*)<\/title>/g)?.map((m) => /<title>([^<]*)</.exec(m)![1]!) ?? [])];
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) for (const word of (layout.compact ? shortName(name) : name).split(/\s+/)) expect(text).toContain(word);
      expect(text).not.toContain("…");
    }
  });

  it("places labels clear of each other and of the dots, on the canvas, even for long names", () => {
    const long = [
      "Apollo/Blackstone-led lenders (Anthropic TPU debt)",
      "Anthropic Series H investors",
      "CoreWeave Compute Acquisition Co. IV, LLC",
      "Lenders and noteholders to IREN's Childress GPU subsidiary",
    ];
    const entities = Array.from({ length: 16 }, (_, i) => ({ id: `e${String(i).padStart(2, "0")}`, name: long[i % long.length]! }));
    const fake = { entities } as unknown as Dataset;
    for (const layout of [WIDE, NARROW]) {
      const placed = networkLayout(
        entities.map((e) => e.id),
        fake,
        layout,
      );
      expect(labelCollisions(placed), `${layout.width} px`).toEqual([]);
      for (const n of placed.nodes) {
        expect(n.box.x, n.name).toBeGreaterThanOrEqual(0);
        expect(n.box.x + n.box.width, n.name).toBeLessThanOrEqual(layout.width);
        expect(n.box.y + n.box.height, n.name).toBeLessThanOrEqual(placed.height);
      }
    }
  });
});

describe("deal-timeline", () => {
  const rendered = renderUncached(dealTimeline, dataset, current.version);
  const spec = dealTimeline.build(dataset);
  const types = [...new Set(spec.data.map((d) => d.type))];

  it("draws a size key of reference circles with dollar labels on both renditions", () => {
    for (const svg of [rendered.wide.svg, rendered.narrow.svg]) {
      const text = textOf(svg);
      expect(text).toContain("Circle area");
      const max = Math.max(...spec.data.map((d) => d.usd ?? 0));
      for (const v of sizeKeyValues(max)) expect(text).toContain(formatUsd(v));
    }
  });

  it("sizes the key with the same scale as the deals: area in proportion to dollars", () => {
    const layout = timelineLayout(spec.data, types, WIDE);
    const [a, b] = layout.key;
    expect(a!.r ** 2 / b!.r ** 2).toBeCloseTo(a!.usd / b!.usd, 5);
    expect(sizeKeyValues(500e9)).toEqual([20e9, 100e9, 500e9]);
    expect(sizeKeyValues(100e9)).toEqual([2e9, 20e9, 100e9]);
  });

  it("names the largest deals, with labels clear of each other, the row names and the key", () => {
    for (const layoutOptions of [WIDE, NARROW]) {
      const layout = timelineLayout(spec.data, types, layoutOptions);
      expect(layout.labels.length).toBeGreaterThanOrEqual(3);
      const biggest = [...spec.data]
        .filter((d) => d.usd !== null)
        .sort((a, b) => b.usd! - a.usd!)
        .slice(0, 5)
        .map((d) => d.id);
      for (const l of layout.labels) expect(biggest).toContain(l.row.id);
      layout.labels.forEach((l, i) => {
        for (const other of layout.labels.slice(i + 1)) expect(overlap(l, other), `${l.text} / ${other.text}`).toBe(false);
        for (const row of layout.rowLabels) expect(overlap(l, row), `${l.text} / ${row.text}`).toBe(false);
        expect(l.y).toBeGreaterThanOrEqual(layout.keyY + layout.rMax);
      });
      const text = textOf(layoutOptions.compact ? rendered.narrow.svg : rendered.wide.svg);
      for (const l of layout.labels) expect(text).toContain(l.text);
    }
  });

  it("keeps labels apart when many large deals fall on the same day", () => {
    const crowd = Array.from({ length: 12 }, (_, i) => ({
      id: `d${i}`,
      date: "2025-10-01",
      type: "Equity",
      from: `Investor ${i}`,
      to: "OpenAI",
      usd: (i + 1) * 10e9,
      basis: "committed" as const,
    }));
    for (const layoutOptions of [WIDE, NARROW]) {
      const layout = timelineLayout(crowd, ["Equity", "Cloud commitment"], layoutOptions);
      layout.labels.forEach((l, i) => {
        for (const other of layout.labels.slice(i + 1)) expect(overlap(l, other)).toBe(false);
        expect(l.x).toBeGreaterThanOrEqual(0);
        expect(l.x + l.width).toBeLessThanOrEqual(layout.width);
      });
    }
  });
});
