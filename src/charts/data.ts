// Data shaping shared by several charts: totals per entity and per basis, from active deals only.
import type { Basis, Dataset, Deal } from "../schemas/dataset.ts";
import { activeDeals, BASES, entitiesById } from "../dataset/selectors.ts";

export interface EntityBasisTotal {
  entity: string;
  name: string;
  basis: Basis;
  usd: number;
  deals: number;
}

/** Disclosed USD per entity (as payer or as recipient) and basis, biggest entities first. */
export function totalsByEntityAndBasis(dataset: Dataset, side: "from" | "to", deals: readonly Deal[], limit: number): EntityBasisTotal[] {
  const names = entitiesById(dataset);
  const totals = new Map<string, Map<Basis, { usd: number; deals: number }>>();
  for (const deal of activeDeals(deals)) {
    if (!deal.amount) continue;
    const id = deal[side];
    const byBasis = totals.get(id) ?? new Map();
    const cell = byBasis.get(deal.amount.basis) ?? { usd: 0, deals: 0 };
    cell.usd += deal.amount.usd;
    cell.deals += 1;
    byBasis.set(deal.amount.basis, cell);
    totals.set(id, byBasis);
  }
  const ranked = [...totals.entries()]
    .map(([id, byBasis]) => ({ id, total: [...byBasis.values()].reduce((s, c) => s + c.usd, 0), byBasis }))
    .sort((a, b) => b.total - a.total || a.id.localeCompare(b.id))
    .slice(0, limit);
  return ranked.flatMap(({ id, byBasis }) =>
    BASES.filter((b) => byBasis.has(b)).map((basis) => ({
      entity: id,
      name: names.get(id)?.name ?? id,
      basis,
      usd: byBasis.get(basis)!.usd,
      deals: byBasis.get(basis)!.deals,
    })),
  );
}

/** Ids of the deals behind a set of rows, sorted, for "charts that cite this deal". */
export function dealIdsOf(deals: readonly Deal[]): string[] {
  return [...new Set(deals.map((d) => d.id))].sort();
}

/** The deal ids among a chart row's record ids (its space-separated Records cell), in their order. */
export function dealIdsIn(records: string, dataset: Dataset): string[] {
  return records.split(" ").filter((id) => dataset.deals.some((d) => d.id === id));
}

export function entityName(dataset: Dataset, id: string): string {
  return dataset.entities.find((e) => e.id === id)?.name ?? id;
}

const FUNDING = new Set(["equity", "warrants", "capacity-backstop", "loan", "vendor-financing"]);
const BUYING = new Set(["chip-purchase", "cloud-commitment", "partnership"]);

/**
 * Supplier → customer funding where the customer also buys from that supplier: the two-way loop in its plainest form.
 * Deals without a disclosed amount are left out unless asked for (to be counted, not summed).
 */
export function supplierFundingDeals(dataset: Dataset, options: { undisclosed?: boolean } = {}): Deal[] {
  const deals = activeDeals(dataset.deals);
  const buysFrom = new Set(deals.filter((d) => BUYING.has(d.type)).map((d) => `${d.from}>${d.to}`));
  return deals.filter((d) => FUNDING.has(d.type) && (d.amount || options.undisclosed) && buysFrom.has(`${d.to}>${d.from}`));
}
