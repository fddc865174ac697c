// Orders and filters for the deals table: each is a static page, so sorting and filtering work without JavaScript.
import type { Dataset, Deal, DealType } from "../schemas/dataset.ts";
import { Era as EraSchema } from "../schemas/dataset.ts";
import { DEAL_TYPES, entityNamer, sortDealsByDate } from "../dataset/selectors.ts";

export const DEAL_ORDERS = {
  newest: { label: "Newest first", heading: "Announced" },
  oldest: { label: "Oldest first", heading: "Announced" },
  amount: { label: "Largest amount first", heading: "Amount" },
  from: { label: "By payer", heading: "From" },
  to: { label: "By recipient", heading: "To" },
  type: { label: "By type", heading: "Type" },
} as const;
export type DealOrder = keyof typeof DEAL_ORDERS;

export function sortDeals(deals: readonly Deal[], order: DealOrder, dataset: Dataset): Deal[] {
  const name = entityNamer(dataset);
  const byDate = sortDealsByDate(deals, "desc");
  switch (order) {
    case "newest":
      return byDate;
    case "oldest":
      return sortDealsByDate(deals, "asc");
    case "amount":
      // Undisclosed amounts go last rather than being ranked as zero.
      return [...byDate].sort((a, b) => (b.amount?.usd ?? -1) - (a.amount?.usd ?? -1));
    case "from":
    case "to":
      return [...byDate].sort((a, b) => name(a[order]).localeCompare(name(b[order]), "en-US"));
    case "type":
      return [...byDate].sort((a, b) => DEAL_TYPES.indexOf(a.type) - DEAL_TYPES.indexOf(b.type));
  }
}

export type Era = Deal["era"];
export const ERAS: readonly Era[] = EraSchema.options;

/** A static listing's filter: any combination of one deal type and one era (none = every deal). */
export interface DealFilter {
  type?: DealType;
  era?: Era;
}

export function filterDeals(deals: readonly Deal[], filter: DealFilter): Deal[] {
  return deals.filter((d) => (!filter.type || d.type === filter.type) && (!filter.era || d.era === filter.era));
}

/** The static page for a filter and an order: deals/[type/<t>/][era/<e>/][by/<order>/] (newest is the default). */
export function listingPath(filter: DealFilter, order: DealOrder): string {
  return `deals/${filter.type ? `type/${filter.type}/` : ""}${filter.era ? `era/${filter.era}/` : ""}${order === "newest" ? "" : `by/${order}/`}`;
}

/**
 * Every listing the site builds, so that sort, type and era combine without JavaScript: each filter that selects
 * at least one deal (and, for type × era, fewer than the type alone), in every order.
 */
export function dealListings(dataset: Dataset): { filter: DealFilter; order: DealOrder }[] {
  const types = DEAL_TYPES.filter((t) => dataset.deals.some((d) => d.type === t));
  const filters: DealFilter[] = [{}, ...types.map((type) => ({ type })), ...ERAS.map((era) => ({ era }))];
  for (const type of types) {
    const ofType = filterDeals(dataset.deals, { type }).length;
    for (const era of ERAS) {
      const n = filterDeals(dataset.deals, { type, era }).length;
      if (n > 0 && n < ofType) filters.push({ type, era });
    }
  }
  return filters
    .filter((f) => filterDeals(dataset.deals, f).length > 0)
    .flatMap((filter) => (Object.keys(DEAL_ORDERS) as DealOrder[]).map((order) => ({ filter, order })));
}
