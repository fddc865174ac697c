// Orders and filters for the deals table: each is a static page, so sorting and filtering work without JavaScript.
import type { Dataset, Deal, DealType } from "../schemas/dataset.ts";
import { Era as EraSchema } from "../schemas/dataset.ts";
import type { Release } from "../dataset/load.ts";
import { activeEntities, DEAL_TYPES, entityNamer, sortDealsByDate } from "../dataset/selectors.ts";
import { ERA_LABEL, TYPE_LABEL } from "../charts/theme.ts";
import { formatAmount } from "../dataset/labels.ts";
import { dealEvidence, SOURCE_KIND_LABEL } from "../dataset/evidence.ts";
import { formatDate } from "../lib/dates.ts";
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

/**
 * The order /deals/ opens in: the largest disclosed deals first, so a reader lands on what matters rather than on a
 * screen of undisclosed ones. Until release 1.3 the default was newest first; its old paths redirect (redirects.ts).
 */
export const DEFAULT_ORDER: DealOrder = "amount";

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

/** The static page for a filter and an order: deals/[type/<t>/][era/<e>/][by/<order>/] (DEFAULT_ORDER has no by/). */
export function listingPath(filter: DealFilter, order: DealOrder, defaultOrder: DealOrder = DEFAULT_ORDER): string {
  return `deals/${filter.type ? `type/${filter.type}/` : ""}${filter.era ? `era/${filter.era}/` : ""}${order === defaultOrder ? "" : `by/${order}/`}`;
}

/** Listing URLs published before the default order changed that now lead elsewhere: the old amount pages. */
export function retiredListingPaths(dataset: Dataset): { from: string; to: string }[] {
  return dealListings(dataset)
    .filter(({ order }) => order === DEFAULT_ORDER)
    .map(({ filter }) => ({ from: listingPath(filter, DEFAULT_ORDER, "newest"), to: listingPath(filter, DEFAULT_ORDER) }));
}

/** The deals table's columns: each heading, and the order its link sorts by (none for columns with no order). */
export function dealsTableHeaders(order: DealOrder) {
  const header = (label: string, sortBy: DealOrder | null, numeric = false) => ({
    label,
    sortBy,
    numeric,
    ariaSort:
      sortBy && (DEAL_ORDERS[order].heading === label || (label === "Announced" && (order === "newest" || order === "oldest")))
        ? ["oldest", "from", "to", "type"].includes(order)
          ? ("ascending" as const)
          : ("descending" as const)
        : undefined,
  });
  return [
    header("Announced", order === "newest" ? "oldest" : "newest"),
    header("Deal", null),
    header("From", "from"),
    header("To", "to"),
    header("Type", "type"),
    header("Amount", "amount", true),
    header("Evidence", null),
    header("Status", null),
    header("Era", null),
  ];
}

/** One row of the deals table as readers see it; the cells follow dealsTableHeaders(). */
export function dealsTableRows(deals: readonly Deal[], dataset: Dataset) {
  const name = entityNamer(dataset);
  return deals.map((d) => {
    const evidence = dealEvidence(d);
    return {
      id: d.id,
      path: paths.deal(d.id),
      date: { datetime: d.announced, text: formatDate(d.announced, d.datePrecision) },
      title: d.title,
      from: { text: name(d.from), path: paths.company(d.from) },
      to: { text: name(d.to), path: paths.company(d.to) },
      type: `${TYPE_LABEL[d.type]}${d.compute?.gw ? `, ${d.compute.gw} GW` : ""}`,
      /** The amount in the pieces a narrow column may break between: "$300B" and "(reported)". */
      amount: formatAmount(d.amount).split(/ (?=\()/),
      evidence: evidence === "ungraded" ? "—" : SOURCE_KIND_LABEL[evidence],
      status: d.supersededBy ? "superseded" : d.status,
      era: d.era === "ai-2020s" ? "AI" : "Telecom",
    };
  });
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
    canonicalPath: listingPath(filter, DEFAULT_ORDER),
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
    table: {
      headers: dealsTableHeaders(order).map((h) => ({ ...h, path: h.sortBy ? listingPath(filter, h.sortBy) : undefined })),
      rows: dealsTableRows(deals, dataset),
    },
    eraNote: `${ERA_LABEL["ai-2020s"]}; ${ERA_LABEL["telecom-1990s"]}.`,
    caption: `${title}, ${DEAL_ORDERS[order].label.toLowerCase()}`,
  };
}
export type DealsIndexPageData = ReturnType<typeof dealsIndexPage>;
