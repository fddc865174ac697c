// Orders and filters for the deals table: each is a static page, so sorting and filtering work without JavaScript.
import type { Dataset, Deal, DealType } from "../schemas/dataset.ts";
import { DEAL_TYPES, entitiesById, sortDealsByDate } from "../dataset/selectors.ts";

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
  const names = entitiesById(dataset);
  const name = (id: string) => names.get(id)?.name ?? id;
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

export function dealsOfType(deals: readonly Deal[], type: DealType): Deal[] {
  return sortDealsByDate(deals.filter((d) => d.type === type), "desc");
}
