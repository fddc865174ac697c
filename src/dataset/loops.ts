// Derives circular loops (cycles in the directed graph of money flows) from the deals; never typed by hand.
import type { Deal } from "../schemas/dataset.ts";
import { activeDeals } from "./selectors.ts";
import { seededRandom } from "../lib/random.ts";

export interface LoopEdge {
  from: string;
  to: string;
  /** Every active deal along this edge, oldest first. */
  deals: Deal[];
  /** Disclosed USD on this edge (sum over its deals). */
  disclosedUsd: number;
  /** Of the disclosed USD, what the parties committed to (not ceilings, press reports or estimates). */
  committedUsd: number;
  /** True when at least one deal on the edge has no disclosed amount. */
  hasUndisclosed: boolean;
  /** How many other loops run along this same edge (the same deals), so a reader does not add them up twice. */
  otherLoops: number;
}

export interface Loop {
  /** Stable id: the entity ids in cycle order joined by "--", starting from the alphabetically first. */
  id: string;
  /** Entities in cycle order; the loop returns from the last to the first. */
  entities: string[];
  edges: LoopEdge[];
  era: Deal["era"];
  /**
   * What can go round: at most the smallest leg can travel the whole loop, so this is the smallest edge at face value
   * (ceilings and press reports included), when every edge has a disclosed amount; else null (unknown).
   */
  roundTripUsd: number | null;
  /** The same smallest leg counting only committed figures: what can go round on firm money alone (0 when a leg has none). */
  firmRoundTripUsd: number | null;
  /** Sum of disclosed USD over all edges: context only, since no dollar travels more than the smallest leg. */
  grossUsd: number;
  /** The timing test the rule leaves out (loopOrder): did money go in before the purchases that return it? */
  order: LoopOrder;
}

/**
 * The one order for loops everywhere (chart, loops page, company pages, API): by what can go round, largest first;
 * loops with an undisclosed leg after them, by the money on their legs; then by id so every build agrees.
 */
export function byRoundTrip(a: Loop, b: Loop): number {
  return (b.roundTripUsd ?? -1) - (a.roundTripUsd ?? -1) || b.grossUsd - a.grossUsd || a.id.localeCompare(b.id);
}

/**
 * Cycles of four or more companies chain together deals that have nothing to do with each other (several
 * vendors lending to several carriers close such cycles by accident), so loops stop at three companies.
 */
export const MAX_LOOP_LENGTH = 3;

/**
 * Every loop of up to `maxLength` companies among the active deals. `packageDays` widens what the timing test counts as
 * one package (see loopOrder); the site's rule is the same day.
 */
export function derivedLoops(deals: readonly Deal[], maxLength = MAX_LOOP_LENGTH, packageDays = 0): Loop[] {
  const edges = edgeMap(activeDeals(deals));
  const adjacency = new Map<string, string[]>();
  for (const key of edges.keys()) {
    const [from, to] = key.split("\u0000") as [string, string];
    adjacency.set(from, [...(adjacency.get(from) ?? []), to]);
  }
  for (const list of adjacency.values()) list.sort();

  const loops: Loop[] = [];
  const nodes = [...adjacency.keys()].sort();
  // Each elementary cycle is found once: from its smallest node, visiting only larger nodes.
  for (const start of nodes) {
    const path = [start];
    const onPath = new Set(path);
    const visit = (node: string) => {
      for (const next of adjacency.get(node) ?? []) {
        if (next === start && path.length >= 2) {
          loops.push(buildLoop([...path], edges));
        } else if (next > start && !onPath.has(next) && path.length < maxLength) {
          path.push(next);
          onPath.add(next);
          visit(next);
          onPath.delete(next);
          path.pop();
        }
      }
    };
    visit(start);
  }
  const edgeUse = new Map<string, number>();
  for (const e of loops.flatMap((l) => l.edges)) edgeUse.set(`${e.from}>${e.to}`, (edgeUse.get(`${e.from}>${e.to}`) ?? 0) + 1);
  for (const e of loops.flatMap((l) => l.edges)) e.otherLoops = edgeUse.get(`${e.from}>${e.to}`)! - 1;
  const first = firstRecords(deals);
  for (const loop of loops) loop.order = loopOrder(loop, first, packageDays);
  return loops.sort(byRoundTrip);
}

export function loopsOfEntity(loops: readonly Loop[], entityId: string): Loop[] {
  return loops.filter((l) => l.entities.includes(entityId));
}

export function loopsOfDeal(loops: readonly Loop[], dealId: string): Loop[] {
  return loops.filter((l) => l.edges.some((e) => e.deals.some((d) => d.id === dealId)));
}

function edgeMap(deals: readonly Deal[]): Map<string, Deal[]> {
  const map = new Map<string, Deal[]>();
  for (const deal of [...deals].sort((a, b) => a.announced.localeCompare(b.announced) || a.id.localeCompare(b.id))) {
    const key = `${deal.from}\u0000${deal.to}`;
    map.set(key, [...(map.get(key) ?? []), deal]);
  }
  return map;
}

function buildLoop(entities: string[], edges: Map<string, Deal[]>): Loop {
  const loopEdges: LoopEdge[] = entities.map((from, i) => {
    const to = entities[(i + 1) % entities.length] as string;
    const deals = edges.get(`${from}\u0000${to}`) ?? [];
    return {
      from,
      to,
      deals,
      disclosedUsd: deals.reduce((s, d) => s + (d.amount?.usd ?? 0), 0),
      committedUsd: deals.reduce((s, d) => s + (d.amount?.basis === "committed" ? d.amount.usd : 0), 0),
      hasUndisclosed: deals.some((d) => d.amount === null),
      otherLoops: 0,
    };
  });
  const allDisclosed = loopEdges.every((e) => e.disclosedUsd > 0);
  const eras = loopEdges.flatMap((e) => e.deals.map((d) => d.era));
  return {
    id: entities.join("--"),
    entities,
    edges: loopEdges,
    era: eras.filter((e) => e === "telecom-1990s").length > eras.length / 2 ? "telecom-1990s" : "ai-2020s",
    roundTripUsd: allDisclosed ? Math.min(...loopEdges.map((e) => e.disclosedUsd)) : null,
    firmRoundTripUsd: allDisclosed ? Math.min(...loopEdges.map((e) => e.committedUsd)) : null,
    grossUsd: loopEdges.reduce((s, e) => s + e.disclosedUsd, 0),
    order: "no-pair",
  };
}

/**
 * Deal types that put money or value into the other party (as opposed to buying from it): the start of a loop in the
 * sense critics mean, "a supplier funds a customer, which then buys from it".
 */
export const MONEY_IN_TYPES: readonly Deal["type"][] = ["equity", "warrants", "loan", "vendor-financing", "capacity-backstop"];

/**
 * The timing test the loop rule leaves out, as one of five results, in the order they are preferred:
 * - "together": a deal that puts money in and the deals on the later legs were announced on the same day or after it,
 *   some on the same day (a package: invested and bought at once); preferred, so a package with later follow-ons counts
 *   as a package;
 * - "money-first": money went in first and each later leg, in the loop's order, has a deal dated after the one before;
 * - "unknown": the order turns on dates known only to the month or year, which cannot say which came first;
 * - "purchase-first": money was put in only after the purchases on the other legs;
 * - "no-pair": the loop is not money in one way and purchases back: purchases both ways, or money both ways (a
 *   warrant swapped for a backstop), so there is nothing to put in order.
 * After the deal that puts money in, every later leg must be a purchase or a supply agreement (not money put in).
 */
export const LOOP_ORDERS = ["together", "money-first", "unknown", "purchase-first", "no-pair"] as const;
export type LoopOrder = (typeof LOOP_ORDERS)[number];

/** A deal's date to the precision it is known: "2025" for a year, "2025-09" for a month or quarter, else the day. */
function knownDate(deal: Pick<Deal, "announced" | "datePrecision">): string {
  return deal.announced.slice(0, deal.datePrecision === "day" ? 10 : deal.datePrecision === "year" ? 4 : 7);
}

type Step = "after" | "same" | "unknown" | "before";
const DAY_MS = 86_400_000;
/**
 * How `later` stands to `earlier`: dates known to different precisions compare at the coarser one. Two dates known to
 * the day and at most `packageDays` apart count as the same announcement.
 */
function step(later: Pick<Deal, "announced" | "datePrecision">, earlier: Pick<Deal, "announced" | "datePrecision">, packageDays = 0): Step {
  const a = knownDate(later);
  const b = knownDate(earlier);
  if (a.length === 10 && b.length === 10 && Math.abs(Date.parse(a) - Date.parse(b)) <= packageDays * DAY_MS) return "same";
  const n = Math.min(a.length, b.length);
  if (a.slice(0, n) !== b.slice(0, n)) return a.slice(0, n) > b.slice(0, n) ? "after" : "before";
  return a.length === 10 && b.length === 10 ? "same" : "unknown";
}

/**
 * The loop's timing result (LOOP_ORDERS). `firstRecord` gives, for a deal that replaced earlier records (a stake that
 * replaced a letter of intent, a contract that replaced an earlier one), the first record of that relationship: its
 * date is when the money or the purchase was first promised. Both sides are dated so: dating only the money back would
 * set a letter's money side against the later record that replaced its purchase side, and call a package money-first.
 * `packageDays` is how far apart two day-dated announcements may be and still count as one package: 0, the site's
 * rule, is the same calendar day; a wider window catches packages whose parts were datelined a day or two apart.
 */
export function loopOrder(loop: Pick<Loop, "edges">, firstRecord: (deal: Deal) => Deal = (d) => d, packageDays = 0): LoopOrder {
  const n = loop.edges.length;
  let best: LoopOrder = "no-pair";
  const rank = (o: LoopOrder) => LOOP_ORDERS.indexOf(o);
  loop.edges.forEach((edge, start) => {
    for (const money of edge.deals.filter((d) => MONEY_IN_TYPES.includes(d.type))) {
      // Every choice of one deal per later leg (at most a few deals on a few legs), each compared with the one before.
      const walk = (leg: number, previous: Pick<Deal, "announced" | "datePrecision">, seen: Step[]): void => {
        if (leg === n) {
          const result: LoopOrder = seen.includes("before")
            ? "purchase-first"
            : seen.includes("unknown")
              ? "unknown"
              : seen.includes("same")
                ? "together"
                : "money-first";
          if (rank(result) < rank(best)) best = result;
          return;
        }
        for (const next of loop.edges[(start + leg) % n]!.deals.filter((d) => !MONEY_IN_TYPES.includes(d.type))) {
          const promised = firstRecord(next);
          walk(leg + 1, promised, [...seen, step(promised, previous, packageDays)]);
        }
      };
      walk(1, firstRecord(money), []);
    }
  });
  return best;
}

/**
 * For each deal, the first record of its relationship: the oldest record it replaced, directly or through others. Only
 * a promise the parties made counts (a letter of intent, a first tranche), not reported talks: a record whose amount
 * is "reported" is not a promise, so the chain stops there.
 */
export function firstRecords(deals: readonly Deal[]): (deal: Deal) => Deal {
  const replaced = new Map<string, Deal[]>();
  for (const d of deals) if (d.supersededBy && d.amount?.basis !== "reported") replaced.set(d.supersededBy, [...(replaced.get(d.supersededBy) ?? []), d]);
  const first = (deal: Deal, depth = 0): Deal =>
    depth > deals.length
      ? deal
      : [deal, ...(replaced.get(deal.id) ?? []).map((d) => first(d, depth + 1))].reduce((a, b) => (knownDate(b) < knownDate(a) ? b : a));
  return (deal) => first(deal);
}

/** Whether a loop passes the timing test: money went in before, or together with, the purchases that return it. */
export function passesTimingTest(loop: Pick<Loop, "order">): boolean {
  return loop.order === "money-first" || loop.order === "together";
}

/** A loop as readers see it: "Nvidia → OpenAI → Oracle → Nvidia", back to where it started. */
export function loopLabel(loop: Pick<Loop, "entities">, name: (id: string) => string): string {
  return [...loop.entities, loop.entities[0]!].map(name).join(" → ");
}

/** What a run of chance trials gives: the mean, and the 5th and 95th percentiles ("low", "high"). */
export function spread(list: readonly number[]): { mean: number; low: number; high: number } {
  const sorted = [...list].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { mean: sorted.reduce((s, n) => s + n, 0) / sorted.length, low: at(0.05), high: at(0.95) };
}

export interface TimingByChance {
  runs: number;
  /** For each timing result, how many of the era's loops get it when the era's deal dates are shuffled: mean and 5th/95th percentiles. */
  mean: Record<LoopOrder, number>;
  low: Record<LoopOrder, number>;
  high: Record<LoopOrder, number>;
}

/**
 * What the timing test would find by chance: the era's deal dates (with their precision) are shuffled among its deals,
 * the loops re-tested, and the counts of each result collected over many runs. The loops themselves do not change,
 * since they do not depend on dates. If a result is no commoner in the records than under shuffled dates, it is not
 * evidence that the deals were tied together. `size` keeps only loops of that many companies; `packageDays` is the
 * timing test's package window (loopOrder).
 */
export function timingByChance(
  deals: readonly Deal[],
  era: Deal["era"],
  { runs = 500, seed = 20261205, size, packageDays = 0 }: { runs?: number; seed?: number; size?: number; packageDays?: number } = {},
): TimingByChance {
  const random = seededRandom(seed);
  const inEra = deals.map((d, i) => ({ d, i })).filter(({ d }) => d.era === era);
  const counts = Object.fromEntries(LOOP_ORDERS.map((o) => [o, [] as number[]])) as Record<LoopOrder, number[]>;
  for (let run = 0; run < runs; run += 1) {
    const dates = inEra.map(({ d }) => ({ announced: d.announced, datePrecision: d.datePrecision }));
    for (let k = dates.length - 1; k > 0; k -= 1) {
      const j = Math.floor(random() * (k + 1));
      [dates[k], dates[j]] = [dates[j]!, dates[k]!];
    }
    const shuffled = [...deals];
    inEra.forEach(({ d, i }, k) => (shuffled[i] = { ...d, ...dates[k]! }));
    const found = derivedLoops(shuffled, MAX_LOOP_LENGTH, packageDays).filter((l) => l.era === era && (size === undefined || l.entities.length === size));
    for (const order of LOOP_ORDERS) counts[order].push(found.filter((l) => l.order === order).length);
  }
  const per = (stat: "mean" | "low" | "high") => Object.fromEntries(LOOP_ORDERS.map((o) => [o, spread(counts[o])[stat]])) as Record<LoopOrder, number>;
  return { runs, mean: per("mean"), low: per("low"), high: per("high") };
}

/** Cycle counts by length: two, three and four companies. Four-company cycles are counted only here, as a test of the rule's limit of three. */
export type CycleCounts = { 2: number; 3: number; 4: number };

/** How many of the rule's loops (two or three companies) include any of the companies named in `touching`. */
export interface TouchingCounts {
  actual: number;
  mean: number;
  low: number;
  high: number;
}

export interface LoopsByRewiring {
  runs: number;
  /** Present when loopsByRewiring was given `touching`. */
  touching?: TouchingCounts;
  /** Cycles of two, three and four companies among the era's active deals, as recorded. */
  actual: CycleCounts;
  /** The same counts when the deals are rewired at random, each company keeping how many deals it made and received. */
  mean: CycleCounts;
  low: CycleCounts;
  high: CycleCounts;
  /**
   * How often chance matches the records: the share of runs (0–1) with at least as many cycles as recorded, and with at
   * most as many. A band says where most runs fall; these say how rare the records' own count is.
   */
  atLeast: CycleCounts;
  atMost: CycleCounts;
  /** With `packages: "set-aside"`: how many two-company packages had one leg taken out before counting. */
  setAside?: number;
}

/**
 * Elementary cycles of two, three and four companies in a set of directed edges, each found once (from its smallest
 * company). `touching`, when given, also counts the cycles of two or three companies (the rule's loops) that include
 * any of those companies.
 */
function cycleCounts(edges: readonly (readonly [string, string])[], touching?: ReadonlySet<string>): CycleCounts & { touching: number } {
  const out = new Map<string, Set<string>>();
  for (const [a, b] of edges) out.set(a, (out.get(a) ?? new Set()).add(b));
  const has = (a: string, b: string) => out.get(a)?.has(b) ?? false;
  const counts = { 2: 0, 3: 0, 4: 0, touching: 0 };
  const marked = (...ids: string[]) => (touching && ids.some((id) => touching.has(id)) ? 1 : 0);
  for (const [a, targets] of out) {
    for (const b of targets) {
      if (a < b && has(b, a)) ((counts[2] += 1), (counts.touching += marked(a, b)));
      if (b <= a) continue;
      for (const c of out.get(b) ?? []) {
        if (c <= a || c === b) continue;
        if (has(c, a)) ((counts[3] += 1), (counts.touching += marked(a, b, c)));
        for (const d of out.get(c) ?? []) if (d > a && d !== b && d !== c && has(d, a)) counts[4] += 1;
      }
    }
  }
  return counts;
}

/**
 * The objection that any dense network has circles, tested: the era's active deals become company-to-company edges,
 * which are rewired at random by swapping the ends of two edges (a → b, c → d becomes a → d, c → b) many times, so
 * every company keeps how many companies it pays and is paid by. Loops in the rewired networks are what density alone
 * produces; the records' loops beyond that are what the density does not explain.
 *
 * `keep` holds more of the network's shape fixed:
 * - "pairs": the pairs that run both ways are swapped only with each other ({a, b}, {c, d} becomes {a, d}, {c, b}), and
 *   a one-way edge never lands where it would make a new pair. Every company keeps its number of two-way partners, so
 *   the pairs are fixed by construction and the test asks only whether longer cycles exceed what they make by chance.
 * - "pairs-in-place": stricter still, the two-way pairs stay exactly where the records put them and only one-way edges
 *   are rewired (never into a new pair), so the test asks whether the one-way deals around the declared pairs close
 *   more cycles than chance. Letting the pairs move, as "pairs" does, also moves the hubs they sit on.
 * - "kinds": an edge that puts money in (any of MONEY_IN_TYPES among its deals) is swapped only with another such edge,
 *   a purchase only with a purchase, so every company keeps how many it funds, is funded by, buys from and sells to:
 *   a lab that only buys still only buys, a supplier that invests still invests.
 * - "layers": an edge is swapped only with an edge between the same two supply-chain layers (the entities' `layer`:
 *   hardware to cloud, cloud to model and so on), so money still runs down the chain and purchases back up it as often
 *   as in the records. A layered industry has few three-company cycles whatever anyone intends; this model says how few.
 *   "layers-pairs-in-place" does the same with the two-way pairs left where they are, as "pairs-in-place" does.
 */
export type Edge = [string, string];
/**
 * Swaps the ends of random pairs of edges in place (a → b, c → d becomes a → d, c → b), ten attempts per edge, so every
 * company keeps how many edges leave and reach it. A swap is made only when `free` allows both new edges and, if given,
 * `alike` allows the two edges to trade (by their index, so a caller can keep what rides on each edge); `moved` is told
 * which edges went and which came, to keep the caller's record of the network up to date.
 */
export function swapEnds(
  edges: Edge[],
  random: () => number,
  free: (from: string, to: string) => boolean,
  moved: (gone: [Edge, Edge], made: [Edge, Edge]) => void,
  alike?: (i: number, j: number) => boolean,
): void {
  for (let attempt = 0; attempt < edges.length * 10; attempt += 1) {
    const i = Math.floor(random() * edges.length);
    const j = Math.floor(random() * edges.length);
    const [a, b] = edges[i]!;
    const [c, d] = edges[j]!;
    if (i === j || a === d || c === b || !free(a, d) || !free(c, b) || (alike && !alike(i, j))) continue;
    moved(
      [
        [a, b],
        [c, d],
      ],
      [
        [a, d],
        [c, b],
      ],
    );
    edges[i] = [a, d];
    edges[j] = [c, b];
  }
}

/**
 * How many random networks to draw: 300 for a network the size of today's (a few hundred edges), fewer as it grows, so
 * that a build on a dataset many times larger stays bounded (each run rewires and recounts every edge).
 */
const REWIRING_RUNS = 300;
function rewiringRuns(edges: number): number {
  return Math.max(30, Math.min(REWIRING_RUNS, Math.floor((REWIRING_RUNS * 1000) / Math.max(1, edges))));
}

export const REWIRING_KEEPS = ["pairs", "pairs-in-place", "kinds", "layers", "layers-pairs-in-place"] as const;
export type RewiringKeep = (typeof REWIRING_KEEPS)[number];
type RewiringOptions = {
  runs?: number;
  seed?: number;
  keep?: RewiringKeep;
  touching?: readonly string[];
  /** Each company's supply-chain layer, for keep "layers…" (from the same release as the deals). */
  layers?: Readonly<Record<string, string | undefined>>;
  /**
   * "set-aside": before anything is counted or rewired, take out one leg of every two-company package, a pair whose
   * first deals each way were announced together (packageLegs). What is left asks whether the pairs the parties did
   * not announce together are commoner than chance: a package recorded as two deals makes a pair by construction.
   */
  packages?: "set-aside";
  /** With packages "set-aside": how many days apart two dated announcements may be and still make one package (PACKAGE_DAYS). */
  packageDays?: number;
  /**
   * With packages "set-aside": "first" (the default) calls a pair a package when its first deals each way were announced
   * together; "any", when any deal one way and any deal the other way were, each by its own date: a pair that began with
   * a small stake and later became a stake-for-purchase package counts under "any" but not "first".
   */
  packageRule?: PackageRule;
};
export type PackageRule = "first" | "any";
/**
 * Rewiring is the slow part of a build, and the loops page, the loops-against-chance chart and articles' counts ask the
 * same questions of the same release: each answer is worked out once per deals list and kept (callers must not change it).
 */
const rewired = new WeakMap<readonly Deal[], Map<string, LoopsByRewiring>>();
export function loopsByRewiring(deals: readonly Deal[], era: Deal["era"], options: RewiringOptions = {}): LoopsByRewiring {
  const byKey = rewired.get(deals) ?? new Map<string, LoopsByRewiring>();
  rewired.set(deals, byKey);
  const key = JSON.stringify([era, options.runs, options.seed, options.keep, options.touching, options.packages, options.packageDays, options.packageRule]);
  if (!byKey.has(key)) byKey.set(key, rewire(deals, era, options));
  return byKey.get(key)!;
}

/**
 * Two announcements made together: within PACKAGE_DAYS of each other (or `days`, to show how a result depends on the
 * window) when both are dated to the day, in the same month when either is known only to the month. Dates known only to
 * the year are too coarse to call a package.
 */
export const PACKAGE_DAYS = 7;
function announcedTogether(x: Pick<Deal, "announced" | "datePrecision">, y: Pick<Deal, "announced" | "datePrecision">, days: number): boolean {
  const [a, b] = [knownDate(x), knownDate(y)];
  if (a.length === 10 && b.length === 10) return Math.abs(Date.parse(a) - Date.parse(b)) <= days * DAY_MS;
  return a.length >= 7 && b.length >= 7 && a.slice(0, 7) === b.slice(0, 7);
}

/**
 * The era's two-company packages: pairs whose first deals each way, each dated by the first promise it replaced
 * (firstRecords), were announced together (rule "first"), or in which any deal one way and any deal the other way were,
 * each by its own date (rule "any"), whatever their types (a stake for a purchase, a backstop for warrants, a purchase
 * each way). For each, the leg to take out, as "from>to": the one that puts no money in if only one is so,
 * else the one announced later, else the second.
 */
export function packageLegs(deals: readonly Deal[], era: Deal["era"], days: number, rule: PackageRule): Set<string> {
  const first = firstRecords(deals);
  const legs = new Set<string>();
  for (const loop of derivedLoops(deals, 2)) {
    if (loop.era !== era) continue;
    const [a, b] = loop.edges as [LoopEdge, LoopEdge];
    const opened = (e: LoopEdge) => e.deals.map(first).reduce((x, y) => (knownDate(y) < knownDate(x) ? y : x));
    const together = rule === "first" ? announcedTogether(opened(a), opened(b), days) : a.deals.some((x) => b.deals.some((y) => announcedTogether(x, y, days)));
    if (!together) continue;
    const buysOnly = [a, b].filter((e) => !e.deals.some((d) => MONEY_IN_TYPES.includes(d.type)));
    const out = buysOnly.length === 1 ? buysOnly[0]! : knownDate(opened(a)) > knownDate(opened(b)) ? a : b;
    legs.add(`${out.from}>${out.to}`);
  }
  return legs;
}

/** The deals without the era's legs named "from>to" (packageLegs): what the records hold once packages are set aside. */
export function withoutLegs(deals: readonly Deal[], era: Deal["era"], legs: ReadonlySet<string>): Deal[] {
  return deals.filter((d) => d.era !== era || !legs.has(`${d.from}>${d.to}`));
}

/** Disclosed dollars on an era's two-company pairs, split by whether the pair is a package. */
export interface PairDollars {
  /** Face value of every disclosed amount on either direction of a package pair (an up-to amount counts in full). */
  inPackages: number;
  /** The same for the pairs that are not packages. */
  outside: number;
}
/**
 * Where the money in reciprocal relationships sits: the disclosed amounts of the active deals on both directions of each
 * of the era's pairs, summed for the packages (packageLegs, by the same rule and window as the chance test) and for the
 * other pairs. Counting connections treats $100M like $30B; this says where the dollars are.
 */
export function pairDollars(
  deals: readonly Deal[],
  era: Deal["era"],
  { packageDays = PACKAGE_DAYS, packageRule = "first" }: { packageDays?: number; packageRule?: PackageRule } = {},
): PairDollars {
  const legs = packageLegs(deals, era, packageDays, packageRule);
  const result: PairDollars = { inPackages: 0, outside: 0 };
  for (const loop of derivedLoops(deals, 2)) {
    if (loop.era !== era) continue;
    const usd = loop.edges.flatMap((e) => e.deals).reduce((sum, d) => sum + (d.amount?.usd ?? 0), 0);
    if (loop.edges.some((e) => legs.has(`${e.from}>${e.to}`))) result.inPackages += usd;
    else result.outside += usd;
  }
  return result;
}

function rewire(
  deals: readonly Deal[],
  era: Deal["era"],
  { runs, seed = 20261205, keep, touching, layers, packages, packageDays = PACKAGE_DAYS, packageRule = "first" }: RewiringOptions,
): LoopsByRewiring {
  const setAside = packages === "set-aside" ? packageLegs(deals, era, packageDays, packageRule) : undefined;
  if (setAside) deals = withoutLegs(deals, era, setAside);
  const marked = touching ? new Set(touching) : undefined;
  const pairsInPlace = keep === "pairs-in-place" || keep === "layers-pairs-in-place";
  const keepPairs = keep === "pairs" || pairsInPlace;
  const byLayer = keep === "layers" || keep === "layers-pairs-in-place";
  const random = seededRandom(seed);
  const key = (a: string, b: string) => `${a}\u0000${b}`;
  const directed = [
    ...new Set(
      activeDeals(deals)
        .filter((d) => d.era === era && d.from !== d.to)
        .map((d) => key(d.from, d.to)),
    ),
  ].sort();
  const base = directed.map((p) => p.split("\u0000") as [string, string]);
  runs ??= rewiringRuns(base.length);
  const all = new Set(directed);
  const twoWay = keepPairs ? base.filter(([a, b]) => a < b && all.has(key(b, a))) : [];
  const oneWay = keepPairs ? base.filter(([a, b]) => !all.has(key(b, a))) : base;
  const moneyEdges = new Set(
    activeDeals(deals)
      .filter((d) => d.era === era && MONEY_IN_TYPES.includes(d.type))
      .map((d) => key(d.from, d.to)),
  );
  if (byLayer) {
    const unlayered = [...new Set(base.flat())].filter((id) => layers?.[id] === undefined).sort();
    if (unlayered.length) throw new Error(`keep "${keep}" needs every company's supply-chain layer; none for ${unlayered.join(", ")}`);
  }
  // One-way edges are rewired within their group: money-in or purchase for "kinds", the pair of layers for "layers…".
  const groupOf = (e: readonly [string, string]) =>
    byLayer ? `${layers![e[0]]}>${layers![e[1]]}` : keep === "kinds" && moneyEdges.has(key(e[0], e[1])) ? "money" : "other";
  const counts: Record<2 | 3 | 4 | "touching", number[]> = { 2: [], 3: [], 4: [], touching: [] };
  for (let run = 0; run < runs; run += 1) {
    const groups = new Map<string, [string, string][]>();
    for (const e of oneWay) groups.set(groupOf(e), [...(groups.get(groupOf(e)) ?? []), [...e] as [string, string]]);
    const pairs = twoWay.map((e) => [...e] as [string, string]);
    const present = new Set(directed);
    const taken = (a: string, b: string) => present.has(key(a, b)) || (keepPairs && present.has(key(b, a)));
    const free = (a: string, b: string) => !taken(a, b);
    for (const singles of groups.values())
      swapEnds(singles, random, free, (gone, made) => {
        for (const [x, y] of gone) present.delete(key(x, y));
        for (const [x, y] of made) present.add(key(x, y));
      });
    const singles = [...groups.values()].flat();
    // A two-way pair moves as one: both directions leave and arrive together (unless the pairs stay in place).
    if (!pairsInPlace)
      swapEnds(pairs, random, free, (gone, made) => {
        for (const [x, y] of gone) (present.delete(key(x, y)), present.delete(key(y, x)));
        for (const [x, y] of made) (present.add(key(x, y)), present.add(key(y, x)));
      });
    const found = cycleCounts([...singles, ...pairs.flatMap(([a, b]) => [[a, b] as const, [b, a] as const])], marked);
    for (const n of [2, 3, 4, "touching"] as const) counts[n].push(found[n]);
  }
  const [two, three, four] = [spread(counts[2]), spread(counts[3]), spread(counts[4])];
  const { touching: touchingActual, ...actual } = cycleCounts(base, marked);
  // The share of runs on the far side of the records' own count, for each size of cycle.
  const tail = (beyond: (n: number, recorded: number) => boolean): CycleCounts => {
    const share = (size: 2 | 3 | 4) => counts[size].filter((n) => beyond(n, actual[size])).length / runs!;
    return { 2: share(2), 3: share(3), 4: share(4) };
  };
  return {
    runs,
    ...(marked ? { touching: { actual: touchingActual, ...spread(counts.touching) } } : {}),
    actual,
    mean: { 2: two.mean, 3: three.mean, 4: four.mean },
    low: { 2: two.low, 3: three.low, 4: four.low },
    high: { 2: two.high, 3: three.high, 4: four.high },
    atLeast: tail((n, recorded) => n >= recorded),
    atMost: tail((n, recorded) => n <= recorded),
    ...(setAside ? { setAside: setAside.size } : {}),
  };
}
