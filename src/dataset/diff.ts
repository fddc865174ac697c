// Computes what changed between two versions, by record id: the changelog and the "what changed" notes.
import type { Dataset } from "../schemas/dataset.ts";

export interface RecordChange {
  id: string;
  /** Top-level fields whose values differ. */
  fields: string[];
}

export interface ListDiff {
  added: string[];
  removed: string[];
  changed: RecordChange[];
}

export interface DatasetDiff {
  entities: ListDiff;
  deals: ListDiff;
  metrics: ListDiff;
  financing: ListDiff;
}

export function diffRecords<T>(previous: readonly T[], next: readonly T[], keyOf: (record: T) => string): ListDiff {
  const before = new Map(previous.map((r) => [keyOf(r), r]));
  const after = new Map(next.map((r) => [keyOf(r), r]));
  const added = [...after.keys()].filter((k) => !before.has(k)).sort();
  const removed = [...before.keys()].filter((k) => !after.has(k)).sort();
  const changed: RecordChange[] = [];
  for (const [key, record] of [...after.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const old = before.get(key);
    if (old === undefined) continue;
    const fields = changedFields(old as Record<string, unknown>, record as Record<string, unknown>);
    if (fields.length) changed.push({ id: key, fields });
  }
  return { added, removed, changed };
}

export function diffDatasets(previous: Dataset, next: Dataset): DatasetDiff {
  return {
    entities: diffRecords(previous.entities, next.entities, (e) => e.id),
    deals: diffRecords(previous.deals, next.deals, (d) => d.id),
    metrics: diffRecords(previous.metrics, next.metrics, (m) => m.id),
    financing: diffRecords(previous.financing, next.financing, (f) => f.id),
  };
}

export function isEmptyDiff(diff: ListDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.changed.length;
}

function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => stableJson(a[k]) !== stableJson(b[k]));
}

/** JSON with object keys sorted, so field order never reads as a change. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
}
