// `npm run check:data`: verifies every release and the working copy in a second, without building the site.
import { join, resolve } from "node:path";
import { existsSync } from "node:fs";
import { loadReleases, loadWorkingDataset } from "../src/dataset/load.ts";
import { DatasetError } from "../src/dataset/errors.ts";

const dataDir = resolve(process.env.CIRCULARITY_DATA_DIR ?? "data");
try {
  const history = loadReleases(dataDir);
  for (const r of history.releases) {
    const { entities, deals, metrics } = r.dataset;
    console.log(
      `ok  v${r.version} (${r.released}): ${entities.length} entities, ${deals.length} deals, ${metrics.length} metrics, sha256 ${r.sha256.slice(0, 12)}…`,
    );
  }
  const working = join(dataDir, "working", "dataset.json");
  if (existsSync(working)) {
    const ds = loadWorkingDataset(working, process.cwd(), history.current);
    console.log(`ok  working copy: ${ds.entities.length} entities, ${ds.deals.length} deals, ${ds.metrics.length} metrics`);
  }
} catch (error) {
  if (error instanceof DatasetError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
