// Record arithmetic shared by article figures and charts: terms such as deal:<id>, deal:<id>/yr, deal:<id>.gw,
// metric:<id> and financing:<id>, read from one dataset and summed with their working shown. A term may take a stated
// share of itself, metric:<id>*metric:<percent-id> ("45% of the $625B backlog", as the company put it), so a part a
// company gave only as a percentage is never worked out by hand.
import type { Dataset } from "../schemas/dataset.ts";
import { formatUsd } from "../lib/money.ts";

export interface Term {
  kind: "deal" | "metric" | "financing";
  id: string;
  mode: "amount" | "per-year" | "gw";
  /** A metric in percent that the term is multiplied by: the share of the amount the record states. */
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
    if (m[1] !== "deal" && mode !== "amount") throw new Error(`${where}: "${raw}": /yr and .gw apply to deals only`);
    return { kind: m[1] as Term["kind"], id: m[2]!, mode, raw, ...(m[4] === undefined ? {} : { share: m[4] }) };
  });
}

/** A term's value with its working; a share term reads "$625B (a) × 45% (b)". */
export function termValue(t: Term, dataset: Dataset, where: string): { value: number; shown: string } {
  const whole = recordValue(t, dataset, where);
  if (t.share === undefined) return { value: whole.value, shown: `${whole.shown} (${t.id})` };
  const share = dataset.metrics.find((x) => x.id === t.share);
  if (!share) throw new Error(`${where}: ${t.raw}: unknown metric id "${t.share}"`);
  if (share.unit !== "percent") throw new Error(`${where}: ${t.raw}: the share "${t.share}" is in ${share.unit}, not percent`);
  return { value: (whole.value * share.value) / 100, shown: `${whole.shown} (${t.id}) × ${share.value}% (${t.share})` };
}

function recordValue(t: Term, dataset: Dataset, where: string): { value: number; shown: string } {
  const fail = (why: string): never => {
    throw new Error(`${where}: ${t.raw}: ${why}`);
  };
  if (t.kind === "metric") {
    const m = dataset.metrics.find((x) => x.id === t.id) ?? fail(`unknown metric id "${t.id}"`);
    return { value: m.value, shown: m.unit === "usd" ? formatUsd(m.value) : m.unit === "percent" ? `${m.value}%` : `${m.value} GW` };
  }
  if (t.kind === "financing") {
    const f = dataset.financing.find((x) => x.id === t.id) ?? fail(`unknown financing id "${t.id}"`);
    const usd = f.amount?.usd ?? fail("the financing record has no disclosed amount");
    return { value: usd, shown: formatUsd(usd) };
  }
  const d = dataset.deals.find((x) => x.id === t.id) ?? fail(`unknown deal id "${t.id}"`);
  if (t.mode === "gw") {
    const gw = d.compute?.gw ?? fail("the deal has no compute.gw");
    return { value: gw, shown: `${gw} GW` };
  }
  const usd = d.amount?.usd ?? fail("the deal has no disclosed amount");
  if (t.mode === "amount") return { value: usd, shown: formatUsd(usd) };
  const years = d.termYears ?? fail("the deal has no termYears, so it cannot be spread per year");
  return { value: usd / years, shown: `${formatUsd(usd)} ÷ ${years} years` };
}

/** The sum of a list of terms, with its working ("$12B (a) + $4B (b)"). */
export function sumTerms(terms: Term[], dataset: Dataset, where: string): { value: number; shown: string } {
  const parts = terms.map((t) => ({ t, ...termValue(t, dataset, where) }));
  const value = parts.reduce((s, p) => s + p.value, 0);
  const shown = parts.map((p) => p.shown).join(" + ");
  return { value, shown: parts.length > 1 ? `(${shown})` : shown };
}

/** Whether every record a list of terms names is in this dataset (older releases lack records added later). */
export function termsAvailable(list: string, dataset: Dataset): boolean {
  const ids = { deal: dataset.deals, metric: dataset.metrics, financing: dataset.financing };
  return parseTerms(list, "terms")
    .flatMap(termRecords)
    .every(({ kind, id }) => ids[kind].some((r) => r.id === id));
}
