// Facts about a deal that pages show beside the record: its loops, the charts and articles citing it, its version history.
import type { Deal } from "../schemas/dataset.ts";
import { getHistory } from "../dataset/index.ts";
import { stableJson } from "../dataset/diff.ts";

export interface DealVersionNote {
  version: string;
  change: "added" | "changed" | "unchanged" | "removed";
}

/** The versions in which a deal appears, and in which of them it changed. */
export function dealHistory(id: string): DealVersionNote[] {
  const notes: DealVersionNote[] = [];
  let previous: Deal | undefined;
  for (const release of getHistory().releases) {
    const deal = release.dataset.deals.find((d) => d.id === id);
    if (deal && !previous) notes.push({ version: release.version, change: "added" });
    else if (deal && previous) notes.push({ version: release.version, change: stableJson(deal) === stableJson(previous) ? "unchanged" : "changed" });
    else if (!deal && previous) notes.push({ version: release.version, change: "removed" });
    previous = deal;
  }
  return notes;
}
