// Social cards in the built site: every page declares a 1.91:1 og:image that exists, is the size it says, and,
// for an article, a chart, a company, a deal and the monitor, is that page's own card with its title on it.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadReleases } from "../../src/dataset/load.ts";
import { page } from "../helpers/html.ts";

const DIST = "dist";
const { current } = loadReleases("data");

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1"), file).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function ogImage(path: string) {
  const doc = page(DIST, path);
  const meta = (p: string) => doc.querySelector(`meta[property="${p}"]`)?.getAttribute("content") ?? "";
  const url = new URL(meta("og:image"));
  return { path: url.pathname, width: Number(meta("og:image:width")), height: Number(meta("og:image:height")), alt: meta("og:image:alt") };
}

const deal = current.dataset.deals.find((d) => d.id === "openai-oracle-2025-09") ?? current.dataset.deals[0]!;
const PAGES: [string, string, RegExp][] = [
  ["an article", "/articles/debt-behind-the-loops/", /^\/cards\/article\/debt-behind-the-loops\.png$/],
  ["a chart", "/charts/largest-loops/", /^\/cards\/chart\/largest-loops\.png$/],
  ["a company", "/companies/coreweave/", /^\/cards\/company\/coreweave\.png$/],
  ["a deal", `/deals/${deal.id}/`, new RegExp(`^/cards/deal/${deal.id}\\.png$`)],
  ["the monitor", "/monitor/", /^\/cards\/monitor\/monitor\.png$/],
  ["an indicator", "/monitor/firmness/", /^\/cards\/monitor\/firmness\.png$/],
];

describe("social cards", () => {
  it.each(PAGES)("%s declares its own 1.91:1 card, which exists at the size declared", (_what, path, expected) => {
    const image = ogImage(path);
    expect(image.path).toMatch(expected);
    const file = join(DIST, image.path);
    expect(existsSync(file), file).toBe(true);
    expect(pngSize(file)).toEqual({ width: image.width, height: image.height });
    expect(image.width / image.height).toBeCloseTo(1.91, 2);
    expect(image.alt.length).toBeGreaterThan(10);
  });

  it("names the deal on the deal's card (its title is the card's text alternative)", () => {
    expect(ogImage(`/deals/${deal.id}/`).alt).toBe(`Deal record: ${deal.title}`);
  });

  it("gives every other page the site's own 1.91:1 card", () => {
    for (const path of ["/", "/deals/", "/data/", "/loops/", "/financing/"]) {
      const image = ogImage(path);
      expect(image.path, path).toBe("/cards/site/circularity.png");
      expect(image.width / image.height).toBeCloseTo(1.91, 2);
    }
    expect(pngSize(join(DIST, "cards/site/circularity.png"))).toEqual({ width: 1200, height: 628 });
  });
});
