// `npm run check:data`: verifies every release and the working copy in a second, without building the site.
import { join, resolve } from "node:path";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { loadReleases, loadWorkingDataset } from "../src/dataset/load.ts";
import { DatasetError } from "../src/dataset/errors.ts";
import { coverageProblems } from "../src/dataset/coverage.ts";

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
    // Coverage sweeps are checked against the working copy, which holds what they found.
    const coverageDir = join(dataDir, "coverage");
    for (const name of existsSync(coverageDir) ? readdirSync(coverageDir).filter((f) => f.endsWith(".json")) : []) {
      const path = join(coverageDir, name);
      const problems = coverageProblems(JSON.parse(readFileSync(path, "utf8")), ds, join("data", "coverage", name));
      if (problems.length) throw new DatasetError(problems);
      console.log(`ok  coverage sweep ${name}`);
    }
  }
} catch (error) {
  if (error instanceof DatasetError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
