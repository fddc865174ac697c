// Which release versions of a deal record are the same record: a frozen page is written only for a content that
// later changed; every other version's URL resolves to the page showing that content (see page-data/deal-versions.ts).
import type { Release } from "./load.ts";
import type { Deal } from "../schemas/dataset.ts";
import { stableJson } from "./diff.ts";

/** A run of consecutive releases in which a deal record is byte-for-byte the same. */
export interface DealRun {
  /** The release that first published this content: its version names the run's page. */
  first: string;
  versions: string[];
  deal: Deal;
  /** True for the content the newest release holds: its URLs resolve to the live page, which shows it. */
  current: boolean;
}

const cache = new WeakMap<readonly Release[], Map<string, DealRun[]>>();

/** Every deal's runs, oldest first, over the release history. */
export function dealRuns(releases: readonly Release[]): Map<string, DealRun[]> {
  let runs = cache.get(releases);
  if (runs) return runs;
  runs = new Map();
  const newest = releases.at(-1)!;
  for (const release of releases) {
    for (const deal of release.dataset.deals) {
      const list = runs.get(deal.id) ?? runs.set(deal.id, []).get(deal.id)!;
      const last = list.at(-1);
      const previousVersion = releases[releases.indexOf(release) - 1]?.version;
      if (last && last.versions.at(-1) === previousVersion && stableJson(last.deal) === stableJson(deal)) last.versions.push(release.version);
      else list.push({ first: release.version, versions: [release.version], deal, current: false });
    }
  }
  for (const [id, list] of runs) {
    const now = newest.dataset.deals.find((d) => d.id === id);
    const last = list.at(-1)!;
    last.current = !!now && last.versions.at(-1) === newest.version;
  }
  cache.set(releases, runs);
  return runs;
}
