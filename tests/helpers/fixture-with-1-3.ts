// The fixture history with a third release, 1.3.0: the first release the monitor's indicators are published on.
// The fixture's own releases (1.0.0, 1.1.0) predate the indicators, so pages that show them (the home page, the API
// index, the Data Package, the monitor's feed) would show none.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyFixtureData, readRelease, writeReleaseWithLock } from "./dataset-fixtures.ts";

export const RELEASE_13 = {
  version: "1.3.0",
  released: "2026-07-15",
  publishedAt: "2026-07-15T09:30:00Z",
  evidenceThrough: "2026-07-10",
  notes: "Test release: one deal added, Amazon's talks with OpenAI cancelled",
} as const;

/** The deal 1.3.0 adds: committed, AI-era, and not the newest (so "newest" has to be looked for). */
export const ADDED_DEAL = {
  id: "nvidia-coreweave-2026-02",
  title: "Nvidia's second capacity purchase from CoreWeave (test record)",
  announced: "2026-02-12",
  datePrecision: "day",
  from: "nvidia",
  to: "coreweave",
  type: "cloud-commitment",
  amount: { usd: 10_000_000_000, basis: "committed" },
  status: "signed",
  era: "ai-2020s",
  sources: [{ publisher: "Test", title: "Test page", date: "2026-02-12", url: "https://example.org/test-capacity", kind: "company" }],
  notes: "",
} as const;

/** The deal 1.3.0 cancels, with the reason its revision entry gives. */
export const CANCELLED_DEAL = { id: "amazon-openai-2025-12", reason: "Test data: the talks ended without a deal." } as const;

/**
 * A data folder with the fixture's releases and 1.3.0, and an empty indicator and chart archive: the site's own
 * archive has files for v1.3.0, which would otherwise be read instead of the fixture's values.
 */
export function fixtureWith13(): { dataDir: string; archiveDir: string } {
  const dataDir = copyFixtureData();
  const data = readRelease(dataDir, "1.1.0");
  data.evidenceThrough = RELEASE_13.evidenceThrough;
  data.deals.push(structuredClone(ADDED_DEAL));
  data.deals.find((d: { id: string }) => d.id === CANCELLED_DEAL.id).status = "cancelled";
  data.revisions.push({ list: "deals", id: CANCELLED_DEAL.id, version: RELEASE_13.version, fields: ["status"], reason: CANCELLED_DEAL.reason });
  writeReleaseWithLock(dataDir, RELEASE_13.version, JSON.stringify(data, null, 2));
  const lockPath = join(dataDir, "releases.lock.json");
  const lock = JSON.parse(readFileSync(lockPath, "utf8"));
  lock[RELEASE_13.version] = { ...lock[RELEASE_13.version], released: RELEASE_13.released, publishedAt: RELEASE_13.publishedAt, notes: RELEASE_13.notes };
  writeFileSync(lockPath, JSON.stringify(lock, null, 2));
  return { dataDir, archiveDir: mkdtempSync(join(tmpdir(), "circularity-data-archive-")) };
}

const VARIABLES = ["CIRCULARITY_DATA_DIR", "CIRCULARITY_INDICATOR_ARCHIVE_DIR", "CIRCULARITY_ARCHIVE_DIR"] as const;

/**
 * Runs `load` (the test file's dynamic imports) with the dataset modules pointed at `dataDir` and an empty archive,
 * then puts the variables back, so a test file that runs later in the same worker still reads the site's own data.
 */
export async function withDataDir<T>(dataDir: string, archiveDir: string, load: () => Promise<T>): Promise<T> {
  const saved = VARIABLES.map((name) => [name, process.env[name]] as const);
  process.env.CIRCULARITY_DATA_DIR = dataDir;
  process.env.CIRCULARITY_INDICATOR_ARCHIVE_DIR = join(archiveDir, "indicators");
  process.env.CIRCULARITY_ARCHIVE_DIR = join(archiveDir, "charts");
  try {
    return await load();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
