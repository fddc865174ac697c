// Facts about a deal that pages show beside the record: its loops, the charts and articles citing it, its version history.
import type { Deal } from "../schemas/dataset.ts";
import { getHistory } from "./index.ts";
import { stableJson } from "./diff.ts";

export interface DealVersionNote {
  version: string;
  change: "added" | "changed" | "unchanged" | "removed";
  /** Why it changed or was removed, as the release says. */
  reason?: string;
}

/** The versions in which a deal appears, and in which of them it changed. */
export function dealHistory(id: string): DealVersionNote[] {
  const notes: DealVersionNote[] = [];
  let previous: Deal | undefined;
  for (const release of getHistory().releases) {
    const deal = release.dataset.deals.find((d) => d.id === id);
    if (deal && !previous) notes.push({ version: release.version, change: "added" });
    else if (deal && previous) {
      const changed = stableJson(deal) !== stableJson(previous);
      const reason = release.dataset.revisions.find((r) => r.list === "deals" && r.id === id && r.version === release.version)?.reason;
      notes.push({ version: release.version, change: changed ? "changed" : "unchanged", ...(changed && reason ? { reason } : {}) });
    } else if (!deal && previous) {
      const removal = release.dataset.removed.find((r) => r.list === "deals" && r.id === id);
      notes.push({ version: release.version, change: "removed", ...(removal ? { reason: removal.reason } : {}) });
    }
    previous = deal;
  }
  return notes;
}
