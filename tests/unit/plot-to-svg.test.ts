// How a Plot drawing becomes an inline SVG, on drawings made in the test: every keyboard readout sits in the same
// corner whatever group its mark is drawn in, at the chart's own font size; Plot's extra aria text is removed; clip
// ids are renumbered per chart however many charts the build has drawn; links already out of the Tab order stay so.
// A company's flows chart: its text alternative in full, both renditions at their widths.
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { marksOutOfTabOrder, plotToSvg } from "../../src/render/plot-to-svg.ts";
import { companyFlowsChart } from "../../src/render/company-flows.ts";
import { RENDITION_WIDTH } from "../../src/charts/theme.ts";
import { formatUsd } from "../../src/lib/money.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import type { Deal } from "../../src/schemas/dataset.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

const fixture = loadReleases(FIXTURE_DATA).current.dataset;

function svgElement(svg: string): Element {
  return parseHTML(`<html><body>${svg}</body></html>`).document.querySelector("svg")!;
}

/** The sum of translate() offsets from an element up to the root, read independently of the code under test. */
function translated(element: Element): [number, number] {
  let x = 0;
  let y = 0;
  for (let node: Element | null = element; node && node.tagName.toLowerCase() !== "svg"; node = node.parentElement) {
    const transform = node.getAttribute("transform");
    if (!transform?.startsWith("translate(")) continue;
    const [tx, ty] = transform.slice("translate(".length, -1).split(",").map(Number);
    x += tx!;
    y += ty!;
  }
  return [x, y];
}

describe("focus readouts", () => {
  it("puts each link's readout in the chart's top-left corner, at the chart's font size, with the title trimmed", () => {
    const marks = [
      Plot.dot([{ x: 1, y: 1 }], { x: "x", y: "y", href: () => "/a", title: () => "  Padded title  ", dx: 12, dy: 25 }),
      Plot.dot([{ x: 2, y: 2 }], { x: "x", y: "y", href: () => "/b", title: () => "Second", dx: -7.5, dy: 130 }),
    ];
    const { svg } = plotToSvg({ width: 300, height: 200, style: { fontSize: "20px" }, marks }, "readouts", "Label");
    const tips = [...svgElement(svg).querySelectorAll("text.focus-tip")];
    expect(tips.map((t) => t.textContent)).toEqual(["Padded title", "Second"]);
    for (const tip of tips) {
      const [dx, dy] = translated(tip);
      expect(Number(tip.getAttribute("x")) + dx).toBeCloseTo(2);
      // The first line's baseline: 1.1 × the 20 px font set on the chart, not Plot's default 10.
      expect(Number(tip.getAttribute("y")) + dy).toBeCloseTo(22);
      expect(tip.getAttribute("visibility")).toBe("hidden");
    }
  });
});

describe("aria text", () => {
  it("keeps one name on the chart and drops Plot's descriptions", () => {
    const marks = [Plot.dot([{ x: 1, y: 1 }], { x: "x", y: "y", ariaDescription: "a mark", ariaLabel: "dot" })];
    const { svg } = plotToSvg({ width: 200, height: 100, ariaDescription: "the chart", marks }, "aria", "Chart name");
    expect(svg).not.toContain("aria-description");
    expect([...svg.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1])).toEqual(["Chart name"]);
    expect(svgElement(svg).getAttribute("role")).toBe("img");
  });
});

describe("clip ids", () => {
  it("renumbers Plot's clip paths within each chart even after the build has drawn ten or more", () => {
    let last = "";
    for (let i = 0; i < 12; i++) {
      last = plotToSvg({ width: 200, height: 100, marks: [Plot.dot([{ x: 1, y: 1 }], { x: "x", y: "y", clip: true })] }, "clipped", "Clipped").svg;
    }
    expect(last).not.toMatch(/plot-clip-\d/);
    expect(last).toContain('id="clipped-c0"');
    expect(last).toContain("url(#clipped-c0)");
  });
});

describe("links out of the Tab order", () => {
  it("adds tabindex=-1 to links that have none and leaves the others as they are", () => {
    expect(marksOutOfTabOrder('<svg><a href="/a">x</a><a href="/b" tabindex="0">y</a></svg>')).toBe(
      '<svg><a tabindex="-1" href="/a">x</a><a href="/b" tabindex="0">y</a></svg>',
    );
  });
});

describe("a company's flows chart", () => {
  const deal = (id: string, from: string, to: string, usd: number): Deal =>
    ({ ...fixture.deals[0]!, id, from, to, type: "equity", amount: { usd, basis: "committed" }, status: "announced", supersededBy: undefined }) as Deal;
  const deals = [
    deal("in-1", "amazon", "nvidia", 9e9),
    deal("out-1", "nvidia", "openai", 8e9),
    deal("out-2", "nvidia", "anthropic", 7e9),
    deal("out-3", "nvidia", "coreweave", 6e9),
    deal("out-4", "nvidia", "amd", 5e9),
    deal("out-5", "nvidia", "lucent", 4e9),
    deal("out-6", "nvidia", "lucent-customers", 3e9),
  ];
  const dataset = { ...fixture, deals };
  const nvidia = fixture.entities.find((e) => e.id === "nvidia")!;
  // Drawn inside each test, not at collection: a mutation run attributes code to the tests that execute it.
  const flowsChart = () => companyFlowsChart(dataset, nvidia);

  it("names the six largest flows in its text alternative, with direction and dollars", () => {
    const flows = flowsChart();
    expect(flows.rows).toHaveLength(7);
    const named = flows.rows.slice(0, 6).map((r) => `${r.direction === "in" ? "from" : "to"} ${r.counterparty} ${formatUsd(r.usd)}`);
    expect(named.some((n) => n.startsWith("from Amazon"))).toBe(true);
    expect(named.filter((n) => n.startsWith("to "))).toHaveLength(5);
    expect(flows.alt).toBe(`Bar chart of disclosed dollars between Nvidia and its counterparties: ${named.join("; ")}.`);
  });

  it("draws the wide rendition at desktop width and the narrow one at phone width", () => {
    const flows = flowsChart();
    expect(svgElement(flows.wide).getAttribute("width")).toBe(String(RENDITION_WIDTH.desktop));
    expect(svgElement(flows.narrow).getAttribute("width")).toBe(String(RENDITION_WIDTH.phone));
  });
});
