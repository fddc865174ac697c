// The static JSON API (/api/v1/): each document names its dataset version, release date, evidence date, licence and
// how to cite it, and carries the record as the release holds it. Tested on the fixture history with a 1.3.0
// release, the first with the monitor's indicators.
import { beforeEach, describe, expect, it } from "vitest";
import { ADDED_DEAL, CANCELLED_DEAL, RELEASE_13, fixtureWith13, withDataDir } from "../helpers/fixture-with-1-3.ts";
import type { Release } from "../../src/dataset/load.ts";
import type { RenderedChart } from "../../src/render/chart-render.ts";
import { compareVersions } from "../../src/lib/semver.ts";

const { dataDir, archiveDir } = fixtureWith13();
const { API_VERSION, apiChart, apiCompany, apiDeal, apiIndex, apiIndicator, currentRelease, getHistory, CHARTS } = await withDataDir(
  dataDir,
  archiveDir,
  async () => ({
    ...(await import("../../src/page-data/api.ts")),
    ...(await import("../../src/dataset/index.ts")),
    ...(await import("../../src/charts/index.ts")),
  }),
);

const SITE = "https://circularity.report";

/** What every document says about where it comes from, for the HTML page at `path`. */
function envelopeOf(path: string) {
  return {
    apiVersion: 1,
    datasetVersion: "1.3.0",
    datasetReleased: RELEASE_13.released,
    datasetEvidenceThrough: RELEASE_13.evidenceThrough,
    licence: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    // evidenceThrough 2026-07-10 reads "early July 2026".
    cite: `Circularity, dataset v1.3.0 (evidence through early July 2026), ${SITE}/${path}`,
    url: `${SITE}/${path}`,
  };
}

describe("API documents", () => {
  let release: Release;
  beforeEach(() => {
    release = currentRelease();
  });

  it("serve a deal as the release holds it, with its evidence (its one source is a repost), the financing that pays for it and its page", () => {
    const deal = release.dataset.deals.find((d) => d.id === "openai-coreweave-2025-03")!;
    const doc = apiDeal(release, deal.id);
    expect(API_VERSION).toBe(1);
    expect(doc).toEqual({
      ...envelopeOf("deals/openai-coreweave-2025-03/"),
      data: { ...deal, evidence: "aggregator", financedBy: ["coreweave-notes-2025-05"], html: `${SITE}/deals/openai-coreweave-2025-03/` },
    });
    expect(doc.data).toMatchObject({ amount: { usd: 12_000_000_000, basis: "committed" }, from: "openai", to: "coreweave" });
    expect((doc.data as typeof deal).sources.map((s) => s.url)).toEqual(deal.sources.map((s) => s.url));
  });

  it("serve a deal no financing pays for with an empty list, and a deal of the older release as that release holds it", () => {
    const added = apiDeal(release, ADDED_DEAL.id);
    expect(added.data).toMatchObject({ id: ADDED_DEAL.id, amount: ADDED_DEAL.amount, evidence: "company", financedBy: [] });
    const cancelled = apiDeal(release, CANCELLED_DEAL.id).data as { status: string };
    expect(cancelled.status).toBe("cancelled");
    const older = getHistory().releases[1]!;
    const doc = apiDeal(older, CANCELLED_DEAL.id);
    expect(doc.datasetVersion).toBe("1.1.0");
    expect((doc.data as { status: string }).status).toBe("announced");
    expect(doc.datasetReleased).toBe("2026-05-01");
    // 1.1.0 records no evidence date: its newest cited date stands in (Anthropic's AWS commitment, 20 April 2026).
    expect(doc.datasetEvidenceThrough).toBe("2026-04-20");
    expect(doc.cite).toBe(`Circularity, dataset v1.1.0 (evidence through mid-April 2026), ${SITE}/deals/${CANCELLED_DEAL.id}/`);
  });

  it("serve a company with its deals each way (oldest first), financing, metrics, loops and feed", () => {
    const nvidia = release.dataset.entities.find((e) => e.id === "nvidia")!;
    const doc = apiCompany(release, "nvidia");
    expect(doc).toEqual({
      ...envelopeOf("companies/nvidia/"),
      data: {
        ...nvidia,
        dealsIn: ["openai-nvidia-2025-09"],
        dealsOut: ["nvidia-coreweave-2025-09", "nvidia-openai-2025-09", ADDED_DEAL.id],
        // Nvidia is the fixture's noteholder.
        financing: ["coreweave-notes-2025-05"],
        metrics: [],
        loops: [{ id: "nvidia--openai", entities: ["nvidia", "openai"] }],
        feed: `${SITE}/companies/nvidia/feed.xml`,
      },
    });
  });

  it("serve a company's own metrics only, every loop it is in, and every deal to it, cancelled ones too", () => {
    const doc = apiCompany(release, "openai").data as { metrics: { id: string; entity: string }[]; loops: { id: string }[]; dealsIn: string[] };
    expect(doc.metrics.map((m) => m.id)).toEqual([
      "openai-revenue-2025-h1",
      "openai-cash-burn-2025-h1",
      "openai-valuation-2025-03-31",
      "openai-valuation-2025-10-02",
    ]);
    expect(doc.metrics).toEqual(release.dataset.metrics.filter((m) => m.entity === "openai"));
    expect(doc.loops.map((l) => l.id).sort()).toEqual(["amd--openai", "nvidia--openai"]);
    expect(doc.dealsIn).toEqual(["nvidia-openai-2025-09", "amd-openai-2025-10", CANCELLED_DEAL.id]);
    const amd = apiCompany(release, "amd").data as { metrics: { id: string }[]; financing: string[] };
    expect(amd.metrics.map((m) => m.id)).toEqual(["amd-revenue-2025"]);
    expect(amd.financing).toEqual([]);
    const coreweave = apiCompany(release, "coreweave").data as { financing: string[]; dealsOut: string[] };
    expect(coreweave.financing).toEqual(["coreweave-notes-2025-05"]);
    expect(coreweave.dealsOut).toEqual([]);
  });

  it("serve a chart's text, table and pinned files, pinned to the chart's own version", () => {
    const chart = {
      id: "who-funds-whom",
      version: "1.1.0",
      title: "Who funds whom",
      subtitle: "The subtitle",
      caption: "The caption",
      sourceNote: "The source note",
      alt: "The alt text",
      table: {
        headers: [
          { label: "From", numeric: false },
          { label: "Amount", numeric: true },
        ],
        rows: [],
      },
      rows: [
        { key: "a", value: { from: "nvidia", usd: 1 } },
        { key: "b", value: { from: "amd", usd: 2 } },
      ],
    } as unknown as RenderedChart;
    const pinned = `${SITE}/charts/who-funds-whom/v1.1.0`;
    expect(apiChart(release, chart)).toEqual({
      ...envelopeOf("charts/who-funds-whom/"),
      data: {
        id: "who-funds-whom",
        title: "Who funds whom",
        subtitle: "The subtitle",
        caption: "The caption",
        source: "The source note",
        alt: "The alt text",
        pinned: `${pinned}/`,
        downloads: {
          svg: `${pinned}/who-funds-whom.svg`,
          png: `${pinned}/who-funds-whom.png`,
          csv: `${pinned}/who-funds-whom.csv`,
          json: `${pinned}/who-funds-whom.json`,
        },
        columns: ["From", "Amount"],
        rows: [
          { from: "nvidia", usd: 1 },
          { from: "amd", usd: 2 },
        ],
      },
    });
  });

  it("serve an indicator as the release computes it, with its pinned page and archived download", () => {
    const doc = apiIndicator(release, "firmness");
    expect(doc).toMatchObject(envelopeOf("monitor/firmness/"));
    expect(doc.data).toMatchObject({
      id: "firmness",
      version: "1.3.0",
      title: "How firm the money is",
      display: "23%",
      pinned: `${SITE}/monitor/firmness/v1.3.0/`,
      download: `${SITE}/monitor/firmness/v1.3.0/firmness.json`,
    });
    // Committed 70.3 of 304.3 billion disclosed dollars in active AI-era deals.
    expect((doc.data as { value: number }).value).toBeCloseTo((70.3 / 304.3) * 100, 6);
  });
});

/** The index's listing: each entry names a document and where it is. */
interface IndexData {
  description: string;
  dataset: Record<string, string>;
  deals: { id: string; title: string; announced: string; url: string }[];
  companies: { id: string; name: string; url: string }[];
  charts: { id: string; title: string; url: string }[];
  indicators: { id: string; title: string; value: number; display: string; url: string }[];
}

describe("API index", () => {
  let release: Release;
  let index: ReturnType<typeof apiIndex>;
  let data: IndexData;
  beforeEach(() => {
    release = currentRelease();
    index = apiIndex(release);
    data = index.data as IndexData;
  });

  it("names the release, its files and its schema", () => {
    expect(index).toMatchObject(envelopeOf("api/v1/"));
    expect(data.description).toBe(
      "Circularity: Sourced data and analysis on the loops in which AI companies invest in customers that buy their chips and cloud, compared with the 1990s telecom vendor-financing bubble.",
    );
    expect(data.dataset).toEqual({
      json: `${SITE}/data/1.3.0.json`,
      csv: `${SITE}/data/1.3.0.csv`,
      datapackage: `${SITE}/data/1.3.0/datapackage.json`,
      schema: `${SITE}/data/schema.json`,
    });
  });

  it("lists every deal of the release, cancelled ones too, in the release's order, each with its document", () => {
    expect(data.deals).toEqual(
      release.dataset.deals.map((d) => ({ id: d.id, title: d.title, announced: d.announced, url: `${SITE}/api/v1/deals/${d.id}.json` })),
    );
    expect(data.deals).toHaveLength(13);
    expect(data.deals.at(-1)).toEqual({
      id: ADDED_DEAL.id,
      title: ADDED_DEAL.title,
      announced: "2026-02-12",
      url: `${SITE}/api/v1/deals/${ADDED_DEAL.id}.json`,
    });
  });

  it("lists the companies that take part in a deal or financing, by name", () => {
    expect(data.companies.map((c) => c.name)).toEqual([
      "Amazon (AWS)",
      "AMD",
      "Anthropic",
      "CoreWeave",
      "Lucent Technologies",
      "Lucent's carrier customers (aggregate)",
      "Nvidia",
      "OpenAI",
    ]);
    expect(data.companies[1]).toEqual({ id: "amd", name: "AMD", url: `${SITE}/api/v1/companies/amd.json` });
  });

  it("lists the charts published on the release, in gallery order, and the monitor's indicators with their values", () => {
    const published = CHARTS.filter((c) => compareVersions(c.since, "1.3.0") <= 0).map((c) => c.id);
    expect(published).toContain("microsoft-openai-ledger"); // since 1.2.0
    expect(data.charts.map((c) => c.id)).toEqual(published);
    expect(data.charts[0]).toEqual({ id: "who-funds-whom", title: "Who funds whom", url: `${SITE}/api/v1/charts/who-funds-whom.json` });
    expect(data.indicators).toEqual([
      {
        id: "firmness",
        title: "How firm the money is",
        value: expect.closeTo((70.3 / 304.3) * 100, 9),
        display: "23%",
        url: `${SITE}/api/v1/indicators/firmness.json`,
      },
      {
        id: "debt-behind-the-loops",
        title: "The money borrowed and raised behind the loops",
        value: 2_000_000_000,
        display: "$2B",
        url: `${SITE}/api/v1/indicators/debt-behind-the-loops.json`,
      },
    ]);
  });
});
