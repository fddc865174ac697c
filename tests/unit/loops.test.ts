import { describe, expect, it } from "vitest";
import { derivedLoops, firstRecords, loopOrder, loopsByRewiring, loopsOfEntity, pairDollars, timingByChance } from "../../src/dataset/loops.ts";
import type { Deal } from "../../src/schemas/dataset.ts";
import { testDeal } from "../helpers/deals.ts";

const deal = testDeal;

describe("derivedLoops", () => {
  // a ⇄ b (pair), c → d → e → c (3-cycle), f → g (no loop), h ⇄ i only through a superseded deal.
  const deals = [
    deal("a", "b", 100),
    deal("b", "a", 40),
    deal("b", "a", 10),
    deal("c", "d", 30),
    deal("d", "e", null),
    deal("e", "c", 20),
    deal("f", "g", 5),
    deal("h", "i", 7),
    deal("i", "h", 9, { supersededBy: "x" }),
    deal("j", "k", 3),
    deal("k", "j", 2, { status: "cancelled" }),
  ];
  const loops = derivedLoops(deals);

  it("finds the pair and the 3-cycle and nothing else", () => {
    expect(loops.map((l) => l.id).sort()).toEqual(["a--b", "c--d--e"]);
  });

  it("orders a loop's entities from the alphabetically first, following the money", () => {
    const tri = loops.find((l) => l.id === "c--d--e")!;
    expect(tri.edges.map((e) => `${e.from}>${e.to}`)).toEqual(["c>d", "d>e", "e>c"]);
  });

  it("sums several deals on one edge and computes the round trip as the smallest edge", () => {
    const pair = loops.find((l) => l.id === "a--b")!;
    expect(pair.edges[1]!.disclosedUsd).toBe(50);
    expect(pair.grossUsd).toBe(150);
    expect(pair.roundTripUsd).toBe(50);
    expect(pair.firmRoundTripUsd).toBe(50);
  });

  it("counts only committed figures in the firm round trip, and an edge with none as nothing firm", () => {
    const mixed = derivedLoops([deal("a", "b", 100), deal("b", "a", 40, { amount: { usd: 40, basis: "reported" } }), deal("b", "a", 10)]);
    expect(mixed[0]!.roundTripUsd).toBe(50);
    expect(mixed[0]!.firmRoundTripUsd).toBe(10);
    const soft = derivedLoops([deal("a", "b", 100, { amount: { usd: 100, basis: "up-to" } }), deal("b", "a", 40)]);
    expect(soft[0]!.roundTripUsd).toBe(40);
    expect(soft[0]!.firmRoundTripUsd).toBe(0);
  });

  it("ranks loops by what can go round, undisclosed ones after by the money on their legs, and marks shared legs", () => {
    const g = derivedLoops([
      deal("a", "b", 1000), // a→b is shared by a--b and a--b--c
      deal("b", "a", 5),
      deal("b", "c", 900),
      deal("c", "a", 20),
      deal("x", "y", 60),
      deal("y", "x", 60),
      deal("p", "q", 500),
      deal("q", "p", null),
    ]);
    expect(g.map((l) => [l.id, l.roundTripUsd])).toEqual([
      ["x--y", 60],
      ["a--b--c", 20],
      ["a--b", 5],
      ["p--q", null],
    ]);
    const shared = g.find((l) => l.id === "a--b")!.edges.find((e) => e.from === "a")!;
    expect(shared.otherLoops).toBe(1);
    expect(g.find((l) => l.id === "x--y")!.edges.map((e) => e.otherLoops)).toEqual([0, 0]);
  });

  it("keeps an undisclosed edge in the loop but gives no round trip", () => {
    const tri = loops.find((l) => l.id === "c--d--e")!;
    expect(tri.edges[1]!.hasUndisclosed).toBe(true);
    expect(tri.roundTripUsd).toBeNull();
    expect(tri.firmRoundTripUsd).toBeNull();
    expect(tri.grossUsd).toBe(50);
  });

  it("ignores superseded and cancelled deals", () => {
    expect(loopsOfEntity(loops, "h")).toEqual([]);
    expect(loopsOfEntity(loops, "j")).toEqual([]);
  });

  it("respects the maximum loop length", () => {
    const ring = [deal("p", "q", 1), deal("q", "r", 1), deal("r", "s", 1), deal("s", "t", 1), deal("t", "p", 1)];
    expect(derivedLoops(ring, 4)).toEqual([]);
    expect(derivedLoops(ring, 5).map((l) => l.id)).toEqual(["p--q--r--s--t"]);
  });

  it("finds each cycle once in a graph with overlapping cycles", () => {
    const dense = [deal("a", "b", 1), deal("b", "a", 1), deal("b", "c", 1), deal("c", "a", 1), deal("c", "b", 1)];
    expect(
      derivedLoops(dense)
        .map((l) => l.id)
        .sort(),
    ).toEqual(["a--b", "a--b--c", "b--c"]);
  });

  it("puts a loop in the era most of its deals belong to, and a tie in the AI era", () => {
    const telecom = { era: "telecom-1990s" as const };
    const eraOf = (deals: Deal[]) => derivedLoops(deals).map((l) => l.era);
    expect(eraOf([deal("m", "n", 1, telecom), deal("n", "m", 1, telecom)])).toEqual(["telecom-1990s"]);
    expect(eraOf([deal("m", "n", 1, telecom), deal("n", "m", 1, telecom), deal("n", "m", 1)])).toEqual(["telecom-1990s"]);
    expect(eraOf([deal("m", "n", 1, telecom), deal("n", "m", 1), deal("n", "m", 1)])).toEqual(["ai-2020s"]);
    expect(eraOf([deal("m", "n", 1, telecom), deal("n", "m", 1)])).toEqual(["ai-2020s"]);
    expect(eraOf([deal("m", "n", 1), deal("n", "m", 1)])).toEqual(["ai-2020s"]);
  });
});

describe("loopOrder: the timing test the loop rule leaves out", () => {
  const on = (date: string, precision: Deal["datePrecision"] = "day") => ({ announced: date, datePrecision: precision });
  const only = (deals: Deal[]) => {
    const found = derivedLoops(deals);
    expect(found).toHaveLength(1);
    return found[0]!.order;
  };

  it("says money-first when an investment precedes the purchase back, and purchase-first the other way round", () => {
    expect(only([deal("s", "c", 10, on("2025-03-01")), deal("c", "s", 5, { type: "chip-purchase", ...on("2025-06-01") })])).toBe("money-first");
    expect(only([deal("s", "c", 10, on("2025-06-01")), deal("c", "s", 5, { type: "chip-purchase", ...on("2025-03-01") })])).toBe("purchase-first");
  });

  it("counts a package with later follow-ons as a package, not as money first", () => {
    expect(
      only([
        deal("s", "c", 10, on("2025-03-10")),
        deal("c", "s", 5, { type: "cloud-commitment", ...on("2025-03-10") }),
        deal("c", "s", 5, { type: "cloud-commitment", ...on("2025-09-25") }),
      ]),
    ).toBe("together");
  });

  it("says together for a package announced the same day, and unknown where only the month or year is known", () => {
    expect(only([deal("s", "c", 10, on("2025-06-01")), deal("c", "s", 5, { type: "cloud-commitment", ...on("2025-06-01") })])).toBe("together");
    expect(only([deal("s", "c", 10, on("2025-06-20")), deal("c", "s", 5, { type: "cloud-commitment", ...on("2025-06-01", "month") })])).toBe("unknown");
    expect(only([deal("s", "c", 10, on("2000-01-01", "year")), deal("c", "s", 5, { type: "partnership", ...on("2000-01-01", "year") })])).toBe("unknown");
    // A coarse date that still settles the order does.
    expect(only([deal("s", "c", 10, on("2025-06-20")), deal("c", "s", 5, { type: "cloud-commitment", ...on("2025-08-01", "month") })])).toBe("money-first");
    expect(only([deal("s", "c", 10, on("2025-06-20")), deal("c", "s", 5, { type: "cloud-commitment", ...on("2025-05-31") })])).toBe("purchase-first");
  });

  it("says no-pair where money goes both ways, as when a warrant is swapped for a backstop: nothing is bought back", () => {
    expect(only([deal("c", "g", 10, { type: "warrants", ...on("2025-09-25") }), deal("g", "c", 5, { type: "capacity-backstop", ...on("2025-11-20") })])).toBe(
      "no-pair",
    );
    // A purchase on the return leg beside the backstop is what makes it a pair.
    expect(
      only([
        deal("c", "g", 10, { type: "warrants", ...on("2025-09-25") }),
        deal("g", "c", 5, { type: "capacity-backstop", ...on("2025-11-20") }),
        deal("g", "c", 5, { type: "cloud-commitment", ...on("2025-12-01") }),
      ]),
    ).toBe("money-first");
  });

  it("says no-pair for purchases alone, however they are dated", () => {
    expect(
      only([deal("a", "b", 10, { type: "chip-purchase", ...on("2025-01-01") }), deal("b", "a", 5, { type: "cloud-commitment", ...on("2025-09-01") })]),
    ).toBe("no-pair");
  });

  it("lets warrants, loans, vendor financing and backstops start a loop, and picks the best deal on each leg", () => {
    for (const type of ["warrants", "loan", "vendor-financing", "capacity-backstop"] as const)
      expect(only([deal("s", "c", 10, { type, ...on("2025-01-01") }), deal("c", "s", 5, { type: "chip-purchase", ...on("2025-02-01") })])).toBe("money-first");
    expect(
      only([
        deal("s", "c", 10, on("2025-05-01")),
        deal("c", "s", 5, { type: "chip-purchase", ...on("2025-01-01") }),
        deal("c", "s", 5, { type: "chip-purchase", ...on("2025-08-01") }),
      ]),
    ).toBe("money-first");
  });

  it("dates a stake that replaced a letter of intent from the letter, when the money was first promised", () => {
    const letter = deal("n", "o", 100, { ...on("2025-09-22"), supersededBy: "stake" });
    const stake = deal("n", "o", 30, { id: "stake", ...on("2026-02-27") });
    const purchase = deal("o", "n", 5, { type: "chip-purchase", ...on("2025-09-22") });
    expect(only([letter, stake, purchase])).toBe("together");
    expect(only([stake, purchase])).toBe("purchase-first");
    expect(loopOrder(derivedLoops([stake, purchase])[0]!, firstRecords([letter, stake, purchase]))).toBe("together");
    // Reported talks are not a promise: the stake keeps its own date.
    const talks = deal("n", "o", 10, { ...on("2025-09-01"), amount: { usd: 10, basis: "reported" }, supersededBy: "stake" });
    expect(only([talks, stake, purchase])).toBe("purchase-first");
  });

  it("dates a purchase that replaced an earlier promise from that promise too, so a letter replaced on both sides stays a package", () => {
    // Nvidia–OpenAI: the September 2025 letter's two sides, each replaced on 27 Feb 2026, the stake by a $30B stake and
    // the 10 GW plan by a 5 GW one. Dating only the money back would call the package money-first.
    const letter = deal("n", "o", 100, { ...on("2025-09-22"), supersededBy: "stake" });
    const plan = deal("o", "n", 0, { type: "chip-purchase", ...on("2025-09-22"), supersededBy: "use" });
    const stake = deal("n", "o", 30, { id: "stake", ...on("2026-02-27") });
    const use = deal("o", "n", 0, { id: "use", type: "chip-purchase", ...on("2026-02-27") });
    expect(only([letter, plan, stake, use])).toBe("together");
    expect(only([letter, stake, use])).toBe("money-first");
    // A purchase first promised before the money went in makes the loop purchase-first, however late its final record.
    const earlyPlan = deal("o", "n", 0, { type: "chip-purchase", ...on("2025-06-01"), supersededBy: "use" });
    expect(only([letter, earlyPlan, stake, use])).toBe("purchase-first");
  });

  it("counts announcements a few days apart as one package only when asked to, and never across a coarse date", () => {
    // Nscale's release went out late on 16 September and was datelined the 17th: one package, two calendar days.
    const stake = deal("n", "c", 10, on("2025-09-17"));
    const order = deal("c", "n", 5, { type: "chip-purchase", ...on("2025-09-16") });
    const loop = derivedLoops([stake, order])[0]!;
    expect(loop.order).toBe("purchase-first");
    expect(loopOrder(loop, undefined, 1)).toBe("together");
    expect(derivedLoops([stake, order], 3, 7)[0]!.order).toBe("together");
    // Eight days apart is outside a seven-day window, either way round.
    const later = deal("c", "n", 5, { type: "chip-purchase", ...on("2025-09-25") });
    expect(loopOrder(derivedLoops([stake, later])[0]!, undefined, 7)).toBe("money-first");
    expect(loopOrder(derivedLoops([stake, deal("c", "n", 5, { type: "chip-purchase", ...on("2025-09-09") })])[0]!, undefined, 7)).toBe("purchase-first");
    // A month-dated purchase stays "unknown" whatever the window.
    expect(loopOrder(derivedLoops([stake, deal("c", "n", 5, { type: "chip-purchase", ...on("2025-09-01", "month") })])[0]!, undefined, 30)).toBe("unknown");
  });

  it("follows a three-company loop in order: each leg after the one before", () => {
    const inOrder = [
      deal("n", "o", 10, on("2025-01-01")),
      deal("o", "r", 10, { type: "cloud-commitment", ...on("2025-03-01") }),
      deal("r", "n", 10, { type: "chip-purchase", ...on("2025-05-01") }),
    ];
    expect(only(inOrder)).toBe("money-first");
    // Nvidia → OpenAI → Oracle → Nvidia in the records: the stake came after both purchases, so no order works.
    expect(
      only([
        deal("n", "o", 10, on("2026-02-27")),
        deal("o", "r", 10, { type: "cloud-commitment", ...on("2025-09-10") }),
        deal("r", "n", 10, { type: "chip-purchase", ...on("2025-05-23") }),
      ]),
    ).toBe("purchase-first");
    // The middle leg after the start but the last leg before the middle one: still out of order.
    expect(
      only([
        deal("n", "o", 10, on("2025-01-01")),
        deal("o", "r", 10, { type: "cloud-commitment", ...on("2025-06-01") }),
        deal("r", "n", 10, { type: "chip-purchase", ...on("2025-03-01") }),
      ]),
    ).toBe("purchase-first");
  });
});

describe("timingByChance: what the timing test finds when dates are shuffled", () => {
  it("keeps the loops, moves only the dates, and is the same for the same seed", () => {
    const deals = [
      deal("s", "c", 10, { announced: "2025-01-01", datePrecision: "day" }),
      deal("c", "s", 5, { type: "chip-purchase", announced: "2025-06-01", datePrecision: "day" }),
      deal("x", "y", 10, { announced: "2025-03-01", datePrecision: "day" }),
      deal("y", "x", 5, { type: "cloud-commitment", announced: "2025-03-01", datePrecision: "day" }),
    ];
    const a = timingByChance(deals, "ai-2020s", { runs: 200, seed: 7 });
    expect(a).toEqual(timingByChance(deals, "ai-2020s", { runs: 200, seed: 7 }));
    // Two loops in every run: the results always add up to two.
    const total = (r: Record<string, number>) => Object.values(r).reduce((s, n) => s + n, 0);
    expect(total(a.mean)).toBeCloseTo(2, 10);
    // Dates shuffled among four deals: each loop comes out in every order, so each result has some chance.
    expect(a.mean["money-first"]).toBeGreaterThan(0);
    expect(a.mean["purchase-first"]).toBeGreaterThan(0);
    expect(a.low["money-first"]).toBeLessThanOrEqual(a.high["money-first"]);
  });

  it("leaves the other era's dates alone", () => {
    const telecom = { era: "telecom-1990s" as const };
    const deals = [
      deal("l", "w", 10, { ...telecom, type: "vendor-financing", announced: "1999-01-01", datePrecision: "day" }),
      deal("w", "l", 5, { ...telecom, type: "partnership", announced: "1999-01-01", datePrecision: "day" }),
      deal("s", "c", 10, { announced: "2025-01-01", datePrecision: "day" }),
      deal("c", "s", 5, { type: "chip-purchase", announced: "2025-06-01", datePrecision: "day" }),
    ];
    expect(timingByChance(deals, "ai-2020s", { runs: 50 }).mean).toMatchObject({ together: 0 });
    expect(timingByChance(deals, "telecom-1990s", { runs: 50 }).mean.together).toBe(1);
    // A window wide enough to span every date makes every shuffled pair a package.
    expect(timingByChance(deals, "ai-2020s", { runs: 20, packageDays: 100_000 }).mean.together).toBe(
      derivedLoops(deals, 3, 100_000).filter((l) => l.era === "ai-2020s" && l.order !== "no-pair").length,
    );
  });
});

describe("loopsByRewiring: the loops a network of the same density makes by chance", () => {
  it("counts the records' loops as derivedLoops does, by size", () => {
    const deals = [deal("a", "b", 1), deal("b", "a", 1), deal("b", "c", 1), deal("c", "a", 1), deal("c", "b", 1), deal("d", "e", 1)];
    const found = derivedLoops(deals);
    const r = loopsByRewiring(deals, "ai-2020s", { runs: 20, seed: 3 });
    expect(r.actual).toMatchObject({ 2: found.filter((l) => l.entities.length === 2).length, 3: found.filter((l) => l.entities.length === 3).length });
    expect(r.actual[4]).toBe(derivedLoops(deals, 4).filter((l) => l.entities.length === 4).length);
  });

  it("says how often chance reaches the records' count: the share of runs with at least, and with at most, as many", () => {
    // Two pairs, a ⇄ b and c ⇄ d: rewiring either keeps both pairs or makes the ring a → d → c → b → a with none.
    const deals = [deal("a", "b", 1), deal("b", "a", 1), deal("c", "d", 1), deal("d", "c", 1)];
    const r = loopsByRewiring(deals, "ai-2020s", { runs: 200, seed: 7 });
    expect(r.actual).toMatchObject({ 2: 2, 4: 0 });
    expect(r.atMost[2]).toBe(1);
    expect(r.atLeast[2]).toBeGreaterThan(0);
    expect(r.atLeast[2]).toBeLessThan(1);
    // Every run has two pairs or one ring, never both: the runs with both pairs are those without the ring.
    expect(r.atLeast[2]).toBeCloseTo(r.atMost[4], 10);
    expect(r.atLeast[4]).toBe(1);
    expect(r.mean[2]).toBeCloseTo(2 * r.atLeast[2], 10);
  });

  it("with packages set aside, takes out the return leg of every pair announced the same day, in the records and the random networks", () => {
    const on = (date: string) => ({ announced: date, datePrecision: "day" as const });
    const deals = [
      // a ⇄ b: a stake and a purchase announced together, a package. Its return leg b → a also closes the chain
      // a → c → b → a, which goes with it.
      deal("a", "b", 1, on("2025-03-01")),
      deal("b", "a", 1, { type: "chip-purchase", ...on("2025-03-01") }),
      deal("a", "c", 1, { type: "chip-purchase", ...on("2025-04-01") }),
      deal("c", "b", 1, { type: "chip-purchase", ...on("2025-05-01") }),
      // d ⇄ e: money first, then a purchase months later: not a package, so it stays.
      deal("d", "e", 1, on("2025-01-01")),
      deal("e", "d", 1, { type: "chip-purchase", ...on("2025-06-01") }),
    ];
    const all = loopsByRewiring(deals, "ai-2020s", { runs: 20, seed: 4 });
    const aside = loopsByRewiring(deals, "ai-2020s", { runs: 20, seed: 4, packages: "set-aside" });
    expect(all.actual).toMatchObject({ 2: 2, 3: 1 });
    expect(all.setAside).toBeUndefined();
    expect(aside.setAside).toBe(1);
    expect(aside.actual).toMatchObject({ 2: 1, 3: 0 });
    // The random networks are drawn from what is left: five edges, never more than two pairs' worth of reciprocity.
    expect(aside.high[2]).toBeLessThanOrEqual(2);
  });

  it("calls a pair a package when its first deals each way were announced within a week, or in one month if only the month is known", () => {
    const on = (date: string, precision: Deal["datePrecision"] = "day") => ({ announced: date, datePrecision: precision });
    const aside = (deals: Deal[]) => loopsByRewiring(deals, "ai-2020s", { runs: 5, seed: 1, packages: "set-aside" });
    // Seven days apart is a package; eight is not.
    expect(aside([deal("a", "b", 1, on("2025-09-17")), deal("b", "a", 1, { type: "chip-purchase", ...on("2025-09-10") })]).setAside).toBe(1);
    expect(aside([deal("a", "b", 1, on("2025-09-18")), deal("b", "a", 1, { type: "chip-purchase", ...on("2025-09-10") })]).setAside).toBe(0);
    // Known only to the month: the same month is a package; only to the year, never.
    expect(aside([deal("a", "b", 1, on("2023-02-01", "month")), deal("b", "a", 1, { type: "cloud-commitment", ...on("2023-02-15") })]).setAside).toBe(1);
    expect(aside([deal("a", "b", 1, on("2023-01-01", "year")), deal("b", "a", 1, { type: "cloud-commitment", ...on("2023-01-01", "year") })]).setAside).toBe(0);
    // Any types: a backstop swapped for warrants on one day is a package too, and one leg goes.
    const swap = aside([deal("g", "t", 1, { type: "capacity-backstop", ...on("2025-08-14") }), deal("t", "g", 1, { type: "warrants", ...on("2025-08-14") })]);
    expect(swap.setAside).toBe(1);
    expect(swap.actual[2]).toBe(0);
    // A purchase first, a stake months later with a bigger purchase on the same day: the pair began with the purchase
    // alone, so it is not a package (Amazon and OpenAI).
    const later = [
      deal("o", "a", 1, { type: "cloud-commitment", ...on("2025-11-03") }),
      deal("a", "o", 1, on("2026-02-27")),
      deal("o", "a", 1, { type: "cloud-commitment", ...on("2026-02-27") }),
    ];
    expect(aside(later).setAside).toBe(0);
    expect(aside(later).actual[2]).toBe(1);
  });

  it("under the any-deal rule, calls a pair a package when any deal each way was announced together, not only its first", () => {
    const on = (date: string) => ({ announced: date, datePrecision: "day" as const });
    // A small stake first, then a stake and a purchase announced on one day a year later (Nvidia and OpenAI).
    const later = [deal("n", "o", 1, on("2024-10-02")), deal("n", "o", 1, on("2026-02-27")), deal("o", "n", 1, { type: "chip-purchase", ...on("2026-02-27") })];
    const aside = (deals: Deal[], packageRule?: "first" | "any") =>
      loopsByRewiring(deals, "ai-2020s", { runs: 5, seed: 1, packages: "set-aside", ...(packageRule ? { packageRule } : {}) });
    expect(aside(later).setAside).toBe(0);
    expect(aside(later, "first").setAside).toBe(0);
    const any = aside(later, "any");
    expect(any.setAside).toBe(1);
    // The purchase is the leg taken out: it puts no money in.
    expect(any.actual[2]).toBe(0);
    // Deals a year apart each way are no package under either rule.
    const apart = [deal("n", "o", 1, on("2024-10-02")), deal("o", "n", 1, { type: "chip-purchase", ...on("2025-10-02") })];
    expect(aside(apart, "any").setAside).toBe(0);
  });

  it("sums the disclosed dollars on pairs, split by whether each pair is a package", () => {
    const on = (date: string) => ({ announced: date, datePrecision: "day" as const });
    const deals = [
      // a ⇄ b: a stake and a purchase on one day, both with amounts: a package.
      deal("a", "b", 10e9, on("2025-03-01")),
      deal("b", "a", 5e9, { type: "chip-purchase", ...on("2025-03-01") }),
      // c ⇄ d: a stake, then a purchase with no amount two months later: not a package; it carries the stake's dollars.
      deal("c", "d", 7e9, on("2024-01-01")),
      deal("d", "c", null, { type: "chip-purchase", ...on("2024-03-01") }),
      // e ⇄ f: neither side disclosed, a year apart: not a package and nothing to sum.
      deal("e", "f", null, on("2023-01-01")),
      deal("f", "e", null, { type: "chip-purchase", ...on("2024-06-01") }),
      // A one-way deal is on no pair and counts nowhere.
      deal("a", "c", 100e9, on("2025-03-01")),
    ];
    expect(pairDollars(deals, "ai-2020s")).toEqual({ inPackages: 15e9, outside: 7e9 });
    // With a 99-day window the stake and the purchase two months later are one package too.
    expect(pairDollars(deals, "ai-2020s", { packageDays: 99 })).toEqual({ inPackages: 22e9, outside: 0 });
    expect(pairDollars(deals, "telecom-1990s")).toEqual({ inPackages: 0, outside: 0 });
  });

  it("widens or narrows the package window when asked, to show how a result depends on it", () => {
    const on = (date: string) => ({ announced: date, datePrecision: "day" as const });
    const pair = (gap: string) => [deal("a", "b", 1, on("2025-09-01")), deal("b", "a", 1, { type: "chip-purchase", ...on(gap) })];
    const aside = (deals: Deal[], packageDays?: number) =>
      loopsByRewiring(deals, "ai-2020s", { runs: 5, seed: 1, packages: "set-aside", ...(packageDays === undefined ? {} : { packageDays }) }).setAside;
    // Same day only: one day apart is two announcements.
    expect(aside(pair("2025-09-01"), 0)).toBe(1);
    expect(aside(pair("2025-09-02"), 0)).toBe(0);
    // Thirty days: twenty-nine apart is a package, thirty-one is not; the default week says no to both.
    expect(aside(pair("2025-09-30"), 30)).toBe(1);
    expect(aside(pair("2025-10-02"), 30)).toBe(0);
    expect(aside(pair("2025-09-30"))).toBe(0);
  });

  it("keeps a network that cannot be rewired as it is, and gives the same answer for the same seed", () => {
    // One pair each way: any swap would make a company pay itself, so every rewired network is the original.
    const pair = [deal("a", "b", 1), deal("b", "a", 1)];
    const r = loopsByRewiring(pair, "ai-2020s", { runs: 30, seed: 5 });
    expect(r.mean).toEqual({ 2: 1, 3: 0, 4: 0 });
    expect(r.low).toEqual(r.high);
    const ring = [deal("p", "q", 1), deal("q", "r", 1), deal("r", "s", 1), deal("s", "p", 1), deal("p", "r", 1), deal("q", "s", 1)];
    expect(loopsByRewiring(ring, "ai-2020s", { runs: 40, seed: 9 })).toEqual(loopsByRewiring(ring, "ai-2020s", { runs: 40, seed: 9 }));
  });

  it("moves loops around when the network allows it, keeping every company's number of deals", () => {
    // Two separate chains a → b → c and d → e → f can be rewired into a loop and back; the mean lies between.
    const deals = [deal("a", "b", 1), deal("b", "c", 1), deal("d", "e", 1), deal("e", "f", 1), deal("c", "d", 1), deal("f", "a", 1)];
    const r = loopsByRewiring(deals, "ai-2020s", { runs: 200, seed: 11 });
    expect(r.low[2] + r.low[3]).toBeLessThanOrEqual(r.high[2] + r.high[3]);
    expect(r.mean[2] + r.mean[3]).toBeGreaterThan(0);
  });

  it("with keep pairs, keeps every two-way pair a pair and rewires only around them", () => {
    // Two pairs, a ⇄ b and c ⇄ d, and one-way edges around them that rewiring can close into chains or open up.
    const deals = [
      deal("a", "b", 1),
      deal("b", "a", 1),
      deal("c", "d", 1),
      deal("d", "c", 1),
      deal("b", "e", 1),
      deal("e", "c", 1),
      deal("c", "a", 1),
      deal("d", "f", 1),
      deal("f", "g", 1),
      deal("g", "b", 1),
    ];
    const kept = loopsByRewiring(deals, "ai-2020s", { runs: 200, seed: 4, keep: "pairs" });
    expect(kept.actual[2]).toBe(2);
    // The pairs never change: every rewired network has exactly the records' two.
    expect(kept.low[2]).toBe(2);
    expect(kept.high[2]).toBe(2);
    // Without the rule, rewiring breaks pairs up and makes new ones.
    const free = loopsByRewiring(deals, "ai-2020s", { runs: 200, seed: 4 });
    expect(free.low[2]).toBeLessThan(2);
    // Chains still move: the one-way edges are rewired.
    expect(kept.low[3]).toBeLessThanOrEqual(kept.high[3]);
    expect(kept.high[3]).toBeGreaterThan(0);
  });

  it("with keep pairs-in-place, leaves the two-way pairs where they are and rewires only the one-way deals", () => {
    // Pairs a ⇄ b and c ⇄ d, and a one-way path b → e → c that no swap can change. Moving the pairs as units can turn them
    // into a ⇄ d and c ⇄ b, which closes b → e → c → b; leaving them in place never can.
    const deals = [deal("a", "b", 1), deal("b", "a", 1), deal("c", "d", 1), deal("d", "c", 1), deal("b", "e", 1), deal("e", "c", 1)];
    const moved = loopsByRewiring(deals, "ai-2020s", { runs: 100, seed: 3, keep: "pairs" });
    const inPlace = loopsByRewiring(deals, "ai-2020s", { runs: 100, seed: 3, keep: "pairs-in-place" });
    expect(moved.actual[3]).toBe(0);
    expect(moved.high[3]).toBe(1);
    expect(inPlace.high).toEqual({ 2: 2, 3: 0, 4: 0 });
    expect(inPlace.low).toEqual({ 2: 2, 3: 0, 4: 0 });
    // The loops through b stay the records' one pair in every network.
    expect(loopsByRewiring(deals, "ai-2020s", { runs: 100, seed: 3, keep: "pairs-in-place", touching: ["b"] }).touching).toMatchObject({
      actual: 1,
      low: 1,
      high: 1,
    });
  });

  it("with keep layers, swaps a deal only with a deal between the same two layers, and needs every company's layer", () => {
    // Chips (n) fund clouds (c1, c2), which buy from them; a lab (l) buys from a cloud. Within the layers nothing can
    // close a chain through the lab: every network keeps the records' one pair n ⇄ c1 or n ⇄ c2 and no cycle of three.
    const deals = [deal("n", "c1", 1), deal("c1", "n", 1, { type: "chip-purchase" }), deal("n", "c2", 1), deal("l", "c2", 1, { type: "cloud-commitment" })];
    const layers = { n: "hardware", c1: "cloud", c2: "cloud", l: "model" };
    const layered = loopsByRewiring(deals, "ai-2020s", { runs: 100, seed: 5, keep: "layers", layers });
    expect(layered.actual).toEqual({ 2: 1, 3: 0, 4: 0 });
    expect(layered.high[3]).toBe(0);
    expect(layered.low[2]).toBe(1);
    expect(layered.high[2]).toBe(1);
    // Ignoring the layers, n → c2 and l → c2 cannot swap (same end) but n → c1 and l → c2 can: the pair breaks up.
    expect(loopsByRewiring(deals, "ai-2020s", { runs: 100, seed: 5 }).low[2]).toBe(0);
    expect(() => loopsByRewiring(deals, "ai-2020s", { runs: 10, seed: 6, keep: "layers", layers: { n: "hardware" } })).toThrow(
      'keep "layers" needs every company\'s supply-chain layer; none for c1, c2, l',
    );
    // With the pairs left in place as well, the one pair stays put and the lone one-way deals have nowhere to go.
    expect(loopsByRewiring(deals, "ai-2020s", { runs: 50, seed: 5, keep: "layers-pairs-in-place", layers }).low).toEqual({ 2: 1, 3: 0, 4: 0 });
  });

  it("with keep kinds, swaps money only with money and purchases only with purchases", () => {
    // a funds b and c; b and c buy from d; d buys from e. No swap within a kind is possible here, so the network stays
    // as it is, with no cycle. Mixing the kinds can swap a → b with d → e into a → e and d → b, which closes b ⇄ d.
    const deals = [
      deal("a", "b", 1),
      deal("a", "c", 1),
      deal("b", "d", 1, { type: "chip-purchase" }),
      deal("c", "d", 1, { type: "chip-purchase" }),
      deal("d", "e", 1, { type: "chip-purchase" }),
    ];
    expect(loopsByRewiring(deals, "ai-2020s", { runs: 50, seed: 2, keep: "kinds" }).high).toEqual({ 2: 0, 3: 0, 4: 0 });
    expect(loopsByRewiring(deals, "ai-2020s", { runs: 50, seed: 2 }).high[2]).toBeGreaterThan(0);
  });

  it("counts the loops that include named companies, in the records and rewired", () => {
    // a ⇄ b, b → c → a (a chain through b), d ⇄ e: three loops, two of them through a.
    const deals = [deal("a", "b", 1), deal("b", "a", 1), deal("b", "c", 1), deal("c", "a", 1), deal("d", "e", 1), deal("e", "d", 1)];
    const r = loopsByRewiring(deals, "ai-2020s", { runs: 100, seed: 3, touching: ["a"] });
    expect(r.touching!.actual).toBe(2);
    expect(loopsByRewiring(deals, "ai-2020s", { runs: 5, touching: ["d", "a"] }).touching!.actual).toBe(3);
    expect(r.touching!.low).toBeLessThanOrEqual(r.touching!.mean);
    expect(r.touching!.mean).toBeLessThanOrEqual(r.touching!.high);
    // Never more than all the loops in a run.
    expect(r.touching!.high).toBeLessThanOrEqual(r.high[2] + r.high[3]);
    expect(loopsByRewiring(deals, "ai-2020s", { runs: 5 }).touching).toBeUndefined();
  });

  it("draws 300 random networks for a network of today's size, fewer for one many times larger", () => {
    expect(loopsByRewiring([deal("a", "b", 1), deal("b", "a", 1)], "ai-2020s").runs).toBe(300);
    // A chain of 3,000 one-way edges: the number of runs shrinks with the edges, never below 30.
    const long = Array.from({ length: 3000 }, (_, i) => deal(`n${i}`, `n${i + 1}`, 1));
    expect(loopsByRewiring(long, "ai-2020s").runs).toBe(100);
    expect(loopsByRewiring(long, "ai-2020s", { runs: 7 }).runs).toBe(7);
  });

  it("counts cycles of four companies too, as a test of the rule's limit of three", () => {
    const ring = [deal("p", "q", 1), deal("q", "r", 1), deal("r", "s", 1), deal("s", "p", 1)];
    expect(loopsByRewiring(ring, "ai-2020s", { runs: 5 }).actual).toEqual({ 2: 0, 3: 0, 4: 1 });
    const withChord = [...ring, deal("p", "r", 1)];
    // p → r → s → p is a three; p → q → r → s → p the four.
    expect(loopsByRewiring(withChord, "ai-2020s", { runs: 5 }).actual).toEqual({ 2: 0, 3: 1, 4: 1 });
  });

  it("ignores the other era, superseded and cancelled deals", () => {
    const telecom = { era: "telecom-1990s" as const };
    const deals = [deal("a", "b", 1), deal("b", "a", 1, { status: "cancelled" }), deal("x", "y", 1, telecom), deal("y", "x", 1, telecom)];
    expect(loopsByRewiring(deals, "ai-2020s", { runs: 5 }).actual).toEqual({ 2: 0, 3: 0, 4: 0 });
    expect(loopsByRewiring(deals, "telecom-1990s", { runs: 5 }).actual).toEqual({ 2: 1, 3: 0, 4: 0 });
  });
});
