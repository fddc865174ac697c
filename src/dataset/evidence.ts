// Grades how well a record is evidenced: a deal's evidence is its strongest source kind, and a release's
// evidence breakdown says how much of its AI-era deals and dollars rest on filings, company statements and so on.
import { SourceKind as SourceKindSchema, type Dataset, type Deal, type Financing, type Source, type SourceKind } from "../schemas/dataset.ts";

/** Strongest first: the order readers should trust them in. */
export const SOURCE_KINDS: readonly SourceKind[] = SourceKindSchema.options;

export const SOURCE_KIND_LABEL: Record<SourceKind, string> = {
  filing: "Filing",
  company: "Company statement",
  wire: "Wire or major outlet",
  press: "Other press",
  aggregator: "Aggregator or repost",
};

export const SOURCE_KIND_EXPLANATION: Record<SourceKind, string> = {
  filing: "the text of a regulatory filing or exhibit (8-K, 10-Q, S-1, 6-K…)",
  company: "the company's own statement: newsroom, blog, press release or earnings release",
  wire: "a wire service or major outlet (Reuters, Bloomberg, AP, WSJ, FT, CNBC…), also when republished verbatim",
  press: "another news outlet or trade publication",
  aggregator: "a repost, summary site or message board: used only where nothing better was found",
};

/** Release 1.0.0 predates graded sources; its evidence is "not graded" unless a later release graded the same page. */
export type Evidence = SourceKind | "ungraded";

export function strongestKind(sources: readonly Source[], kindOfUrl?: ReadonlyMap<string, SourceKind>): Evidence {
  let best: Evidence = "ungraded";
  for (const source of sources) {
    const kind = source.kind ?? kindOfUrl?.get(source.url);
    if (kind && (best === "ungraded" || SOURCE_KINDS.indexOf(kind) < SOURCE_KINDS.indexOf(best))) best = kind;
  }
  return best;
}

/** The sources a deal, metric or financing record rests on in a release; undefined when the release lacks it. */
export function recordSources(kind: "deal" | "metric" | "financing", id: string, dataset: Dataset): readonly Source[] | undefined {
  if (kind === "deal") return dataset.deals.find((d) => d.id === id)?.sources;
  if (kind === "financing") return dataset.financing.find((f) => f.id === id)?.sources;
  const metric = dataset.metrics.find((m) => m.id === id);
  return metric && [metric.source];
}

export function dealEvidence(record: Deal | Financing, kindOfUrl?: ReadonlyMap<string, SourceKind>): Evidence {
  return strongestKind(record.sources, kindOfUrl);
}

/** Every graded page in a release, by URL: how a later release's grading is applied to an older one's sources. */
export function sourceKindsByUrl(dataset: Dataset): Map<string, SourceKind> {
  const kinds = new Map<string, SourceKind>();
  const note = (s: Source) => s.kind && kinds.set(s.url, s.kind);
  for (const deal of dataset.deals) deal.sources.forEach(note);
  for (const item of dataset.financing) item.sources.forEach(note);
  for (const metric of dataset.metrics) note(metric.source);
  return kinds;
}

export interface EvidenceRow {
  evidence: Evidence;
  deals: number;
  /** Share of the AI-era deals, 0–1. */
  dealShare: number;
  /** Disclosed USD on those deals (superseded and cancelled deals excluded). */
  usd: number;
  usdShare: number;
}

/**
 * How much of a release's AI-era record rests on each kind of evidence. Counts every AI-era deal; dollars count
 * only deals that enter totals (not superseded, not cancelled), as every chart does.
 */
export function evidenceBreakdown(dataset: Dataset, kindOfUrl?: ReadonlyMap<string, SourceKind>): EvidenceRow[] {
  const deals = dataset.deals.filter((d) => d.era === "ai-2020s");
  const counted = (d: Deal) => d.status !== "cancelled" && d.supersededBy === undefined;
  const totalUsd = deals.filter(counted).reduce((sum, d) => sum + (d.amount?.usd ?? 0), 0);
  const order: Evidence[] = [...SOURCE_KINDS, "ungraded"];
  return order
    .map((evidence) => {
      const mine = deals.filter((d) => dealEvidence(d, kindOfUrl) === evidence);
      const usd = mine.filter(counted).reduce((sum, d) => sum + (d.amount?.usd ?? 0), 0);
      return { evidence, deals: mine.length, dealShare: deals.length ? mine.length / deals.length : 0, usd, usdShare: totalUsd ? usd / totalUsd : 0 };
    })
    .filter((row) => row.deals > 0);
}

/** Evidence a figure can rest on without a caveat: a filing, the company's own statement, or a wire story. */
export function isPrimary(evidence: Evidence): boolean {
  return evidence === "filing" || evidence === "company" || evidence === "wire";
}

/** Share of AI-era deals whose strongest source is a filing, a company statement or a wire report. */
export function primaryShare(dataset: Dataset): number {
  return evidenceBreakdown(dataset)
    .filter((r) => isPrimary(r.evidence))
    .reduce((s, r) => s + r.dealShare, 0);
}
