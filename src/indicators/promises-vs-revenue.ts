// Promises against revenue: the labs' purchase commitments, in years of their current revenue.
import type { IndicatorModule, IndicatorRow } from "./types.ts";
import { activeDeals, entityNamer } from "../dataset/selectors.ts";
import { formatUsd } from "../lib/money.ts";
import { dealRef, latestMetric, metricRef, sumWorking } from "./records.ts";
import { LABS } from "./backlog-concentration.ts";

const indicator: IndicatorModule = {
  id: "promises-vs-revenue",
  since: "1.3.0",
  title: "The labs' promises, in years of their revenue",
  question: "How many years of their current revenue would OpenAI and Anthropic need to pay what they have promised to buy?",
  definition:
    "Each lab's disclosed cloud and chip contracts, summed, divided by its latest annualised revenue run rate. Both labs are counted the same way: a lab's own stated figures (a total over several years, or one year's expected spending) measure different things, so they are not used; until release 1.55.0 a stated figure was preferred, and OpenAI's row then read its expected spending for 2026 alone. Commitments run over several years and revenue is growing, so this is not a forecast of default: it says how far revenue must grow for the promises to be paid from sales rather than new funding. Run rates are as each lab states them (Anthropic's before the share its cloud partners keep, OpenAI's after). The headline adds the two labs up.",
  formula: "(Σ commitments) ÷ (Σ latest revenue run rates), in years",
  unit: "years",
  rowLabel: "Lab",
  compute(dataset) {
    const name = entityNamer(dataset);
    const rows: (IndicatorRow & { commitments: number; revenue: number })[] = [];
    for (const lab of LABS) {
      const revenue = latestMetric(dataset, lab, "revenue-run-rate");
      if (!revenue) continue;
      // The contracts each lab has signed, counted alike for both labs (a stated figure can be one year's spending).
      const contracts = activeDeals(dataset.deals).filter((d) => d.from === lab && (d.type === "cloud-commitment" || d.type === "chip-purchase") && d.amount);
      const commitments = contracts.reduce((s, d) => s + d.amount!.usd, 0);
      if (commitments === 0) continue;
      rows.push({
        label: name(lab),
        value: commitments / revenue.value,
        working: `${sumWorking(contracts.map((d) => d.amount!.usd))} ÷ ${formatUsd(revenue.value)} a year`,
        inputs: [...contracts.map((d) => dealRef(d.id)), metricRef(revenue)],
        note: `sum of ${contracts.length} disclosed contracts; run rate as of ${revenue.period}`,
        commitments,
        revenue: revenue.value,
      });
    }
    if (!rows.length) return null;
    const commitments = rows.reduce((s, r) => s + r.commitments, 0);
    const revenue = rows.reduce((s, r) => s + r.revenue, 0);
    return {
      value: commitments / revenue,
      working: `(${rows.map((r) => formatUsd(r.commitments)).join(" + ")}) ÷ (${rows.map((r) => formatUsd(r.revenue)).join(" + ")})`,
      rows: rows.map(({ commitments: _c, revenue: _r, ...row }) => row),
      inputs: rows.flatMap((r) => r.inputs),
    };
  },
};

export default indicator;
