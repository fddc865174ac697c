// How firmly an article's figures are evidenced: every record it quotes (by <Fact>, or as an input of <Computed> or of
// an <Indicator>'s value), graded by its strongest source. Issue 26 holds live articles to 70% of distinct quoted
// records resting on a filing, a company statement or a wire story; `npm run check:articles` reports the share.
import type { Dataset } from "../schemas/dataset.ts";
import { recordSources, strongestKind, isPrimary, SOURCE_KINDS, type Evidence } from "../dataset/evidence.ts";
import { parseTerms, termRecords } from "../dataset/terms.ts";
import type { ArticleRefs } from "./refs.ts";
import { TERM_ATTRIBUTES } from "./computed.ts";
import { indicatorFigure, type IndicatorLookup, type IndicatorSpec } from "./indicator-figures.ts";
import { indicatorAt } from "../render/indicators.ts";

export interface QuotedRecord {
  kind: "deal" | "metric" | "financing";
  id: string;
  evidence: Evidence;
}

/**
 * Distinct records the article quotes in its pinned release, in order of first mention, each graded; unknown ids are
 * left to assertRefsExist. An <Indicator> quotes the records its value rests on as the monitor published it for the
 * release (`indicators`; tests pass fixture releases' indicators): a row's inputs, or the whole indicator's.
 */
export function quotedRecords(refs: ArticleRefs, release: { version: string; dataset: Dataset }, indicators: IndicatorLookup = indicatorAt): QuotedRecord[] {
  const { dataset } = release;
  const indicatorInputs = (spec: IndicatorSpec) => {
    try {
      return indicatorFigure(spec, release.version, "", indicators).inputs;
    } catch {
      return [];
    }
  };
  const wanted: { kind: QuotedRecord["kind"]; id: string }[] = [
    ...refs.deals.map((id) => ({ kind: "deal" as const, id })),
    ...refs.metrics.map((id) => ({ kind: "metric" as const, id })),
    ...refs.financing.map((id) => ({ kind: "financing" as const, id })),
    ...refs.computed.flatMap((spec) =>
      TERM_ATTRIBUTES.map((a) => spec[a])
        .filter((list): list is string => !!list)
        .flatMap((list) => parseTerms(list, "computed"))
        .flatMap(termRecords),
    ),
    ...refs.indicators.flatMap(indicatorInputs).map((ref) => {
      const [kind, id] = ref.split(":") as [QuotedRecord["kind"], string];
      return { kind, id };
    }),
  ];
  const seen = new Map<string, QuotedRecord>();
  for (const { kind, id } of wanted) {
    const key = `${kind}:${id}`;
    if (seen.has(key)) continue;
    const sources = recordSources(kind, id, dataset);
    if (!sources) continue;
    seen.set(key, { kind, id, evidence: strongestKind(sources) });
  }
  return [...seen.values()];
}

/** Share (0–1) of the records that rest on a filing, a company statement or a wire story; 1 for none quoted. */
export function firmShare(records: readonly QuotedRecord[]): number {
  return records.length ? records.filter((r) => isPrimary(r.evidence)).length / records.length : 1;
}

/** Rank of a grade, strongest first; "ungraded" below every kind. */
const rank = (evidence: Evidence): number => (evidence === "ungraded" ? SOURCE_KINDS.length : SOURCE_KINDS.indexOf(evidence));

/**
 * The distinct records several articles quote, each at the weakest grade any of them shows it on. Articles pin
 * different releases, so one record can rest on a filing in one article and on a press page in another; it counts as
 * firm only where every live article that quotes it gives readers the firm source.
 */
export function distinctQuoted(perArticle: readonly (readonly QuotedRecord[])[]): QuotedRecord[] {
  const merged = new Map<string, QuotedRecord>();
  for (const records of perArticle)
    for (const record of records) {
      const key = `${record.kind}:${record.id}`;
      const seen = merged.get(key);
      if (!seen || rank(record.evidence) > rank(seen.evidence)) merged.set(key, record);
    }
  return [...merged.values()];
}
