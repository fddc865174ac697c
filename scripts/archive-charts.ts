// `npm run charts:archive`: freezes each chart and indicator at each released dataset version that has no archive entry yet.
// Existing entries are never rewritten: they are what pinned (cited) URLs show forever. It refuses to back-date a
// chart to a release whose archive was cut without it (see backdatedEntries).
import { AS_OF_CHART_IDS, CHARTS } from "../src/charts/index.ts";
import { datasetAsOf, releaseQuarterEnds } from "../src/dataset/as-of.ts";
import { loadReleases } from "../src/dataset/load.ts";
import { renderUncached, type RenderedChart } from "../src/render/chart-render.ts";
import { ARCHIVE_DIR, backdatedEntries, writeArchived } from "../src/render/chart-archive.ts";
import { chartFigure } from "../src/render/downloads.ts";
import { chartPublishedIn } from "../src/render/charts.ts";
import { INDICATORS } from "../src/indicators/index.ts";
import {
  INDICATOR_ARCHIVE_DIR,
  indicatorPublishedIn,
  readArchivedIndicatorText,
  renderIndicatorUncached,
  writeArchivedIndicator,
} from "../src/render/indicators.ts";

const { releases } = loadReleases(process.env.CIRCULARITY_DATA_DIR ?? "data");
// Charts with rows at each release they are published for (an empty chart has no pinned file).
const pending: RenderedChart[] = [];
for (const release of releases) {
  for (const chart of CHARTS.filter((c) => chartPublishedIn(c, release.version))) {
    const rendered = renderUncached(chart, release.dataset, release.version);
    if (rendered.rows.length) pending.push(rendered);
  }
}
const backdated = backdatedEntries(pending, ARCHIVE_DIR);
if (backdated.length) {
  for (const { id, version } of backdated)
    console.error(
      `charts:archive: "${id}" would be back-dated to v${version}, which was published without it: set its "since" to the first release it appears in`,
    );
  process.exit(1);
}
let written = 0;
for (const rendered of pending) {
  if (writeArchived({ ...rendered, figure: chartFigure(rendered) })) {
    written += 1;
    console.log(`archived ${rendered.id} at v${rendered.version}`);
  }
}
// Charts as of each quarter-end of each release (who funds whom as of 2025-09-30, as release X knew it).
for (const release of releases) {
  for (const date of releaseQuarterEnds(release.dataset, release.released)) {
    for (const chart of CHARTS.filter((c) => AS_OF_CHART_IDS.includes(c.id) && chartPublishedIn(c, release.version))) {
      const rendered = { ...renderUncached(chart, datasetAsOf(release.dataset, date), release.version), asOf: date };
      if (!rendered.rows.length) continue;
      if (writeArchived({ ...rendered, figure: chartFigure(rendered) })) written += 1;
    }
  }
}
console.log(`${written} new archive entr${written === 1 ? "y" : "ies"} in ${ARCHIVE_DIR}`);

// Indicators at each release they are published for: what /monitor/<id>/v<version>/ shows forever.
const indicatorsPending = releases.flatMap((release) =>
  INDICATORS.filter((i) => indicatorPublishedIn(i, release.version)).flatMap((i) => renderIndicatorUncached(i, release, releases) ?? []),
);
const cutVersions = new Set(indicatorsPending.filter((i) => readArchivedIndicatorText(i.id, i.version)).map((i) => i.version));
const backdatedIndicators = indicatorsPending.filter((i) => cutVersions.has(i.version) && !readArchivedIndicatorText(i.id, i.version));
if (backdatedIndicators.length) {
  for (const { id, version } of backdatedIndicators)
    console.error(
      `charts:archive: indicator "${id}" would be back-dated to v${version}, which was published without it: set its "since" to the first release it appears in`,
    );
  process.exit(1);
}
let indicatorsWritten = 0;
for (const indicator of indicatorsPending) if (writeArchivedIndicator(indicator)) indicatorsWritten += 1;
console.log(`${indicatorsWritten} new indicator archive entr${indicatorsWritten === 1 ? "y" : "ies"} in ${INDICATOR_ARCHIVE_DIR}`);
