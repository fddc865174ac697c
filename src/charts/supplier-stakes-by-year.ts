// Money suppliers (chip makers, clouds and others that sell to AI companies) put into their own customers, year by year: where equity-for-compute went in 2026.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Basis, Deal } from "../schemas/dataset.ts";
import { BAR_ROWS, BASIS_SCALE, barEndLabels, barValueAxis, barInset, basisLegend, compactBarLabels, horizontalBarFrame, barRows } from "./theme.ts";
import { dealIdsOf, entityName, supplierFundingDeals } from "./data.ts";
import { BASES, dealsInEra } from "../dataset/selectors.ts";
import { BASIS_LABEL } from "../dataset/labels.ts";
import { formatUsd } from "../lib/money.ts";
import { href, paths } from "../lib/urls.ts";

interface Row {
  year: string;
  supplierId: string;
  supplier: string;
  /** "2026 · Nvidia": one row per supplier and year. */
  label: string;
  committed: number;
  "up-to": number;
  reported: number;
  estimated: number;
  total: number;
  /** Deals whose amount was not disclosed: counted, never summed. */
  undisclosed: number;
  customers: string;
  deals: string;
}

const chart: ChartModule<Row> = {
  id: "supplier-stakes-by-year",
  since: "1.2.0",
  title: "Suppliers investing in their own customers, year by year",
  subtitle: "Disclosed US dollars suppliers put into companies that buy from them, AI era, by year announced and basis",
  caption:
    "Counted only where the customer also buys from the same supplier. Ceilings and milestone-dependent stakes are at face value, so a year's bar is the most that was promised, not what was paid; AMD's warrant is an estimate of value. Loans and guarantees from lenders are not counted: a lender is not a customer.",
  sourceNote: "Circularity deal dataset: supplier-to-customer equity, warrants, loans and backstops matched with a purchase deal in the other direction.",
  build(dataset) {
    const deals = dealsInEra(supplierFundingDeals(dataset, { undisclosed: true }), "ai-2020s");
    const cells = new Map<string, Deal[]>();
    for (const d of deals) cells.set(`${d.announced.slice(0, 4)}|${d.from}`, [...(cells.get(`${d.announced.slice(0, 4)}|${d.from}`) ?? []), d]);
    const rows: Row[] = [...cells.entries()]
      .map(([key, list]) => {
        const [year, supplierId] = key.split("|") as [string, string];
        const sum = (b: Basis) => list.filter((d) => d.amount?.basis === b).reduce((s, d) => s + d.amount!.usd, 0);
        const supplier = entityName(dataset, supplierId);
        return {
          year,
          supplierId,
          supplier,
          label: `${year} · ${supplier}`,
          committed: sum("committed"),
          "up-to": sum("up-to"),
          reported: sum("reported"),
          estimated: sum("estimated"),
          total: list.reduce((s, d) => s + (d.amount?.usd ?? 0), 0),
          undisclosed: list.filter((d) => !d.amount).length,
          customers: [...new Set(list.map((d) => entityName(dataset, d.to)))].sort().join(", "),
          deals: list.map((d) => d.id).join(" "),
        };
      })
      .sort((a, b) => a.year.localeCompare(b.year) || b.total - a.total || a.supplier.localeCompare(b.supplier));
    // Past BAR_ROWS supplier-years, the smallest are left out (and said to be).
    const kept = new Set(
      [...rows]
        .sort((a, b) => b.total - a.total || b.undisclosed - a.undisclosed || a.label.localeCompare(b.label))
        .slice(0, BAR_ROWS)
        .map((r) => r.label),
    );
    const data = rows.filter((r) => kept.has(r.label));
    const order = data.map((d) => d.label);
    const segments = data.flatMap((r) => BASES.filter((b) => r[b] > 0).map((basis) => ({ label: r.label, basis, usd: r[basis], row: r })));
    const link = (label: string) => href(paths.company(data.find((d) => d.label === label)!.supplierId));
    const usd = (v: unknown) => ((v as number) ? formatUsd(v as number) : "–");
    return {
      data,
      columns: [
        { key: "year", label: "Year" },
        { key: "supplier", label: "Supplier" },
        { key: "committed", label: BASIS_LABEL.committed, numeric: true, format: usd },
        { key: "up-to", label: BASIS_LABEL["up-to"], numeric: true, format: usd },
        { key: "reported", label: BASIS_LABEL.reported, numeric: true, format: usd },
        { key: "estimated", label: BASIS_LABEL.estimated, numeric: true, format: usd },
        { key: "undisclosed", label: "Undisclosed deals", numeric: true },
        { key: "customers", label: "Customers" },
      ],
      rowKey: (r) => r.label,
      rowLink: (r) => link(r.label),
      dealIds: dealIdsOf(deals.filter((d) => kept.has(`${d.announced.slice(0, 4)} · ${entityName(dataset, d.from)}`))),
      omitted: rows.length > BAR_ROWS ? `Only the ${BAR_ROWS} largest of ${rows.length} supplier-years are shown.` : undefined,
      legend: basisLegend(segments),
      plot: ({ width, compact }) => {
        const bars = barRows({ width, compact }, order);
        return {
          ...horizontalBarFrame(bars, order, {
            marginLeft: 170,
            marginRight: compact ? 12 : 140,
            extraHeight: 50,
            x: barValueAxis(compact, Math.max(...data.map((d) => d.total))),
          }),
          color: BASIS_SCALE,
          marks: [
            Plot.barX(
              segments,
              Plot.stackX({
                x: "usd",
                y: "label",
                fill: "basis",
                order: [...BASES],
                ...barInset(bars),
                title: (d: (typeof segments)[number]) => `${d.label}: ${formatUsd(d.usd)} ${BASIS_LABEL[d.basis]}`,
              }),
            ),
            barEndLabels(
              data,
              {
                x: "total",
                y: "label",
                text: (d: Row) => `${d.total ? formatUsd(d.total) : ""}${d.undisclosed ? `${d.total ? " + " : ""}${d.undisclosed} undisclosed` : ""}`,
              },
              bars,
            ),
            Plot.ruleX([0]),
            compactBarLabels(order, bars, link),
          ],
        };
      },
    };
  },
  alt(spec) {
    const years = [...new Set(spec.data.map((d) => d.year))];
    const parts = years.map((y) => {
      const rows = spec.data.filter((d) => d.year === y);
      const total = rows.reduce((s, r) => s + r.total, 0);
      const undisclosed = rows.reduce((s, r) => s + r.undisclosed, 0);
      return `${y}: ${formatUsd(total)} from ${rows.map((r) => r.supplier).join(", ")}${undisclosed ? `, plus ${undisclosed} undisclosed` : ""}`;
    });
    return `Bar chart of money suppliers put into their own customers, by year and supplier, split by basis. ${parts.join(". ")}.`;
  },
};

export default chart;
