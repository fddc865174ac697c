// Record arithmetic shared by article figures and charts: terms such as deal:<id>, deal:<id>/yr, deal:<id>.gw,
// metric:<id> and financing:<id>, read from one dataset and summed with their working shown.
import type { Dataset } from "../schemas/dataset.ts";
import { formatUsd } from "../lib/money.ts";

export interface Term {
  kind: "deal" | "metric" | "financing";
  id: string;
  mode: "amount" | "per-year" | "gw";
  raw: string;
}

const TERM = /^(deal|metric|financing):([a-z0-9-]+?)(\/yr|\.gw)?$/;

export function parseTerms(list: string, where: string): Term[] {
  const terms = list.trim().split(/\s+/).filter(Boolean);
  if (!terms.length) throw new Error(`${where}: an empty list of terms`);
  return terms.map((raw) => {
    const m = TERM.exec(raw);
    if (!m) throw new Error(`${where}: cannot read the term "${raw}"; use deal:<id>, deal:<id>/yr, deal:<id>.gw, metric:<id> or financing:<id>`);
    const mode = m[3] === "/yr" ? "per-year" : m[3] === ".gw" ? "gw" : "amount";
    if (m[1] !== "deal" && mode !== "amount") throw new Error(`${where}: "${raw}": /yr and .gw apply to deals only`);
    return { kind: m[1] as Term["kind"], id: m[2]!, mode, raw };
  });
}

export function termValue(t: Term, dataset: Dataset, where: string): { value: number; shown: string } {
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
  const shown = parts.map((p) => `${p.shown} (${p.t.id})`).join(" + ");
  return { value, shown: parts.length > 1 ? `(${shown})` : shown };
}

/** Whether every record a list of terms names is in this dataset (older releases lack records added later). */
export function termsAvailable(list: string, dataset: Dataset): boolean {
  const ids = { deal: dataset.deals, metric: dataset.metrics, financing: dataset.financing };
  return parseTerms(list, "terms").every((t) => ids[t.kind].some((r) => r.id === t.id));
}
