// Record arithmetic shared by article figures and charts: terms such as deal:<id>, deal:<id>/yr, deal:<id>.gw,
// metric:<id>, metric:<id>/yr (a quarter's or half-year's dollars annualised) and financing:<id>, read from one dataset and summed with their working shown. A term may take a stated
// share of itself, metric:<id>*metric:<percent-id> ("45% of the $625B backlog", as the company put it), so a part a
// company gave only as a percentage is never worked out by hand; and a count of shares may be priced,
// metric:<shares-id>*metric:<price-id> ("160 million shares at $600 a share"), which is in dollars.
import type { Dataset, MetricUnit } from "../schemas/dataset.ts";
import { formatUsd } from "../lib/money.ts";
import { formatMetricValue } from "./labels.ts";

export interface Term {
  kind: "deal" | "metric" | "financing";
  id: string;
  mode: "amount" | "per-year" | "gw";
  /** A metric the term is multiplied by: a share in percent the record states, or a price per share of a share count. */
  share?: string;
  raw: string;
}

/** The records a term reads: its own and the share it takes, if any. */
export function termRecords(t: Term): { kind: Term["kind"]; id: string }[] {
  return [{ kind: t.kind, id: t.id }, ...(t.share === undefined ? [] : [{ kind: "metric" as const, id: t.share }])];
}

const TERM = /^(deal|metric|financing):([a-z0-9-]+?)(\/yr|\.gw)?(?:\*metric:([a-z0-9-]+))?$/;

export function parseTerms(list: string, where: string): Term[] {
  const terms = list.trim().split(/\s+/).filter(Boolean);
  if (!terms.length) throw new Error(`${where}: an empty list of terms`);
  return terms.map((raw) => {
    const m = TERM.exec(raw);
    if (!m)
      throw new Error(
        `${where}: cannot read the term "${raw}"; use deal:<id>, deal:<id>/yr, deal:<id>.gw, metric:<id> or financing:<id>, ` +
          `optionally followed by *metric:<percent-id> for a stated share of it`,
      );
    const mode = m[3] === "/yr" ? "per-year" : m[3] === ".gw" ? "gw" : "amount";
    if (m[1] !== "deal" && mode === "gw") throw new Error(`${where}: "${raw}": .gw applies to deals only`);
    if (m[1] === "financing" && mode === "per-year") throw new Error(`${where}: "${raw}": /yr applies to deals and to quarterly or half-year metrics`);
    return { kind: m[1] as Term["kind"], id: m[2]!, mode, raw, ...(m[4] === undefined ? {} : { share: m[4] }) };
  });
}

export interface TermValue {
  value: number;
  /** The working, each record named: "$625B (a) × 45% (b)". */
  shown: string;
  /** What the value counts: a sum or a comparison across units (dollars with shares) fails. */
  unit: MetricUnit;
}

/** A term's value with its working; a share term reads "$625B (a) × 45% (b)", a priced share count "160 million shares (a) × $600 a share (b)". */
export function termValue(t: Term, dataset: Dataset, where: string): TermValue {
  const whole = recordValue(t, dataset, where);
  if (t.share === undefined) return { ...whole, shown: `${whole.shown} (${t.id})` };
  const factor = dataset.metrics.find((x) => x.id === t.share);
  if (!factor) throw new Error(`${where}: ${t.raw}: unknown metric id "${t.share}"`);
  const shown = `${whole.shown} (${t.id}) × ${formatMetricValue(factor)} (${t.share})`;
  if (factor.unit === "percent") return { value: (whole.value * factor.value) / 100, shown, unit: whole.unit };
  if (factor.unit === "usd-per-share" && whole.unit === "shares") return { value: whole.value * factor.value, shown, unit: "usd" };
  throw new Error(
    `${where}: ${t.raw}: "${t.share}" is in ${factor.unit}; a term may be multiplied only by a share in percent, or a count of shares by a price per share`,
  );
}

/** Why a term has no value in this dataset (its record is missing, or lacks what the term reads), or undefined if it has one. */
function missingValue(t: Term, dataset: Dataset): string | undefined {
  if (t.kind === "metric") {
    const m = dataset.metrics.find((x) => x.id === t.id);
    if (!m) return `unknown metric id "${t.id}"`;
    if (t.mode !== "per-year") return undefined;
    if (m.unit !== "usd") return `/yr annualises a dollar flow, and the metric is in ${m.unit}`;
    return periodsPerYear(m.period) === undefined ? `/yr annualises a quarter or a half-year, and the metric's period is "${m.period}"` : undefined;
  }
  if (t.kind === "financing") {
    const f = dataset.financing.find((x) => x.id === t.id);
    return !f ? `unknown financing id "${t.id}"` : f.amount ? undefined : "the financing record has no disclosed amount";
  }
  const d = dataset.deals.find((x) => x.id === t.id);
  if (!d) return `unknown deal id "${t.id}"`;
  if (t.mode === "gw") return d.compute?.gw === undefined ? "the deal has no compute.gw" : undefined;
  if (!d.amount) return "the deal has no disclosed amount";
  return t.mode === "per-year" && d.termYears === undefined ? "the deal has no termYears, so it cannot be spread per year" : undefined;
}

/** Whether a term has a value in this dataset: its record is there and carries what the term reads (an amount, GW or a term). */
export function termValued(t: Term, dataset: Dataset): boolean {
  return missingValue(t, dataset) === undefined;
}

/**
 * A list of terms as one release can read it: the terms whose record that release gives a value, in order. A chart
 * or figure that gains a record counts it from its release on, so each earlier release shows what it published.
 */
export function termsInRelease(list: string, dataset: Dataset, where: string): string {
  return parseTerms(list, where)
    .filter((t) => termValued(t, dataset))
    .map((t) => t.raw)
    .join(" ");
}

/**
 * How many of a metric's periods make a year: a quarter ("2026-Q1", "FY2026-Q3") four, a half-year ("2025-H1") two;
 * undefined for any other period. A quarter's revenue set against a year's commitments is annualised this way, so
 * the ratio compares a year with a year.
 */
export function periodsPerYear(period: string): 4 | 2 | undefined {
  if (/-Q[1-4]$/.test(period)) return 4;
  if (/-H[12]$/.test(period)) return 2;
  return undefined;
}

function recordValue(t: Term, dataset: Dataset, where: string): TermValue {
  // One rule says when a term has a value (missingValue); past it, every record and field below is there.
  const missing = missingValue(t, dataset);
  if (missing) throw new Error(`${where}: ${t.raw}: ${missing}`);
  if (t.kind === "metric") {
    const m = dataset.metrics.find((x) => x.id === t.id)!;
    if (t.mode !== "per-year") return { value: m.value, shown: formatMetricValue(m), unit: m.unit };
    const n = periodsPerYear(m.period)!;
    return { value: m.value * n, shown: `${formatMetricValue(m)} × ${n} (${n === 4 ? "a quarter" : "a half-year"} annualised)`, unit: "usd" };
  }
  if (t.kind === "financing") {
    const usd = dataset.financing.find((x) => x.id === t.id)!.amount!.usd;
    return { value: usd, shown: formatUsd(usd), unit: "usd" };
  }
  const d = dataset.deals.find((x) => x.id === t.id)!;
  if (t.mode === "gw") {
    const gw = d.compute!.gw!;
    return { value: gw, shown: `${gw} GW`, unit: "gw" };
  }
  const usd = d.amount!.usd;
  if (t.mode === "amount") return { value: usd, shown: formatUsd(usd), unit: "usd" };
  const years = d.termYears!;
  return { value: usd / years, shown: `${formatUsd(usd)} ÷ ${years} years`, unit: "usd" };
}

/** The sum of a list of terms, with its working ("$12B (a) + $4B (b)"); terms in different units fail, naming both. */
export function sumTerms(terms: Term[], dataset: Dataset, where: string): TermValue {
  const parts = terms.map((t) => ({ t, ...termValue(t, dataset, where) }));
  const unit = parts[0]!.unit;
  const odd = parts.find((p) => p.unit !== unit);
  if (odd) throw new Error(`${where}: cannot add ${odd.t.raw} (${odd.unit}) to ${parts[0]!.t.raw} (${unit}): the terms of a sum share one unit`);
  const value = parts.reduce((s, p) => s + p.value, 0);
  const shown = parts.map((p) => p.shown).join(" + ");
  return { value, shown: parts.length > 1 ? `(${shown})` : shown, unit };
}

/** The value of a list of terms, less a second list when given ("a round less its new money"); fails as sumTerms does. */
export function termListValue(list: string, dataset: Dataset, where: string, less?: string): number {
  const value = sumTerms(parseTerms(list, where), dataset, where).value;
  return less ? value - sumTerms(parseTerms(less, where), dataset, where).value : value;
}

/** The record ids a list of terms names, in its order (a chart row's Records cell). */
export function termIds(list: string, where: string): string[] {
  return parseTerms(list, where).map((t) => t.id);
}

/** Whether every record a list of terms names is in this dataset (older releases lack records added later). */
export function termsAvailable(list: string, dataset: Dataset): boolean {
  const ids = { deal: dataset.deals, metric: dataset.metrics, financing: dataset.financing };
  return parseTerms(list, "terms")
    .flatMap(termRecords)
    .every(({ kind, id }) => ids[kind].some((r) => r.id === id));
}
