import { describe, expect, it } from "vitest";
import { formatUsd, formatUsdLong } from "../../src/lib/money.ts";
import { formatAmount, loopMoneyText, tagLabel } from "../../src/dataset/labels.ts";
import { evidenceThroughText, formatDate, formatPartialDate, formatPartOfMonth, quarterOfMonth } from "../../src/lib/dates.ts";
import { quarterOf } from "../../src/dataset/selectors.ts";
import { quarterEnds } from "../../src/dataset/as-of.ts";
import { compareVersions } from "../../src/lib/semver.ts";
import { citationsFor } from "../../src/lib/cite.ts";
import { articleRefs, assertRefsExist } from "../../src/articles/refs.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

describe("money", () => {
  it.each([
    [38e9, "$38B"],
    [1.2e12, "$1.2T"],
    [1.25e12, "$1.25T"],
    [350e6, "$350M"],
    [11.9e9, "$11.9B"],
    [683e6, "$683M"],
    [0, "$0"],
    [-2.3e9, "−$2.3B"],
    [-350e6, "−$350M"],
  ])("formats %d as %s", (usd, text) => expect(formatUsd(usd)).toBe(text));

  it("writes amounts with their basis", () => {
    expect(formatAmount({ usd: 1e11, basis: "up-to" })).toBe("up to $100B");
    expect(formatAmount({ usd: 3e11, basis: "reported" })).toBe("$300B (reported)");
    expect(formatAmount({ usd: 3.4e10, basis: "estimated" })).toBe("~$34B (estimated)");
    expect(formatAmount(null)).toBe("undisclosed");
    expect(formatUsdLong(38e9)).toBe("$38 billion");
    expect(formatUsdLong(-16.8e9)).toBe("−$16.8 billion");
  });
});

describe("dates", () => {
  it("is honest about precision", () => {
    expect(formatDate("2025-11-03")).toBe("Nov 3, 2025");
    expect(formatDate("2025-09-01", "month")).toBe("Sep 2025");
    expect(formatDate("2025-08-01", "quarter")).toBe("Q3 2025");
    expect(formatDate("1999-01-01", "year")).toBe("1999");
    expect(formatPartialDate("2025-10")).toBe("Oct 2025");
  });
  it("says how current evidence is by the part of the month, at the boundaries", () => {
    expect(formatPartOfMonth("2026-07-01")).toBe("early July 2026");
    expect(formatPartOfMonth("2026-07-10")).toBe("early July 2026");
    expect(formatPartOfMonth("2026-07-11")).toBe("mid-July 2026");
    expect(formatPartOfMonth("2026-07-20")).toBe("mid-July 2026");
    expect(formatPartOfMonth("2026-07-21")).toBe("late July 2026");
    expect(formatPartOfMonth("2026-12-31")).toBe("late December 2026");
    expect(evidenceThroughText({ evidenceThrough: "2026-01-05" })).toBe("evidence through early January 2026");
    // Where the sweep stops before the newest evidence, the line says the record is thin after it.
    expect(evidenceThroughText({ evidenceThrough: "2026-08-17", sweptThrough: "2026-07-05" })).toBe(
      "evidence through mid-August 2026, thin after early July 2026",
    );
    expect(evidenceThroughText({ evidenceThrough: "2026-07-10", sweptThrough: "2026-07-05" })).toBe("evidence through early July 2026");
    expect(evidenceThroughText({ evidenceThrough: "2026-07-10", sweptThrough: undefined })).toBe("evidence through early July 2026");
  });
});

describe("versions", () => {
  it("orders 1.10.0 after 1.9.0", () => {
    expect(["1.10.0", "1.9.0", "1.0.1"].sort(compareVersions)).toEqual(["1.0.1", "1.9.0", "1.10.0"]);
  });
});

describe("citations", () => {
  const c = citationsFor({
    kind: "chart",
    id: "who-funds-whom",
    title: "Who funds whom",
    authors: ["Circularity"],
    issued: "2026-11-24",
    url: "https://x.test/charts/who-funds-whom/v1.0.0/",
    datasetVersion: "1.0.0",
    evidenceThrough: "2026-07-08",
  });
  it("names the dataset version and pinned URL in all three formats", () => {
    for (const text of [c.apa, c.bibtex, c.cslJson]) {
      expect(text).toContain("1.0.0");
      expect(text).toContain("https://x.test/charts/who-funds-whom/v1.0.0/");
    }
    expect(c.apa).toBe(
      "Circularity. (2026, November 24). Who funds whom [Chart]. Circularity, dataset v1.0.0 (evidence through early July 2026). https://x.test/charts/who-funds-whom/v1.0.0/",
    );
    expect(c.bibtex).toContain("note = {Dataset version 1.0.0, evidence through early July 2026}");
    expect(c.ris).toContain("ET  - Dataset version 1.0.0, evidence through early July 2026");
    expect(c.bibtex).toMatch(/^@misc\{circularity-who-funds-whom-1-0-0,/);
    expect(JSON.parse(c.cslJson).issued["date-parts"]).toEqual([[2026, 11, 24]]);
  });
});

describe("article references", () => {
  const body = `Text <Fact deal="nvidia-openai-2025-09" /> and <Fact field="date" deal='openai-amazon-2025-11'/>.\n\n<Chart id="who-funds-whom" />\n<Fact metric="openai-revenue-2025-h1" />`;
  it("finds chart, deal and metric ids", () => {
    expect(articleRefs(body)).toEqual({
      charts: ["who-funds-whom"],
      deals: ["nvidia-openai-2025-09", "openai-amazon-2025-11"],
      metrics: ["openai-revenue-2025-h1"],
      financing: [],
      facts: [{ deal: "nvidia-openai-2025-09" }, { field: "date", deal: "openai-amazon-2025-11" }, { metric: "openai-revenue-2025-h1" }],
      computed: [],
      counts: [],
      indicators: [],
    });
  });
  it("names the article file and every unknown id", () => {
    const { current } = loadReleases(FIXTURE_DATA);
    const refs = articleRefs(`<Chart id="no-such-chart" /> <Fact deal="no-such-deal" />`);
    expect(() => assertRefsExist("content/articles/x.mdx", refs, current.dataset, current.version, ["who-funds-whom"], {})).toThrow(
      /content\/articles\/x\.mdx:\n  - unknown chart id "no-such-chart"[\s\S]*unknown deal id "no-such-deal"/,
    );
  });
});

describe("plotToSvg ids", () => {
  it("renumbers Plot's clip-path ids within the chart, so the same chart renders the same ids every time", async () => {
    const { plotToSvg } = await import("../../src/render/plot-to-svg.ts");
    const Plot = await import("@observablehq/plot");
    const options = { width: 200, height: 100, marks: [Plot.barY([1, 2, 3], { clip: true })] };
    const first = plotToSvg(options, "probe", "probe chart").svg;
    const second = plotToSvg(options, "probe", "probe chart").svg;
    expect(first).toContain('id="probe-c0"');
    expect(first).toContain("url(#probe-c0)");
    expect(first).not.toMatch(/plot-clip-\d+/);
    expect(second).toBe(first);
  });
});

describe("quarters, at every month boundary", () => {
  // Month by month: the last month of a quarter and the first of the next are where an off-by-one shows.
  const expected = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4];
  it.each(expected.map((q, i) => [i + 1, q] as const))("month %d is in Q%d everywhere a quarter is named", (month, quarter) => {
    const mm = String(month).padStart(2, "0");
    expect(quarterOfMonth(month)).toBe(quarter);
    expect(formatDate(`2025-${mm}-15`, "quarter")).toBe(`Q${quarter} 2025`);
    expect(formatDate(`2025-${mm}-01`, "quarter")).toBe(`Q${quarter} 2025`);
    expect(quarterOf(`2025-${mm}-28`)).toBe(`2025-Q${quarter}`);
    expect(quarterEnds(`2025-${mm}-01`, "2025-12-31")[0]).toBe(`2025-${["03-31", "06-30", "09-30", "12-31"][quarter - 1]}`);
  });
  it("rolls quarter-ends over the year", () => {
    expect(quarterEnds("2025-11-30", "2026-04-01")).toEqual(["2025-12-31", "2026-03-31"]);
    expect(quarterEnds("2025-12-31", "2025-12-30")).toEqual([]);
  });
});

describe("how much a loop moves", () => {
  it("leads with what can go round, and never says $0 for undisclosed legs", () => {
    expect(loopMoneyText({ roundTripUsd: 4e9, firmRoundTripUsd: 1e9, grossUsd: 104e9 })).toBe(
      "$4B can go round (its smallest leg; $1B firm); $104B on its legs in all",
    );
    expect(loopMoneyText({ roundTripUsd: 4e9, firmRoundTripUsd: 4e9, grossUsd: 8e9 })).toBe(
      "$4B can go round (its smallest leg; all of it firm); $8B on its legs in all",
    );
    expect(loopMoneyText({ roundTripUsd: 30e9, firmRoundTripUsd: 0, grossUsd: 370e9 })).toBe(
      "$30B can go round (its smallest leg; none of it firm); $370B on its legs in all",
    );
    expect(loopMoneyText({ roundTripUsd: null, firmRoundTripUsd: null, grossUsd: 100e9 })).toBe(
      "a leg is undisclosed, so what can go round is unknown; $100B disclosed on its other legs",
    );
    expect(loopMoneyText({ roundTripUsd: null, firmRoundTripUsd: null, grossUsd: 0 })).toBe("amounts undisclosed");
  });
});

describe("tag labels", () => {
  const names = new Map([
    ["openai", { name: "OpenAI" }],
    ["amazon", { name: "Amazon (AWS)" }],
  ]);
  it("name a company tag by the company, keep acronyms in capitals, and capitalise the first word", () => {
    expect(tagLabel("openai", names)).toBe("OpenAI");
    expect(tagLabel("amazon", names)).toBe("Amazon");
    expect(tagLabel("ipo", names)).toBe("IPO");
    expect(tagLabel("ai-chips", names)).toBe("AI chips");
    expect(tagLabel("vendor-financing", names)).toBe("Vendor financing");
    expect(tagLabel("equity-for-compute", names)).toBe("Equity for compute");
  });
});
