// The two download endpoints on the fixture dataset (releases 1.0.0 and 1.1.0, no archive): which static files the
// build writes — one per published chart × format for the current release, and one per chart × format × pinned
// release from the chart's `since` — and what each file holds and is served as.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";
import { withDataDir } from "../helpers/fixture-with-1-3.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { CHARTS } from "../../src/charts/index.ts";
import { renderUncached } from "../../src/render/chart-render.ts";
import { compareVersions } from "../../src/lib/semver.ts";

// The routes read the dataset (and chart archive) named by environment variables when first imported: point them at
// the fixture and an empty archive, so every pinned file is drawn from the fixture's own releases.
const { chartDownloadPaths, pinnedDownloadPaths, currentDownload, pinnedDownload } = await withDataDir(
  FIXTURE_DATA,
  mkdtempSync(join(tmpdir(), "download-routes-archive-")),
  () => import("../../src/render/download-routes.ts"),
);

const history = loadReleases(FIXTURE_DATA);
const CURRENT = history.current.version;
const FORMATS = ["svg", "png", "csv", "json"] as const;
type Ext = (typeof FORMATS)[number];

const released = (version: string) => history.releases.find((r) => r.version === version)!;
const onFixture = (id: string, version: string) =>
  renderUncached(
    CHARTS.find((c) => c.id === id)!,
    released(version).dataset,
    version,
  );
const published = CHARTS.filter((c) => compareVersions(c.since, CURRENT) <= 0);
const laterCharts = CHARTS.filter((c) => compareVersions(c.since, CURRENT) > 0);

// The route functions are called by Astro with a context; the downloads use only params and props.
type RouteContext = Parameters<typeof currentDownload>[0];
const call = (route: typeof currentDownload, params: Record<string, string>, props: { id: string; ext: Ext }) =>
  route({ params, props } as unknown as RouteContext) as Response;
const current = (id: string, ext: Ext) => call(currentDownload, { file: `${id}.${ext}` }, { id, ext });
const pinned = (id: string, version: string, ext: Ext) => call(pinnedDownload, { id, pinned: `v${version}`, file: `${id}.${ext}` }, { id, ext });

describe("the fixture the routes are checked on", () => {
  it("has two releases, and charts both before and after its current one", () => {
    expect(history.releases.map((r) => r.version)).toEqual(["1.0.0", "1.1.0"]);
    expect(published.length).toBeGreaterThan(0);
    expect(laterCharts.map((c) => c.since)).toContain("1.2.0");
  });
});

describe("current downloads (/charts/<id>.<ext>)", () => {
  it("writes one file per published chart and format, named <id>.<ext>, in gallery then format order", () => {
    expect(chartDownloadPaths()).toEqual(published.flatMap((c) => FORMATS.map((ext) => ({ params: { file: `${c.id}.${ext}` }, props: { id: c.id, ext } }))));
  });

  it("spells out the file names of a chart published since 1.0.0", () => {
    const files = chartDownloadPaths()
      .filter((p) => p.props.id === "deals-by-quarter")
      .map((p) => p.params.file);
    expect(files).toEqual(["deals-by-quarter.svg", "deals-by-quarter.png", "deals-by-quarter.csv", "deals-by-quarter.json"]);
  });

  it("writes no file for a chart first published after the current release", () => {
    const ids = new Set(chartDownloadPaths().map((p) => p.props.id));
    for (const chart of laterCharts) expect(ids.has(chart.id), chart.id).toBe(false);
  });

  it("serves each format with its content type and the current release's data", async () => {
    const id = "deals-by-quarter";
    const now = onFixture(id, CURRENT);
    const csv = current(id, "csv");
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toBe(now.csv);
    const json = current(id, "json");
    expect(json.headers.get("Content-Type")).toBe("application/json");
    expect(await json.text()).toBe(now.json);
    const svg = current(id, "svg");
    expect(svg.headers.get("Content-Type")).toBe("image/svg+xml");
    const svgText = await svg.text();
    expect(svgText.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(svgText).toContain(`dataset v${CURRENT}`);
    expect(svgText).toContain(`/charts/${id}/v${CURRENT}/`);
    const png = current(id, "png");
    expect(png.headers.get("Content-Type")).toBe("image/png");
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it("fails naming the unknown chart id", () => {
    expect(() => current("no-such-chart", "csv")).toThrow(/unknown chart id "no-such-chart"/);
  });
});

describe("pinned downloads (/charts/<id>/v<version>/<id>.<ext>)", () => {
  /** Per the route's rule: releases from the chart's `since` that have rows to plot, and always the current one. */
  const expectedVersions = (id: string, since: string) =>
    history.releases.map((r) => r.version).filter((v) => compareVersions(since, v) <= 0 && (v === CURRENT || onFixture(id, v).rows.length > 0));

  it("writes one file per published chart, pinned release and format", () => {
    expect(pinnedDownloadPaths()).toEqual(
      published.flatMap((c) =>
        expectedVersions(c.id, c.since).flatMap((version) =>
          FORMATS.map((ext) => ({ params: { id: c.id, pinned: `v${version}`, file: `${c.id}.${ext}` }, props: { id: c.id, ext } })),
        ),
      ),
    );
  });

  it("spells out a chart's pinned files for both fixture releases", () => {
    expect(onFixture("deals-by-quarter", "1.0.0").rows.length).toBeGreaterThan(0);
    const files = pinnedDownloadPaths()
      .filter((p) => p.params.id === "deals-by-quarter")
      .map((p) => `${p.params.pinned}/${p.params.file}`);
    expect(files).toEqual([
      "v1.0.0/deals-by-quarter.svg",
      "v1.0.0/deals-by-quarter.png",
      "v1.0.0/deals-by-quarter.csv",
      "v1.0.0/deals-by-quarter.json",
      "v1.1.0/deals-by-quarter.svg",
      "v1.1.0/deals-by-quarter.png",
      "v1.1.0/deals-by-quarter.csv",
      "v1.1.0/deals-by-quarter.json",
    ]);
  });

  it("pins no file of a chart first published after the current release", () => {
    const ids = new Set(pinnedDownloadPaths().map((p) => p.params.id));
    for (const chart of laterCharts) expect(ids.has(chart.id), chart.id).toBe(false);
  });

  it("serves the data of the pinned release, not the current one, with the format's content type", async () => {
    const id = "deals-by-quarter";
    const first = onFixture(id, "1.0.0");
    expect(first.csv).not.toBe(onFixture(id, "1.1.0").csv);
    const csv = pinned(id, "1.0.0", "csv");
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toBe(first.csv);
    const json = pinned(id, "1.0.0", "json");
    expect(json.headers.get("Content-Type")).toBe("application/json");
    expect(await json.text()).toBe(first.json);
    const svg = await pinned(id, "1.0.0", "svg").text();
    expect(svg).toContain("dataset v1.0.0");
    expect(svg).toContain(`/charts/${id}/v1.0.0/`);
    expect(pinned(id, "1.0.0", "png").headers.get("Content-Type")).toBe("image/png");
    expect(await pinned(id, "1.1.0", "csv").text()).toBe(onFixture(id, "1.1.0").csv);
  });

  it("fails naming the chart and the release when asked for a release before the chart's `since`", () => {
    const later = laterCharts[0]!;
    expect(() => pinned(later.id, "1.1.0", "csv")).toThrow(`chart "${later.id}" is published from dataset v${later.since}; it has no version pinned to v1.1.0`);
  });

  it("fails naming an unknown chart id", () => {
    expect(() => pinned("no-such-chart", "1.0.0", "csv")).toThrow(/unknown chart id "no-such-chart"/);
  });
});
