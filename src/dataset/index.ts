// The build's one loaded copy of the dataset history: parsed and verified once, shared by every page.
import { resolve } from "node:path";
import type { Dataset } from "../schemas/dataset.ts";
import { loadReleases, type Release, type ReleaseHistory } from "./load.ts";
import { derivedLoops, type Loop } from "./loops.ts";

/** Folder holding releases/ and releases.lock.json; tests point it at a fixture. */
export const DATA_DIR = resolve(process.env.CIRCULARITY_DATA_DIR ?? "data");

let history: ReleaseHistory | undefined;
const loopCache = new Map<string, Loop[]>();

export function getHistory(): ReleaseHistory {
  history ??= loadReleases(DATA_DIR);
  return history;
}

export function currentRelease(): Release {
  return getHistory().current;
}

export function releaseByVersion(version: string): Release {
  const release = getHistory().releases.find((r) => r.version === version);
  if (!release) {
    const known = getHistory()
      .releases.map((r) => r.version)
      .join(", ");
    throw new Error(`Unknown dataset version "${version}" (released versions: ${known})`);
  }
  return release;
}

/** Loops are derived once per version and reused by every page that lists them. */
export function loopsOf(release: Release): Loop[] {
  let loops = loopCache.get(release.version);
  if (!loops) {
    loops = derivedLoops(release.dataset.deals);
    loopCache.set(release.version, loops);
  }
  return loops;
}

export type { Dataset, Release, Loop };
