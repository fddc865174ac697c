// A release's dataset as it stood on a date: what was known (the release) × when it was true (the as-of date).
import type { Dataset } from "../schemas/dataset.ts";
import { quarterOfMonth } from "../lib/dates.ts";

/**
 * Deals, financing and metrics announced or stated on or before `date`. A replacement announced later cannot have
 * superseded a deal yet, so that link is dropped; a cancellation carries no date, so cancelled deals stay cancelled
 * (the as-of page says so).
 */
export function datasetAsOf(dataset: Dataset, date: string): Dataset {
  const deals = dataset.deals.filter((d) => d.announced <= date);
  const known = new Set(deals.map((d) => d.id));
  return {
    ...dataset,
    deals: deals.map((d) => (d.supersededBy && !known.has(d.supersededBy) ? (({ supersededBy: _, ...rest }) => rest)(d) : d)),
    financing: dataset.financing.filter((f) => f.announced <= date),
    metrics: dataset.metrics.filter((m) => (m.stated ?? (/^\d{4}-\d{2}-\d{2}$/.test(m.period) ? m.period : "0000")) <= date),
  };
}

/** Calendar quarter-ends (YYYY-03-31, -06-30, -09-30, -12-31) from the quarter containing `from` to the last one on or before `to`. */
export function quarterEnds(from: string, to: string): string[] {
  const ends: string[] = [];
  let year = Number(from.slice(0, 4));
  let quarter = quarterOfMonth(Number(from.slice(5, 7))) - 1;
  for (;;) {
    const end = `${year}-${["03-31", "06-30", "09-30", "12-31"][quarter]}`;
    if (end > to) return ends;
    ends.push(end);
    quarter = (quarter + 1) % 4;
    if (quarter === 0) year += 1;
  }
}

/**
 * The quarter-ends a release publishes as-of charts for: from its first AI-era deal to its evidence date (a
 * quarter-end the evidence does not reach would overstate what was known). Releases before 1.3.0 recorded no
 * evidence date and keep the quarter-ends they published, up to their release date.
 */
export function releaseQuarterEnds(dataset: Dataset, released: string): string[] {
  const first = dataset.deals
    .filter((d) => d.era === "ai-2020s")
    .map((d) => d.announced)
    .sort()[0];
  return first ? quarterEnds(first, dataset.evidenceThrough ?? released) : [];
}
