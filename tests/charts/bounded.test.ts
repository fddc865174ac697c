// Charts stay bounded as the data grows: at 30× the real dataset (about 5,000 deals) every rendition is at most
// 150 KB, says what it left out, and links only to records that exist.
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { loadReleases } from "../../src/dataset/load.ts";
import { CHARTS } from "../../src/charts/index.ts";
import { MARK_BUDGET } from "../../src/charts/theme.ts";
import { renderUncached } from "../../src/render/chart-render.ts";
import { generateSite } from "../../scripts/bench/generate-site.ts";
import { links } from "./svg-audit.ts";

const real = loadReleases(join(import.meta.dirname, "..", "..", "data")).current;
const dir = mkdtempSync(join(tmpdir(), "circularity-bounded-"));
const { dataset } = generateSite(real.dataset, 30, dir, real.version);
rmSync(dir, { recursive: true, force: true });

describe("charts at 30× the dataset", () => {
  it("has a dataset big enough to test the bounds", () => {
    expect(dataset.deals.length).toBeGreaterThan(MARK_BUDGET * 10);
  });

  it.each(CHARTS.map((c) => [c.id, c] as const))("%s stays under 150 KB in both renditions and links only to real records", (_id, chart) => {
    const rendered = renderUncached(chart, dataset, real.version);
    for (const svg of [rendered.wide.svg, rendered.narrow.svg]) {
      expect(svg.length).toBeLessThanOrEqual(150 * 1024);
      for (const link of links(svg)) {
        const deal = /^\/deals\/([^/]+)\/$/.exec(link)?.[1];
        const company = /^\/companies\/([^/]+)\/$/.exec(link)?.[1];
        if (deal)
          expect(
            dataset.deals.some((d) => d.id === deal),
            link,
          ).toBe(true);
        if (company)
          expect(
            dataset.entities.some((e) => e.id === company),
            link,
          ).toBe(true);
      }
    }
  });

  it("says what the timeline left out", () => {
    const timeline = renderUncached(
      CHARTS.find((c) => c.id === "deal-timeline")!,
      dataset,
      real.version,
    );
    expect(timeline.rows.length).toBe(MARK_BUDGET);
    expect(timeline.caption).toMatch(new RegExp(`Only the ${MARK_BUDGET} largest of \\d[\\d,]* deals are drawn`));
    expect(timeline.alt).toContain(`Only the ${MARK_BUDGET} largest`);
  });
});
