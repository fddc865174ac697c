// The render layer on a chart small enough to read whole: what the table, CSV, JSON, text alternative and downloads
// say, how a Plot drawing is made safe to inline, and a company's flows chart. Every chart's own output is pinned by
// tests/charts/snapshots.test.ts; these pin the rules those outputs share.
import { describe, expect, it } from "vitest";
import * as Plot from "@observablehq/plot";
import { renderUncached, CHART_FORMAT, type RenderedChart } from "../../src/render/chart-render.ts";
import { marksOutOfTabOrder, plotToSvg } from "../../src/render/plot-to-svg.ts";
import { chartFigure, downloadBody, downloadResponse, pngSize } from "../../src/render/downloads.ts";
import { chartChanges } from "../../src/render/chart-changes.ts";
import { companyFlowsChart } from "../../src/render/company-flows.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import type { ChartModule } from "../../src/charts/types.ts";
import { SITE, SITE_URL } from "../../src/site.config.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

const { dataset } = loadReleases(FIXTURE_DATA).current;

type Row = { name: string; usd: number; deals: number | null; note?: string };

/** A two-row bar chart with every column kind: a linked name, a disclosed sum, a count that may be missing. */
function tinyChart(rows: Row[], options: { omitted?: string; link?: boolean } = {}): ChartModule<Row> {
  return {
    id: "tiny",
    since: "1.0.0",
    title: "Tiny chart",
    subtitle: "Two rows",
    caption: "What to take from it.",
    sourceNote: "Circularity dataset.",
    build: () => ({
      data: rows,
      columns: [
        { key: "name", label: "Company" },
        { key: "usd", label: "Disclosed", numeric: true, disclosedSum: true, format: (v) => `$${Number(v) / 1e9}B` },
        { key: "deals", label: "Deals", numeric: true },
        { key: "note", label: "Note" },
      ],
      rowKey: (r) => `row/${r.name}`,
      ...(options.link ? { rowLink: (r: Row) => (r.usd ? `/companies/${r.name.toLowerCase()}/` : null) } : {}),
      dealIds: ["b-deal", "a-deal"],
      legend: [{ label: "Committed", color: "#123456" }],
      ...(options.omitted ? { omitted: options.omitted } : {}),
      plot: (layout) => ({
        width: layout.width,
        height: 120,
        marks: [
          Plot.barX(rows, {
            x: "usd",
            y: "name",
            ...(options.link ? { href: (r: Row) => `/companies/${r.name.toLowerCase()}/`, title: (r: Row) => `${r.name}: ${r.usd}` } : {}),
          }),
        ],
      }),
    }),
    alt: (spec) => `Bar chart of ${spec.data.length} companies.`,
  };
}

const ROWS: Row[] = [
  { name: "Nvidia", usd: 2_500_000_000, deals: 1234 },
  { name: "Lucent", usd: 0, deals: null, note: "vendor, loans" },
];

describe("a rendered chart's numbers", () => {
  const chart = () => renderUncached(tinyChart(ROWS), dataset, "9.9.9");

  it("writes the table as the reader reads it: formatted, thousands separated, undisclosed and missing said in words", () => {
    expect(chart().table).toEqual({
      headers: [
        { label: "Company", numeric: false },
        { label: "Disclosed", numeric: true },
        { label: "Deals", numeric: true },
        { label: "Note", numeric: false },
      ],
      rows: [
        ["Nvidia", "$2.5B", "1,234", "—"],
        ["Lucent", "undisclosed", "—", "vendor, loans"],
      ],
    });
  });

  it("writes the CSV and JSON with each row's key first, raw values, and undisclosed sums blank", () => {
    const rendered = chart();
    expect(rendered.csv).toBe('row,name,usd,deals,note\nrow/Nvidia,Nvidia,2500000000,1234,\nrow/Lucent,Lucent,,,"vendor, loans"\n');
    expect(JSON.parse(rendered.json)).toEqual({
      chart: "tiny",
      title: "Tiny chart",
      datasetVersion: "9.9.9",
      licence: JSON.parse(JSON.stringify(SITE.contentLicence)),
      columns: [
        { key: "row", label: "Row key" },
        { key: "name", label: "Company" },
        { key: "usd", label: "Disclosed" },
        { key: "deals", label: "Deals" },
        { key: "note", label: "Note" },
      ],
      data: [
        { row: "row/Nvidia", name: "Nvidia", usd: 2500000000, deals: 1234, note: null },
        { row: "row/Lucent", name: "Lucent", usd: null, deals: null, note: "vendor, loans" },
      ],
    });
    expect(rendered.json.endsWith("}\n")).toBe(true);
    expect(rendered.rows).toEqual([
      { key: "row/Nvidia", value: { name: "Nvidia", usd: 2500000000, deals: 1234, note: null } },
      { key: "row/Lucent", value: { name: "Lucent", usd: null, deals: null, note: "vendor, loans" } },
    ]);
  });

  it("carries the chart's words, legend and deals, and draws both renditions at their widths", () => {
    const rendered = chart();
    expect(rendered).toMatchObject({
      format: CHART_FORMAT,
      id: "tiny",
      version: "9.9.9",
      title: "Tiny chart",
      subtitle: "Two rows",
      caption: "What to take from it.",
      sourceNote: "Circularity dataset.",
      alt: "Bar chart of 2 companies.",
      legend: [{ label: "Committed", color: "#123456" }],
      dealIds: ["b-deal", "a-deal"],
    });
    expect(rendered.wide.width).toBe(720);
    expect(rendered.narrow.width).toBe(300);
    expect(rendered.wide.svg).toContain('class="chart-tiny-w"');
    expect(rendered.narrow.svg).toContain('class="chart-tiny-n"');
    expect(rendered.wide.svg).toContain('aria-label="Bar chart of 2 companies."');
    expect(rendered).not.toHaveProperty("phoneList");
    expect(rendered.table).not.toHaveProperty("links");
  });

  it("says what a crowded chart leaves out in both its caption and its text alternative", () => {
    const rendered = renderUncached(tinyChart(ROWS, { omitted: "Two smaller rows are left out." }), dataset, "9.9.9");
    expect(rendered.caption).toBe("What to take from it. Two smaller rows are left out.");
    expect(rendered.alt).toBe("Bar chart of 2 companies. Two smaller rows are left out.");
  });

  it("links each table row where the chart links its marks", () => {
    expect(renderUncached(tinyChart(ROWS, { link: true }), dataset, "9.9.9").table.links).toEqual(["/companies/nvidia/", null]);
  });

  it("finds what changed between two versions by row key, and nothing before the first", () => {
    const before = chart();
    const after = renderUncached(
      tinyChart([
        { ...ROWS[0]!, usd: 3e9 },
        { name: "AMD", usd: 1e9, deals: 1 },
      ]),
      dataset,
      "9.9.10",
    );
    expect(chartChanges(undefined, after)).toBeNull();
    expect(chartChanges(before, after)).toEqual({
      added: ["row/AMD"],
      removed: ["row/Lucent"],
      changed: [{ id: "row/Nvidia", fields: ["usd"] }],
    });
  });
});

describe("a Plot drawing made safe to inline", () => {
  const plain = () => plotToSvg({ width: 200, height: 100, marks: [Plot.dot([{ x: 1, y: 2 }], { x: "x", y: "y" })] }, "scope-a", "Two dots");
  const linked = () =>
    plotToSvg(
      {
        width: 200,
        height: 100,
        marks: [Plot.barX([{ name: "A", v: 3 }], { x: "v", y: "name", href: () => "/deals/a/", title: () => "A: three dollars and more words to wrap" })],
      },
      "scope-b",
      "Linked bars",
    );

  it("is one image with the text alternative, sized, with no inline style and no per-mark labels", () => {
    const { svg, width, height } = plain();
    expect([width, height]).toEqual([200, 100]);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-label="Two dots"');
    expect(svg).not.toContain("<style");
    expect(svg).not.toContain("aria-description");
    expect(svg.match(/aria-label=/g)).toHaveLength(1);
  });

  it("is a named group when its marks link, each link carrying a hidden readout of its title", () => {
    const { svg } = linked();
    expect(svg).toMatch(/^<svg [^>]*role="group"/);
    // In the top-left corner, one line below the top at the chart's font size (10 px), wrapped to the chart's width.
    expect(svg).toContain(
      '<title>A: three dollars and more words to wrap</title></rect><text visibility="hidden" text-anchor="start" y="11" x="2" class="focus-tip"><tspan x="2">A: three dollars and more words</tspan><tspan dy="1.2em" x="2">to wrap</tspan></text></a>',
    );
  });

  it("puts the readout in the same corner when Plot moves a mark's group, at the chart's own font size", () => {
    const { svg } = plotToSvg(
      {
        width: 200,
        height: 100,
        style: { fontSize: "13px" },
        marks: [Plot.barX([{ name: "A", v: 3 }], { x: "v", y: "name", dx: 5.5, dy: -3, href: () => "/a/", title: () => "A" })],
      },
      "scope-e",
      "e",
    );
    // ceil(13 × 1.1) = 15 below the top, less the group's −3; 2 from the left, less its 5.5.
    expect(svg).toContain('<g transform="translate(5.5,-3)"><a href="/a/" fill="inherit">');
    expect(svg).toContain('<text visibility="hidden" text-anchor="start" y="18" x="-3.5" class="focus-tip"><tspan x="-3.5">A</tspan></text>');
  });

  it("renumbers Plot's global clip ids within the chart, so two charts never share one", () => {
    const clipped = () =>
      plotToSvg(
        { width: 200, height: 100, marks: [Plot.frame({ clip: true } as never), Plot.dot([{ x: 1, y: 1 }], { x: "x", y: "y", clip: true })] },
        "scope-c",
        "c",
      );
    const a = clipped().svg;
    const b = clipped().svg;
    expect(a).toBe(b);
    expect(a).not.toMatch(/plot-clip-\d/);
    expect(a).toContain('id="scope-c-c0"');
    expect(a).toContain("url(#scope-c-c0)");
  });

  it("refuses a Plot figure that is not a bare svg", () => {
    expect(() => plotToSvg({ title: "A title", marks: [Plot.dot([{ x: 1 }], { x: "x" })] }, "scope-d", "d")).toThrow(
      "chart scope-d: Plot returned <figure>; draw titles and legends outside Plot so it returns a bare <svg>",
    );
  });

  it("takes marks out of the Tab order once, leaving a link that already says where it stands", () => {
    const svg = '<svg><a href="/x">x</a><a tabindex="0" href="/y">y</a></svg>';
    expect(marksOutOfTabOrder(svg)).toBe('<svg><a tabindex="-1" href="/x">x</a><a tabindex="0" href="/y">y</a></svg>');
    expect(marksOutOfTabOrder(svg)).toBe(marksOutOfTabOrder(svg));
  });
});

describe("a chart's downloads", () => {
  const rendered = () => renderUncached(tinyChart(ROWS, { link: true }), dataset, "9.9.9");

  it("serve the CSV and JSON exactly as rendered, with their types", async () => {
    const chart = rendered();
    expect(downloadBody(chart, "csv")).toBe(chart.csv);
    expect(downloadBody(chart, "json")).toBe(chart.json);
    expect(downloadResponse(chart, "csv").headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(downloadResponse(chart, "json").headers.get("Content-Type")).toBe("application/json");
    expect(downloadResponse(chart, "svg").headers.get("Content-Type")).toBe("image/svg+xml");
    expect(await downloadResponse(chart, "json").text()).toBe(chart.json);
  });

  it("draw the image as a self-contained figure whose links work outside the site, credited to its pinned URL", () => {
    const chart = rendered();
    const figure = chartFigure(chart)!;
    expect(chartFigure(chart)).toBe(figure);
    expect(figure.svg).toContain(`href="${SITE_URL}/companies/nvidia/"`);
    expect(figure.svg).not.toContain('href="/companies');
    expect(figure.svg).toContain("charts/tiny/v9.9.9");
    const svg = downloadBody(chart, "svg") as string;
    expect(svg).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n${figure.svg}\n`);
    expect(pngSize(chart)).toEqual({ width: figure.width * 2, height: figure.height * 2 });
  });

  it("credit a chart as of a date to its as-of URL", () => {
    const figure = chartFigure({ ...rendered(), asOf: "2026-01-31" })!;
    expect(figure.svg).toContain("charts/tiny/v9.9.9/as-of/2026-01-31");
  });

  it("keep a format-1 chart's bare downloads, and a frozen figure as frozen", () => {
    const old: RenderedChart = { ...rendered(), format: 1 };
    expect(chartFigure(old)).toBeUndefined();
    expect(pngSize(old)).toEqual({ width: old.wide.width * 2, height: old.wide.height * 2 });
    const svg = downloadBody(old, "svg") as string;
    expect(svg).toContain(old.wide.svg.slice(old.wide.svg.indexOf(">") + 1, old.wide.svg.indexOf(">") + 40));
    expect(svg.startsWith("<?xml")).toBe(true);
    const frozen = { svg: "<svg>frozen</svg>", width: 10, height: 20 } as RenderedChart["figure"];
    expect(chartFigure({ ...rendered(), figure: frozen })).toBe(frozen);
    expect(downloadBody({ ...rendered(), figure: frozen }, "svg")).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<svg>frozen</svg>\n');
  });

  it("draw PNGs at twice the size, as PNG bytes", () => {
    const png = downloadBody(rendered(), "png") as Uint8Array;
    expect([...png.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const width = new DataView(png.buffer, png.byteOffset).getUint32(16);
    expect(width).toBe(pngSize(rendered()).width);
  });
});

describe("a company's flows chart", () => {
  it("names the first six counterparties in its text alternative, with direction and dollars", () => {
    const nvidia = dataset.entities.find((e) => e.id === "nvidia")!;
    const flows = companyFlowsChart(dataset, nvidia);
    expect(flows.rows.length).toBeGreaterThan(0);
    const expected = flows.rows
      .slice(0, 6)
      .map((r) => `${r.direction === "in" ? "from" : "to"} ${r.counterparty}`)
      .join("; ");
    expect(flows.alt.replace(/ \$[\d.]+[BMK]?( billion| million)?/g, "")).toBe(
      `Bar chart of disclosed dollars between Nvidia and its counterparties: ${expected}.`,
    );
    expect(flows.alt).toMatch(/^Bar chart of disclosed dollars between Nvidia and its counterparties: (from|to) \S+ \$\d/);
    expect(flows.wide).toContain('class="flows-nvidia-w"');
    expect(flows.narrow).toContain('class="flows-nvidia-n"');
  });

  it("draws nothing for a company with no disclosed flows", () => {
    const lucentCustomers = { ...dataset.entities[0]!, id: "nobody", name: "Nobody" };
    expect(companyFlowsChart(dataset, lucentCustomers)).toEqual({
      rows: [],
      alt: "Bar chart of disclosed dollars between Nobody and its counterparties: .",
      wide: "",
      narrow: "",
    });
  });
});
