// The home page: the monitor's headline indicators, the AI era's totals and loops, the signature chart, the newest
// articles and the newest deal's date, on the fixture history with a 1.3.0 release (the first with indicators).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ADDED_DEAL, CANCELLED_DEAL, fixtureWith13, withDataDir } from "../helpers/fixture-with-1-3.ts";
import type { Release } from "../../src/dataset/load.ts";
import type { RenderedIndicator } from "../../src/render/indicators.ts";

/** When set, what the monitor's indicator list returns instead of the release's own (which has only two). */
const stub = vi.hoisted(() => ({ indicators: undefined as RenderedIndicator[] | undefined }));
vi.mock("../../src/render/indicators.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/render/indicators.ts")>();
  return { ...actual, currentIndicators: () => stub.indicators ?? actual.currentIndicators() };
});

const { dataDir, archiveDir } = fixtureWith13();
const { homePage, currentRelease, loopsOf } = await withDataDir(dataDir, archiveDir, async () => ({
  ...(await import("../../src/page-data/home-page.ts")),
  ...(await import("../../src/dataset/index.ts")),
}));

const articles = ["a", "b", "c", "d", "e", "f"].map((id) => ({ id, data: { title: `Article ${id}` } }) as never);

/** The release with one of its deals changed, under a version of its own (loops are cached by version). */
function variant(version: string, id: string, change: (d: Release["dataset"]["deals"][number]) => void): Release {
  const release = currentRelease();
  const dataset = structuredClone(release.dataset);
  change(dataset.deals.find((d) => d.id === id)!);
  return { ...release, version, dataset };
}

describe("home page data", () => {
  let release: Release;
  let page: ReturnType<typeof homePage>;
  beforeEach(() => {
    release = currentRelease();
    page = homePage(release, articles);
  });
  afterEach(() => {
    stub.indicators = undefined;
  });

  it("counts the AI era's active deals only: not the telecom era's, not a cancelled one", () => {
    expect(release.version).toBe("1.3.0");
    const expected = release.dataset.deals.filter((d) => d.era === "ai-2020s" && d.id !== CANCELLED_DEAL.id).map((d) => d.id);
    expect(page.ai.map((d) => d.id)).toEqual(expected);
    expect(expected).toHaveLength(10);
    expect(expected).toContain(ADDED_DEAL.id);
    const superseded = homePage(
      variant("1.3.0-superseded", "nvidia-openai-2025-09", (d) => (d.supersededBy = "amd-openai-2025-10")),
      [],
    );
    expect(superseded.ai.map((d) => d.id)).toEqual(expected.filter((id) => id !== "nvidia-openai-2025-09"));
  });

  it("totals those deals by basis, counting undisclosed ones apart", () => {
    expect(page.totals).toEqual({
      // OpenAI–AWS 38 + Amazon–Anthropic 4 + Nvidia–CoreWeave 6.3 + OpenAI–CoreWeave 12 + the added 10.
      usd: { committed: 70_300_000_000, "up-to": 100_000_000_000, reported: 100_000_000_000, estimated: 34_000_000_000 },
      // OpenAI's Nvidia and AMD GPU purchases carry no amount.
      undisclosed: 2,
    });
  });

  it("shows the AI era's loops, not the telecom era's", () => {
    expect(loopsOf(release).some((l) => l.era === "telecom-1990s")).toBe(true);
    expect(page.loops.map((l) => l.id)).toEqual(["amazon--anthropic", "nvidia--openai", "amd--openai"]);
  });

  it("leads with the monitor's indicators, each linked to its page", () => {
    expect(page.indicators).toEqual([
      // Committed 70.3 of 304.3 billion disclosed dollars.
      { title: "How firm the money is", display: "23%", path: "monitor/firmness/" },
      { title: "The money borrowed and raised behind the loops", display: "$2B", path: "monitor/debt-behind-the-loops/" },
    ]);
  });

  it("shows at most four indicators, the first four in the monitor's order", () => {
    const fake = (i: number) => ({ id: `indicator-${i}`, title: `Indicator ${i}`, display: `${i}%` }) as RenderedIndicator;
    stub.indicators = [1, 2, 3, 4, 5, 6].map(fake);
    expect(homePage(release, []).indicators.map((i) => i.path)).toEqual([1, 2, 3, 4].map((i) => `monitor/indicator-${i}/`));
  });

  it("lists the four newest articles, in the order given", () => {
    expect(page.articles.map((a) => a.id)).toEqual(["a", "b", "c", "d"]);
    expect(homePage(release, articles.slice(0, 2)).articles.map((a) => a.id)).toEqual(["a", "b"]);
  });

  it("lists the lead article (the site's verdict) first, whatever its date", () => {
    const withLead = articles.map((a: { id: string; data: object }) => ({ ...a, data: { ...a.data, lead: a.id === "e" } })) as never[];
    expect(homePage(release, withLead).articles.map((a) => a.id)).toEqual(["e", "a", "b", "c"]);
  });

  it("dates the figures by the newest active AI-era deal, wherever it sits in the list", () => {
    // Anthropic's AWS commitment, the eighth of the list; the added deal, announced earlier, is the last.
    expect(page.newest).toBe("2026-04-20");
    const withdrawn = variant("1.3.0-withdrawn", "anthropic-amazon-2026-04", (d) => (d.status = "cancelled"));
    expect(homePage(withdrawn, []).newest).toBe(ADDED_DEAL.announced);
  });

  it("draws the who-funds-whom network on the current release", () => {
    expect(page.network.id).toBe("who-funds-whom");
    expect(page.network.version).toBe("1.3.0");
    expect(page.release).toBe(release);
  });

  it("describes the site to search engines as a WebSite", () => {
    expect(page.jsonLd).toEqual({
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: "Circularity",
      description:
        "Sourced data and analysis on the loops in which AI companies invest in customers that buy their chips and cloud, compared with the 1990s telecom vendor-financing bubble.",
      url: "https://circularity.report/",
    });
  });
});
