// Money suppliers put into their own customers, the 1990s telecom vendors beside today's AI suppliers.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Dataset, Deal } from "../schemas/dataset.ts";
import { ERA_COLOR, ERA_LABEL, barInset, compactBarLabels, horizontalBarFrame } from "./theme.ts";
import { dealIdsOf, entityName } from "./data.ts";
import { activeDeals } from "../dataset/selectors.ts";
import { formatUsd } from "../lib/money.ts";
import { href, paths } from "../lib/urls.ts";

interface Row {
  /** Entity id, for the link to the supplier's page (not a table column). */
  supplierId: string;
  supplier: string;
  era: Deal["era"];
  usd: number;
  customers: string;
  deals: number;
}

const FUNDING = new Set(["equity", "warrants", "capacity-backstop", "loan", "vendor-financing"]);
const BUYING = new Set(["chip-purchase", "cloud-commitment", "partnership"]);

function isAggregate(dataset: Dataset, entityId: string): boolean {
  return dataset.entities.find((e) => e.id === entityId)?.kind === "consortium" && entityId.endsWith("-customers");
}

/** Supplier → customer funding where the customer also buys from that supplier: the two-way loop in its plainest form. */
export function supplierFundingDeals(dataset: Dataset): Deal[] {
  const deals = activeDeals(dataset.deals);
  const buysFrom = new Set(deals.filter((d) => BUYING.has(d.type)).map((d) => `${d.from}>${d.to}`));
  return deals.filter((d) => FUNDING.has(d.type) && d.amount && buysFrom.has(`${d.to}>${d.from}`));
}

const chart: ChartModule<Row> = {
  id: "supplier-financing-then-and-now",
  title: "Suppliers financing their customers, then and now",
  subtitle: "Disclosed US dollars a supplier lent to or invested in companies that buy from it: telecom 1996–2002 and AI 2019–2026",
  caption:
    "Only money that goes to a customer which in turn buys from the same supplier is counted; where a vendor's total customer financing is known, it replaces the sum of its named loans. Telecom figures are nominal 1990s dollars (roughly double in today's money) and were loans; today's are mostly equity and ceilings that depend on milestones. Telecom aggregates come from a 2025 analysis, not from the companies' filings.",
  sourceNote: "Circularity deal dataset: supplier-to-customer funding deals matched with a purchase deal in the other direction.",
  build(dataset) {
    const deals = supplierFundingDeals(dataset);
    const bySupplier = new Map<string, Deal[]>();
    for (const d of deals) bySupplier.set(d.from, [...(bySupplier.get(d.from) ?? []), d]);
    // A supplier's aggregate exposure already includes its named loans: count one or the other, never both.
    for (const [id, list] of bySupplier) {
      const aggregate = list.filter((d) => isAggregate(dataset, d.to));
      if (aggregate.length) bySupplier.set(id, aggregate);
    }
    const data: Row[] = [...bySupplier.entries()]
      .map(([id, list]) => ({
        supplierId: id,
        supplier: entityName(dataset, id),
        era: list[0]!.era,
        usd: list.reduce((s, d) => s + d.amount!.usd, 0),
        customers: [...new Set(list.map((d) => entityName(dataset, d.to)))].sort().join(", "),
        deals: list.length,
      }))
      .sort((a, b) => a.era.localeCompare(b.era) || b.usd - a.usd || a.supplier.localeCompare(b.supplier));
    const eras = [...new Set(data.map((d) => d.era))];
    const link = (supplier: string) => href(paths.company(data.find((d) => d.supplier === supplier)!.supplierId));
    return {
      data,
      columns: [
        { key: "supplier", label: "Supplier" },
        { key: "era", label: "Era", format: (v) => ERA_LABEL[v as Deal["era"]] },
        { key: "usd", label: "Funding to its customers", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "customers", label: "Customers funded" },
        { key: "deals", label: "Deals", numeric: true },
      ],
      rowKey: (r) => r.supplier,
      dealIds: dealIdsOf(deals),
      legend: eras.map((e) => ({ label: ERA_LABEL[e], color: ERA_COLOR[e] })),
      plot: ({ width, compact }) => ({
        ...horizontalBarFrame(
          { width, compact },
          data.map((d) => d.supplier),
          { marginLeft: 150, marginRight: 56, extraHeight: 50 },
        ),
        color: { domain: Object.keys(ERA_COLOR), range: Object.values(ERA_COLOR) },
        marks: [
          Plot.barX(data, {
            x: "usd",
            y: "supplier",
            fill: "era",
            ...barInset(compact),
            href: (d: Row) => link(d.supplier),
            title: (d: Row) => `${d.supplier}: ${formatUsd(d.usd)} to ${d.customers}`,
          }),
          Plot.text(data, {
            x: "usd",
            y: "supplier",
            text: (d: Row) => formatUsd(d.usd),
            textAnchor: "start",
            dx: 4,
            dy: compact ? 9 : 0,
            fill: "currentColor",
          }),
          Plot.ruleX([0]),
          compactBarLabels(
            data.map((d) => d.supplier),
            compact,
            undefined,
            link,
          ),
        ],
      }),
    };
  },
  alt(spec) {
    const part = (era: Deal["era"]) =>
      spec.data
        .filter((d) => d.era === era)
        .map((d) => `${d.supplier} ${formatUsd(d.usd)}`)
        .join("; ");
    return `Bar chart of money suppliers put into their own customers. Telecom era: ${part("telecom-1990s") || "none"}. AI era: ${part("ai-2020s") || "none"}.`;
  },
};

export default chart;
