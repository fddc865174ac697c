// The most money that can run in cycles: worked by hand on small graphs, so a wrong flow, a wrong basis or a deal that
// should not count shows as a wrong dollar figure.
import { describe, expect, it } from "vitest";
import { circulationByRewiring, maxCirculation } from "../../src/dataset/circulation.ts";
import type { Deal } from "../../src/schemas/dataset.ts";
import { testDeal } from "../helpers/deals.ts";

const deal = testDeal;
const up = (usd: number) => ({ amount: { usd, basis: "up-to" as const } });

describe("maxCirculation", () => {
  it("sends round a pair what its smaller leg allows, and counts it on both legs", () => {
    const c = maxCirculation([deal("a", "b", 10), deal("b", "a", 4)], "ai-2020s", "face");
    expect(c).toEqual({ totalUsd: 14, circulatingUsd: 8, share: 8 / 14 });
  });

  it("finds the best mix of overlapping cycles, not the first one it meets", () => {
    // a→b→c→a (3 each) and a→b→a (b→a 5) share a→b, capacity 5. A dollar round the triangle fills three edges, round the
    // pair two: the best is 3 round the triangle and the other 2 of a→b round the pair, 9 + 4 = 13, not the pair alone (10).
    const deals = [deal("a", "b", 5), deal("b", "a", 5), deal("b", "c", 3), deal("c", "a", 3)];
    expect(maxCirculation(deals, "ai-2020s", "face").circulatingUsd).toBe(13);
    // With a→b wider, both run: the pair 5 (×2) and the triangle 3 (×3).
    const wider = [deal("a", "b", 8), deal("b", "a", 5), deal("b", "c", 3), deal("c", "a", 3)];
    expect(maxCirculation(wider, "ai-2020s", "face").circulatingUsd).toBe(19);
  });

  it("counts nothing on a chain, an undisclosed leg or a deal that left the totals", () => {
    const chain = [deal("a", "b", 5), deal("b", "c", 5)];
    expect(maxCirculation(chain, "ai-2020s", "face")).toEqual({ totalUsd: 10, circulatingUsd: 0, share: 0 });
    expect(maxCirculation([deal("a", "b", 5), deal("b", "a", null)], "ai-2020s", "face").circulatingUsd).toBe(0);
    expect(maxCirculation([deal("a", "b", 5), deal("b", "a", 5, { status: "cancelled" })], "ai-2020s", "face").circulatingUsd).toBe(0);
    expect(maxCirculation([deal("a", "b", 5), deal("b", "a", 5, { supersededBy: "x" })], "ai-2020s", "face").circulatingUsd).toBe(0);
    expect(maxCirculation([], "ai-2020s", "face")).toEqual({ totalUsd: 0, circulatingUsd: 0, share: 0 });
  });

  it("merges the deals between two companies into one edge, and weighs one era at a time", () => {
    const deals = [
      deal("a", "b", 3),
      deal("a", "b", 4),
      deal("b", "a", 10),
      deal("x", "y", 2, { era: "telecom-1990s" }),
      deal("y", "x", 2, { era: "telecom-1990s" }),
    ];
    expect(maxCirculation(deals, "ai-2020s", "face")).toEqual({ totalUsd: 17, circulatingUsd: 14, share: 14 / 17 });
    expect(maxCirculation(deals, "telecom-1990s", "face").circulatingUsd).toBe(4);
  });

  it("on committed amounts drops ceilings and press reports from every edge", () => {
    const deals = [deal("a", "b", 10, up(10)), deal("a", "b", 2), deal("b", "a", 6), deal("b", "a", 9, { amount: { usd: 9, basis: "reported" } })];
    expect(maxCirculation(deals, "ai-2020s", "face")).toMatchObject({ totalUsd: 27, circulatingUsd: 24 });
    expect(maxCirculation(deals, "ai-2020s", "committed")).toMatchObject({ totalUsd: 8, circulatingUsd: 4 });
  });

  it("with a test for which deals count, weighs only their money, which the other deals may carry round", () => {
    // s (a supplier) puts 10 into m; m buys 6 from c and c buys 8 from s: 6 of s's 10 can come back through c.
    const deals = [deal("s", "m", 10), deal("m", "c", 6), deal("c", "s", 8), deal("m", "s", 3)];
    const fromS = (d: Deal) => d.from === "s";
    // The pair s ⇄ m also returns 3: 9 of the 10 can come back, counted only on s's edge.
    expect(maxCirculation(deals, "ai-2020s", "face", fromS)).toEqual({ totalUsd: 10, circulatingUsd: 9, share: 0.9 });
  });
});

describe("circulationByRewiring", () => {
  it("leaves a network that cannot be rewired as it is, so chance equals the records", () => {
    const pair = [deal("a", "b", 10), deal("b", "a", 4)];
    const r = circulationByRewiring(pair, "ai-2020s", "face", { runs: 20 });
    expect(r).toMatchObject({ runs: 20, actual: 8 / 14, low: 8 / 14, high: 8 / 14, atLeast: 1 });
    expect(r.mean).toBeCloseTo(8 / 14);
  });

  it("moves edges with their dollars, so the total never changes and a declared pair can be broken up", () => {
    // Two pairs of 5 each way and a chain: rewiring can break the pairs, never raise the share above everything.
    const deals = [deal("a", "b", 5), deal("b", "a", 5), deal("c", "d", 5), deal("d", "c", 5), deal("e", "f", 1), deal("g", "h", 1)];
    const r = circulationByRewiring(deals, "ai-2020s", "face", { runs: 200, seed: 7 });
    expect(r.actual).toBeCloseTo(20 / 22);
    expect(r.mean).toBeLessThan(r.actual);
    expect(r.low).toBeLessThanOrEqual(r.mean);
    expect(r.high).toBeLessThanOrEqual(1);
    expect(r.atLeast).toBeGreaterThan(0);
    expect(r.atLeast).toBeLessThan(1);
    // A supplier's money keeps its payer when rewired: counting only a's deals, a's 5 each way can only be broken up.
    const fromA = circulationByRewiring(deals, "ai-2020s", "face", { runs: 50, seed: 7, counted: (d) => d.from === "a" });
    expect(fromA.actual).toBe(1);
    expect(fromA.high).toBeLessThanOrEqual(1);
    // Kept to their supply-chain layers, edges between different pairs of layers never swap: nothing moves here.
    const layers = { a: "hardware", b: "model", c: "cloud", d: "capital", e: "hardware", f: "cloud", g: "model", h: "capital" };
    const layered = circulationByRewiring(deals, "ai-2020s", "face", { runs: 50, seed: 7, layers });
    expect(layered).toMatchObject({ low: r.actual, high: r.actual, atLeast: 1 });
    // The same seed gives the same answer: a build never changes a published figure by chance.
    expect(circulationByRewiring(deals, "ai-2020s", "face", { runs: 200, seed: 7 })).toEqual(r);
  });
});
