// Backlog concentration: how much of the big clouds' contracted backlog two labs, OpenAI and Anthropic, owe.
import type { IndicatorModule, IndicatorRow } from "./types.ts";
import type { Deal } from "../schemas/dataset.ts";
import { activeDeals, entityNamer } from "../dataset/selectors.ts";
import { formatUsd } from "../lib/money.ts";
import { dealRef, formatIndicator, latestMetric, metricDate, metricRef, percentOf, sumWorking } from "./records.ts";

export const CLOUDS = ["microsoft", "amazon", "google", "oracle", "coreweave"] as const;
export const LABS = ["openai", "anthropic"] as const;

/** Contracts the parties confirmed (committed, a ceiling, or our arithmetic on their terms), not press reports. */
const firm = (d: Deal) => d.amount!.basis !== "reported";

const indicator: IndicatorModule = {
  id: "backlog-concentration",
  since: "1.3.0",
  title: "How much of the clouds' backlog two labs owe",
  question: "If OpenAI and Anthropic could not pay, how much of the big clouds' contracted future revenue would be at stake?",
  definition:
    "For Microsoft, Amazon, Google, Oracle and CoreWeave: the cloud contracts OpenAI and Anthropic signed with each, announced by the date of the cloud's latest reported backlog (remaining performance obligations), as a share of that backlog. Each backlog is the measure the company reports: Microsoft's commercial one, Google Cloud's, and Amazon's company-wide one, which its filings say is 'primarily related to AWS'. Contracts are counted at their full stated value, though part may already have been delivered, so the share is an upper bound. The headline counts only contracts the parties confirmed; press-reported contracts are added in each row's note.",
  formula: "Σ the two labs' confirmed cloud contracts with each cloud, announced by its backlog date ÷ Σ the clouds' latest backlog",
  unit: "percent",
  rowLabel: "Cloud",
  compute(dataset) {
    const name = entityNamer(dataset);
    const deals = activeDeals(dataset.deals).filter((d) => d.type === "cloud-commitment" && d.amount && (LABS as readonly string[]).includes(d.from));
    const rows: (IndicatorRow & { backlog: number; owed: number; withReported: number })[] = [];
    for (const cloud of CLOUDS) {
      const backlog = latestMetric(dataset, cloud, "backlog", (m) => m.unit === "usd");
      if (!backlog) continue;
      const asOf = /^\d{4}-\d{2}-\d{2}$/.test(backlog.period) ? backlog.period : metricDate(backlog);
      const owedDeals = deals.filter((d) => d.to === cloud && d.announced <= asOf);
      const confirmed = owedDeals.filter(firm);
      const owed = confirmed.reduce((s, d) => s + d.amount!.usd, 0);
      const withReported = owedDeals.reduce((s, d) => s + d.amount!.usd, 0);
      rows.push({
        label: `${name(cloud)}, backlog at ${asOf}`,
        value: percentOf(owed, backlog.value),
        working: `${sumWorking(confirmed.map((d) => d.amount!.usd))} ÷ ${formatUsd(backlog.value)}`,
        inputs: [...owedDeals.map((d) => dealRef(d.id)), metricRef(backlog)],
        note:
          withReported > owed
            ? `with press-reported contracts: ${formatIndicator(percentOf(withReported, backlog.value), "percent")}`
            : owedDeals.length === 0
              ? "no contract from OpenAI or Anthropic announced by the backlog date"
              : undefined,
        backlog: backlog.value,
        owed,
        withReported,
      });
    }
    if (!rows.length) return null;
    const owed = rows.reduce((s, r) => s + r.owed, 0);
    const backlog = rows.reduce((s, r) => s + r.backlog, 0);
    const withReported = rows.reduce((s, r) => s + r.withReported, 0);
    return {
      value: percentOf(owed, backlog),
      working: `${formatUsd(owed)} ÷ (${rows.map((r) => formatUsd(r.backlog)).join(" + ")}); with press-reported contracts, ${formatUsd(withReported)}: ${formatIndicator(percentOf(withReported, backlog), "percent")}`,
      rows: rows.map(({ backlog: _b, owed: _o, withReported: _w, ...row }) => row),
      inputs: rows.flatMap((r) => r.inputs),
    };
  },
};

export default indicator;
