// What /data/ shows: every release newest first, the changelog with revision reasons, the evidence breakdown per
// release, and the schema.org Dataset description with every release's files.
import type { ReleaseHistory } from "../dataset/load.ts";
import { diffDatasets } from "../dataset/diff.ts";
import { evidenceBreakdown, sourceKindsByUrl, SOURCE_KIND_LABEL, type Evidence } from "../dataset/evidence.ts";
import { absoluteUrl, href, paths } from "../lib/urls.ts";
import { SITE } from "../site.config.ts";

export function dataPage({ releases, current }: ReleaseHistory) {
  const newestFirst = [...releases].reverse();
  // Release 1.0.0 predates graded sources: its pages are graded by the kinds the newest release gives the same URLs.
  const kindOfUrl = sourceKindsByUrl(current.dataset);
  return {
    releases,
    current,
    newestFirst,
    changelog: releases
      .slice(1)
      .map((r, i) => ({
        version: r.version,
        previous: releases[i]!.version,
        diff: diffDatasets(releases[i]!.dataset, r.dataset),
        reasons: r.dataset.revisions.filter((x) => x.version === r.version),
      }))
      .reverse(),
    evidence: newestFirst.map((r) => ({
      version: r.version,
      retro: r.dataset.deals.some((d) => d.sources.some((s) => !s.kind)),
      rows: evidenceBreakdown(r.dataset, kindOfUrl),
    })),
    evidenceLabel: (e: Evidence) => (e === "ungraded" ? "Not graded" : SOURCE_KIND_LABEL[e]),
    recordHref: (list: string, id: string) => (list === "deals" ? href(paths.deal(id)) : list === "entities" ? href(paths.company(id)) : undefined),
    // schema.org Dataset: what dataset search engines index, with every release's files as distributions.
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "Dataset",
      name: `${SITE.name} dataset`,
      description: SITE.description,
      url: absoluteUrl(paths.data()),
      version: current.version,
      dateModified: current.released,
      license: SITE.contentLicence.url,
      creator: { "@type": "Organization", name: SITE.publisher, url: absoluteUrl("") },
      isAccessibleForFree: true,
      keywords: ["AI", "circular investing", "vendor financing", "OpenAI", "Nvidia", "telecom bubble"],
      distribution: releases.flatMap((r) => [
        {
          "@type": "DataDownload",
          name: `v${r.version} JSON`,
          encodingFormat: "application/json",
          contentUrl: absoluteUrl(paths.dataDownload(r.version, "json")),
          version: r.version,
          uploadDate: r.released,
        },
        {
          "@type": "DataDownload",
          name: `v${r.version} deals CSV`,
          encodingFormat: "text/csv",
          contentUrl: absoluteUrl(paths.dataDownload(r.version, "csv")),
          version: r.version,
          uploadDate: r.released,
        },
      ]),
    },
  };
}
