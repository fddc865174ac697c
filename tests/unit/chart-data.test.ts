// The data shaping several charts share, on deals written out in the test: totals per entity and basis (what a
// bar's length and its "n deals" label say), the ids a chart cites, names, and the two-way supplier loop. Also the
// archive of pinned chart renderings: written once, read back, and a damaged file named with its bad field.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dealIdsIn, dealIdsOf, entityName, supplierFundingDeals, totalsByEntityAndBasis } from "../../src/charts/data.ts";
import { archivePath, readArchived, writeArchived } from "../../src/render/chart-archive.ts";
import { renderUncached } from "../../src/render/chart-render.ts";
import { CHARTS } from "../../src/charts/index.ts";
import { boundedUsd, roundPayerRows } from "../../src/charts/lab-round-payers.ts";
import { profitRows } from "../../src/charts/amazon-profit-from-marks.ts";
import { exposureRows } from "../../src/charts/amazon-two-labs-exposure.ts";
import { multipleRows, multipleText, periodDay, runRatesAround } from "../../src/charts/lab-revenue-multiples.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { loopsByRewiring } from "../../src/dataset/loops.ts";
import { parseTerms, termValued } from "../../src/dataset/terms.ts";
import type { Dataset, Deal } from "../../src/schemas/dataset.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

const fixture = loadReleases(FIXTURE_DATA).current.dataset;

function deal(
  id: string,
  from: string,
  to: string,
  type: Deal["type"],
  usd?: number,
  basis: "committed" | "up-to" | "reported" = "committed",
  extra: Partial<Deal> = {},
): Deal {
  return {
    ...fixture.deals[0]!,
    id,
    from,
    to,
    type,
    amount: usd === undefined ? undefined : { usd, basis },
    status: "announced",
    supersededBy: undefined,
    ...extra,
  } as Deal;
}

function withDeals(deals: Deal[]): Dataset {
  return { ...fixture, deals };
}

describe("totals per entity and basis", () => {
  const deals = [
    deal("a", "nvidia", "openai", "equity", 10e9, "committed"),
    deal("b", "nvidia", "anthropic", "equity", 5e9, "committed"),
    deal("c", "nvidia", "openai", "equity", 100e9, "up-to"),
    deal("d", "amazon", "anthropic", "equity", 8e9, "committed"),
    deal("e", "amazon", "openai", "loan", undefined),
    deal("f", "ghost-co", "openai", "equity", 1e9, "reported"),
    deal("g", "amd", "openai", "warrants", 50e9, "committed", { status: "cancelled" }),
  ];

  it("sums dollars and counts deals per payer and basis, biggest payer first, bases in the site's order", () => {
    expect(totalsByEntityAndBasis(withDeals(deals), "from", deals, 10)).toEqual([
      { entity: "nvidia", name: "Nvidia", basis: "committed", usd: 15e9, deals: 2 },
      { entity: "nvidia", name: "Nvidia", basis: "up-to", usd: 100e9, deals: 1 },
      { entity: "amazon", name: "Amazon (AWS)", basis: "committed", usd: 8e9, deals: 1 },
      // An id the dataset does not name is shown as itself rather than dropped.
      { entity: "ghost-co", name: "ghost-co", basis: "reported", usd: 1e9, deals: 1 },
    ]);
  });

  it("groups by recipient when asked, and keeps only the top entities", () => {
    expect(totalsByEntityAndBasis(withDeals(deals), "to", deals, 1)).toEqual([
      { entity: "openai", name: "OpenAI", basis: "committed", usd: 10e9, deals: 1 },
      { entity: "openai", name: "OpenAI", basis: "up-to", usd: 100e9, deals: 1 },
      { entity: "openai", name: "OpenAI", basis: "reported", usd: 1e9, deals: 1 },
    ]);
  });
});

describe("ids, names and the supplier loop", () => {
  it("lists each deal behind a chart once, sorted", () => {
    expect(dealIdsOf([deal("z", "a", "b", "equity"), deal("a", "a", "b", "equity"), deal("z", "a", "b", "loan")])).toEqual(["a", "z"]);
    // A Records cell names metrics and deals; only the deals are linked, in the cell's order.
    const ids = fixture.deals.slice(0, 2).map((d) => d.id);
    expect(dealIdsIn(`${ids[1]} no-such-metric ${ids[0]}`, fixture)).toEqual([ids[1], ids[0]]);
  });

  it("names an entity, or shows its id when the dataset has no such entity", () => {
    expect(entityName(fixture, "coreweave")).toBe(fixture.entities.find((e) => e.id === "coreweave")!.name);
    expect(entityName(fixture, "not-an-entity")).toBe("not-an-entity");
  });

  it("finds supplier funding only where the customer also buys from that supplier", () => {
    const deals = [
      deal("fund", "nvidia", "openai", "equity", 10e9),
      deal("buy", "openai", "nvidia", "chip-purchase", 20e9),
      deal("fund-undisclosed", "nvidia", "openai", "warrants"),
      deal("fund-no-purchase", "nvidia", "anthropic", "equity", 5e9),
      // A purchase the wrong way round (supplier buying from the customer) does not close the loop.
      deal("fund-wrong-way", "amazon", "anthropic", "loan", 4e9),
      deal("buy-wrong-way", "amazon", "anthropic", "cloud-commitment", 8e9),
      deal("buy-as-funding", "openai", "nvidia", "chip-purchase", 1e9),
      // Funding both ways with no purchase is not the supplier loop.
      deal("mutual-a", "amd", "openai", "equity", 2e9),
      deal("mutual-b", "openai", "amd", "equity", 1e9),
      deal("fund-old", "nvidia", "openai", "loan", 3e9, "committed", { supersededBy: "fund" }),
    ];
    const ids = (options?: { undisclosed?: boolean }) => supplierFundingDeals(withDeals(deals), options).map((d) => d.id);
    expect(ids()).toEqual(["fund"]);
    expect(ids({ undisclosed: true })).toEqual(["fund", "fund-undisclosed"]);
  });
});

describe("the archive of pinned chart renderings", () => {
  const chart = renderUncached(CHARTS[0]!, fixture, "1.1.0");

  it("writes an entry once, in a new folder, and never replaces it", () => {
    const dir = mkdtempSync(join(tmpdir(), "archive-"));
    expect(writeArchived(chart, dir)).toBe(true);
    const path = archivePath(chart.id, "1.1.0", dir);
    const written = readFileSync(path, "utf8");
    expect(written).toBe(JSON.stringify(chart, null, 1) + "\n");
    expect(writeArchived({ ...chart, title: "Changed" }, dir)).toBe(false);
    expect(readFileSync(path, "utf8")).toBe(written);
    expect(readArchived(chart.id, "1.1.0", dir)).toEqual(JSON.parse(written));
    expect(readArchived(chart.id, "9.9.9", dir)).toBeUndefined();
  });

  it("names the file and each bad field of a damaged entry", () => {
    const dir = mkdtempSync(join(tmpdir(), "archive-"));
    const path = archivePath("broken", "1.0.0", dir);
    mkdirSync(join(dir, "broken"), { recursive: true });
    const { title: _title, ...noTitle } = chart;
    writeFileSync(path, JSON.stringify({ ...noTitle, rows: "not rows" }));
    expect(() => readArchived("broken", "1.0.0", dir)).toThrow(`${path}: not a valid archived chart: title: `);
    expect(() => readArchived("broken", "1.0.0", dir)).toThrow(/title: [^;]+; rows: /);
    writeFileSync(path, "[]");
    expect(() => readArchived("broken", "1.0.0", dir)).toThrow(`${path}: not a valid archived chart: (root): `);
  });
});

describe("loops-against-chance", () => {
  const chart = CHARTS.find((c) => c.id === "loops-against-chance")!;
  it("adds the layered rows only where the release has supply-chain layers (schema 1.27)", () => {
    const tests = (dataset: Dataset) => chart.build(dataset).data.map((r) => (r as { test: string }).test);
    // The fixture has no layers: the rows archived for 1.25.1 and 1.26.0, unchanged.
    expect(tests(fixture)).toEqual(["Pairs", "Chains of three", "Chains, pairs kept", "Chains, funders and buyers kept", "Rings of four"]);
    const layered = { ...fixture, entities: fixture.entities.map((e) => ({ ...e, layer: (e.id === "nvidia" ? "hardware" : "cloud") as "cloud" })) };
    const rows = chart.build(layered).data as { test: string; records: number; mean: number; low: number; high: number }[];
    expect(rows.map((r) => r.test)).toEqual([
      "Pairs",
      "Pairs, layers kept",
      "Chains of three",
      "Chains, pairs kept",
      "Chains, funders and buyers kept",
      "Chains, layers kept",
      "Chains, layers and pairs kept",
      "Rings of four",
    ]);
    const layers = Object.fromEntries(layered.entities.map((e) => [e.id, e.layer]));
    const expected = loopsByRewiring(layered.deals, "ai-2020s", { keep: "layers-pairs-in-place", layers });
    expect(rows.find((r) => r.test === "Chains, layers and pairs kept")).toMatchObject({
      records: expected.actual[3],
      mean: expected.mean[3],
      low: expected.low[3],
      high: expected.high[3],
    });
  });
});

describe("lab-round-payers", () => {
  // The release the chart is first published for: the rounds and every supplier part are records in it.
  const release = loadReleases("data").releases.find((r) => r.version === "1.40.0")!.dataset;
  const rows = roundPayerRows(release);
  const total = (key: string) => rows.filter((r) => r.roundKey === key).reduce((a, r) => a + r.usd, 0);
  const part = (key: string, payer: string) => rows.find((r) => r.roundKey === key && r.payer === payer);

  it("splits each round into its payers, and the parts add up to the round", () => {
    expect(total("anthropic-2026-02")).toBe(30e9);
    expect(total("anthropic-2026-05")).toBe(65e9);
    expect(total("openai-2026-03")).toBe(122e9);
    // OpenAI's suppliers: Amazon's first $15B, Nvidia's and SoftBank's $30B each at the price; Amazon's other $35B due on conditions.
    expect(part("openai-2026-03", "suppliers-at-price")!.usd).toBe(75e9);
    expect(part("openai-2026-03", "suppliers-conditional")!.usd).toBe(35e9);
    expect(part("anthropic-2026-05", "suppliers-earlier")!.usd).toBe(15e9);
  });

  it("turns a ceiling on the suppliers' part into a floor on everyone else's, and says so in the table", () => {
    expect(part("anthropic-2026-02", "suppliers-at-price")).toMatchObject({ usd: 15e9, bound: "at most" });
    expect(part("anthropic-2026-02", "others")).toMatchObject({ usd: 15e9, bound: "at least" });
    expect(boundedUsd(part("anthropic-2026-02", "others")!)).toBe("at least $15B");
    expect(part("openai-2026-03", "others")!.bound).toBe("stated");
    const chart = CHARTS.find((c) => c.id === "lab-round-payers")!;
    const r = renderUncached(chart, release, "1.40.0");
    const gRow = r.table.rows.find((cells) => cells[0] === "Anthropic Series G, Feb 2026" && cells[2] === "Other investors")!;
    expect(gRow).toContain("at least $15B");
    expect(r.alt).toContain("OpenAI, Feb–Mar 2026, $122B at $852B after the money");
    expect(r.alt).toContain("suppliers, at the round's price $75B (61%)");
  });

  // 1.48.0 split Amazon's $50B into its firm $15B and a conditional $35B record: the parts stay what they were.
  it("gives Amazon's conditional part the same $35B before and after its commitment became two records", () => {
    for (const version of ["1.47.4", "1.48.0"]) {
      const dataset = loadReleases("data").releases.find((r) => r.version === version)!.dataset;
      const conditional = roundPayerRows(dataset).find((r) => r.roundKey === "openai-2026-03" && r.payer === "suppliers-conditional")!;
      expect(conditional.usd, version).toBe(35e9);
      expect(conditional.records.includes("amazon-openai-2026-02-conditional"), version).toBe(version === "1.48.0");
    }
  });

  // 1.57.0: Amazon's 10-Q says the conditional $35B was paid by July 2026, so it is money at the round's price, not a promise.
  it("moves Amazon's conditional part to money paid at the price once its record is committed, and not before", () => {
    const at = (version: string) => roundPayerRows(loadReleases("data").releases.find((r) => r.version === version)!.dataset);
    const before = at("1.56.0").filter((r) => r.roundKey === "openai-2026-03");
    expect(before.find((r) => r.payer === "suppliers-conditional")!.usd).toBe(35e9);
    const after = at("1.57.0").filter((r) => r.roundKey === "openai-2026-03");
    expect(after.some((r) => r.payer === "suppliers-conditional")).toBe(false);
    const paid = after.filter((r) => r.payer === "suppliers-at-price");
    expect(paid.map((r) => r.usd)).toEqual([75e9, 35e9]);
    expect(paid[1]!.who).toBe("Amazon (the rest of its commitment, paid by July 2026)");
    expect(after.reduce((a, r) => a + r.usd, 0)).toBe(122e9);
  });

  // 1.58.0: Amazon's 10-Q says its $5B in the May round bought Series H shares, at the round's price; earlier releases,
  // without that filing, read Anthropic's $15B of hyperscalers' commitments as April money at February's price.
  it("re-reads Anthropic's May supplier part from the release that holds Amazon's filing, and not before", () => {
    const at = (version: string) =>
      roundPayerRows(loadReleases("data").releases.find((r) => r.version === version)!.dataset).filter((r) => r.roundKey === "anthropic-2026-05");
    const before = at("1.57.0");
    expect(before.map((r) => [r.payer, r.usd])).toEqual([
      ["suppliers-earlier", 15e9],
      ["others", 50e9],
    ]);
    expect(before[1]!.who).not.toContain("hyperscalers");
    const after = at("1.58.0");
    expect(after.map((r) => [r.payer, r.usd])).toEqual([
      ["suppliers-at-price", 5e9],
      ["others", 60e9],
    ]);
    expect(after[0]!.records).toBe("amazon-customer-financing-2026-q2-anthropic-series-h");
    expect(after[0]!.who).toBe("Amazon (Series H shares, by its 10-Q)");
    expect(after[1]!.who).toContain("the rest of the hyperscalers' earlier commitments");
  });

  it("names the missing record when a round's record is not in the dataset", () => {
    const without = { ...release, deals: release.deals.filter((d) => d.id !== "anthropic-series-h-anthropic-2026-05") };
    expect(() => roundPayerRows(without)).toThrow(/unknown deal id "anthropic-series-h-anthropic-2026-05"/);
  });

  it("refuses suppliers' parts larger than the round they are part of", () => {
    const swollen = {
      ...release,
      deals: release.deals.map((d) => (d.id === "microsoft-anthropic-2025-11" ? { ...d, amount: { ...d.amount!, usd: 40e9 } } : d)),
    };
    expect(() => roundPayerRows(swollen)).toThrow(/exceed the round's total/);
  });
});

describe("amazon-profit-from-marks", () => {
  // Release 1.58.0 is the first to hold the 10-Q's split of Amazon's first-half other income.
  const release = loadReleases("data").releases.find((r) => r.version === "1.58.0")!.dataset;
  const metric = (id: string) => release.metrics.find((m) => m.id === id)!.value;
  const rows = profitRows(release);
  const part = (bar: string, p: string) => rows.find((r) => r.bar === bar && r.part === p)!;

  it("splits other income as the 10-Q does, and the parts add up to the record of the whole", () => {
    expect(part("Other income, before tax", "marks").usd).toBe(62.8e9);
    expect(part("Other income, before tax", "notes").usd).toBe(4.5e9);
    expect(part("Other income, before tax", "other-income").usd).toBeCloseTo(1.8e9, -3);
    expect(part("Other income, before tax", "marks").barUsd).toBe(metric("amazon-equity-gain-2026-h1-anthropic"));
  });

  it("splits the half's net income into the Anthropic gains after tax and the rest, 55% and 45%", () => {
    const income = metric("amazon-net-income-2026-q1") + metric("amazon-net-income-2026-q2");
    // $53.2B after tax, less the $1.8B of other items the tax is not tied to.
    expect(part("Net income", "gains-after-tax").usd).toBeCloseTo(51.4e9, -6);
    expect(part("Net income", "rest").usd).toBeCloseTo(income - 51.4e9, -6);
    expect(part("Net income", "rest").barUsd).toBeCloseTo(income, -3);
    const chart = CHARTS.find((c) => c.id === "amazon-profit-from-marks")!;
    const r = renderUncached(chart, release, "1.58.0");
    expect(r.alt).toContain("Net income, $92.9B: the Anthropic gains, after the tax tied to them $51.4B (55%), everything else $41.5B (45%)");
    expect(r.alt).toContain("earlier gains on Anthropic notes converted in Q1 $4.5B");
  });

  it("refuses a part that comes out below zero, naming it and its records", () => {
    const swollen = {
      ...release,
      metrics: release.metrics.map((m) => (m.id === "amazon-equity-gain-2026-h1-anthropic-preferred-marks" ? { ...m, value: 70e9 } : m)),
    };
    expect(() => profitRows(swollen)).toThrow(/"Other items" of "Other income, before tax" \(amazon-equity-gain-2026-h1-anthropic .*\) comes out below zero/);
  });

  it("names the missing record when a part's record is not in the dataset", () => {
    const without = { ...release, metrics: release.metrics.filter((m) => m.id !== "amazon-equity-gain-2026-h1-anthropic-notes-reclassified") };
    expect(() => profitRows(without)).toThrow(/amazon-equity-gain-2026-h1-anthropic-notes-reclassified/);
  });
});

describe("amazon-two-labs-exposure", () => {
  // Release 1.59.0 is the first to hold Amazon's June backlog and stockholders' equity.
  const release = loadReleases("data").releases.find((r) => r.version === "1.59.0")!.dataset;
  const rows = exposureRows(release);
  const part = (p: string) => rows.find((r) => r.part === p)!;

  it("splits what Amazon has at stake into cash, booked gains, OpenAI and the open facility, adding up to its measure", () => {
    expect(part("anthropic-cash").usd).toBeCloseTo(18e9, -6);
    // $92.5B of preferred stock and $97.9B of notes, less the $18B paid.
    expect(part("anthropic-gains").usd).toBeCloseTo(172.4e9, -6);
    expect(part("openai").usd).toBe(50e9);
    expect(part("facility").usd).toBe(15e9);
    expect(part("anthropic-cash").barUsd).toBeCloseTo(255.4e9, -6);
  });

  it("sets the two labs' contracts against the June backlog, and the equity on its own", () => {
    expect(part("lab-contracts").usd).toBe(238e9);
    expect(part("other-backlog").usd).toBe(258e9);
    expect(part("equity").usd).toBe(551.62e9);
    const chart = CHARTS.find((c) => c.id === "amazon-two-labs-exposure")!;
    const r = renderUncached(chart, release, "1.59.0");
    expect(r.alt).toContain(
      "At stake in the two labs, $255B: cash paid into Anthropic $18B (7%), gains booked on the Anthropic holdings $172B (68%), stock in OpenAI, paid for or committed $50B (20%), facility still open to Anthropic $15B (6%)",
    );
    expect(r.alt).toContain("Backlog, $496B: the two labs' AWS contracts, if booked in full $238B (48%), rest of the backlog $258B (52%)");
    expect(r.alt).toContain("Shareholders' equity, $552B.");
  });

  it("refuses a backlog smaller than the contracts it is said to hold, naming the part and its records", () => {
    const shrunk = { ...release, metrics: release.metrics.map((m) => (m.id === "amazon-backlog-2026-06-30" ? { ...m, value: 200e9 } : m)) };
    expect(() => exposureRows(shrunk)).toThrow(
      /"Rest of the backlog" of "Backlog" \(amazon-backlog-2026-06-30 openai-amazon-2025-11 .*\) comes out below zero/,
    );
  });
});

describe("lab-revenue-multiples", () => {
  // Release 1.42.0 is the first to hold every run rate the chart sets a price against.
  const release = loadReleases("data").releases.find((r) => r.version === "1.42.0")!.dataset;
  const rows = multipleRows(release);
  const row = (key: string) => rows.find((r) => r.key === key)!;

  it("values the existing shares before the new money", () => {
    // OpenAI's October sale added no money and February's price is stated before the money; Anthropic's post-money
    // prices less each round: $183B − $13B, $380B − $30B, $965B − $65B. November's reported price stands as it is.
    expect(rows.map((r) => [r.key, r.priceUsd])).toEqual([
      ["openai-2025-10", 500e9],
      ["openai-2026-02", 730e9],
      ["anthropic-2025-09", 170e9],
      ["anthropic-2025-11", 350e9],
      ["anthropic-2026-02", 350e9],
      ["anthropic-2026-05", 900e9],
    ]);
  });

  it("sets each price against the lab's last run rate on or before it and its first on or after it, by one rule", () => {
    expect(row("openai-2025-10")).toMatchObject({ runRateBeforeAsOf: "2025-08-04", multipleBefore: 38.5, runRateAfterAsOf: "2025-12-31", multipleAfter: 25 });
    expect(row("openai-2026-02")).toMatchObject({ runRateBeforeAsOf: "2025-12-31", multipleBefore: 36.5, runRateAfterAsOf: "2026-03-31", multipleAfter: 30.4 });
    // "By August 2025" stands for 31 August, before the Series F of 2 September.
    expect(row("anthropic-2025-09")).toMatchObject({ runRateBeforeAsOf: "2025-08", multipleBefore: 34, multipleAfter: 18.9 });
    expect(row("anthropic-2025-11")).toMatchObject({ multipleBefore: 70, multipleAfter: 38.9 });
    // A run rate stated with the round serves both sides.
    expect(row("anthropic-2026-05")).toMatchObject({
      runRateBeforeAsOf: "2026-05-28",
      runRateAfterAsOf: "2026-05-28",
      multipleBefore: 19.1,
      multipleAfter: 19.1,
    });
    expect(periodDay("2025-08")).toBe("2025-08-31");
    expect(periodDay("2024-02")).toBe("2024-02-29");
    expect(runRatesAround(release, "openai", "2025-08-04").before!.id).toBe("openai-revenue-run-rate-2025-08-04");
  });

  it("shows both multiples in the table, the CSV and the text alternative", () => {
    expect(multipleText(row("openai-2026-02"))).toBe("36.5× to 30.4×");
    expect(multipleText(row("anthropic-2026-02"))).toBe("25.0×");
    const chart = CHARTS.find((c) => c.id === "lab-revenue-multiples")!;
    const r = renderUncached(chart, release, "1.42.0");
    const nov = r.table.rows.find((cells) => cells[1] === "Price reported with the pledges, Nov 2025")!;
    expect(nov).toEqual(expect.arrayContaining(["$350B", "$5B", "70.0×", "$9B", "38.9×"]));
    expect(r.alt).toContain("Series H, May 2026, $900B, 19.1× the run rate ($47B as of 2026-05-28)");
    expect(r.alt).toContain("Sale of employees' shares, Oct 2025, $500B, 38.5× to 25.0× the run rate ($13B as of 2025-08-04; $20B as of 2025-12-31)");
    expect(r.csv).toContain("openai-valuation-2026-02-27 openai-revenue-run-rate-2025-12-31 openai-revenue-run-rate-2026-03-31");
  });

  it("names the price when a record is missing or a lab has no run rate on one side of it", () => {
    const without = { ...release, metrics: release.metrics.filter((m) => m.id !== "anthropic-valuation-2025-11-18") };
    expect(() => multipleRows(without)).toThrow(/anthropic-valuation-2025-11-18/);
    const noLater = {
      ...release,
      metrics: release.metrics.filter((m) => !(m.entity === "anthropic" && m.metric === "revenue-run-rate" && m.period >= "2026-05")),
    };
    expect(() => multipleRows(noLater)).toThrow(/Anthropic Series H, May 2026: the dataset has no Anthropic run rate on or after 2026-05-28/);
  });

  it("refuses a price that the new money would take to zero or below", () => {
    const swollen = {
      ...release,
      deals: release.deals.map((d) => (d.id === "anthropic-series-g-anthropic-2026-02" ? { ...d, amount: { ...d.amount!, usd: 400e9 } } : d)),
    };
    expect(() => multipleRows(swollen)).toThrow(/Series G, Feb 2026: the new money takes the price to zero or below/);
  });
});

describe("circular-demand-range across releases", () => {
  // A comparison that gains a record leaves earlier releases as they were published: AMD's high count is its OpenAI
  // warrant alone until Meta's purchase has an amount (1.26.0), and Nvidia's 2024 OpenAI stake counts from 1.32.0.
  const releases = loadReleases("data").releases;
  const demand = CHARTS.find((c) => c.id === "circular-demand-range")!;
  const row = (version: string, label: string) => {
    const release = releases.find((r) => r.version === version)!;
    return renderUncached(demand, release.dataset, version).rows.find((r) => r.key === label)!.value as { highUsd: number };
  };
  const usd = (version: string, id: string) => releases.find((r) => r.version === version)!.dataset.deals.find((d) => d.id === id)!.amount!.usd;

  it("shows a yardstick only from the release that records its denominator", () => {
    const labels = (version: string) => renderUncached(demand, releases.find((r) => r.version === version)!.dataset, version).rows.map((r) => r.key);
    expect(labels("1.2.1")).not.toContain("CoreWeave, backlog March 2026");
    expect(labels("1.47.2")).toContain("CoreWeave, backlog March 2026");
    expect((row("1.47.2", "CoreWeave, backlog March 2026") as unknown as { denominatorUsd: number }).denominatorUsd).toBe(99.4e9);
  });

  it("counts a record only in the releases that give it a value", () => {
    expect(row("1.25.1", "AMD, 2025 revenue").highUsd).toBe(usd("1.25.1", "amd-openai-2025-10"));
    expect(row("1.26.0", "AMD, 2025 revenue").highUsd).toBe(usd("1.26.0", "amd-openai-2025-10") + usd("1.26.0", "meta-amd-2026-02"));
    expect(row("1.32.0", "Nvidia, fiscal 2026 revenue").highUsd - row("1.31.0", "Nvidia, fiscal 2026 revenue").highUsd).toBeGreaterThanOrEqual(
      usd("1.32.0", "nvidia-openai-2024-10"),
    );
  });

  it("counts both parts of a commitment split into firm and conditional records, and no more than the one record did", () => {
    // 1.48.0 split Amazon's OpenAI and Anthropic commitments in two; the high counts are unchanged.
    expect(row("1.48.0", "OpenAI, 2025 revenue").highUsd).toBe(row("1.47.4", "OpenAI, 2025 revenue").highUsd);
    expect(row("1.48.0", "Anthropic, run rate May 2026").highUsd).toBe(row("1.47.4", "Anthropic, run rate May 2026").highUsd);
    expect(usd("1.48.0", "amazon-openai-2026-02") + usd("1.48.0", "amazon-openai-2026-02-conditional")).toBe(usd("1.47.4", "amazon-openai-2026-02"));
  });
});

describe("termValued", () => {
  const data = fixture;
  const priced = data.deals.find((d) => d.amount && d.termYears === undefined)!;
  const unpriced = data.deals.find((d) => !d.amount)!;
  const term = (raw: string) => parseTerms(raw, "test")[0]!;

  it("is true only where the record is there and carries what the term reads", () => {
    expect(termValued(term(`deal:${priced.id}`), data)).toBe(true);
    expect(termValued(term(`deal:${priced.id}/yr`), data)).toBe(false);
    expect(termValued(term(`deal:${unpriced.id}`), data)).toBe(false);
    expect(termValued(term("deal:no-such-deal"), data)).toBe(false);
    expect(termValued(term(`metric:${data.metrics[0]!.id}`), data)).toBe(true);
    expect(termValued(term("metric:no-such-metric"), data)).toBe(false);
  });
});
