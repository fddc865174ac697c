// Bars split into parts, each part a sum of records, or what a sum leaves once other records are taken off: the one
// home for the part charts' arithmetic, so every such bar adds up to its records and a part below zero is refused.
import type { Dataset } from "../schemas/dataset.ts";
import { termIds, termListValue } from "../dataset/terms.ts";

export interface PartBar<P extends string> {
  label: string;
  /** A part given with `less` is what its terms leave once the records in `less` are taken off. */
  parts: { part: P; terms: string; less?: string }[];
}

export interface PartRow<P extends string> {
  bar: string;
  part: P;
  usd: number;
  /** The bar's whole, for the share each part is of it. */
  barUsd: number;
  /** The records the amount is worked from, space-separated. */
  records: string;
}

/** The rows of part bars, read from the dataset; a part that comes out below zero is refused, naming it and its records. */
export function partRows<P extends string>(chartId: string, bars: readonly PartBar<P>[], labels: Record<P, string>, dataset: Dataset): PartRow<P>[] {
  return bars.flatMap((bar) => {
    const where = `${chartId}, ${bar.label}`;
    const parts = bar.parts.map((p) => ({
      part: p.part,
      usd: termListValue(p.terms, dataset, where, p.less),
      records: termIds(p.less ? `${p.terms} ${p.less}` : p.terms, chartId).join(" "),
    }));
    const negative = parts.find((p) => p.usd < 0);
    if (negative) throw new Error(`${chartId}: "${labels[negative.part]}" of "${bar.label}" (${negative.records}) comes out below zero`);
    const barUsd = parts.reduce((a, p) => a + p.usd, 0);
    return parts.map((p) => ({ bar: bar.label, barUsd, ...p }));
  });
}

/** A part's share of its bar, as the table and the alt text print it. */
export const partShare = (r: { usd: number; barUsd: number }) => `${Math.round((100 * r.usd) / r.barUsd)}%`;

/** A label inside a sentence: only its first letter lowered, so "Anthropic" and "Q1" keep their capitals. */
export const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
