// `npm run charts:archive`: freezes each chart at each released dataset version that has no archive entry yet.
// Existing entries are never rewritten: they are what pinned (cited) URLs show forever.
import { CHARTS } from "../src/charts/index.ts";
import { loadReleases } from "../src/dataset/load.ts";
import { renderUncached } from "../src/render/chart-render.ts";
import { ARCHIVE_DIR, writeArchived } from "../src/render/chart-archive.ts";
import { chartFigure } from "../src/render/downloads.ts";

const { releases } = loadReleases(process.env.CIRCULARITY_DATA_DIR ?? "data");
let written = 0;
for (const release of releases) {
  for (const chart of CHARTS) {
    const rendered = renderUncached(chart, release.dataset, release.version);
    if (!rendered.rows.length) continue;
    if (writeArchived({ ...rendered, figure: chartFigure(rendered) })) {
      written += 1;
      console.log(`archived ${chart.id} at v${release.version}`);
    }
  }
}
console.log(`${written} new archive entr${written === 1 ? "y" : "ies"} in ${ARCHIVE_DIR}`);
