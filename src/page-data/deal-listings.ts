// Orders and filters for the deals table: each is a static page, so sorting and filtering work without JavaScript.
import type { Dataset, Deal, DealType } from "../schemas/dataset.ts";
import { Era as EraSchema } from "../schemas/dataset.ts";
import type { Release } from "../dataset/load.ts";
import { activeEntities, DEAL_TYPES, entityNamer, sortDealsByDate } from "../dataset/selectors.ts";
import { ERA_LABEL, TYPE_LABEL } from "../charts/theme.ts";
import { paths } from "../lib/urls.ts";

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

/** One option of the listing's sort or filter bar: the current one is shown, not linked. */
export interface ListingOption {
  text: string;
  path: string;
  current: boolean;
  /** How many deals the option selects, where the bar shows it. */
  count?: number;
}

/**
 * What a deals listing shows: its title, the sort and filter bars (every link leads to a listing the site builds),
 * the companies, the downloads and the sorted deals.
 */
export function dealsIndexPage(release: Release, filter: DealFilter, order: DealOrder) {
  const { dataset, version } = release;
  const deals = sortDeals(filterDeals(dataset.deals, filter), order, dataset);
  const count = (f: DealFilter) => filterDeals(dataset.deals, f).length;
  const title = [filter.era && ERA_LABEL[filter.era], filter.type ? `${TYPE_LABEL[filter.type]} deals` : "Deals"].filter(Boolean).join(": ");
  const types = DEAL_TYPES.filter((t) => dataset.deals.some((d) => d.type === t));
  const parties = new Set(dataset.deals.flatMap((d) => [d.from, d.to]));
  // A type × era page is built only where it selects fewer deals than the type alone; otherwise link the type page.
  const typeOptions: ListingOption[] = types.flatMap((t) => {
    const n = count({ type: t, era: filter.era });
    if (n === 0) return [];
    const target = { type: t, era: filter.era && count({ type: t }) !== n ? filter.era : undefined };
    return [{ text: TYPE_LABEL[t], path: listingPath(target, order), current: t === filter.type, count: n }];
  });
  const eraOptions: ListingOption[] = ERAS.flatMap((e) => {
    const n = count({ type: filter.type, era: e });
    if (n === 0) return [];
    const target = filter.type && count({ type: filter.type }) === n ? { type: filter.type } : { type: filter.type, era: e };
    return [{ text: ERA_LABEL[e], path: listingPath(target, order), current: e === filter.era, count: n }];
  });
  return {
    title,
    description: `${deals.length} deals in the Circularity dataset v${version}, with amounts, bases, evidence and sources.`,
    path: listingPath(filter, order),
    canonicalPath: listingPath(filter, "newest"),
    lede: `${deals.length} records in dataset v${version}${filter.type || filter.era ? "" : ", every AI-era and telecom-era deal"}. Each links to its record, its sources and the loops it belongs to.`,
    sort: (Object.keys(DEAL_ORDERS) as DealOrder[]).map((o): ListingOption => ({
      text: DEAL_ORDERS[o].label,
      path: listingPath(filter, o),
      current: o === order,
    })),
    allTypes: { text: "all", path: listingPath({ era: filter.era }, order), current: !filter.type } satisfies ListingOption,
    types: typeOptions,
    allEras: { text: "both", path: listingPath({ type: filter.type }, order), current: !filter.era } satisfies ListingOption,
    eras: eraOptions,
    companies: activeEntities(dataset)
      .filter((e) => parties.has(e.id))
      .map((e) => ({ text: e.name, path: `${paths.company(e.id)}#deals` })),
    downloads: [
      { text: "CSV", path: paths.dataDownload(version, "csv") },
      { text: "JSON", path: paths.dataDownload(version, "json") },
    ],
    deals,
    dataset,
    order,
    filter,
    caption: `${title}, ${DEAL_ORDERS[order].label.toLowerCase()}`,
  };
}
export type DealsIndexPageData = ReturnType<typeof dealsIndexPage>;
