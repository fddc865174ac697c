// How firm the money is: of the disclosed dollars in active AI-era deals, the share the parties committed to.
import type { IndicatorModule, IndicatorRow } from "./types.ts";
import { activeDeals, BASES, dealsInEra } from "../dataset/selectors.ts";
import { BASIS_LABEL } from "../dataset/labels.ts";
import { formatUsd } from "../lib/money.ts";
import { dealRef, percentOf } from "./records.ts";

const indicator: IndicatorModule = {
  id: "firmness",
  since: "1.3.0",
  title: "How firm the money is",
  question: "Of the dollars announced in AI deals, how much has anyone actually committed to?",
  definition:
    "The share of disclosed US dollars in active AI-era deals (not superseded, not cancelled) whose figure the parties themselves committed to, as against ceilings that depend on milestones (“up to”), anonymous-source press reports the parties did not confirm, and our or analysts' estimates. Undisclosed deals are left out, not counted as zero.",
  formula: "committed dollars ÷ all disclosed dollars, active AI-era deals",
  unit: "percent",
  rowLabel: "Basis",
  compute(dataset) {
    const deals = dealsInEra(activeDeals(dataset.deals), "ai-2020s").filter((d) => d.amount);
    const total = deals.reduce((s, d) => s + d.amount!.usd, 0);
    if (total === 0) return null;
    const rows: IndicatorRow[] = BASES.map((basis) => {
      const mine = deals.filter((d) => d.amount!.basis === basis);
      const usd = mine.reduce((s, d) => s + d.amount!.usd, 0);
      return {
        label: BASIS_LABEL[basis],
        value: percentOf(usd, total),
        working: `${formatUsd(usd)} ÷ ${formatUsd(total)}`,
        inputs: mine.map((d) => dealRef(d.id)),
      };
    });
    const committed = rows[BASES.indexOf("committed")]!;
    return { value: committed.value, working: committed.working, rows, inputs: deals.map((d) => dealRef(d.id)) };
  },
};

export default indicator;
