// The chart registry: every chart id the site knows, in gallery order, plus the alias map for renamed ids.
import type { ChartModule } from "./types.ts";
import whoFundsWhom from "./who-funds-whom.ts";
import largestLoops from "./largest-loops.ts";
import dealTimeline from "./deal-timeline.ts";
import cumulativeCommitments from "./cumulative-commitments.ts";
import firmnessByEra from "./firmness-by-era.ts";
import totalsByType from "./totals-by-type.ts";
import topRecipients from "./top-recipients.ts";
import topFunders from "./top-funders.ts";
import computeBySupplier from "./compute-by-supplier.ts";
import openaiCommitmentsVsRevenue from "./openai-commitments-vs-revenue.ts";
import openaiValuation from "./openai-valuation.ts";
import labRoundPayers from "./lab-round-payers.ts";
import amazonProfitFromMarks from "./amazon-profit-from-marks.ts";
import amazonTwoLabsExposure from "./amazon-two-labs-exposure.ts";
import labRevenueMultiples from "./lab-revenue-multiples.ts";
import supplierFinancingThenAndNow from "./supplier-financing-then-and-now.ts";
import dealsByQuarter from "./deals-by-quarter.ts";
import microsoftOpenaiLedger from "./microsoft-openai-ledger.ts";
import financingByBorrower from "./financing-by-borrower.ts";
import supplierStakesByYear from "./supplier-stakes-by-year.ts";
import circularDemandRange from "./circular-demand-range.ts";
import loopsAgainstChance from "./loops-against-chance.ts";
import amdWarrantValue from "./amd-warrant-value.ts";
import anthropicCommitments from "./anthropic-commitments.ts";

export const CHARTS: readonly ChartModule[] = [
  whoFundsWhom,
  largestLoops,
  loopsAgainstChance,
  supplierFinancingThenAndNow,
  dealTimeline,
  cumulativeCommitments,
  firmnessByEra,
  totalsByType,
  topRecipients,
  topFunders,
  computeBySupplier,
  openaiCommitmentsVsRevenue,
  openaiValuation,
  labRoundPayers,
  amazonProfitFromMarks,
  amazonTwoLabsExposure,
  labRevenueMultiples,
  dealsByQuarter,
  circularDemandRange,
  supplierStakesByYear,
  microsoftOpenaiLedger,
  amdWarrantValue,
  anthropicCommitments,
  financingByBorrower,
];

/**
 * Old chart id → current id. A published id never disappears: renaming a chart adds a line here,
 * and the old URLs become redirect pages.
 */
/** Charts also published as of each quarter-end of a release: who funds whom, and who pays and receives how much. */
export const AS_OF_CHART_IDS: readonly string[] = ["who-funds-whom", "top-recipients", "top-funders", "totals-by-type"];

export const CHART_ALIASES: Readonly<Record<string, string>> = {
  "circular-network": "who-funds-whom",
};

export function chartById(id: string): ChartModule | undefined {
  return CHARTS.find((c) => c.id === id);
}

/** Resolves an id or alias, or throws naming the id and where it was used. */
export function requireChart(id: string, usedIn: string): ChartModule {
  const chart = chartById(id) ?? chartById(CHART_ALIASES[id] ?? "");
  if (!chart) {
    throw new Error(`${usedIn}: unknown chart id "${id}". Known ids: ${CHARTS.map((c) => c.id).join(", ")}`);
  }
  return chart;
}
