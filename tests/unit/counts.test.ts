import { describe, expect, it } from "vitest";
import { countRecords, type CountSpec } from "../../src/articles/counts.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { derivedLoops } from "../../src/dataset/loops.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";
import type { Dataset, Deal, SourceKind } from "../../src/schemas/dataset.ts";

const base = loadReleases(FIXTURE_DATA).releases.find((r) => r.version === "1.1.0")!.dataset;
const template = base.deals[0]!;
const source = (kind: SourceKind, n: number) => ({ publisher: "Test", title: `page ${n}`, date: "2025", url: `https://example.org/${kind}/${n}`, kind });
let n = 0;
function deal(from: string, to: string, kind: SourceKind, extra: Partial<Deal> = {}): Deal {
  n += 1;
  return {
    ...template,
    id: `d${n}`,
    from,
    to,
    type: "equity",
    era: "ai-2020s",
    announced: "2025-01-01",
    datePrecision: "day",
    status: "signed",
    supersededBy: undefined,
    amount: { usd: 10, basis: "committed" },
    sources: [source(kind, n)],
    ...extra,
  };
}
// a ⇄ b (money first, round trip), c ⇄ d (purchase came first, undisclosed leg), e → f → g → e in telecom (money first).
const deals = [
  deal("a", "b", "filing"),
  deal("b", "a", "press", { type: "chip-purchase", announced: "2025-02-01", sources: [source("press", 90), source("wire", 91)] }),
  deal("c", "d", "aggregator", { announced: "2025-06-01" }),
  deal("d", "c", "press", { type: "cloud-commitment", announced: "2025-03-01", amount: null }),
  deal("e", "f", "company", { era: "telecom-1990s", type: "vendor-financing", announced: "1999-01-01" }),
  deal("f", "g", "company", { era: "telecom-1990s", type: "chip-purchase", announced: "1999-02-01" }),
  deal("g", "e", "company", { era: "telecom-1990s", type: "chip-purchase", announced: "1999-03-01" }),
  deal("a", "h", "filing", { supersededBy: "d1" }),
  deal("a", "i", "aggregator", { status: "cancelled" }),
];
const metric = base.metrics[0]!;
const dataset: Dataset = {
  ...base,
  deals,
  metrics: [
    { ...metric, id: "m1", source: source("filing", 100) },
    { ...metric, id: "m2", source: source("aggregator", 101) },
    { ...metric, id: "m3", source: source("aggregator", 102) },
  ],
  financing: [],
};
const count = (spec: CountSpec) => countRecords(spec, dataset, "test.mdx").value;

describe("<Count>: records and loops of a release, by a stated filter", () => {
  it("counts deals by era, by strongest source and by whether they enter totals", () => {
    expect(count({ of: "deals" })).toBe(9);
    expect(count({ of: "deals", era: "telecom-1990s" })).toBe(3);
    expect(count({ of: "deals", active: "true" })).toBe(7);
    // The purchase with a press and a wire page rests on the wire page.
    expect(count({ of: "deals", evidence: "wire" })).toBe(1);
    expect(count({ of: "deals", era: "ai-2020s", evidence: "filing" })).toBe(2);
    expect(count({ of: "deals", era: "ai-2020s", evidence: "primary" })).toBe(3);
    expect(count({ of: "deals", era: "ai-2020s", evidence: "aggregator" })).toBe(2);
  });

  it("counts metrics and financing records by their source", () => {
    expect(count({ of: "metrics" })).toBe(3);
    expect(count({ of: "metrics", evidence: "aggregator" })).toBe(2);
    expect(count({ of: "financing" })).toBe(0);
    expect(count({ of: "entities" })).toBe(base.entities.length);
  });

  it("counts loops by era, size, round trip and the timing test", () => {
    expect(count({ of: "loops" })).toBe(3);
    expect(count({ of: "loops", size: "2" })).toBe(2);
    expect(count({ of: "loops", size: "3", era: "telecom-1990s" })).toBe(1);
    expect(count({ of: "loops", roundTrip: "true" })).toBe(2);
    // a ⇄ b: money, then a purchase a month later; c ⇄ d: the purchase came first; the telecom chain runs in order.
    expect(count({ of: "loops", order: "money-first" })).toBe(2);
    expect(count({ of: "loops", order: "purchase-first" })).toBe(1);
    expect(count({ of: "loops", order: "money-first together", era: "ai-2020s" })).toBe(1);
    expect(count({ of: "loops", order: "together unknown no-pair" })).toBe(0);
  });

  it("gives what chance would find: the era's dates shuffled, the same on every build", () => {
    const mean = countRecords({ of: "loops", era: "ai-2020s", order: "money-first together unknown purchase-first", chance: "mean" }, dataset, "x");
    // Both AI-era loops (a ⇄ b, c ⇄ d) are money one way and a purchase back, so under any shuffle each gets one of these four.
    expect(mean.value).toBe(2);
    expect(mean.text).toBe("2.0");
    expect(countRecords({ of: "loops", era: "ai-2020s", order: "money-first", chance: "mean" }, dataset, "x")).toEqual(
      countRecords({ of: "loops", era: "ai-2020s", order: "money-first", chance: "mean" }, structuredClone(dataset), "x"),
    );
    // By size: the AI era's loops are both pairs, so pairs by chance are all its loops by chance, and chains none.
    expect(count({ of: "loops", era: "ai-2020s", size: "2", order: "money-first", chance: "mean" })).toBe(
      count({ of: "loops", era: "ai-2020s", order: "money-first", chance: "mean" }),
    );
    expect(count({ of: "loops", era: "ai-2020s", size: "3", order: "money-first together unknown purchase-first no-pair", chance: "mean" })).toBe(0);
    const low = count({ of: "loops", era: "ai-2020s", order: "money-first", chance: "low" });
    const high = count({ of: "loops", era: "ai-2020s", order: "money-first", chance: "high" });
    expect(low).toBeLessThanOrEqual(high);
    expect(countRecords({ of: "loops", era: "ai-2020s", order: "together", chance: "high" }, dataset, "x").description).toBe(
      "AI-era loops whose timing result is together when the era's deal dates are shuffled at random (at the 95th percentile, 500 runs)",
    );
  });

  it("widens the timing test's package window when asked, in the records and by chance", () => {
    // a ⇄ b: money on 1 January, the purchase on 1 February (31 days); c ⇄ d: the purchase 92 days before the money.
    expect(count({ of: "loops", era: "ai-2020s", order: "together" })).toBe(0);
    expect(count({ of: "loops", era: "ai-2020s", order: "together", window: "31" })).toBe(1);
    expect(count({ of: "loops", era: "ai-2020s", order: "money-first", window: "30" })).toBe(1);
    expect(count({ of: "loops", era: "ai-2020s", order: "purchase-first", window: "31" })).toBe(1);
    expect(count({ of: "loops", era: "ai-2020s", order: "together", window: "92" })).toBe(2);
    expect(countRecords({ of: "loops", era: "ai-2020s", order: "together", window: "7" }, dataset, "x").description).toBe(
      "AI-era loops whose timing result is together, counting announcements up to 7 days apart as one package",
    );
    // Shuffled among four AI-era dates at most 151 days apart, a 99-day window makes packages commoner than the same day does.
    expect(count({ of: "loops", era: "ai-2020s", order: "together", chance: "mean", window: "99" })).toBeGreaterThan(
      count({ of: "loops", era: "ai-2020s", order: "together", chance: "mean" }),
    );
  });

  it("gives the loops a network of the same density makes when its deals are rewired at random", () => {
    const mean = countRecords({ of: "loops", era: "ai-2020s", size: "2", rewired: "mean" }, dataset, "x");
    // Four AI-era edges (a ⇄ b, c ⇄ d): at most two pairs however they are rewired.
    expect(mean.value).toBeGreaterThanOrEqual(0);
    expect(mean.value).toBeLessThanOrEqual(2);
    expect(mean.text).toBe(mean.value.toFixed(1));
    expect(count({ of: "loops", era: "ai-2020s", size: "2", rewired: "low" })).toBeLessThanOrEqual(mean.value);
    expect(count({ of: "loops", era: "ai-2020s", size: "2", rewired: "high" })).toBeGreaterThanOrEqual(mean.value);
    // Rewiring keeps who pays how many: swapping a → b and c → d gives a → d and c → b, never a pair's partner twice.
    expect(count({ of: "loops", era: "ai-2020s", size: "2", rewired: "mean" })).toBeLessThan(2);
    expect(mean.description).toBe(
      "AI-era loops of 2 companies when the era's deals are rewired at random, every company keeping how many others it pays and is paid by (on average, 300 runs)",
    );
  });

  it("keeps two-way pairs when asked, and counts loops with or without named companies", () => {
    // Both AI-era loops are pairs, so keeping pairs keeps both in every rewired network.
    expect(count({ of: "loops", era: "ai-2020s", size: "2", rewired: "low", keep: "pairs" })).toBe(2);
    expect(countRecords({ of: "loops", era: "ai-2020s", size: "3", rewired: "mean", keep: "pairs" }, dataset, "x").description).toMatch(
      /every company keeping how many others it pays and is paid by and its two-way pairs \(on average, 300 runs\)$/,
    );
    expect(count({ of: "loops", era: "ai-2020s", size: "2", rewired: "high", keep: "pairs-in-place" })).toBe(2);
    expect(countRecords({ of: "loops", era: "ai-2020s", size: "3", rewired: "mean", keep: "pairs-in-place" }, dataset, "x").description).toMatch(
      /pays and is paid by, with the two-way pairs left where they are \(on average, 300 runs\)$/,
    );
    expect(countRecords({ of: "loops", era: "ai-2020s", size: "3", rewired: "mean", keep: "kinds" }, dataset, "x").description).toMatch(
      /how many others it pays and is paid by, split into money put in and purchases \(on average, 300 runs\)$/,
    );
    // Four-company cycles, which the loop rule leaves out, against rewired networks only: the four AI-era edges
    // (a ⇄ b, c ⇄ d) can be rewired into one ring a → d → c → b → a at most.
    expect(count({ of: "loops", era: "ai-2020s", size: "4", rewired: "high" })).toBe(1);
    expect(count({ of: "loops", era: "ai-2020s", size: "4", rewired: "low" })).toBe(0);
    // The records' own count on the same edges: two pairs, no chain, no ring of four.
    expect(count({ of: "loops", era: "ai-2020s", size: "2", rewired: "actual" })).toBe(2);
    expect(count({ of: "loops", era: "ai-2020s", size: "4", rewired: "actual" })).toBe(0);
    const named: Dataset = { ...dataset, entities: [...dataset.entities, ..."abcdefg".split("").map((id) => ({ ...dataset.entities[0]!, id }))] };
    const loops = (spec: Omit<CountSpec, "of">) => countRecords({ of: "loops", ...spec }, named, "x");
    expect(loops({ includes: "a" }).value).toBe(1);
    expect(loops({ includes: "a b" }).value).toBe(1);
    expect(loops({ includes: "a c" }).value).toBe(0);
    expect(loops({ excludes: "a" }).value).toBe(2);
    expect(loops({ excludes: "a e" }).value).toBe(1);
    expect(loops({ excludes: "a e" }).description).toBe("loops without a or e");
    expect(loops({ includes: "c", size: "2" }).description).toBe("loops of 2 companies, with c");
    // Loops through a named company, against rewired networks: a ⇄ b is the only AI-era loop with a.
    expect(loops({ era: "ai-2020s", rewired: "actual", touching: "a" }).value).toBe(1);
    expect(loops({ era: "ai-2020s", rewired: "actual", touching: "a c" }).value).toBe(2);
    expect(loops({ era: "ai-2020s", rewired: "mean", touching: "a" }).description).toBe(
      "AI-era loops of two or three companies that include a, on average when rewired at random",
    );
    expect(() => loops({ era: "ai-2020s", rewired: "mean", touching: "a", size: "2" })).toThrow(/size="…" or touching="…" \(not both\)/);
    expect(() => loops({ era: "ai-2020s", touching: "a" })).toThrow(/touching applies only to rewired networks/);
  });

  it("says how rare the records' count is by chance, and sets aside the pairs announced as one package", () => {
    // a ⇄ b and c ⇄ d can only stay pairs or become one ring: the records' two pairs are the most any run has.
    expect(count({ of: "loops", era: "ai-2020s", size: "2", rewired: "at-most" })).toBe(1);
    const atLeast = countRecords({ of: "loops", era: "ai-2020s", size: "2", rewired: "at-least" }, dataset, "x");
    expect(atLeast.text).toBe(`${Math.round(atLeast.value * 100)}%`);
    expect(atLeast.value).toBeGreaterThan(0);
    expect(atLeast.description).toBe(
      "share of 300 random rewirings of the era's deals (every company keeping how many others it pays and is paid by) with at least as many AI-era loops of 2 companies as the records' 2",
    );
    // Neither AI-era pair is a same-day package (a ⇄ b is money first, c ⇄ d purchase first): nothing is set aside.
    expect(count({ of: "loops", era: "ai-2020s", size: "2", rewired: "actual", without: "packages" })).toBe(2);
    // Announce b's purchase on the day of a's stake and a ⇄ b becomes a package: its return leg is taken out.
    const packaged: Dataset = { ...dataset, deals: deals.map((d) => (d.id === deals[1]!.id ? { ...d, announced: "2025-01-01" } : d)) };
    const asidePairs = countRecords({ of: "loops", era: "ai-2020s", size: "2", rewired: "actual", without: "packages" }, packaged, "x");
    expect(asidePairs.value).toBe(1);
    expect(asidePairs.description).toMatch(/with one leg taken out of each of the era's 1 pairs whose first deals each way were announced together/);
    expect(countRecords({ of: "loops", era: "ai-2020s", size: "2", rewired: "packages", without: "packages" }, packaged, "x").value).toBe(1);
    expect(count({ of: "loops", era: "ai-2020s", size: "2", rewired: "packages", without: "packages" })).toBe(0);
    expect(countRecords({ of: "loops", era: "ai-2020s", size: "2", rewired: "high", without: "packages" }, packaged, "x").value).toBeLessThanOrEqual(1);
    // The any-deal rule names itself in the description and counts the same-day package too.
    const anyRule = countRecords({ of: "loops", era: "ai-2020s", size: "2", rewired: "packages", without: "any-packages" }, packaged, "x");
    expect(anyRule.value).toBe(1);
    expect(anyRule.description).toMatch(/pairs in which some deal each way was announced together/);
    // The disclosed dollars on the pairs, by the same rule: the same-day package carries its legs' amounts.
    const inside = countRecords({ of: "loops", era: "ai-2020s", size: "2", without: "packages", dollars: "in-packages" }, packaged, "x");
    const outside = countRecords({ of: "loops", era: "ai-2020s", size: "2", without: "packages", dollars: "outside" }, packaged, "x");
    expect(inside.value).toBeGreaterThan(0);
    expect(inside.text).toMatch(/^\$/);
    expect(inside.description).toMatch(
      /^disclosed dollars, at face value, on AI-era pairs that are packages \(their first deals each way announced within 7 days\)/,
    );
    expect(countRecords({ of: "loops", era: "ai-2020s", size: "2", without: "packages", dollars: "in-packages" }, dataset, "x").value).toBe(0);
    expect(inside.value + outside.value).toBe(
      countRecords({ of: "loops", era: "ai-2020s", size: "2", without: "packages", dollars: "outside" }, dataset, "x").value,
    );
    // The window moves the rule: a same-day window still finds the same-day package; its words say which rule counted.
    const sameDay = countRecords({ of: "loops", era: "ai-2020s", size: "2", rewired: "packages", without: "packages", window: "0" }, packaged, "x");
    expect(sameDay.value).toBe(1);
    expect(sameDay.description).toMatch(/announced together \(on the same day, or in the same month/);
    expect(countRecords({ of: "loops", era: "ai-2020s", size: "2", rewired: "packages", without: "packages" }, packaged, "x").description).toMatch(
      /announced together \(within 7 days,/,
    );
    const fails = (spec: Record<string, string>, message: RegExp) =>
      expect(() => countRecords(spec as unknown as CountSpec, dataset, "x.mdx")).toThrow(message);
    fails({ of: "loops", era: "ai-2020s", size: "2", without: "packages" }, /without applies only to rewired counts of one size/);
    fails({ of: "loops", era: "ai-2020s", size: "2", rewired: "mean", without: "pairs" }, /without takes "packages" or "any-packages"/);
    fails({ of: "loops", era: "ai-2020s", size: "2", without: "packages", dollars: "all" }, /dollars takes "in-packages" or "outside"/);
    fails({ of: "loops", era: "ai-2020s", size: "3", without: "packages", dollars: "outside" }, /add era="…", size="2" and without=/);
    fails({ of: "loops", era: "ai-2020s", size: "2", without: "packages", dollars: "outside", rewired: "mean" }, /leave out rewired/);
    fails({ of: "loops", era: "ai-2020s", size: "2", rewired: "mean", without: "packages", window: "100" }, /window takes a number of days from 0 to 99/);
    fails({ of: "loops", era: "ai-2020s", size: "2", rewired: "mean", window: "30" }, /add order="…" or without="packages"/);
    fails({ of: "loops", era: "ai-2020s", touching: "a", rewired: "at-least" }, /is counted for one size of loop/);
    fails({ of: "loops", era: "ai-2020s", size: "2", rewired: "median" }, /rewired takes "mean", "low", "high", "actual", "at-least", "at-most", "packages"/);
    fails({ of: "loops", era: "ai-2020s", size: "2", rewired: "packages" }, /rewired="packages" counts the pairs set aside: add without="packages"/);
  });

  it("counts loops whose every leg rests on a firm source", () => {
    // a ⇄ b: the stake on a filing, the purchase on a wire page beside a press one; c ⇄ d: an aggregator and press only;
    // e → f → g → e: company statements throughout.
    expect(count({ of: "loops", evidence: "primary" })).toBe(2);
    expect(count({ of: "loops", era: "ai-2020s", evidence: "primary" })).toBe(1);
    expect(countRecords({ of: "loops", size: "2", evidence: "primary" }, dataset, "x").description).toBe(
      "loops of 2 companies, whose every leg has a deal resting on a filing, a company statement or a wire story",
    );
  });

  it("says what it counted, for the figure's title", () => {
    expect(countRecords({ of: "deals", era: "ai-2020s", evidence: "filing" }, dataset, "x").description).toBe(
      "AI-era deals whose strongest source is a filing",
    );
    expect(countRecords({ of: "loops", size: "2", order: "money-first together" }, dataset, "x").description).toBe(
      "loops of 2 companies, whose timing result is money-first or together",
    );
  });

  it("fails naming the file and the tag for an unknown list, a filter that does not apply, or a bad value", () => {
    const fails = (spec: Record<string, string>, message: RegExp) =>
      expect(() => countRecords(spec as unknown as CountSpec, dataset, "content/articles/x.mdx")).toThrow(message);
    fails({ of: "loop" }, /content\/articles\/x\.mdx: <Count of="loop">: unknown of="loop"/);
    fails({ of: "metrics", era: "ai-2020s" }, /era does not apply to metrics; use evidence/);
    fails({ of: "entities", evidence: "filing" }, /evidence does not apply to entities$/);
    fails({ of: "loops", roundTrip: "yes" }, /roundTrip takes "true" or "firm" only/);
    fails({ of: "deals", era: "ai" }, /unknown era "ai"/);
    fails({ of: "deals", evidence: "blog" }, /unknown evidence "blog"/);
    fails({ of: "loops", size: "5" }, /size takes "2" or "3"/);
    fails({ of: "loops", order: "money-first later" }, /unknown order "later"; use one or more of together, money-first/);
    fails({ of: "loops", order: "together", chance: "mean" }, /chance needs era="…" and order="…"/);
    fails({ of: "loops", era: "ai-2020s", order: "together", chance: "median" }, /chance takes "mean", "low" or "high"/);
    fails({ of: "loops", era: "ai-2020s", order: "together", chance: "mean", roundTrip: "true" }, /leave out roundTrip/);
    fails({ of: "loops", era: "ai-2020s", order: "together", window: "a week" }, /window takes a number of days from 1 to 99/);
    fails({ of: "loops", era: "ai-2020s", order: "together", window: "0" }, /window takes a number of days/);
    fails({ of: "loops", era: "ai-2020s", window: "7" }, /window changes the timing result or the package rule: add order=/);
    fails({ of: "loops", era: "ai-2020s", rewired: "mean" }, /rewired needs size="…" or touching="…"/);
    fails({ of: "loops", era: "ai-2020s", size: "3", rewired: "mean", order: "together" }, /leave out order/);
    fails({ of: "deals", rewired: "mean" }, /rewired does not apply to deals/);
    fails({ of: "loops", era: "ai-2020s", size: "2", keep: "pairs" }, /keep applies only to rewired networks/);
    fails({ of: "loops", era: "ai-2020s", size: "2", rewired: "mean", keep: "true" }, /keep takes "pairs", "pairs-in-place", "kinds", "layers"/);
    // A round trip on committed figures alone is never more common than one at face value.
    const firmTrips = count({ of: "loops", roundTrip: "firm" });
    expect(firmTrips).toBeLessThanOrEqual(count({ of: "loops", roundTrip: "true" }));
    expect(firmTrips).toBe(derivedLoops(dataset.deals).filter((l) => (l.firmRoundTripUsd ?? 0) > 0).length);
    expect(countRecords({ of: "loops", roundTrip: "firm" }, dataset, "x").description).toMatch(/with a round trip on committed figures alone/);
    // Rewired on the firmly sourced deals alone: the network shrinks to the deals resting on a filing, a company
    // statement or a wire story, and the description says so.
    const firm = countRecords({ of: "loops", era: "ai-2020s", size: "2", rewired: "actual", evidence: "primary" }, dataset, "x");
    expect(firm.value).toBeLessThanOrEqual(count({ of: "loops", era: "ai-2020s", size: "2", rewired: "actual" }));
    expect(firm.value).toBe(count({ of: "loops", era: "ai-2020s", size: "2", evidence: "primary" }));
    expect(countRecords({ of: "loops", era: "ai-2020s", size: "3", rewired: "mean", evidence: "primary" }, dataset, "x").description).toMatch(
      /when the era's deals \(only those resting on a filing, a company statement or a wire story\) are rewired at random/,
    );
    // The fixture release has no supply-chain layers (schema 1.27): a layered count says so instead of running.
    fails(
      { of: "loops", era: "ai-2020s", size: "3", rewired: "mean", keep: "layers" },
      /needs the entities' supply-chain layers, which this release does not have/,
    );
    fails({ of: "loops", era: "ai-2020s", size: "4" }, /size="4" is counted only against rewired networks/);
    fails({ of: "loops", includes: "openai nobody" }, /includes: no entity "nobody" in this release/);
    fails({ of: "loops", era: "ai-2020s", size: "2", rewired: "mean", excludes: "a" }, /leave out excludes/);
    fails({ of: "loops", evidence: "filing" }, /loops take evidence="primary" only/);
    fails({ of: "loops", era: "ai-2020s", circulation: "all" }, /circulation takes "share", "usd", "total"/);
    fails({ of: "loops", circulation: "share" }, /circulation needs era="…"/);
    fails({ of: "loops", era: "ai-2020s", circulation: "share", size: "2" }, /leave out size/);
    fails({ of: "loops", era: "ai-2020s", size: "2", rewired: "mean", evidence: "filing" }, /loops take evidence="primary" only/);
  });
});

describe('<Count of="loops" circulation>: the era\'s money that can go round', () => {
  // In the fixture's AI era, a ⇄ b carries 10 each way (20 circulate) and c → d carries 10 with its way back undisclosed.
  it("prints the share, the dollars and the total, at face value or committed only", () => {
    const share = countRecords({ of: "loops", era: "ai-2020s", circulation: "share" }, dataset, "x.mdx");
    expect(share.value).toBeCloseTo(20 / 30);
    expect(share.text).toBe("67%");
    expect(share.description).toMatch(/^share of the \$30 of AI-era deals \(every disclosed amount at face value\) that can run in cycles of any length: \$20/);
    expect(countRecords({ of: "loops", era: "ai-2020s", circulation: "usd" }, dataset, "x.mdx").value).toBe(20);
    expect(countRecords({ of: "loops", era: "ai-2020s", circulation: "total" }, dataset, "x.mdx").value).toBe(30);
    expect(countRecords({ of: "loops", era: "telecom-1990s", circulation: "usd-committed" }, dataset, "x.mdx").value).toBe(30);
  });

  it("weighs only the firmest deals, or the era without its packages, when asked", () => {
    // a → b rests on a filing and b → a on a wire page: both firm. c → d rests on an aggregator, so the firm total is 20.
    expect(countRecords({ of: "loops", era: "ai-2020s", circulation: "total", evidence: "primary" }, dataset, "x.mdx").value).toBe(20);
    // a ⇄ b is not a package (a month apart), so taking packages out changes nothing here…
    expect(countRecords({ of: "loops", era: "ai-2020s", circulation: "usd", without: "any-packages" }, dataset, "x.mdx").value).toBe(20);
    // …and a same-day pair loses a leg, and with it everything that could go round.
    const packaged = {
      ...dataset,
      deals: [deal("p", "q", "filing", { announced: "2025-05-01" }), deal("q", "p", "filing", { type: "chip-purchase", announced: "2025-05-01" })],
    };
    expect(countRecords({ of: "loops", era: "ai-2020s", circulation: "usd" }, packaged, "x.mdx").value).toBe(20);
    const without = countRecords({ of: "loops", era: "ai-2020s", circulation: "usd", without: "any-packages" }, packaged, "x.mdx");
    expect(without.value).toBe(0);
    expect(without.description).toMatch(/one leg of each two-company package taken out \(some deal each way announced within 7 days\)/);
  });

  it("sets the share against rewired networks, and refuses what the benchmark does not measure", () => {
    const mean = countRecords({ of: "loops", era: "ai-2020s", circulation: "share", rewired: "mean" }, dataset, "x.mdx");
    expect(mean.value).toBeGreaterThanOrEqual(0);
    expect(mean.value).toBeLessThanOrEqual(1);
    expect(mean.description).toMatch(/every edge its dollars: on average, over 300 random rewirings/);
    // Set against chance with the packages taken out of the records and of the random networks alike.
    const without = countRecords({ of: "loops", era: "ai-2020s", circulation: "share", rewired: "at-least", without: "any-packages" }, dataset, "x.mdx");
    expect(without.description).toMatch(/one leg of each two-company package taken out/);
    const fails = (spec: Record<string, string>, message: RegExp) =>
      expect(() => countRecords(spec as unknown as CountSpec, dataset, "x.mdx")).toThrow(message);
    fails({ of: "loops", era: "ai-2020s", circulation: "usd", rewired: "mean" }, /rewired compares shares: use circulation="share" or "share-committed"/);
    fails({ of: "loops", era: "ai-2020s", circulation: "share", rewired: "actual" }, /rewired takes "mean", "low", "high" or "at-least"/);
    fails({ of: "loops", era: "ai-2020s", circulation: "share", counted: "labs" }, /counted takes "suppliers" only/);
    fails({ of: "loops", era: "ai-2020s", counted: "suppliers" }, /counted applies only to circulation/);
    fails({ of: "loops", era: "ai-2020s", circulation: "share", evidence: "filing" }, /circulation takes evidence="primary" only/);
    fails({ of: "loops", era: "ai-2020s", circulation: "share", keep: "layers" }, /keep applies only to rewired networks/);
    fails({ of: "loops", era: "ai-2020s", circulation: "share", rewired: "mean", keep: "pairs" }, /keep takes "layers" only/);
  });
});
