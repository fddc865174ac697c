// What each release did to each record (added, revised with its reason, removed with its reason): the source of
// the dataset and company feeds, so a reader can follow a company's deals without re-reading the dataset.
import type { Dataset } from "../schemas/dataset.ts";
import type { Release } from "./load.ts";
import { diffRecords, stableJson } from "./diff.ts";
import { formatAmount } from "./labels.ts";

export type RecordList = "entities" | "deals" | "metrics" | "financing";

export interface RecordChange {
  version: string;
  /** Release date, ISO. */
  released: string;
  /** When the release was published, ISO date-time (UTC). */
  publishedAt: string;
  list: RecordList;
  id: string;
  change: "added" | "revised" | "removed";
  /** Top-level fields that changed (revisions only). */
  fields: string[];
  /** The release's own words on why, where it gives them. */
  reason?: string;
  /** What changed, read off the two versions of the record ("amount $40B (reported) → $40B; notes reworded"). */
  what?: string;
  /** Entities the record concerns, in the release that changed it (or the one before, for removals). */
  entities: string[];
}

const LISTS: readonly RecordList[] = ["entities", "deals", "metrics", "financing"];

function entitiesOf(dataset: Dataset, list: RecordList, id: string): string[] {
  if (list === "entities") return [id];
  if (list === "deals") {
    const d = dataset.deals.find((x) => x.id === id);
    return d ? [d.from, d.to] : [];
  }
  if (list === "metrics") {
    const m = dataset.metrics.find((x) => x.id === id);
    return m ? [m.entity] : [];
  }
  const f = dataset.financing.find((x) => x.id === id);
  return f ? [f.provider, f.borrower, ...(f.beneficiary ? [f.beneficiary] : [])] : [];
}

/** Words for one changed field: values for short fields, what happened for long ones (text, source lists). */
function describeField(field: string, before: unknown, after: unknown): string {
  const isAmount = (v: unknown): v is { usd: number; basis: string } | null | undefined => v == null || (typeof v === "object" && "usd" in (v as object));
  if ((field === "amount" || field === "value") && isAmount(before) && isAmount(after) && (before || after))
    return `${field} ${formatAmount((before ?? null) as never)} → ${formatAmount((after ?? null) as never)}`;
  if (field === "sources") {
    const urls = (v: unknown) => new Set(((v as { url: string }[] | undefined) ?? []).map((s) => s.url));
    const [a, b] = [urls(before), urls(after)];
    const added = [...b].filter((u) => !a.has(u)).length;
    const dropped = [...a].filter((u) => !b.has(u)).length;
    return added || dropped
      ? `sources: ${[added && `${added} added`, dropped && `${dropped} dropped`].filter(Boolean).join(", ")}`
      : "sources regraded or retitled";
  }
  const short = (v: unknown) => v === undefined || v === null || typeof v === "number" || typeof v === "boolean" || (typeof v === "string" && v.length <= 40);
  if (short(before) && short(after)) return `${field} ${before ?? "none"} → ${after ?? "none"}`;
  if (typeof before === "string" || typeof after === "string") return `${field} reworded`;
  return `${field} changed`;
}

/** A short, factual account of a revision, field by field. */
export function describeRevision(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]): string {
  return fields
    .filter((f) => stableJson(before[f]) !== stableJson(after[f]))
    .map((f) => describeField(f, before[f], after[f]))
    .join("; ");
}

// One diff of the release history per build, and one index of it by company: every company's feed asks for its part.
const computed = new WeakMap<readonly Release[], RecordChange[]>();
const byEntity = new WeakMap<readonly Release[], Map<string, RecordChange[]>>();

/** Every record change in every release after the first, oldest release first; the first release's records count as added. */
export function recordChanges(releases: readonly Release[]): RecordChange[] {
  const cached = computed.get(releases);
  if (cached) return cached;
  const changes: RecordChange[] = [];
  releases.forEach((release, i) => {
    const previous = releases[i - 1]?.dataset;
    const next = release.dataset;
    for (const list of LISTS) {
      const diff = diffRecords((previous?.[list] ?? []) as { id: string }[], next[list] as { id: string }[], (r) => r.id);
      const base = { version: release.version, released: release.released, publishedAt: release.publishedAt, list };
      for (const id of diff.added) changes.push({ ...base, id, change: "added", fields: [], entities: entitiesOf(next, list, id) });
      for (const { id, fields } of diff.changed) {
        const reason = next.revisions.find((r) => r.list === list && r.id === id && r.version === release.version)?.reason;
        const before = (previous![list] as { id: string }[]).find((r) => r.id === id)!;
        const after = (next[list] as { id: string }[]).find((r) => r.id === id)!;
        const what = describeRevision(before as Record<string, unknown>, after as Record<string, unknown>, fields);
        changes.push({ ...base, id, change: "revised", fields, ...(reason ? { reason } : {}), what, entities: entitiesOf(next, list, id) });
      }
      for (const id of diff.removed) {
        const reason = next.removed.find((r) => r.list === list && r.id === id)?.reason;
        changes.push({ ...base, id, change: "removed", fields: [], ...(reason ? { reason } : {}), entities: previous ? entitiesOf(previous, list, id) : [] });
      }
    }
  });
  computed.set(releases, changes);
  return changes;
}

/** The changes that concern one company (as payer, recipient, subject, provider, borrower or beneficiary), oldest first. */
export function changesOfEntity(releases: readonly Release[], entityId: string): readonly RecordChange[] {
  let index = byEntity.get(releases);
  if (!index) {
    index = new Map();
    for (const c of recordChanges(releases)) for (const id of new Set(c.entities)) (index.get(id) ?? index.set(id, []).get(id)!).push(c);
    byEntity.set(releases, index);
  }
  return index.get(entityId) ?? [];
}
