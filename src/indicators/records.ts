// What indicators read from a dataset: record terms, the latest metric of a kind, and how each value is shown.
import type { Dataset, Metric, MetricKind } from "../schemas/dataset.ts";
import { formatUsd } from "../lib/money.ts";
import type { IndicatorUnit, RecordRef } from "./types.ts";

/** A value in an indicator's unit, as readers see it: "55%", "1.8×", "27.4 years", "$412B". */
export function formatIndicator(value: number, unit: IndicatorUnit): string {
  // A negative value (a loss) takes a true minus sign, as money does.
  const fixed = (v: number, digits: number) => v.toFixed(digits).replace(/\.0+$/, "").replace(/^-/, "−");
  switch (unit) {
    case "percent":
      return `${fixed(value, Math.abs(value) < 10 ? 1 : 0)}%`;
    case "ratio":
      return `${fixed(value, 2)}×`;
    case "years":
      return `${fixed(value, 1)} years`;
    case "usd":
      return formatUsd(value);
  }
}

/** The date a metric speaks for: when it was stated, else its period when that is a date. */
export function metricDate(m: Metric): string {
  return m.stated ?? (/^\d{4}-\d{2}-\d{2}$/.test(m.period) ? m.period : "");
}

/** The newest metric of a kind for an entity (by the date it was stated), optionally narrowed further. */
export function latestMetric(dataset: Dataset, entity: string, kind: MetricKind, where: (m: Metric) => boolean = () => true): Metric | undefined {
  return dataset.metrics
    .filter((m) => m.entity === entity && m.metric === kind && where(m))
    .sort((a, b) => metricDate(b).localeCompare(metricDate(a)) || b.period.localeCompare(a.period) || a.id.localeCompare(b.id))[0];
}

export const metricRef = (m: Metric): RecordRef => `metric:${m.id}`;
export const dealRef = (id: string): RecordRef => `deal:${id}`;

/** Shown arithmetic for a list of USD figures: "$12B", "($12B + $4B)". */
export function sumWorking(values: readonly number[]): string {
  if (!values.length) return "$0";
  return values.length > 1 ? `(${values.map(formatUsd).join(" + ")})` : formatUsd(values[0]!);
}

/** Percent of a part in a whole, 0–100. */
export function percentOf(part: number, whole: number): number {
  return (part / whole) * 100;
}
