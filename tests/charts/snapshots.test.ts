// Every chart in the registry, rendered from the fixture dataset, compared with its committed SVG (Observable Plot's test/plots style).
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CHARTS } from "../../src/charts/index.ts";
import { renderUncached } from "../../src/render/chart-render.ts";
import { companyFlowsChart } from "../../src/render/company-flows.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { chartTestRelease, FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

const OUTPUT = join(import.meta.dirname, "output");
const { current } = loadReleases(FIXTURE_DATA);
const update = process.env.UPDATE_SNAPSHOTS === "1";

/** Rounds numbers and breaks tags onto lines, so a diff shows which mark moved. */
function normalise(svg: string): string {
  return (
    svg
      .replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
      .replace(/></g, ">\n<")
      .trim() + "\n"
  );
}

/** Compares one rendered file with tests/charts/output/<name>.<ext>, writing <name>-changed.<ext> to look at when it differs. */
function expectSnapshot(name: string, svg: string, ext: "svg" | "txt" = "svg"): void {
  const actual = ext === "svg" ? normalise(svg) : svg;
  const expectedPath = join(OUTPUT, `${name}.${ext}`);
  const changedPath = join(OUTPUT, `${name}-changed.${ext}`);
  if (!existsSync(expectedPath) || update) {
    if (process.env.CI && !update) throw new Error(`"${name}" has no snapshot: run the unit tests locally and commit tests/charts/output/${name}.${ext}`);
    writeFileSync(expectedPath, actual);
    return;
  }
  const expected = readFileSync(expectedPath, "utf8");
  if (actual !== expected) writeFileSync(changedPath, actual);
  else if (existsSync(changedPath)) rmSync(changedPath);
  expect(actual, `"${name}" changed: compare ${changedPath} with ${expectedPath}`).toBe(expected);
}

describe("chart snapshots", () => {
  it.each(CHARTS.map((c) => [c.id, c] as const))("%s (desktop) matches its snapshot", (id, chart) => {
    const { dataset, version } = chartTestRelease(chart);
    expectSnapshot(id, renderUncached(chart, dataset, version).wide.svg);
  });

  it.each(CHARTS.map((c) => [c.id, c] as const))("%s (phone) matches its snapshot", (id, chart) => {
    const { dataset, version } = chartTestRelease(chart);
    expectSnapshot(`${id}-phone`, renderUncached(chart, dataset, version).narrow.svg);
  });

  // What readers copy: the numbers beside the picture. A dropped column, a reordered row or a changed figure in the
  // data table, the CSV, the JSON or the text alternative fails here even when the SVG still looks right.
  it.each(CHARTS.map((c) => [c.id, c] as const))("%s (table, CSV, JSON, text alternative) matches its snapshot", (id, chart) => {
    const { dataset, version } = chartTestRelease(chart);
    const r = renderUncached(chart, dataset, version);
    const table = [r.table.headers.map((h) => h.label), ...r.table.rows].map((cells) => cells.join(" | ")).join("\n");
    const legend = r.legend.map((l) => `${l.label}: ${l.color}${l.shape ? ` (${l.shape})` : ""}`).join("\n");
    const text = [
      `# alt\n${r.alt}`,
      `# caption\n${r.caption}`,
      `# legend\n${legend}`,
      `# table\n${table}`,
      `# csv\n${r.csv.trimEnd()}`,
      `# json\n${r.json.trimEnd()}`,
    ];
    expectSnapshot(`${id}.numbers`, text.join("\n\n") + "\n", "txt");
  });

  it("a company's flows chart matches its snapshots, both renditions", () => {
    const nvidia = current.dataset.entities.find((e) => e.id === "nvidia")!;
    const chart = companyFlowsChart(current.dataset, nvidia);
    expect(chart.rows.length).toBeGreaterThan(0);
    expectSnapshot("company-flows-nvidia", chart.wide);
    expectSnapshot("company-flows-nvidia-phone", chart.narrow);
  });

  it.each(CHARTS.map((c) => [c.id, c] as const))("%s renders both renditions with a text alternative and a data table", (_id, chart) => {
    const { dataset, version } = chartTestRelease(chart);
    const rendered = renderUncached(chart, dataset, version);
    for (const svg of [rendered.wide.svg, rendered.narrow.svg]) {
      expect(svg).toMatch(/^<svg [^>]*role="(img|group)"/);
      expect(svg).toContain(`aria-label="`);
    }
    expect(rendered.alt.length).toBeGreaterThan(40);
    expect(rendered.table.rows.length).toBe(rendered.rows.length);
    expect(rendered.csv.trim().split("\n").length).toBe(rendered.rows.length + 1);
  });

  it("draws the same SVG twice for the same input (no random ids)", () => {
    const chart = CHARTS[0]!;
    expect(renderUncached(chart, current.dataset, current.version).wide.svg).toBe(renderUncached(chart, current.dataset, current.version).wide.svg);
  });

  it("has unique chart ids", () => {
    expect(new Set(CHARTS.map((c) => c.id)).size).toBe(CHARTS.length);
  });
});
