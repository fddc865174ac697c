// No two pieces of chart text on top of each other: every chart, both renditions, drawn from the site's own
// release (what readers see) and from the fixture (what the snapshots pin), measured in the PNG font.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { CHARTS } from "../../src/charts/index.ts";
import { renderUncached } from "../../src/render/chart-render.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { chartTestRelease } from "../helpers/dataset-fixtures.ts";
import { overlappingTexts, textBoxes } from "./svg-audit.ts";

const site = loadReleases(join(import.meta.dirname, "..", "..", "data")).current;

describe("chart labels never collide", () => {
  it.each(CHARTS.map((c) => [c.id, c] as const))("%s: no two texts overlap, on the site's data or the fixture, desktop or phone", (_id, chart) => {
    const fixture = chartTestRelease(chart);
    for (const [source, release] of [
      ["site", site],
      ["fixture", fixture],
    ] as const) {
      const rendered = renderUncached(chart, release.dataset, release.version);
      for (const [rendition, svg] of [
        ["desktop", rendered.wide.svg],
        ["phone", rendered.narrow.svg],
      ] as const) {
        expect(overlappingTexts(textBoxes(svg)), `${source} data, ${rendition}`).toEqual([]);
      }
    }
  });

  it("fails on a planted overlap: a second label drawn over the first", () => {
    const rendered = renderUncached(
      CHARTS.find((c) => c.id === "largest-loops")!,
      site.dataset,
      site.version,
    );
    const first = /<text[^>]*>[^<]+<\/text>/.exec(rendered.wide.svg)![0];
    const planted = rendered.wide.svg.replace(first, first + first.replace(/>([^<]+)</, ">$1 moved<"));
    expect(overlappingTexts(textBoxes(planted)).length).toBeGreaterThan(0);
    expect(overlappingTexts(textBoxes(rendered.wide.svg))).toEqual([]);
  });
});
