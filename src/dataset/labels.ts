// Reader-facing words for the financing layer and metrics: one home for each label.
import type { FinancingInstrument, MetricKind } from "../schemas/dataset.ts";

export const INSTRUMENT_LABEL: Record<FinancingInstrument, string> = {
  bond: "Bonds",
  loan: "Loans",
  vehicle: "Lease and special-purpose vehicles",
  guarantee: "Guarantees",
  "equity-issuance": "Share and convertible issuance",
};

export const INSTRUMENT_EXPLANATION: Record<FinancingInstrument, string> = {
  bond: "Notes sold to investors, usually through banks; repaid with interest whatever becomes of the project.",
  loan: "Bank or private-credit lending, often secured on the data centre, its lease or its GPUs.",
  vehicle: "A separate company that raises money to build or own assets a sponsor leases, keeping the debt off the sponsor's balance sheet.",
  guarantee: "A promise to pay if something falls short: a lease, the value of an asset at the end of a lease, or unsold capacity.",
  "equity-issuance": "New shares or mandatory convertibles sold to raise money: the point at which outside investors pay for the build-out.",
};

export const METRIC_LABEL: Record<MetricKind, string> = {
  revenue: "Revenue",
  "revenue-run-rate": "Annualised revenue run rate",
  "revenue-target": "Revenue target",
  "cash-burn": "Cash burn",
  valuation: "Valuation",
  capex: "Capital spending",
  "capex-guidance": "Capital spending guidance",
  backlog: "Backlog (remaining performance obligations)",
  debt: "Debt",
  "compute-commitments": "Compute commitments",
  "customer-financing": "Customer financing",
};

/** How an article tag reads: a company's own name when the tag is its id ("openai" → "OpenAI"), else the words. */
export function tagLabel(tag: string, entityNames: ReadonlyMap<string, { name: string }>): string {
  const entity = entityNames.get(tag);
  if (entity) return entity.name.replace(/\s*\(.*\)$/, "");
  const words = tag.replaceAll("-", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
