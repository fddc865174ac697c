// An indicator: one number that says how circular AI financing is, computed as a pure function of a dataset, with
// the records it rests on named so that readers can check it and see how well evidenced it is.
import type { Dataset } from "../schemas/dataset.ts";

export type IndicatorUnit = "percent" | "ratio" | "years" | "usd";

/** A record an indicator reads: "deal:<id>", "metric:<id>" or "financing:<id>", as in article terms. */
export type RecordRef = `${"deal" | "metric" | "financing"}:${string}`;

/** One line of an indicator's breakdown: a company, a basis or an instrument, with its own value and inputs. */
export interface IndicatorRow {
  label: string;
  value: number;
  /** The arithmetic with the figures, e.g. "$16.8B ÷ $30.3B". */
  working: string;
  inputs: RecordRef[];
  /** What a reader must know about this line (a period mismatch, a figure that is only reported). */
  note?: string;
}

export interface IndicatorResult {
  /** The headline value, in the indicator's unit (a percent as 0–100, a ratio as a plain number). */
  value: number;
  /** The headline's arithmetic with every figure shown. */
  working: string;
  /** The breakdown the headline comes from, or sits beside. */
  rows: IndicatorRow[];
  /** Every record the value rests on (the headline's and the rows'), once each. */
  inputs: RecordRef[];
}

export interface IndicatorModule {
  /** Stable forever: the permalink /monitor/<id>/. */
  id: string;
  /** The first dataset release the indicator is published for. */
  since: string;
  title: string;
  /** The question it answers, in a reader's words. */
  question: string;
  /** What is measured and what is not, in plain words. */
  definition: string;
  /** The formula in words and symbols. */
  formula: string;
  unit: IndicatorUnit;
  /** Labels for the breakdown's rows. */
  rowLabel: string;
  /** The value from one dataset, or null when the dataset lacks its inputs (an older release). */
  compute(dataset: Dataset): IndicatorResult | null;
}
