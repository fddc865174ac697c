// Each indicator against values worked out by hand on a small dataset built here, so that a change to a formula
// (a term dropped, a ratio inverted, a filter loosened) fails a test.
import { describe, expect, it } from "vitest";
import type { Dataset, Deal, Financing, Metric } from "../../src/schemas/dataset.ts";
import { INDICATORS, requireIndicator } from "../../src/indicators/index.ts";
import { formatIndicator } from "../../src/indicators/records.ts";

const B = 1e9;
const src = { publisher: "p", title: "t", date: "2026-01-01", url: "https://example.org/", kind: "company" as const };
let n = 0;
const deal = (from: string, to: string, usd: number | null, extra: Partial<Deal> = {}): Deal => ({
  id: `${from}-${to}-${++n}`,
  title: `${from} to ${to}`,
  announced: "2026-01-15",
  datePrecision: "day",
  from,
  to,
  type: "cloud-commitment",
  amount: usd === null ? null : { usd, basis: "committed" },
  status: "signed",
  era: "ai-2020s",
  sources: [src],
  notes: "",
  ...extra,
});
const metric = (id: string, entity: string, kind: Metric["metric"], period: string, value: number, extra: Partial<Metric> = {}): Metric => ({
  id,
  entity,
  metric: kind,
  period,
  value,
  unit: "usd",
  basis: "committed",
  source: src,
  ...extra,
});
const financing = (id: string, instrument: Financing["instrument"], usd: number | null, extra: Partial<Financing> = {}): Financing => ({
  id,
  title: id,
  announced: "2026-01-01",
  datePrecision: "day",
  instrument,
  provider: "banks",
  borrower: "oracle",
  amount: usd === null ? null : { usd, basis: "committed" },
  status: "closed",
  relatedDeals: [],
  sources: [src],
  notes: "",
  ...extra,
});
const ids = ["openai", "anthropic", "microsoft", "amazon", "google", "oracle", "coreweave", "nvidia", "banks", "lucent", "lucent-customers"];
const dataset = (parts: Partial<Dataset>): Dataset => ({
  schemaVersion: 1,
  entities: ids.map((id) => ({ id, name: id.toUpperCase(), kind: "company", aliases: [], description: id })),
  deals: [],
  metrics: [],
  financing: [],
  removed: [],
  revisions: [],
  ...parts,
});

describe("firmness", () => {
  const firmness = requireIndicator("firmness");
  // Active AI-era dollars: 60 committed + 30 up to + 10 reported = 100; superseded, cancelled, telecom and undisclosed left out.
  const ds = dataset({
    deals: [
      deal("openai", "oracle", 60 * B),
      deal("openai", "microsoft", 30 * B, { amount: { usd: 30 * B, basis: "up-to" } }),
      deal("anthropic", "google", 10 * B, { amount: { usd: 10 * B, basis: "reported" } }),
      deal("anthropic", "amazon", 500 * B, { supersededBy: "x" }),
      deal("anthropic", "amazon", 500 * B, { status: "cancelled" }),
      deal("lucent", "lucent-customers", 500 * B, { era: "telecom-1990s" }),
      deal("openai", "coreweave", null),
    ],
  });
  it("is the committed share of disclosed active AI-era dollars", () => {
    const r = firmness.compute(ds)!;
    expect(r.value).toBe(60);
    expect(r.working).toBe("$60B ÷ $100B");
    expect(r.rows.map((row) => [row.label, row.value])).toEqual([
      ["committed", 60],
      ["up to", 30],
      ["reported", 10],
      ["estimated", 0],
    ]);
    expect(r.inputs).toHaveLength(3);
  });
  it("has no value without disclosed dollars", () => {
    expect(firmness.compute(dataset({ deals: [deal("openai", "oracle", null)] }))).toBeNull();
  });
});

describe("backlog concentration", () => {
  const indicator = requireIndicator("backlog-concentration");
  const ds = dataset({
    deals: [
      deal("openai", "microsoft", 250 * B, { announced: "2025-10-28" }),
      deal("anthropic", "microsoft", 30 * B, { announced: "2025-11-18" }),
      // Announced after Microsoft's backlog date: not in that backlog yet.
      deal("openai", "microsoft", 100 * B, { announced: "2026-04-01" }),
      deal("openai", "oracle", 300 * B, { announced: "2025-09-10", amount: { usd: 300 * B, basis: "reported" } }),
      deal("openai", "oracle", 20 * B, { announced: "2025-09-10", type: "equity" }),
    ],
    metrics: [
      metric("microsoft-backlog-old", "microsoft", "backlog", "2025-09-30", 392 * B, { stated: "2025-10-29" }),
      metric("microsoft-backlog", "microsoft", "backlog", "2026-03-31", 700 * B, { stated: "2026-04-29" }),
      metric("microsoft-share", "microsoft", "backlog", "2026-03-31", 45, { unit: "percent", stated: "2026-04-30" }),
      metric("oracle-backlog", "oracle", "backlog", "2026-05-31", 500 * B, { stated: "2026-06-10" }),
    ],
  });
  it("divides the labs' confirmed contracts announced by each backlog date by the latest backlogs", () => {
    const r = indicator.compute(ds)!;
    // (250 + 30) ÷ (700 + 500) = 23.33%; with Oracle's reported $300B: 580 ÷ 1200 = 48.3%.
    expect(r.value).toBeCloseTo((280 / 1200) * 100, 10);
    expect(r.working).toBe("$280B ÷ ($700B + $500B); with press-reported contracts, $580B: 48%");
    expect(r.rows.map((row) => [row.label, row.value])).toEqual([
      ["MICROSOFT, backlog at 2026-03-31", 40],
      ["ORACLE, backlog at 2026-05-31", 0],
    ]);
    expect(r.rows[1]!.note).toBe("with press-reported contracts: 60%");
    expect(r.rows[0]!.working).toBe("($250B + $30B) ÷ $700B");
  });
});

describe("earnings from the loop", () => {
  const indicator = requireIndicator("earnings-from-the-loop");
  const ds = dataset({
    metrics: [
      metric("amazon-gain-q4", "amazon", "equity-gain", "2025-Q4", 5 * B, { stated: "2026-02-05" }),
      metric("amazon-income-q4", "amazon", "net-income", "2025-Q4", 20 * B, { stated: "2026-02-05" }),
      metric("amazon-gain", "amazon", "equity-gain", "2026-Q1", 16 * B, { stated: "2026-04-29" }),
      metric("amazon-income", "amazon", "net-income", "2026-Q1", 32 * B, { stated: "2026-04-29" }),
      metric("microsoft-gain", "microsoft", "equity-gain", "FY2026-Q3", -1 * B, { stated: "2026-04-29" }),
      metric("microsoft-income", "microsoft", "net-income", "FY2026-Q3", 32 * B, { stated: "2026-04-29" }),
      // A gain without a net income for its quarter is not paired.
      metric("google-gain", "google", "equity-gain", "2026-Q1", 30 * B, { stated: "2026-04-29" }),
      metric("google-income", "google", "net-income", "2025-Q4", 30 * B, { stated: "2026-02-04" }),
    ],
  });
  it("adds each supplier's newest paired quarter: gains over net income", () => {
    const r = indicator.compute(ds)!;
    // (16 − 1) ÷ (32 + 32) = 23.4375%
    expect(r.value).toBeCloseTo((15 / 64) * 100, 10);
    expect(r.rows.map((row) => [row.label, row.value])).toEqual([
      ["AMAZON, 2026-Q1", 50],
      ["MICROSOFT, FY2026-Q3", -3.125],
    ]);
    expect(r.working).toBe("($16B + −$1B) ÷ ($32B + $32B)");
    expect(r.inputs).toEqual(["metric:amazon-gain", "metric:amazon-income", "metric:microsoft-gain", "metric:microsoft-income"]);
  });
});

describe("promises against revenue", () => {
  const indicator = requireIndicator("promises-vs-revenue");
  const ds = dataset({
    deals: [
      deal("anthropic", "google", 200 * B),
      deal("anthropic", "microsoft", 30 * B),
      deal("anthropic", "amazon", 10 * B, { type: "equity" }),
      deal("openai", "oracle", 300 * B),
      deal("openai", "microsoft", 250 * B),
    ],
    metrics: [
      // A stated multi-year total and one year's expected spending: neither is used, so the labs are counted alike.
      metric("openai-commitments", "openai", "compute-commitments", "2025-10-28", 1400 * B, { stated: "2025-10-28" }),
      metric("openai-spend-2026", "openai", "compute-commitments", "2026", 50 * B, { stated: "2026-05-05" }),
      metric("openai-rate-old", "openai", "revenue-run-rate", "2025-12-31", 20 * B, { stated: "2026-01-10" }),
      metric("openai-rate", "openai", "revenue-run-rate", "2026-03-31", 25 * B, { stated: "2026-03-31" }),
      metric("anthropic-rate", "anthropic", "revenue-run-rate", "2026-05-28", 46 * B, { stated: "2026-05-28" }),
    ],
  });
  it("counts each lab's disclosed cloud and chip contracts, not its stated figures, over its newest run rate", () => {
    const r = indicator.compute(ds)!;
    expect(r.rows.map((row) => [row.label, row.value])).toEqual([
      ["OPENAI", 550 / 25],
      ["ANTHROPIC", 5],
    ]);
    // (550 + 230) ÷ (25 + 46) = 10.99 years
    expect(r.value).toBeCloseTo(780 / 71, 10);
    expect(formatIndicator(r.value, "years")).toBe("11 years");
    const openai = r.rows[0]!;
    expect(openai.note).toBe("sum of 2 disclosed contracts; run rate as of 2026-03-31");
    expect(openai.inputs).toContain("metric:openai-rate");
    expect(openai.inputs).not.toContain("metric:openai-spend-2026");
    expect(openai.inputs).not.toContain("metric:openai-commitments");
  });
});

describe("debt behind the loops", () => {
  const indicator = requireIndicator("debt-behind-the-loops");
  it("sums disclosed financing that was not cancelled, by instrument", () => {
    const ds = dataset({
      financing: [
        financing("bond-a", "bond", 18 * B),
        financing("bond-b", "bond", 2 * B),
        financing("loan-a", "loan", 38 * B),
        financing("loan-b", "loan", 10 * B, { status: "cancelled" }),
        financing("vehicle-a", "vehicle", null),
      ],
    });
    const r = indicator.compute(ds)!;
    expect(r.value).toBe(58 * B);
    expect(r.rows.map((row) => [row.label, row.value])).toEqual([
      ["Bonds", 20 * B],
      ["Loans", 38 * B],
    ]);
    expect(r.working).toBe("($20B + $38B)");
  });
});

describe("vendor-financing intensity", () => {
  const indicator = requireIndicator("vendor-financing-intensity");
  it("puts Nvidia's exposure over its newest quarter's revenue times four, beside its fiscal year", () => {
    // The site's own release holds every record EXPOSURE_INPUTS names; the headline is worked from them here.
    const { current } = loadSite();
    const r = indicator.compute(current.dataset)!;
    const m = (id: string) => current.dataset.metrics.find((x) => x.id === id)!.value;
    const fiscal = r.rows.find((row) => row.label === "Nvidia, fiscal 2026")!;
    const runRate = r.rows.find((row) => row.label.startsWith("Nvidia, run rate"))!;
    // The run rate uses the newest quarter on record, whichever release this is: the quarter named in its label.
    const period = /\((FY\d{4}-Q[1-4]) × 4\)/.exec(runRate.label)![1];
    const quarters = current.dataset.metrics.filter((x) => x.entity === "nvidia" && x.metric === "revenue" && /-Q[1-4]$/.test(x.period));
    expect(period).toBe(
      quarters
        .map((x) => x.period)
        .sort()
        .at(-1),
    );
    const quarter = quarters.find((x) => x.period === period)!;
    expect(fiscal.value).toBeCloseTo((runRate.value * 4 * quarter.value) / m("nvidia-revenue-fy2026"), 8);
    expect(r.value).toBe(r.rows.find((row) => row.label.startsWith("Nvidia, run rate"))!.value);
    expect(r.rows.map((row) => row.label)).toContain("Lucent Technologies, fiscal 2000");
    for (const row of r.rows) expect(row.note).toMatch(/of it equity, .* loans, guarantees and backstops$/);
  });
});

describe("the registry", () => {
  it("has unique permanent ids and a definition, formula and question for each", () => {
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length);
    for (const i of INDICATORS) {
      expect(i.definition.length, i.id).toBeGreaterThan(120);
      expect(i.formula.length, i.id).toBeGreaterThan(20);
      expect(i.question.endsWith("?"), i.id).toBe(true);
    }
  });
  it("formats values in each unit", () => {
    expect(formatIndicator(38.46, "percent")).toBe("38%");
    expect(formatIndicator(6.44, "percent")).toBe("6.4%");
    expect(formatIndicator(-0.06, "percent")).toBe("−0.1%");
    expect(formatIndicator(25.39, "years")).toBe("25.4 years");
    expect(formatIndicator(628e9, "usd")).toBe("$628B");
    expect(formatIndicator(1.234, "ratio")).toBe("1.23×");
  });
});

import { loadReleases } from "../../src/dataset/load.ts";
import { join } from "node:path";
function loadSite() {
  return loadReleases(join(import.meta.dirname, "..", "..", "data"));
}

describe("vendor-financing intensity's comparison", () => {
  it("sets Lucent's fiscal-2000 ratio beside Nvidia's headline", () => {
    const r = requireIndicator("vendor-financing-intensity").compute(loadSite().current.dataset)!;
    const lucent = r.rows.find((row) => row.label.startsWith("Lucent"))!;
    expect(r.working).toContain(`; ${lucent.label}: ${lucent.working} = ${formatIndicator(lucent.value, "percent")}`);
  });
});

describe("an indicator as pages show it", () => {
  it("names each input, grades it by its strongest source, and gives its history at every release and quarter-end", async () => {
    const { renderIndicatorUncached } = await import("../../src/render/indicators.ts");
    const { releases, current } = loadSite();
    const firmness = requireIndicator("firmness");
    const r = renderIndicatorUncached(firmness, current, releases)!;
    expect(r.display).toBe(formatIndicator(firmness.compute(current.dataset)!.value, "percent"));
    expect(r.inputs).toHaveLength(firmness.compute(current.dataset)!.inputs.length);
    expect(r.evidence.reduce((s, e) => s + e.records, 0)).toBe(r.inputs.length);
    const deal = current.dataset.deals.find((d) => `deal:${d.id}` === r.inputs[0]!.ref)!;
    expect(r.inputs[0]!.label).toBe(deal.title);
    // Every release has deals to measure, so the history runs from the first release to this one.
    expect(r.releases.map((x) => x.version)).toEqual(releases.map((x) => x.version));
    expect(r.releases.at(-1)!.value).toBe(r.value);
    expect(r.asOf.at(-1)!.date <= current.dataset.evidenceThrough!).toBe(true);
    const earnings = renderIndicatorUncached(requireIndicator("earnings-from-the-loop"), current, releases)!;
    // A metric input is labelled by its entity, kind and period (the newest quarter with both figures is the one shown).
    const amazonIncome = current.dataset.metrics
      .filter((m) => m.entity === "amazon" && m.metric === "net-income")
      // The newest period, not the newest statement: a later filing restates an earlier year's quarter for comparison.
      .sort((x, y) => y.period.localeCompare(x.period))[0]!;
    expect(earnings.inputs.find((i) => i.ref === `metric:${amazonIncome.id}`)!.label).toBe(`Amazon (AWS): net income, ${amazonIncome.period}`);
  });
});
