// Formats dates in UTC with a fixed locale, honest about how precise the date is.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export type DatePrecision = "day" | "month" | "quarter" | "year";

/** The calendar quarter (1–4) a month (1–12) falls in: the one rule every quarter label and quarter-end uses. */
export function quarterOfMonth(month: number): 1 | 2 | 3 | 4 {
  return (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

/** "Nov 3, 2025", "Nov 2025", "Q4 2025" or "2025". */
export function formatDate(iso: string, precision: DatePrecision = "day", style: "short" | "long" = "short"): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number | undefined, number | undefined];
  const names = style === "long" ? MONTHS_LONG : MONTHS;
  if (precision === "year" || m === undefined) return String(y);
  if (precision === "quarter") return `Q${quarterOfMonth(m)} ${y}`;
  if (precision === "month" || d === undefined) return `${names[m - 1]} ${y}`;
  return `${names[m - 1]} ${d}, ${y}`;
}

/** For source dates that may be "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export function formatPartialDate(value: string): string {
  const parts = value.split("-").length;
  return formatDate(value, parts === 1 ? "year" : parts === 2 ? "month" : "day");
}

/** How current a release is: its newest evidence, and where its sweep stops if earlier (a release or a dataset has both). */
export interface EvidenceDates {
  evidenceThrough: string;
  sweptThrough?: string | undefined;
}

/**
 * How current a release's evidence is, in the words every "as of" line, citation and API document uses. Where the
 * sweep stops earlier than the newest evidence (sweptThrough), the line says the record is thin after it.
 */
export function evidenceThroughText({ evidenceThrough, sweptThrough }: EvidenceDates): string {
  const through = `evidence through ${formatPartOfMonth(evidenceThrough)}`;
  if (!sweptThrough || formatPartOfMonth(sweptThrough) === formatPartOfMonth(evidenceThrough)) return through;
  return `${through}, thin after ${formatPartOfMonth(sweptThrough)}`;
}

/** "early July 2026", "mid-July 2026", "late July 2026": how current a body of evidence is, without false precision. */
export function formatPartOfMonth(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const part = d <= 10 ? "early" : d <= 20 ? "mid-" : "late";
  return `${part}${part.endsWith("-") ? "" : " "}${MONTHS_LONG[m - 1]} ${y}`;
}
