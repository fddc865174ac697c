// How much of an era's disclosed money could go round in circles at all: the largest circulation the deal graph holds,
// in dollars. Loops count connections and a loop's round trip is one smallest leg; this weighs every edge by its money,
// so a $100M stake and a $30B stake no longer count alike. It is the maximum-circularity split of a weighted network
// (Homs-Dones, MacKay, Sansom and Zhou, "Circular Directional Flow Decomposition of Networks", 2025): the most flow that
// can run in cycles, no edge carrying more than its dollars, every company sending on what it receives. Cycles of any
// length count, so on the disclosed amounts it bounds from above what loops of two or three companies could carry. A
// dollar that goes round a cycle is counted on each of its edges, so circulating dollars are not round trips.
import type { Deal } from "../schemas/dataset.ts";
import { activeDeals } from "./selectors.ts";
import { seededRandom } from "../lib/random.ts";
import { MONEY_IN_TYPES, spread, swapEnds, type Edge } from "./loops.ts";

export const CIRCULATION_BASES = ["face", "committed"] as const;
export type CirculationBasis = (typeof CIRCULATION_BASES)[number];

export interface Circulation {
  /**
   * Disclosed dollars on the era's active deals, at this basis (face value: every disclosed amount; committed: only
   * those); with `counted`, on the counted deals alone.
   */
  totalUsd: number;
  /** The most of those dollars that can run in cycles (the other deals' dollars may carry them round, uncounted). */
  circulatingUsd: number;
  /** circulatingUsd ÷ totalUsd, 0 when nothing is disclosed. */
  share: number;
}

/** A company-to-company edge with its dollars; `counted` says whether its flow is maximised and reported. */
interface WeightedEdge {
  from: string;
  to: string;
  usd: number;
  counted: boolean;
}

/** The suppliers' money in other companies: stakes, loans, warrants and backstops from the hardware and cloud layers. */
export function suppliersMoneyIn(layers: Readonly<Record<string, string | undefined>>): (deal: Deal) => boolean {
  return (deal) => (layers[deal.from] === "hardware" || layers[deal.from] === "cloud") && MONEY_IN_TYPES.includes(deal.type);
}

/** The dollars a deal puts on its edge at this basis: face value counts every disclosed amount. */
function dealUsd(deal: Deal, basis: CirculationBasis): number {
  if (!deal.amount) return 0;
  return basis === "face" || deal.amount.basis === "committed" ? deal.amount.usd : 0;
}

/**
 * The era's active deals as weighted edges: all deals from one company to another at `basis` form one edge, and with
 * `counted` the counted deals form an edge of their own. Sorted, so every build solves the same problem.
 */
function weightedEdges(deals: readonly Deal[], era: Deal["era"], basis: CirculationBasis, counted: (deal: Deal) => boolean): WeightedEdge[] {
  const byKey = new Map<string, WeightedEdge>();
  for (const deal of activeDeals(deals).filter((d) => d.era === era && d.from !== d.to)) {
    const usd = dealUsd(deal, basis);
    if (usd <= 0) continue;
    const isCounted = counted(deal);
    const key = `${deal.from}\u0000${deal.to}\u0000${isCounted}`;
    const edge = byKey.get(key) ?? { from: deal.from, to: deal.to, usd: 0, counted: isCounted };
    edge.usd += usd;
    byKey.set(key, edge);
  }
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, e]) => e);
}

/**
 * The most counted flow that can circulate on these edges. Cancels cycles: while the residual graph has a cycle that adds
 * more counted flow than it removes (cost −1 forward on a counted edge, +1 back, 0 on the others), push its smallest room
 * round it. Each push empties a residual step, and the graphs here have a few hundred edges.
 */
function circulate(edges: readonly WeightedEdge[]): Circulation {
  const names = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  const index = new Map(names.map((name, i) => [name, i]));
  const arcs = edges.map((e) => ({ from: index.get(e.from)!, to: index.get(e.to)!, capacity: e.usd, flow: 0, counted: e.counted }));
  type Arc = (typeof arcs)[number];
  type Step = { arc: Arc; forward: boolean; from: number; to: number; cost: number; room: number };
  const residual = (): Step[] =>
    arcs.flatMap((arc) => [
      ...(arc.flow < arc.capacity ? [{ arc, forward: true, from: arc.from, to: arc.to, cost: arc.counted ? -1 : 0, room: arc.capacity - arc.flow }] : []),
      ...(arc.flow > 0 ? [{ arc, forward: false, from: arc.to, to: arc.from, cost: arc.counted ? 1 : 0, room: arc.flow }] : []),
    ]);
  const n = names.length;
  for (;;) {
    const steps = residual();
    // Bellman–Ford from every node at once (all distances 0): a relaxation in the n-th round lies on or leads to a negative cycle.
    const dist = new Array<number>(n).fill(0);
    const via = new Array<Step | undefined>(n).fill(undefined);
    let changed: number | undefined;
    for (let round = 0; round < n; round++) {
      changed = undefined;
      for (const s of steps) {
        if (dist[s.from]! + s.cost < dist[s.to]!) {
          dist[s.to] = dist[s.from]! + s.cost;
          via[s.to] = s;
          changed = s.to;
        }
      }
      if (changed === undefined) break;
    }
    if (changed === undefined) break;
    // Walk back n steps to be sure of standing on the cycle, then collect it.
    let node = changed;
    for (let i = 0; i < n; i++) node = via[node]!.from;
    const cycle: Step[] = [];
    for (let at = node; ;) {
      const step = via[at]!;
      cycle.push(step);
      at = step.from;
      if (at === node) break;
    }
    const push = Math.min(...cycle.map((s) => s.room));
    for (const s of cycle) s.arc.flow += s.forward ? push : -push;
  }
  const totalUsd = arcs.filter((a) => a.counted).reduce((s, a) => s + a.capacity, 0);
  const circulatingUsd = arcs.filter((a) => a.counted).reduce((s, a) => s + a.flow, 0);
  return { totalUsd, circulatingUsd, share: totalUsd === 0 ? 0 : circulatingUsd / totalUsd };
}

/**
 * The largest circulation in the era's graph of active deals, at `basis`. With `counted`, only flow on the counted deals'
 * edges is maximised and reported ("how much of the suppliers' money can come back"), every other deal free to carry it.
 */
export function maxCirculation(deals: readonly Deal[], era: Deal["era"], basis: CirculationBasis, counted: (deal: Deal) => boolean = () => true): Circulation {
  return circulate(weightedEdges(deals, era, basis, counted));
}

export interface CirculationByChance {
  runs: number;
  /** The circulating share in the records, the benchmark's subject. */
  actual: number;
  /** The share when the era's edges are rewired at random, each keeping its dollars: mean, 5th and 95th percentile. */
  mean: number;
  low: number;
  high: number;
  /** Share of runs (0–1) whose circulating share is at least the records'. */
  atLeast: number;
}

const CIRCULATION_RUNS = 300;
/**
 * The dollar measure against chance, as the loop counts are tested (loopsByRewiring): the era's company-to-company edges
 * are rewired by swapping the ends of two edges at a time (a → b, c → d becomes a → d, c → b), every company keeping how
 * many others it pays and is paid by and every edge keeping its dollars, and the circulating share is measured again.
 * With `counted`, the share of the counted deals' money (an edge keeps its payer, so a supplier's money stays its own).
 * With `layers`, as the counts' layered benchmark: money still runs down the supply chain and purchases back up it as
 * often as in the records, since a layered industry returns money to its suppliers whatever anyone intends.
 * Callers that set packages aside pass the deals without them, so the records and the random networks lose the same legs.
 */
export function circulationByRewiring(
  deals: readonly Deal[],
  era: Deal["era"],
  basis: CirculationBasis,
  {
    runs = CIRCULATION_RUNS,
    seed = 20261206,
    counted = () => true,
    layers,
  }: {
    runs?: number;
    seed?: number;
    counted?: (deal: Deal) => boolean;
    /** Each company's supply-chain layer: when given, an edge is swapped only with one between the same two layers. */
    layers?: Readonly<Record<string, string | undefined>>;
  } = {},
): CirculationByChance {
  const base = weightedEdges(deals, era, basis, counted);
  const actual = circulate(base).share;
  const random = seededRandom(seed);
  const key = (from: string, to: string) => `${from}\u0000${to}`;
  const shares: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Each edge keeps its index, so its dollars and payer ride with it while its far end is swapped (swapEnds).
    const ends: Edge[] = base.map((e) => [e.from, e.to]);
    // How many edges run between two companies (a counted and an uncounted edge may share them): a swap never doubles one.
    const present = new Map<string, number>();
    const move = ([from, to]: Edge, by: number) => present.set(key(from, to), (present.get(key(from, to)) ?? 0) + by);
    for (const edge of ends) move(edge, 1);
    swapEnds(
      ends,
      random,
      (from, to) => !present.get(key(from, to)),
      (gone, made) => {
        gone.forEach((e) => move(e, -1));
        made.forEach((e) => move(e, 1));
      },
      layers && ((i, j) => layers[ends[i]![0]] === layers[ends[j]![0]] && layers[ends[i]![1]] === layers[ends[j]![1]]),
    );
    shares.push(circulate(base.map((e, i) => ({ ...e, to: ends[i]![1] }))).share);
  }
  return { runs, actual, ...spread(shares), atLeast: shares.filter((s) => s >= actual - 1e-12).length / Math.max(1, runs) };
}
