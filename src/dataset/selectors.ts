// Pure selectors over a verified dataset: what pages and charts ask of the deals.
import {
  Basis as BasisSchema,
  DealType as DealTypeSchema,
  FinancingInstrument as InstrumentSchema,
  type Basis,
  type Dataset,
  type Deal,
  type DealType,
  type Entity,
  type EntityLayer,
  type Financing,
  type FinancingInstrument,
} from "../schemas/dataset.ts";
import { quarterOfMonth } from "../lib/dates.ts";

export const BASES: readonly Basis[] = BasisSchema.options;
export const DEAL_TYPES: readonly DealType[] = DealTypeSchema.options;

// Indexes over a dataset are built once per dataset, not once per page: at 100× the records, rebuilding them on each
// of 25,000 pages made the build cost per page grow with the size of the dataset. Datasets are never mutated.
const entityIndex = new WeakMap<Dataset, Map<string, Entity>>();
const dealsByEntityIndex = new WeakMap<readonly Deal[], Map<string, { outgoing: Deal[]; incoming: Deal[] }>>();
const NO_DEALS: { outgoing: readonly Deal[]; incoming: readonly Deal[] } = { outgoing: [], incoming: [] };

export function entitiesById(dataset: Dataset): Map<string, Entity> {
  let index = entityIndex.get(dataset);
  if (!index) entityIndex.set(dataset, (index = new Map(dataset.entities.map((e) => [e.id, e]))));
  return index;
}

/** An entity's display name by id, the one way every page and chart names a party (its id if unknown). */
export function entityNamer(dataset: Dataset): (id: string) => string {
  const names = entitiesById(dataset);
  return (id) => names.get(id)?.name ?? id;
}

/** Deals that count towards totals: not cancelled, not replaced by a later record. */
export function activeDeals(deals: readonly Deal[]): Deal[] {
  return deals.filter((d) => d.status !== "cancelled" && d.supersededBy === undefined);
}

/** How a buyer pays for compute: cloud contracts and chip purchases (a partnership is not a purchase). */
export const COMPUTE_PURCHASE_TYPES: ReadonlySet<DealType> = new Set<DealType>(["cloud-commitment", "chip-purchase"]);

/** A buyer's active compute purchases that carry a dollar figure: the bills a lab has priced. */
export function pricedComputePurchases(deals: readonly Deal[], buyer: string): (Deal & { amount: NonNullable<Deal["amount"]> })[] {
  return activeDeals(deals).filter(
    (d): d is Deal & { amount: NonNullable<Deal["amount"]> } => d.from === buyer && COMPUTE_PURCHASE_TYPES.has(d.type) && d.amount !== null,
  );
}

export function dealsInEra(deals: readonly Deal[], era: Deal["era"]): Deal[] {
  return deals.filter((d) => d.era === era);
}

/** Deals sorted by date, then id, so every listing is in the same order on every build. */
export function sortDealsByDate(deals: readonly Deal[], direction: "asc" | "desc" = "asc"): Deal[] {
  const sorted = [...deals].sort((a, b) => a.announced.localeCompare(b.announced) || a.id.localeCompare(b.id));
  return direction === "asc" ? sorted : sorted.reverse();
}

/** An entity's deals, each list sorted by date; the lists are shared across pages, hence read-only. */
export function dealsByEntity(deals: readonly Deal[], entityId: string): { outgoing: readonly Deal[]; incoming: readonly Deal[] } {
  let index = dealsByEntityIndex.get(deals);
  if (!index) {
    index = new Map();
    const of = (id: string) => index!.get(id) ?? index!.set(id, { outgoing: [], incoming: [] }).get(id)!;
    for (const d of sortDealsByDate(deals)) {
      of(d.from).outgoing.push(d);
      of(d.to).incoming.push(d);
    }
    dealsByEntityIndex.set(deals, index);
  }
  return index.get(entityId) ?? NO_DEALS;
}

export function quarterOf(isoDate: string): string {
  const [year, month] = isoDate.split("-").map(Number) as [number, number];
  return `${year}-Q${quarterOfMonth(month)}`;
}

export function dealsByQuarter(deals: readonly Deal[]): Map<string, Deal[]> {
  return groupSorted(deals, (d) => quarterOf(d.announced));
}

/** Sum of disclosed USD by basis; undisclosed deals are counted separately, never as zero. */
export function totalsByBasis(deals: readonly Deal[]): { usd: Record<Basis, number>; undisclosed: number } {
  const usd = Object.fromEntries(BASES.map((b) => [b, 0])) as Record<Basis, number>;
  let undisclosed = 0;
  for (const deal of deals) {
    if (deal.amount) usd[deal.amount.basis] += deal.amount.usd;
    else undisclosed += 1;
  }
  return { usd, undisclosed };
}

export function disclosedUsd(deals: readonly Deal[]): number {
  return deals.reduce((sum, d) => sum + (d.amount?.usd ?? 0), 0);
}

/** Financing records grouped by instrument, in the schema's order, each group newest first. */
export function financingByInstrument(items: readonly Financing[]): { instrument: FinancingInstrument; items: Financing[] }[] {
  return InstrumentSchema.options
    .map((instrument) => ({
      instrument,
      items: items.filter((f) => f.instrument === instrument).sort((a, b) => b.announced.localeCompare(a.announced) || a.id.localeCompare(b.id)),
    }))
    .filter((g) => g.items.length > 0);
}

/** Financing in which an entity lends, borrows or benefits, newest first. */
export function financingOfEntity(items: readonly Financing[], entityId: string): Financing[] {
  return items
    .filter((f) => f.provider === entityId || f.borrower === entityId || f.beneficiary === entityId)
    .sort((a, b) => b.announced.localeCompare(a.announced) || a.id.localeCompare(b.id));
}

/**
 * Entities the dataset says something about (a deal, a financing record or a metric), by name: each has a company
 * page, which is also where its metrics are linked to (S&P 500 companies' buybacks, from 1.5.0, have no deal).
 */
export function activeEntities(dataset: Dataset): Entity[] {
  const used = new Set([
    ...dataset.deals.flatMap((d) => [d.from, d.to]),
    ...dataset.financing.flatMap((f) => [f.provider, f.borrower, ...(f.beneficiary ? [f.beneficiary] : [])]),
    ...dataset.metrics.map((m) => m.entity),
  ]);
  return dataset.entities.filter((e) => used.has(e.id)).sort((a, b) => a.name.localeCompare(b.name, "en-US"));
}

function groupSorted<K extends string>(deals: readonly Deal[], keyOf: (d: Deal) => K): Map<K, Deal[]> {
  const groups = new Map<K, Deal[]>();
  for (const deal of sortDealsByDate(deals)) {
    const key = keyOf(deal);
    const list = groups.get(key);
    if (list) list.push(deal);
    else groups.set(key, [deal]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * A vendor's aggregate customer-financing total (a deal to its "…-customers" group) already contains its
 * named loans; where both exist, totals keep the aggregate and drop the named loans so nothing counts twice.
 */
export function withoutOverlaps(deals: readonly Deal[], dataset: Dataset): Deal[] {
  const aggregateIds = new Set(dataset.entities.filter((e) => e.kind === "consortium" && e.id.endsWith("-customers")).map((e) => e.id));
  const vendorsWithAggregate = new Set(deals.filter((d) => aggregateIds.has(d.to)).map((d) => d.from));
  return deals.filter((d) => !(d.type === "vendor-financing" && vendorsWithAggregate.has(d.from) && !aggregateIds.has(d.to)));
}

/**
 * Each entity's supply-chain layer by id, for random networks that keep the layers (loopsByRewiring's keep "layers…"),
 * or undefined for a release before schema 1.27, which has none.
 */
export function entityLayers(dataset: Pick<Dataset, "entities">): Record<string, EntityLayer | undefined> | undefined {
  if (!dataset.entities.some((e) => e.layer !== undefined)) return undefined;
  return Object.fromEntries(dataset.entities.map((e) => [e.id, e.layer]));
}
