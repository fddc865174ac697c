// What each release did to each record (added, revised with its reason, removed with its reason): the source of
// the dataset and company feeds, so a reader can follow a company's deals without re-reading the dataset.
import type { Dataset } from "../schemas/dataset.ts";
import type { Release } from "./load.ts";
import { diffRecords } from "./diff.ts";

export type RecordList = "entities" | "deals" | "metrics" | "financing";

export interface RecordChange {
  version: string;
  /** Release date, ISO. */
  released: string;
  list: RecordList;
  id: string;
  change: "added" | "revised" | "removed";
  /** Top-level fields that changed (revisions only). */
  fields: string[];
  /** The release's own words on why, where it gives them. */
  reason?: string;
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
      const base = { version: release.version, released: release.released, list };
      for (const id of diff.added) changes.push({ ...base, id, change: "added", fields: [], entities: entitiesOf(next, list, id) });
      for (const { id, fields } of diff.changed) {
        const reason = next.revisions.find((r) => r.list === list && r.id === id && r.version === release.version)?.reason;
        changes.push({ ...base, id, change: "revised", fields, ...(reason ? { reason } : {}), entities: entitiesOf(next, list, id) });
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
