// Downloads leave the site as self-contained figures: titled, credited, and with nothing drawn off the canvas.
import { describe, expect, it } from "vitest";
import { Resvg } from "@resvg/resvg-js";
import { CHARTS } from "../../src/charts/index.ts";
import { chartTestRelease } from "../helpers/dataset-fixtures.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { renderUncached } from "../../src/render/chart-render.ts";
import { chartFigure, downloadBody } from "../../src/render/downloads.ts";
import { readArchived } from "../../src/render/chart-archive.ts";
import { FONT_OPTIONS } from "../../src/render/png.ts";
import { figureSvg } from "../../src/render/figure.ts";

const { current } = loadReleases("tests/fixtures/data");

/** The figure with every non-text mark removed, so its bounding box is the extent of its text alone. */
function textOnly(svg: string): string {
  return svg.replace(/<(path|rect|line|circle|polyline|polygon|ellipse)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/g, "");
}

function textOutsideCanvas(svg: string): string[] {
  const width = Number(/width="([\d.]+)"/.exec(svg)![1]);
  const height = Number(/height="([\d.]+)"/.exec(svg)![1]);
  const texts = [...svg.matchAll(/<text\b[\s\S]*?<\/text>/g)].map((m) => m[0]);
  const outside: string[] = [];
  // One renderer pass per text node names the node that escapes; the first pass over all text finds whether any does.
  const box = (only: string) => new Resvg(only, { font: FONT_OPTIONS }).getBBox();
  const all = box(textOnly(svg));
  if (all && all.x >= 0 && all.y >= 0 && all.x + all.width <= width && all.y + all.height <= height) return [];
  for (const text of texts) {
    const single = textOnly(svg).replace(/<text\b[\s\S]*?<\/text>/g, (t) => (t === text ? t : ""));
    const b = box(single);
    if (b && (b.x < 0 || b.y < 0 || b.x + b.width > width || b.y + b.height > height)) outside.push(text.replace(/<[^>]+>/g, ""));
  }
  return outside.length ? outside : ["(text outside the canvas)"];
}

describe("chart figures (image downloads)", () => {
  for (const chart of CHARTS) {
    const release = chartTestRelease(chart);
    const rendered = renderUncached(chart, release.dataset, release.version);
    if (!rendered.rows.length) continue;
    const figure = chartFigure(rendered)!;

    it(`${chart.id}: carries title, legend, source, licence, dataset version and pinned URL`, () => {
      const text = figure.svg.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
      expect(text).toContain(chart.title.replaceAll("&", "&amp;"));
      expect(text).toContain("Source:");
      expect(text).toContain("CC BY 4.0");
      expect(text).toContain(`dataset v${release.version}`);
      expect(figure.svg.replace(/<\/text><text[^>]*>/g, "")).toContain(`/charts/${chart.id}/v${release.version}/`);
      for (const item of rendered.legend) expect(text).toContain(item.label.replaceAll("&", "&amp;"));
    });

    it(`${chart.id}: no text lies outside the canvas`, () => {
      expect(textOutsideCanvas(figure.svg)).toEqual([]);
    });
  }

  it("catches text drawn off the canvas", () => {
    const wide = {
      svg: '<svg width="300" height="100" viewBox="0 0 300 100"><text x="-60" y="50">Far off the left edge</text></svg>',
      width: 300,
      height: 100,
    };
    const bad = figureSvg(
      { title: "t", subtitle: "s", sourceNote: "n", version: "1.0.0", legend: [], wide },
      { site: "C", licence: "L", pinnedUrl: "https://x/" },
    );
    expect(textOutsideCanvas(bad.svg)).toEqual(["Far off the left edge"]);
  });

  it("wraps a long pinned URL instead of running off a narrow figure", () => {
    const wide = { svg: '<svg width="200" height="50" viewBox="0 0 200 50"></svg>', width: 200, height: 50 };
    const url = "https://circularity.report/charts/openai-commitments-vs-revenue/v1.10.0/";
    const figure = figureSvg(
      { title: "A title long enough to need two lines here", subtitle: "s", sourceNote: "n", version: "1.10.0", legend: [], wide },
      { site: "C", licence: "L", pinnedUrl: url },
    );
    expect(textOutsideCanvas(figure.svg)).toEqual([]);
  });

  it("keeps release 1.0.0's archived downloads as the bare chart they were published as", () => {
    const archived = readArchived("largest-loops", "1.0.0");
    expect(archived).toBeDefined();
    expect(chartFigure(archived!)).toBeUndefined();
    expect(String(downloadBody(archived!, "svg"))).not.toContain("Source:");
  });
});

describe("archived chart files", () => {
  it("every archive entry parses with the archive schema and names its format", async () => {
    const { readdirSync } = await import("node:fs");
    const { ARCHIVE_DIR } = await import("../../src/render/chart-archive.ts");
    let count = 0;
    for (const id of readdirSync(ARCHIVE_DIR)) {
      for (const file of readdirSync(`${ARCHIVE_DIR}/${id}`)) {
        const m = /^v(\d+\.\d+\.\d+)(?:-as-of-(\d{4}-\d{2}-\d{2}))?\.json$/.exec(file);
        expect(m, `${id}/${file}`).toBeTruthy();
        const chart = readArchived(id, m![1]!, ARCHIVE_DIR, m![2])!;
        expect([1, 2]).toContain(chart.format);
        if (chart.format === 2) expect(chart.figure, `${id}/${file}`).toBeDefined();
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(26);
  });

  it("rejects an archive file that does not match the schema, naming the file", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(`${tmpdir()}/archive-`);
    mkdirSync(`${dir}/x`);
    writeFileSync(`${dir}/x/v1.0.0.json`, JSON.stringify({ format: 3, id: "x" }));
    expect(() => readArchived("x", "1.0.0", dir)).toThrow(/x\/v1\.0\.0\.json: not a valid archived chart/);
  });
});
