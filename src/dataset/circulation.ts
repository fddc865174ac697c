// How much of an era's disclosed money could go round in circles at all: the largest circulation the deal graph holds,
// in dollars. Loops count connections and a loop's round trip is one smallest leg; this weighs every edge by its money,
// so a $100M stake and a $30B stake no longer count alike. It is the maximum-circularity split of a weighted network
// (Homs-Dones, MacKay, Sansom and Zhou, "Circular Directional Flow Decomposition of Networks", 2025): the most flow that
// can run in cycles, no edge carrying more than its dollars, every company sending on what it receives. Cycles of any
// length count, so it bounds from above what loops of two or three companies could carry.
import type { Deal } from "../schemas/dataset.ts";
import { activeDeals } from "./selectors.ts";

export const CIRCULATION_BASES = ["face", "committed"] as const;
export type CirculationBasis = (typeof CIRCULATION_BASES)[number];

export interface Circulation {
  /** Disclosed dollars on the era's active deals, at this basis (face value: every disclosed amount; committed: only those). */
  totalUsd: number;
  /** The most of those dollars that can run in cycles. */
  circulatingUsd: number;
  /** circulatingUsd ÷ totalUsd, 0 when nothing is disclosed. */
  share: number;
}

interface Arc {
  from: number;
  to: number;
  capacity: number;
  flow: number;
}

/** The dollars a deal puts on its edge at this basis: face value counts every disclosed amount. */
function dealUsd(deal: Deal, basis: CirculationBasis): number {
  if (!deal.amount) return 0;
  return basis === "face" || deal.amount.basis === "committed" ? deal.amount.usd : 0;
}

/**
 * The largest circulation in the era's graph of active deals: all deals from one company to another form one edge
 * whose capacity is their dollars at `basis`. Found by cancelling cycles: while the residual graph has a cycle that adds
 * more flow than it removes (cost −1 forward, +1 back), push its smallest residual capacity round it.
 */
export function maxCirculation(deals: readonly Deal[], era: Deal["era"], basis: CirculationBasis): Circulation {
  const capacities = new Map<string, number>();
  for (const deal of activeDeals(deals).filter((d) => d.era === era)) {
    const usd = dealUsd(deal, basis);
    if (usd > 0 && deal.from !== deal.to) capacities.set(`${deal.from}\u0000${deal.to}`, (capacities.get(`${deal.from}\u0000${deal.to}`) ?? 0) + usd);
  }
  const names = [...new Set([...capacities.keys()].flatMap((k) => k.split("\u0000")))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const arcs: Arc[] = [...capacities.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, capacity]) => {
      const [from, to] = key.split("\u0000") as [string, string];
      return { from: index.get(from)!, to: index.get(to)!, capacity, flow: 0 };
    });
  const totalUsd = arcs.reduce((s, a) => s + a.capacity, 0);

  // Residual steps: forward along an arc with room (adds flow, cost −1), or back along one with flow (cost +1).
  type Step = { arc: Arc; forward: boolean; from: number; to: number; cost: number; room: number };
  const residual = (): Step[] =>
    arcs.flatMap((arc) => [
      ...(arc.flow < arc.capacity ? [{ arc, forward: true, from: arc.from, to: arc.to, cost: -1, room: arc.capacity - arc.flow }] : []),
      ...(arc.flow > 0 ? [{ arc, forward: false, from: arc.to, to: arc.from, cost: 1, room: arc.flow }] : []),
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
  const circulatingUsd = arcs.reduce((s, a) => s + a.flow, 0);
  return { totalUsd, circulatingUsd, share: totalUsd === 0 ? 0 : circulatingUsd / totalUsd };
}
