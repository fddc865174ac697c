// Vendor exposure, then and now: the money a supplier put or committed into its own customers, over its revenue
// in the latest full fiscal year, with the part actually drawn or paid where it is known. The methods article
// defines the measure; the telecom article's table uses the same terms.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Deal } from "../schemas/dataset.ts";
import {
  ERA_COLOR,
  ERA_LABEL,
  formatPercent as pct,
  barEndLabels,
  barValueAxis,
  barInset,
  compactBarLabels,
  fontSize,
  horizontalBarFrame,
  barRows,
} from "./theme.ts";
import { textWidth } from "./text-width.ts";
import { entityName } from "./data.ts";
import { parseTerms, sumTerms } from "../dataset/terms.ts";
import { exposureInputsIn } from "../dataset/exposure.ts";
import { formatUsd } from "../lib/money.ts";
import { href, paths } from "../lib/urls.ts";

interface Row {
  supplierId: string;
  supplier: string;
  /** "Lucent, fiscal 2000". */
  label: string;
  era: Deal["era"];
  exposureUsd: number;
  revenueUsd: number;
  /** Exposure as a percentage of revenue. */
  share: number;
  drawnUsd: number | null;
  drawnShare: number | null;
  drawnLabel: string;
  estimate: boolean;
  /** The records behind the row. */
  inputs: string;
}

const chart: ChartModule<Row> = {
  id: "supplier-financing-then-and-now",
  since: "1.0.0",
  title: "Vendor exposure, then and now",
  subtitle: "Money each supplier put or committed into its own customers, as a share of its revenue in the latest full fiscal year",
  caption:
    "The same formula in both eras: equity, loans, guarantees and backstops to customers, with ceilings at face value, over the supplier's revenue. The tick marks the part actually lent, paid or due where a record says so. Telecom portfolio totals come from a 2025 analysis (Nortel) and a trade paper (Cisco), and the parts they had lent from a late-2000 article as a 2011 blog post quotes it; Nvidia's includes the guarantees and capacity-purchase agreements its filings list as support for customers, caps at face value although most start later; AMD's figure is the estimated value of a warrant paid in its own shares, not cash. Suppliers without a full-year revenue record (Google, CoreWeave) are not shown.",
  sourceNote: "Circularity dataset: supplier deals, customer-financing and revenue records; the methods article defines vendor exposure.",
  build(dataset) {
    const where = "chart supplier-financing-then-and-now";
    const available = exposureInputsIn(dataset);
    const data: Row[] = available.map((s) => {
      const exposure = parseTerms(s.exposure, where);
      const drawn = s.drawn ? parseTerms(s.drawn, where) : undefined;
      const revenue = parseTerms(s.revenue, where);
      const exposureUsd = sumTerms(exposure, dataset, where).value;
      const revenueUsd = sumTerms(revenue, dataset, where).value;
      const drawnUsd = drawn ? sumTerms(drawn, dataset, where).value : null;
      const supplier = entityName(dataset, s.supplier);
      return {
        supplierId: s.supplier,
        supplier,
        label: `${supplier}, ${s.year}${s.estimate ? " (estimate)" : ""}`,
        era: s.era,
        exposureUsd,
        revenueUsd,
        share: (exposureUsd / revenueUsd) * 100,
        drawnUsd,
        drawnShare: drawnUsd === null ? null : (drawnUsd / revenueUsd) * 100,
        drawnLabel: s.drawnLabel ?? "",
        estimate: !!s.estimate,
        inputs: [...exposure, ...(drawn ?? []), ...revenue]
          .map((t) => t.id)
          .filter((id, i, all) => all.indexOf(id) === i)
          .join(" "),
      };
    });
    const order = data.map((d) => d.label);
    const link = (label: string) => href(paths.company(data.find((d) => d.label === label)!.supplierId));
    const dealIds = new Set(dataset.deals.map((d) => d.id));
    return {
      data,
      columns: [
        { key: "label", label: "Supplier, year" },
        { key: "exposureUsd", label: "Put or committed into customers", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "revenueUsd", label: "Revenue", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "share", label: "Vendor exposure", numeric: true, format: (v) => pct(v as number) },
        {
          key: "drawnUsd",
          label: "Drawn, paid or due",
          numeric: true,
          format: (v, r) => (v === null ? "not known" : `${formatUsd(v as number)} (${pct(r.drawnShare!)}, ${r.drawnLabel})`),
        },
      ],
      rowKey: (r) => r.supplier,
      rowLink: (r) => link(r.label),
      dealIds: [...new Set(data.flatMap((r) => r.inputs.split(" ")).filter((id) => dealIds.has(id)))].sort(),
      legend: [
        ...(["telecom-1990s", "ai-2020s"] as const).map((e) => ({ label: ERA_LABEL[e], color: ERA_COLOR[e] })),
        { label: "Part lent, paid or due", color: "currentColor", shape: "line" as const },
      ],
      plot: ({ width, compact }) => {
        const bars = barRows({ width, compact }, order);
        const endLabel = (d: Row) => pct(d.share) + (d.drawnShare !== null && !compact ? ` (${d.drawnLabel} ${pct(d.drawnShare)})` : "");
        // On desktop the end labels carry the drawn part too, so the margin holds the widest one: the longest bar may
        // carry the longest label (Nvidia's, from 1.54.1).
        const widestLabel = Math.max(...data.map((d) => textWidth(endLabel(d), fontSize(false))));
        return {
          ...horizontalBarFrame(bars, order, {
            marginLeft: 190,
            marginRight: compact ? 24 : Math.max(120, Math.ceil(widestLabel) + 12),
            extraHeight: 50,
            x: barValueAxis(compact, Math.max(...data.map((d) => d.share)), (d: number) => `${d}%`),
          }),
          color: { domain: Object.keys(ERA_COLOR), range: Object.values(ERA_COLOR) },
          marks: [
            Plot.barX(data, {
              x: "share",
              y: "label",
              fill: "era",
              ...barInset(bars),
              href: (d: Row) => link(d.label),
              title: (d: Row) => `${d.label}: ${formatUsd(d.exposureUsd)} of ${formatUsd(d.revenueUsd)} revenue, ${pct(d.share)}`,
            }),
            Plot.tickX(
              data.filter((d) => d.drawnShare !== null),
              { x: "drawnShare", y: "label", stroke: "currentColor", strokeWidth: 3, ...barInset(bars) },
            ),
            barEndLabels(data, { x: "share", y: "label", text: endLabel }, bars),
            Plot.ruleX([0]),
            compactBarLabels(order, bars, link),
          ],
        };
      },
    };
  },
  alt(spec) {
    const each = spec.data.map((d) => `${d.label} ${pct(d.share)}${d.drawnShare !== null ? `, of which ${d.drawnLabel} ${pct(d.drawnShare)}` : ""}`);
    return `Bar chart of vendor exposure, money put or committed into a supplier's own customers as a share of its revenue: ${each.join("; ")}.`;
  },
};

export default chart;
