// Reader-facing words for bases, amounts, the financing layer, metrics and tags: one home for each label.
import type { Amount, Basis, Entity, EntityLayer, FinancingInstrument, Metric, MetricKind } from "../schemas/dataset.ts";
import type { RecordList } from "./changes.ts";
import { formatPerShare, formatShares, formatUsd, formatUsdLong } from "../lib/money.ts";

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

/** Who provides financing, by the kind of party the provider is: the "lender type" of the financing summary. */
export const LENDER_TYPE_LABEL: Record<Entity["kind"], string> = {
  bank: "Banks",
  consortium: "Bank groups",
  investors: "Bond and share buyers",
  fund: "Funds, private credit",
  company: "Companies",
  government: "Governments",
  vehicle: "Vehicles",
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
  ownership: "Ownership stake",
  "net-loss": "Net loss",
  "outside-estimate": "Outside estimate",
  "equity-gain": "Gains on equity stakes",
  "net-income": "Net income",
  "operating-cash-flow": "Operating cash flow",
  "free-cash-flow": "Free cash flow",
  buybacks: "Share buybacks",
  "share-issuance": "Shares issued",
  "stake-value": "Value of a stake",
  "credit-loss-provision": "Provision for credit losses",
  "credit-loss-allowance": "Allowance for credit losses",
  receivables: "Accounts receivable",
  "credit-spread": "Credit-default-swap spread (percent a year)",
  "consumer-price-index": "US consumer price index (CPI-U)",
  "stockholders-equity": "Stockholders' equity",
  "operating-income": "Operating income",
  "shares-outstanding": "Shares outstanding",
  "warrant-shares": "Shares a warrant can deliver",
  "price-target": "Share-price target of a warrant",
  "share-price": "Share price",
};

/** A metric's value as prose, in its unit: "$38B" (or "$38 billion" long), "45%", "1.2 GW", "160 million shares", "$600 a share", "335.123" (an index). */
export function formatMetricValue(metric: Metric, format: "short" | "long" = "short"): string {
  switch (metric.unit) {
    case "usd":
      return format === "long" ? formatUsdLong(metric.value) : formatUsd(metric.value);
    case "percent":
      return `${metric.value}%`;
    case "gw":
      return `${metric.value} GW`;
    case "shares":
      return formatShares(metric.value);
    case "usd-per-share":
      return formatPerShare(metric.value);
    case "index":
      // An index level is a number read off the table, shown as published ("335.123"), never as money or a share.
      return String(metric.value);
  }
}

const TAG_ACRONYMS = new Set(["ai", "ipo", "gpu", "tpu", "aws", "rpo", "llm"]);

/** How an article tag reads: a company's own name when the tag is its id ("openai" → "OpenAI"), else the words. */
export function tagLabel(tag: string, entityNames: ReadonlyMap<string, { name: string }>): string {
  const entity = entityNames.get(tag);
  if (entity) return entity.name.replace(/\s*\(.*\)$/, "");
  // Acronyms keep their capitals ("ipo" → "IPO", "ai-chips" → "AI chips").
  const words = tag
    .split("-")
    .map((w) => (TAG_ACRONYMS.has(w) ? w.toUpperCase() : w))
    .join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What one record of each list is called in running text: a feed entry, a changelog row. */
export const RECORD_NOUN: Record<RecordList, string> = { entities: "company record", deals: "deal", metrics: "metric", financing: "financing record" };

/**
 * Where a company sits in the AI supply chain (schema 1.27), as its page names it. The layers are a judgement that
 * decides the loop tests' layered random networks, so readers see each company's.
 */
export const LAYER_LABEL: Record<EntityLayer, string> = {
  hardware: "hardware",
  cloud: "clouds and data centres",
  model: "model makers",
  capital: "capital",
  other: "outside the chain",
};

export const BASIS_LABEL: Record<Basis, string> = {
  committed: "committed",
  "up-to": "up to",
  reported: "reported",
  estimated: "estimated",
};

export const BASIS_EXPLANATION: Record<Basis, string> = {
  committed: "a firm figure the parties announced",
  "up-to": "a ceiling: the money depends on milestones or conditions and may never all flow",
  reported: "from press reports citing unnamed sources; the parties did not confirm it",
  estimated: "an estimate computed by analysts or by us from stated terms, not a figure the parties gave",
};

/**
 * Whether formatAmount's text already names the basis ("up to $4B", "$2B (reported)", "~$31B (estimated)"): only a
 * committed figure prints bare, so a page that also shows the basis word adds it for committed figures alone.
 * Shown twice, the reader saw "$2B (reported) (reported)".
 */
export const AMOUNT_TEXT_NAMES_BASIS: Record<Basis, boolean> = { committed: false, "up-to": true, reported: true, estimated: true };

/** "up to $100B", "$300B (reported)", "$38B", "undisclosed". */
export function formatAmount(amount: Amount | null, style: "short" | "long" = "short"): string {
  if (!amount) return "undisclosed";
  const value = style === "short" ? formatUsd(amount.usd) : formatUsdLong(amount.usd);
  switch (amount.basis) {
    case "up-to":
      return `up to ${value}`;
    case "reported":
      return `${value} (reported)`;
    case "estimated":
      return `~${value} (estimated)`;
    default:
      return value;
  }
}

/**
 * How much money a loop moves, in one wording for every page: at most its smallest leg can go all the way round (at
 * face value, and on committed figures alone); the sum of its legs is only context; an undisclosed leg is said, never
 * shown as $0.
 */
export function loopMoneyText(loop: { roundTripUsd: number | null; firmRoundTripUsd: number | null; grossUsd: number }): string {
  if (loop.roundTripUsd !== null) {
    const firm = !loop.firmRoundTripUsd
      ? "none of it firm"
      : loop.firmRoundTripUsd === loop.roundTripUsd
        ? "all of it firm"
        : `${formatUsd(loop.firmRoundTripUsd)} firm`;
    return `${formatUsd(loop.roundTripUsd)} can go round (its smallest leg; ${firm}); ${formatUsd(loop.grossUsd)} on its legs in all`;
  }
  if (loop.grossUsd > 0) return `a leg is undisclosed, so what can go round is unknown; ${formatUsd(loop.grossUsd)} disclosed on its other legs`;
  return "amounts undisclosed";
}

/** Amount-size buckets for the search filter, fixed at build time so a reader can ask for "the $10B–$100B deals". */
export function amountBucket(amount: Amount | null): string {
  if (!amount) return "Undisclosed";
  const b = amount.usd / 1e9;
  return b < 1 ? "Under $1B" : b < 10 ? "$1B–$10B" : b < 100 ? "$10B–$100B" : "$100B and over";
}
