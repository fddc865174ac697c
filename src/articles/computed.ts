// Computed figures in articles: a sum, difference or ratio of dataset records, with the formula a reader can check.
// <Computed sum="deal:a deal:b" />, <Computed ratio="deal:a/yr" over="metric:b" as="multiple" />,
// <Computed sum="metric:a" minus="metric:b" />, and after an assumed tax rate, <Computed ratio="metric:gain"
// over="metric:net-income" as="percent" afterTax="20" /> (the rate is an assumption, so the formula names it), and a
// ratio of changes, <Computed ratio="metric:gain-now" minus="metric:gain-then" over="metric:income-now"
// overMinus="metric:income-then" as="percent" /> (how much of a rise one item explains), and a ratio applied to an
// amount, <Computed ratio="metric:price-now" minus="metric:price-then" over="metric:price-then" times="metric:stake" />
// (what a stake gains when the price moves: the one product, so a dollar figure never has to be worked by hand), and a
// scenario, <Computed sum="metric:gain-held" move="metric:stake" by="-25" /> (a sum plus an assumed signed change in
// an amount: what a listing would book if the price fell a quarter; without sum="…", the change alone).
// Terms: deal:<id> (amount), deal:<id>/yr (amount ÷ term years), deal:<id>.gw (gigawatts), metric:<id>,
// metric:<id>/yr (a quarterly or half-year flow annualised), financing:<id>.
import type { Dataset } from "../schemas/dataset.ts";
import { formatShares, formatUsd } from "../lib/money.ts";
import { parseTerms, sumTerms, termRecords, type Term, type TermValue } from "../dataset/terms.ts";
import { sha256 } from "../dataset/load.ts";
import { compareVersions } from "../lib/semver.ts";

export const COMPUTED_FORMATS = ["usd", "multiple", "percent", "gw", "shares"] as const;
export type ComputedFormat = (typeof COMPUTED_FORMATS)[number];

export interface ComputedSpec {
  sum?: string;
  /** Taken off the sum, or off the ratio's numerator. */
  minus?: string;
  ratio?: string;
  over?: string;
  /** Taken off the ratio's denominator. */
  overMinus?: string;
  /** Multiplies the ratio by an amount (a sum of terms): a dollar figure that scales with a ratio. Shown in dollars by default. */
  times?: string;
  as?: ComputedFormat;
  digits?: number | string;
  /** An assumed tax rate in percent, taken off the sum or the ratio's numerator: a pre-tax gain set against after-tax profit. */
  afterTax?: number | string;
  /**
   * An assumed share in percent the whole figure is scaled by: a scenario, such as capacity relet at half its price
   * (assume="50"). It is an assumption, not a record, so the formula names it and the text must say so.
   */
  assume?: number | string;
  /** An amount an assumed change applies to (a sum of terms): the scenario's base, such as a holding re-priced. */
  move?: string;
  /**
   * The assumed change in percent applied to `move`, signed (−25 is a fall of a quarter): a scenario, so the formula
   * names it as assumed and the text must say so.
   */
  by?: number | string;
}

/** The attributes that hold lists of record terms: one list, so every reader of a spec sees every record it uses. */
export const TERM_ATTRIBUTES = ["sum", "minus", "ratio", "over", "overMinus", "times", "move"] as const;
const SPEC_ATTRIBUTES = [...TERM_ATTRIBUTES, "as", "digits", "afterTax", "assume", "by"] as const;

export interface ComputedFigure {
  /** Anchor id of the figure's formula in the article's list, the same for every use of the same spec. */
  key: string;
  value: number;
  text: string;
  /** The arithmetic with every input named, e.g. "$300B ÷ 5 years (openai-oracle-2025-09) ÷ $13B (openai-revenue-2025) = 4.6×". */
  formula: string;
  /** Record ids the figure depends on. */
  inputs: string[];
}

export function formatComputed(value: number, as: ComputedFormat, digits?: number): string {
  // A negative figure takes the minus sign the dollar amounts use ("−0.05%", as "−$19M"), not a hyphen; and a
  // value that rounds to zero shows no sign at all.
  const fixed = (d: number) => {
    const s = Math.abs(value).toFixed(d);
    const trimmed = s.includes(".") ? s.replace(/\.?0+$/, "") : s;
    return value < 0 && /[1-9]/.test(trimmed) ? `−${trimmed}` : trimmed;
  };
  switch (as) {
    case "usd":
      return formatUsd(value);
    case "multiple":
      return `${fixed(digits ?? 1)}×`;
    case "percent":
      return `${fixed(digits ?? 0)}%`;
    case "gw":
      return `${fixed(digits ?? 1)} GW`;
    case "shares":
      return formatShares(value);
  }
}

/** Stable spec text, the same however the attributes were ordered or spaced. */
export function specKey(spec: ComputedSpec): string {
  const norm = (s?: string) => s?.trim().split(/\s+/).join(" ") ?? "";
  const text = [
    `sum=${norm(spec.sum)}`,
    `minus=${norm(spec.minus)}`,
    `ratio=${norm(spec.ratio)}`,
    `over=${norm(spec.over)}`,
    `as=${spec.as ?? ""}`,
    `digits=${spec.digits ?? ""}`,
    // Only when given, so every figure written before the attribute existed keeps its anchor.
    ...(spec.afterTax === undefined ? [] : [`afterTax=${spec.afterTax}`]),
    ...(spec.overMinus === undefined ? [] : [`overMinus=${norm(spec.overMinus)}`]),
    ...(spec.times === undefined ? [] : [`times=${norm(spec.times)}`]),
    ...(spec.assume === undefined ? [] : [`assume=${spec.assume}`]),
    ...(spec.move === undefined ? [] : [`move=${norm(spec.move)}`, `by=${spec.by ?? ""}`]),
  ].join("|");
  return `computed-${sha256(text).slice(0, 10)}`;
}

/** Terms less other terms, with the working ("$16.8B (a) − $3.3B (b)"); both sides in one unit. */
function difference(plus: Term[], less: Term[], dataset: Dataset, where: string): TermValue {
  const p = sumTerms(plus, dataset, where);
  if (!less.length) return p;
  const l = sumTerms(less, dataset, where);
  if (l.unit !== p.unit) throw new Error(`${where}: cannot take ${l.unit} off ${p.unit}: minus="…" must be in the unit of what it comes off`);
  return { value: p.value - l.value, shown: `${p.shown} − ${l.shown}`, unit: p.unit };
}

export function computeFigure(spec: ComputedSpec, dataset: Dataset, where: string): ComputedFigure {
  const here = `${where}: <Computed>`;
  const unknown = Object.keys(spec).filter((k) => !(SPEC_ATTRIBUTES as readonly string[]).includes(k));
  if (unknown.length) throw new Error(`${here}: unknown attribute ${unknown.map((k) => `${k}="…"`).join(", ")}; use ${SPEC_ATTRIBUTES.join(", ")}`);
  const digits = spec.digits === undefined ? undefined : Number(spec.digits);
  const tax = spec.afterTax === undefined ? undefined : Number(spec.afterTax);
  if (tax !== undefined && !(Number.isInteger(tax) && tax > 0 && tax < 100)) throw new Error(`${here}: afterTax must be a whole tax rate in percent, 1 to 99`);
  const keep = tax === undefined ? 1 : 1 - tax / 100;
  const taxShown = tax === undefined ? "" : ` × (1 − ${tax}% assumed tax)`;
  if (digits !== undefined && !(Number.isInteger(digits) && digits >= 0 && digits <= 3)) throw new Error(`${here}: digits must be 0 to 3`);
  const assumed = spec.assume === undefined ? undefined : Number(spec.assume);
  if (assumed !== undefined && !(Number.isFinite(assumed) && assumed > 0 && assumed <= 1000))
    throw new Error(`${here}: assume must be an assumed share in percent, above 0 and at most 1000`);
  if (spec.as !== undefined && !COMPUTED_FORMATS.includes(spec.as)) throw new Error(`${here}: unknown as="${spec.as}"; use ${COMPUTED_FORMATS.join(", ")}`);
  const isRatio = spec.ratio !== undefined || spec.over !== undefined;
  const scenario = scenarioChange(spec, here);
  if (scenario && (isRatio || tax !== undefined || assumed !== undefined))
    throw new Error(`${here}: move="…" with by="…" applies to a sum only, without afterTax or assume`);
  if (!scenario && isRatio === (spec.sum !== undefined)) throw new Error(`${here}: give either sum="…" (optionally with minus="…") or ratio="…" with over="…"`);
  if (!isRatio && spec.overMinus !== undefined) throw new Error(`${here}: overMinus="…" applies to ratios only`);
  if (!isRatio && spec.times !== undefined) throw new Error(`${here}: times="…" applies to ratios only`);
  let value: number;
  let formula: string;
  let inputs: Term[];
  let as: ComputedFormat;
  if (isRatio) {
    if (spec.ratio === undefined || spec.over === undefined) throw new Error(`${here}: a ratio needs both ratio="…" and over="…"`);
    const num = parseTerms(spec.ratio, here);
    const numLess = spec.minus === undefined ? [] : parseTerms(spec.minus, here);
    const den = parseTerms(spec.over, here);
    const denLess = spec.overMinus === undefined ? [] : parseTerms(spec.overMinus, here);
    const n = difference(num, numLess, dataset, here);
    const d = difference(den, denLess, dataset, here);
    if (d.value === 0) throw new Error(`${here}: the denominator is zero`);
    const by = spec.times === undefined ? [] : parseTerms(spec.times, here);
    const t = by.length ? sumTerms(by, dataset, here) : { value: 1, shown: "" };
    value = ((n.value * keep) / d.value) * t.value;
    as = spec.as ?? (by.length ? "usd" : "multiple");
    // A difference is bracketed where it meets ÷, × or the tax factor, so the working reads as the arithmetic done (a
    // sum of several terms comes bracketed already).
    const nShown = tax === undefined && !numLess.length ? n.shown : `(${n.shown})`;
    const dShown = denLess.length ? `(${d.shown})` : d.shown;
    const tShown = by.length ? ` × ${t.shown}` : "";
    formula = `${nShown}${taxShown} ÷ ${dShown}${tShown}`;
    inputs = [...num, ...numLess, ...den, ...denLess, ...by];
  } else {
    // A sum less what comes off it, and for a scenario (move="…" with by="…") the assumed change in the moved amount
    // added to it: "$92B (a) + −25% (assumed) × $190B (b)". A scenario may stand alone, as the change by itself.
    const plus = spec.sum === undefined ? [] : parseTerms(spec.sum, here);
    const less = spec.minus === undefined ? [] : parseTerms(spec.minus, here);
    if (!plus.length && less.length) throw new Error(`${here}: minus="…" needs a sum="…" to come off`);
    const base = plus.length ? difference(plus, less, dataset, here) : undefined;
    const moved = scenario ? parseTerms(spec.move!, here) : [];
    const shift = scenario ? sumTerms(moved, dataset, here) : undefined;
    if (base && shift && base.unit !== shift.unit)
      throw new Error(`${here}: cannot add a change in ${shift.unit} to ${base.unit}: move="…" must be in the unit of sum="…"`);
    const unit = (base ?? shift)!.unit;
    value = (base ? base.value * keep : 0) + (shift ? (scenario!.by / 100) * shift.value : 0);
    as = spec.as ?? (unit === "gw" ? "gw" : unit === "shares" ? "shares" : "usd");
    const baseShown = !base ? undefined : tax !== undefined ? `(${base.shown})${taxShown}` : shift && less.length ? `(${base.shown})` : base.shown;
    const shiftShown = shift && `${formatComputed(scenario!.by, "percent", 3)} (assumed) × ${shift.shown}`;
    formula = [baseShown, shiftShown].filter(Boolean).join(" + ");
    inputs = [...plus, ...less, ...moved];
  }
  if (isRatio && as === "percent") value *= 100;
  if (assumed !== undefined) {
    value *= assumed / 100;
    formula = `(${formula}) × ${assumed}% (assumed)`;
  }
  const text = formatComputed(value, as, digits);
  return {
    key: specKey(spec),
    value,
    text,
    formula: `${formula} = ${text}`,
    inputs: [...new Set(inputs.flatMap(termRecords).map((r) => r.id))],
  };
}

/** A scenario's assumed change (move="…" with by="…"), checked: both or neither, a signed percent from −100 to 1000, not zero. */
function scenarioChange(spec: ComputedSpec, here: string): { by: number } | undefined {
  if (spec.move === undefined && spec.by === undefined) return undefined;
  if (spec.move === undefined || spec.by === undefined)
    throw new Error(`${here}: move="…" and by="…" go together: the amount a scenario changes and its assumed change in percent`);
  const by = Number(spec.by);
  if (!(Number.isFinite(by) && by !== 0 && by >= -100 && by <= 1000))
    throw new Error(`${here}: by must be an assumed change in percent, from −100 to 1000 and not zero`);
  return { by };
}

/**
 * What a <Computed> figure reads in a later release: computed there with the records later releases split counted
 * in full, or "no longer computable" where its records are gone. The component's revision mark and the article
 * header's count both read this, so they cannot disagree.
 */
export function computedLatestText(spec: ComputedSpec, current: Dataset, pinnedVersion: string, file: string): string {
  try {
    return computeFigure(withSplits(spec, current, pinnedVersion), current, file).text;
  } catch {
    return "no longer computable";
  }
}

/**
 * The same spec as it reads in a later release: a record split in a release after `since` (a revision with
 * `splitInto`) is summed with the records that now carry its parts, so "Amazon's up-to-$50B" in an older article is
 * compared with $15B plus $35B, not with $15B alone. Terms keep their suffixes ("/yr", ".gw").
 */
export function withSplits(spec: ComputedSpec, dataset: Dataset, since: string): ComputedSpec {
  const splits = new Map<string, string[]>();
  for (const r of dataset.revisions)
    if (r.splitInto && compareVersions(r.version, since) > 0)
      splits.set(`${r.list === "deals" ? "deal" : r.list === "metrics" ? "metric" : "financing"}:${r.id}`, r.splitInto);
  if (splits.size === 0) return spec;
  const expand = (list: string) =>
    list
      .trim()
      .split(/\s+/)
      .flatMap((term) => {
        const [, kind, id, suffix] = /^(deal|metric|financing):([^/.\s]+)(.*)$/.exec(term) ?? [];
        const parts = kind && splits.get(`${kind}:${id}`);
        return parts ? [term, ...parts.map((part) => `${kind}:${part}${suffix}`)] : [term];
      })
      .join(" ");
  const out: ComputedSpec = { ...spec };
  for (const name of TERM_ATTRIBUTES) if (out[name]) out[name] = expand(out[name]!);
  return out;
}
