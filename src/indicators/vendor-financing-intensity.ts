// Vendor-financing intensity: what suppliers put into their own customers, against their revenue, now and in 2000.
import type { IndicatorModule, IndicatorRow } from "./types.ts";
import type { Dataset } from "../schemas/dataset.ts";
import { exposureInputsIn } from "../dataset/exposure.ts";
import { entityNamer } from "../dataset/selectors.ts";
import { parseTerms, periodsPerYear, sumTerms, termRecords } from "../dataset/terms.ts";
import { formatUsd } from "../lib/money.ts";
import { formatIndicator, latestMetric, metricRef, percentOf } from "./records.ts";
import type { RecordRef } from "./types.ts";

/** Deal types that are a stake in the customer (ranked below its debt if it fails), as against credit. */
const EQUITY_TYPES = new Set(["equity", "warrants"]);

/** The supplier's newest quarter of revenue, annualised: the run rate a fast-growing supplier is better measured on. */
function runRate(dataset: Dataset, supplier: string) {
  const quarter = latestMetric(dataset, supplier, "revenue", (m) => periodsPerYear(m.period) === 4);
  return quarter && { metric: quarter, usd: quarter.value * 4 };
}

const indicator: IndicatorModule = {
  id: "vendor-financing-intensity",
  since: "1.3.0",
  title: "Vendor financing against revenue, then and now",
  question: "Do today's AI suppliers put as much of their revenue into their own customers as Lucent, Nortel and Cisco did in 2000?",
  definition:
    "The money a supplier put or committed into its own customers (equity, loans, guarantees, backstops), as a share of its revenue, on the like-for-like definition of the methods article: the telecom vendors at their 2000 peak, today's suppliers on their latest fiscal year and, where a newer quarter is on record, on that quarter's revenue times four (a fast-growing supplier's fiscal year understates its size). Equity ranks below debt if the customer fails, so each line says how much of the exposure is equity. The headline is Nvidia's, on its run rate where known.",
  formula: "supplier's exposure to its customers ÷ its revenue (fiscal year, or latest quarter × 4)",
  unit: "percent",
  rowLabel: "Supplier",
  compute(dataset) {
    const name = entityNamer(dataset);
    const rows: IndicatorRow[] = [];
    let headline: IndicatorRow | undefined;
    for (const s of exposureInputsIn(dataset)) {
      const where = `indicator vendor-financing-intensity (${s.supplier})`;
      const exposureTerms = parseTerms(s.exposure, where);
      const exposure = sumTerms(exposureTerms, dataset, where).value;
      const revenue = sumTerms(parseTerms(s.revenue, where), dataset, where).value;
      const equity = exposureTerms
        .filter((t) => t.kind === "deal" && EQUITY_TYPES.has(dataset.deals.find((d) => d.id === t.id)!.type))
        .reduce((sum, t) => sum + (dataset.deals.find((d) => d.id === t.id)!.amount?.usd ?? 0), 0);
      const inputs = [...exposureTerms, ...parseTerms(s.revenue, where)].flatMap(termRecords).map(({ kind, id }) => `${kind}:${id}` as RecordRef);
      const equityNote = `${formatUsd(equity)} of it equity, ${formatUsd(exposure - equity)} loans, guarantees and backstops`;
      const fiscal: IndicatorRow = {
        label: `${name(s.supplier)}, ${s.year}`,
        value: percentOf(exposure, revenue),
        working: `${formatUsd(exposure)} ÷ ${formatUsd(revenue)}`,
        inputs,
        note: equityNote,
      };
      rows.push(fiscal);
      const rate = s.era === "ai-2020s" ? runRate(dataset, s.supplier) : undefined;
      let row = fiscal;
      if (rate) {
        row = {
          label: `${name(s.supplier)}, run rate (${rate.metric.period} × 4)`,
          value: percentOf(exposure, rate.usd),
          working: `${formatUsd(exposure)} ÷ (${formatUsd(rate.metric.value)} × 4)`,
          inputs: [...inputs.filter((i) => !s.revenue.includes(i)), metricRef(rate.metric)],
          note: equityNote,
        };
        rows.push(row);
      }
      if (s.supplier === "nvidia") headline = row;
    }
    if (!headline) return null;
    // The comparison the question asks for: Lucent's ratio at the telecom peak, beside Nvidia's.
    const lucent = rows.find((r) => r.label.startsWith(name("lucent")));
    const working = `${headline.working}${lucent ? `; ${lucent.label}: ${lucent.working} = ${formatIndicator(lucent.value, "percent")}` : ""}`;
    return { value: headline.value, working, rows, inputs: [...new Set(rows.flatMap((r) => r.inputs))] };
  },
};

export default indicator;
