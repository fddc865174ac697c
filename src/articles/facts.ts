// Renders one field of a deal or metric as prose, and says whether a later release revised it.
import type { Dataset, Deal, Financing } from "../schemas/dataset.ts";
import { formatUsd, formatUsdLong } from "../lib/money.ts";
import { formatAmount, formatMetricValue } from "../dataset/labels.ts";
import { formatDate } from "../lib/dates.ts";
import { computeFigure, computedLatestText } from "./computed.ts";
import { indicatorFigure, indicatorLatestText, type IndicatorLookup } from "./indicator-figures.ts";
import { indicatorAt } from "../render/indicators.ts";
import type { ArticleRefs } from "./refs.ts";

export const DEAL_FIELDS = ["amount", "usd", "date", "from", "to", "title", "gw", "term"] as const;
export type DealField = (typeof DEAL_FIELDS)[number];

/**
 * Fields that print words (a deal's title, a party's name) wrap like the prose around them; figures and dates do
 * not break across lines. A long title kept on one line ran off a 360 px screen.
 */
export function factWraps(field: DealField): boolean {
  return field === "title" || field === "from" || field === "to";
}

export function dealFieldText(deal: Deal, field: DealField, dataset: Dataset, format: "short" | "long" = "short"): string {
  const name = (id: string) => dataset.entities.find((e) => e.id === id)?.name ?? id;
  switch (field) {
    case "amount":
      return formatAmount(deal.amount, format);
    case "usd":
      if (!deal.amount) throw new Error(`deal "${deal.id}" has no disclosed amount, so field="usd" has nothing to show`);
      return format === "long" ? formatUsdLong(deal.amount.usd) : formatUsd(deal.amount.usd);
    case "date":
      return formatDate(deal.announced, deal.datePrecision, format);
    case "from":
      return name(deal.from);
    case "to":
      return name(deal.to);
    case "title":
      return deal.title;
    case "gw":
      if (deal.compute?.gw === undefined) throw new Error(`deal "${deal.id}" has no compute.gw`);
      return `${deal.compute.gw} GW`;
    case "term":
      if (deal.termYears === undefined) throw new Error(`deal "${deal.id}" has no termYears`);
      return `${deal.termYears} years`;
  }
}

/**
 * Places where the prose says a qualifier the figure prints itself: an amount recorded as a ceiling renders as
 * "up to $100B", so "up to <Fact deal=…/>" reads "up to up to $100B". The figure's words are taken from the same
 * functions that render it, so the rule cannot drift from what the reader sees. Lines are 1-based lines of the source.
 */
export function doubledCeilings(source: string, dataset: Dataset): { line: number; record: string }[] {
  const found: { line: number; record: string }[] = [];
  for (const m of source.matchAll(/\bup to\s+<Fact\s+([^>]*?)\/>/gi)) {
    const attrs = m[1]!;
    const list = /\b(deal|financing)="([^"]+)"/.exec(attrs);
    if (!list) continue;
    const field = (/\bfield="([^"]+)"/.exec(attrs)?.[1] ?? "amount") as DealField;
    const format = /\bformat="long"/.test(attrs) ? "long" : "short";
    const deal = list[1] === "deal" ? dataset.deals.find((d) => d.id === list[2]) : undefined;
    const financing = list[1] === "financing" ? dataset.financing.find((f) => f.id === list[2]) : undefined;
    // An unknown id or a field the record lacks is reported by the reference checks, not here.
    let shown = "";
    try {
      shown = deal ? dealFieldText(deal, field, dataset, format) : financing ? financingFieldText(financing, field, dataset, format) : "";
    } catch {
      continue;
    }
    if (/^up to\b/i.test(shown)) found.push({ line: source.slice(0, m.index).split("\n").length, record: `${list[1]} ${list[2]}` });
  }
  return found;
}

/** Throws naming the file, line and record of every doubled "up to" (see doubledCeilings). */
export function assertNoDoubledCeilings(file: string, source: string, dataset: Dataset): void {
  const found = doubledCeilings(source, dataset);
  if (found.length)
    throw new Error(
      `${file}: "up to" typed before a figure that already prints it (the record's amount is a ceiling), so the reader sees "up to up to"; ` +
        `drop the typed words or use field="usd":\n` +
        found.map((f) => `  line ${f.line}: ${f.record}`).join("\n"),
    );
}

export const FINANCING_FIELDS = ["amount", "usd", "date", "from", "to", "title"] as const;

/** A financing record's field: "from" is the provider (lender, investors), "to" the borrower. */
export function financingFieldText(record: Financing, field: DealField, dataset: Dataset, format: "short" | "long" = "short"): string {
  const name = (id: string) => dataset.entities.find((e) => e.id === id)?.name ?? id;
  switch (field) {
    case "amount":
      return formatAmount(record.amount ?? null, format);
    case "usd":
      if (!record.amount) throw new Error(`financing "${record.id}" has no disclosed amount, so field="usd" has nothing to show`);
      return format === "long" ? formatUsdLong(record.amount.usd) : formatUsd(record.amount.usd);
    case "date":
      return formatDate(record.announced, record.datePrecision, format);
    case "from":
      return name(record.provider);
    case "to":
      return name(record.borrower);
    case "title":
      return record.title;
    default:
      throw new Error(`financing "${record.id}": field="${field}" applies to deals only; use one of ${FINANCING_FIELDS.join(", ")}`);
  }
}

/** A <Fact>'s attributes as written: exactly one record id, and for deals and financing the field to print. */
export interface FactSpec {
  deal?: string;
  metric?: string;
  financing?: string;
  field?: DealField;
  format?: "short" | "long";
}

/**
 * A <Fact>'s text in one release, as the reader sees it; undefined where the release does not hold the record.
 * Throws where the record lacks the field asked for. The component and the article header's count of revised
 * figures both read figures through this, so the count cannot disagree with the marks in the text.
 */
export function factText(spec: FactSpec, dataset: Dataset): string | undefined {
  const { field = "amount", format = "short" } = spec;
  if (spec.deal) {
    const deal = dataset.deals.find((d) => d.id === spec.deal);
    return deal && dealFieldText(deal, field, dataset, format);
  }
  if (spec.metric) {
    const metric = dataset.metrics.find((m) => m.id === spec.metric);
    return metric && formatMetricValue(metric, format);
  }
  const record = dataset.financing.find((f) => f.id === spec.financing);
  return record && financingFieldText(record, field, dataset, format);
}

/**
 * The release that revised a quoted figure: the first after the article's pinned release in which the figure reads
 * differently (`reads` gives its text in a release, from its dataset or, for a figure the site publishes per release
 * such as an indicator, from its version; undefined, or an error, where the record is gone or no longer has the
 * field). Named in the note beside the figure, which would otherwise blame whichever release is current.
 */
export function revisingVersion(
  releases: readonly { version: string; dataset: Dataset }[],
  pinnedVersion: string,
  reads: (dataset: Dataset, version: string) => string | undefined,
): string | undefined {
  const text = (release: { version: string; dataset: Dataset }) => {
    try {
      return reads(release.dataset, release.version);
    } catch {
      return undefined;
    }
  };
  const at = releases.findIndex((r) => r.version === pinnedVersion);
  if (at < 0) return undefined;
  const was = text(releases[at]!);
  return releases.slice(at + 1).find((r) => text(r) !== was)?.version;
}

/**
 * What a revised figure says now. A committed amount prints without a qualifier, so where a later release confirmed a
 * reported or estimated figure at the same value the note says so ("now $75B, committed") instead of repeating it.
 */
export function revisedNote(latest: string | undefined, basis?: string): string {
  if (latest === undefined) return "record withdrawn";
  return basis === "committed" ? `now ${latest}, committed` : `now ${latest}`;
}

/**
 * How many figures in an article's text a later release reads differently: the <Fact>, <Computed> and <Indicator>
 * figures the live text marks as revised, counted where they appear. The article's header says how many, or that none
 * changed, rather than promising marks a reader will not find. Counts are left out: a count describes the release it
 * names. `indicators` reads the monitor as published for a release (tests pass fixture releases' indicators).
 */
export function revisedFigureCount(
  refs: Pick<ArticleRefs, "facts" | "computed" | "indicators">,
  pinned: { version: string; dataset: Dataset },
  current: { version: string; dataset: Dataset },
  file: string,
  indicators: IndicatorLookup = indicatorAt,
): number {
  if (pinned.version === current.version) return 0;
  const read = (text: () => string | undefined, missing: string) => {
    try {
      return text() ?? missing;
    } catch {
      return missing;
    }
  };
  const facts = refs.facts.filter((spec) => read(() => factText(spec, pinned.dataset), "") !== read(() => factText(spec, current.dataset), "removed"));
  const computed = refs.computed.filter(
    (spec) => computeFigure(spec, pinned.dataset, file).text !== computedLatestText(spec, current.dataset, pinned.version, file),
  );
  const quotedIndicators = refs.indicators.filter(
    (spec) => indicatorFigure(spec, pinned.version, file, indicators).text !== indicatorLatestText(spec, current.version, indicators),
  );
  return facts.length + computed.length + quotedIndicators.length;
}
