// The indicator registry: the monitor shows them in this order. Ids are permanent (they are permalinks).
import type { IndicatorModule } from "./types.ts";
import vendorFinancingIntensity from "./vendor-financing-intensity.ts";
import backlogConcentration from "./backlog-concentration.ts";
import earningsFromTheLoop from "./earnings-from-the-loop.ts";
import promisesVsRevenue from "./promises-vs-revenue.ts";
import firmness from "./firmness.ts";
import debtBehindTheLoops from "./debt-behind-the-loops.ts";

export const INDICATORS: readonly IndicatorModule[] = [
  vendorFinancingIntensity,
  backlogConcentration,
  earningsFromTheLoop,
  promisesVsRevenue,
  firmness,
  debtBehindTheLoops,
];

export function requireIndicator(id: string): IndicatorModule {
  const indicator = INDICATORS.find((i) => i.id === id);
  if (!indicator) throw new Error(`Unknown indicator "${id}" (known: ${INDICATORS.map((i) => i.id).join(", ")})`);
  return indicator;
}

export type { IndicatorModule };
