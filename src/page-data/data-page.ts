// What /data/ shows: every release newest first, the changelog with revision reasons, the evidence breakdown per
// release, and the schema.org Dataset description with every release's files.
import type { Release, ReleaseHistory } from "../dataset/load.ts";
import { recordChanges, type RecordChange, type RecordList } from "../dataset/changes.ts";
import { evidenceBreakdown, sourceKindsByUrl, SOURCE_KIND_LABEL, type Evidence } from "../dataset/evidence.ts";
import { METRIC_LABEL, RECORD_NOUN } from "../dataset/labels.ts";
import { activeEntities } from "../dataset/selectors.ts";
import { absoluteUrl, href, paths } from "../lib/urls.ts";
import { formatDate } from "../lib/dates.ts";
import { SITE } from "../site.config.ts";

const CHANGE_ORDER: readonly RecordChange["change"][] = ["added", "revised", "removed"];
const CHANGE_HEADING: Record<RecordChange["change"], string> = { added: "Added", revised: "Revised, with what changed and why", removed: "Removed, and why" };
const LIST_ORDER: readonly RecordList[] = ["deals", "entities", "metrics", "financing"];

const withPages = new WeakMap<Release, ReadonlySet<string>>();
/** The companies that have a page in a release (those some deal or financing record names), worked out once per release. */
function companiesWithPages(release: Release): ReadonlySet<string> {
  let ids = withPages.get(release);
  if (!ids) withPages.set(release, (ids = new Set(activeEntities(release.dataset).map((e) => e.id))));
  return ids;
}

/**
 * A record as a changelog row names it: its title or name as of `release` (the release that changed it, or the one
 * before for a removal), and where to read it. A deal links to its page as of that release (which never changes);
 * a company, metric or financing entry links to its live place while the current release still holds it.
 */
export function changelogRecord(list: RecordList, id: string, release: Release, current: Release): { name: string; path?: string } {
  const { dataset } = release;
  const companyPages = companiesWithPages(current);
  const entityName = (entityId: string) => dataset.entities.find((e) => e.id === entityId)?.name ?? entityId;
  const inCurrent = (current.dataset[list] as { id: string }[]).some((r) => r.id === id);
  if (list === "deals") {
    const deal = dataset.deals.find((d) => d.id === id);
    return { name: deal?.title ?? id, ...(deal ? { path: paths.dealVersion(id, release.version) } : {}) };
  }
  if (list === "entities") return { name: entityName(id), ...(companyPages.has(id) ? { path: paths.company(id) } : {}) };
  if (list === "metrics") {
    const metric = dataset.metrics.find((m) => m.id === id);
    if (!metric) return { name: id };
    return {
      name: `${entityName(metric.entity)}: ${METRIC_LABEL[metric.metric]} (${metric.period})`,
      ...(inCurrent ? { path: paths.companyMetric(metric.entity, id) } : {}),
    };
  }
  const financing = dataset.financing.find((f) => f.id === id);
  return { name: financing?.title ?? id, ...(inCurrent ? { path: paths.financingRecord(id) } : {}) };
}

/**
 * The changelog, newest release first: each release's counts in words, and every record it added, revised or
 * removed, by name and linked, with what changed and the release's reason. One account of changes with the feeds
 * (recordChanges).
 */
export function changelog({ releases, current }: ReleaseHistory) {
  const changes = recordChanges(releases);
  return releases
    .slice(1)
    .map((release, i) => {
      const previous = releases[i]!;
      const own = changes.filter((c) => c.version === release.version);
      const count = (change: RecordChange["change"]) => own.filter((c) => c.change === change).length;
      const rows = [...own]
        .sort((a, b) => CHANGE_ORDER.indexOf(a.change) - CHANGE_ORDER.indexOf(b.change) || LIST_ORDER.indexOf(a.list) - LIST_ORDER.indexOf(b.list))
        .map((c) => {
          const record = changelogRecord(c.list, c.id, c.change === "removed" ? previous : release, current);
          return {
            anchor: `rev-${release.version}-${c.id}`,
            kind: RECORD_NOUN[c.list],
            id: c.id,
            name: record.name,
            path: record.path ? href(record.path) : undefined,
            change: c.change,
            what: c.change === "revised" ? (c.what ?? c.fields.join(", ")) : "",
            reason: c.reason ?? "",
          };
        });
      return {
        version: release.version,
        previous: previous.version,
        released: { datetime: release.released, text: formatDate(release.released, "day", "long") },
        summary: CHANGE_ORDER.map((change) => `${count(change)} ${change}`).join(", "),
        rows,
        // Additions are a list of names; revisions and removals a table with what changed and why.
        groups: CHANGE_ORDER.map((change) => ({ change, heading: CHANGE_HEADING[change], rows: rows.filter((r) => r.change === change) })).filter(
          (g) => g.rows.length > 0,
        ),
      };
    })
    .reverse();
}

export function dataPage({ releases, current }: ReleaseHistory) {
  const newestFirst = [...releases].reverse();
  // Release 1.0.0 predates graded sources: its pages are graded by the kinds the newest release gives the same URLs.
  const kindOfUrl = sourceKindsByUrl(current.dataset);
  return {
    releases,
    current,
    newestFirst,
    changelog: changelog({ releases, current }),
    evidence: newestFirst.map((r) => ({
      version: r.version,
      retro: r.dataset.deals.some((d) => d.sources.some((s) => !s.kind)),
      rows: evidenceBreakdown(r.dataset, kindOfUrl),
    })),
    evidenceLabel: (e: Evidence) => (e === "ungraded" ? "Not graded" : SOURCE_KIND_LABEL[e]),
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
