// The Atom feeds' entries: one per release for /data/feed.xml, one per record change for each company's feed.
import type { Release } from "../dataset/load.ts";
import { changesOfEntity, recordChanges, type RecordChange } from "../dataset/changes.ts";
import { entitiesById } from "../dataset/selectors.ts";
import { RECORD_NOUN } from "../dataset/labels.ts";
import { atomXml, type AtomEntry } from "../lib/atom.ts";
import { absoluteUrl, href, paths } from "../lib/urls.ts";
import { SITE } from "../site.config.ts";
import { getHistory } from "../dataset/index.ts";
import { stableJson } from "../dataset/diff.ts";
import { INDICATORS } from "../indicators/index.ts";
import { formatIndicator } from "../indicators/records.ts";
import type { RecordRef } from "../indicators/types.ts";
import { indicatorVersions } from "../render/indicators.ts";

/** The XSL stylesheet that shows a feed opened in a browser as a page explaining how to follow it (public/). */
export const FEED_STYLESHEET = "feed.xsl";

function recordUrl(change: RecordChange): string {
  if (change.list === "deals" && change.change !== "removed") return absoluteUrl(paths.deal(change.id));
  if (change.list === "entities" && change.change !== "removed") return absoluteUrl(paths.company(change.id));
  if (change.list === "financing") return absoluteUrl(paths.financingRecord(change.id));
  return absoluteUrl(`${paths.data()}#v${change.version}`);
}

function recordTitle(change: RecordChange, releases: readonly Release[]): string {
  // A removed record is named as the release before had it: the release that removed it no longer holds it.
  const index = releases.findIndex((r) => r.version === change.version);
  const release = releases[change.change === "removed" && index > 0 ? index - 1 : index]!;
  const list = release.dataset[change.list] as { id: string; title?: string; name?: string }[];
  const record = list.find((r) => r.id === change.id);
  const label = record?.title ?? record?.name ?? change.id;
  const verb = change.change === "added" ? "Added" : change.change === "revised" ? `Revised (${change.fields.join(", ")})` : "Removed";
  return `${verb} in v${change.version}: ${label}`;
}

function changeEntry(change: RecordChange, releases: readonly Release[]): AtomEntry {
  const summary =
    change.change === "added"
      ? `New ${RECORD_NOUN[change.list]} in dataset v${change.version}.`
      : change.change === "revised"
        ? `Dataset v${change.version} revised it: ${change.what}. ${change.reason ?? "The release recorded no reason for this revision."}`
        : `Withdrawn in dataset v${change.version}. ${change.reason ?? ""}`.trim();
  return {
    id: `tag:circularity,${change.released}:${change.list}/${change.id}/${change.version}/${change.change}`,
    title: recordTitle(change, releases),
    updated: change.publishedAt,
    link: recordUrl(change),
    summary,
  };
}

/** Releases, newest first, each summarising what it added and revised. */
export function datasetFeed(releases: readonly Release[]): string {
  const changes = recordChanges(releases);
  const entries = [...releases].reverse().map((r): AtomEntry => {
    const mine = changes.filter((c) => c.version === r.version);
    const count = (kind: RecordChange["change"]) => mine.filter((c) => c.change === kind).length;
    const revised = mine.filter((c) => c.change === "revised" && c.reason).map((c) => `${c.id}: ${c.reason}`);
    return {
      id: `tag:circularity,${r.released}:release/${r.version}`,
      title: `Dataset v${r.version} released`,
      updated: r.publishedAt,
      link: absoluteUrl(`${paths.data()}#v${r.version}`),
      summary: `${/[.!?]$/.test(r.notes) ? r.notes : `${r.notes}.`} ${count("added")} ${count("added") === 1 ? "record" : "records"} added, ${count("revised")} revised, ${count("removed")} removed. SHA-256 ${r.sha256}.${revised.length ? ` Revisions: ${revised.join(" | ")}` : ""}`,
    };
  });
  return atomXml({
    stylesheet: href(FEED_STYLESHEET),
    id: absoluteUrl(paths.dataFeed()),
    title: `${SITE.name}: dataset releases`,
    subtitle: "Every release of the Circularity dataset, with what it added and why it revised what it revised.",
    self: absoluteUrl(paths.dataFeed()),
    alternate: absoluteUrl(paths.data()),
    author: SITE.publisher,
    rights: SITE.contentLicence.name,
    entries,
  });
}

/** New, revised and removed records that concern one company, newest release first. */
export function companyFeed(releases: readonly Release[], entityId: string): string {
  const current = releases.at(-1)!;
  const name = entitiesById(current.dataset).get(entityId)?.name ?? entityId;
  const entries = [...changesOfEntity(releases, entityId)].reverse().map((c) => changeEntry(c, releases));
  return atomXml({
    stylesheet: href(FEED_STYLESHEET),
    id: absoluteUrl(paths.companyFeed(entityId)),
    title: `${SITE.name}: ${name}`,
    subtitle: `New and revised deals, financing and metrics involving ${name}, release by release, with the reason for each revision.`,
    self: absoluteUrl(paths.companyFeed(entityId)),
    alternate: absoluteUrl(paths.company(entityId)),
    author: SITE.publisher,
    rights: SITE.contentLicence.name,
    entries,
  });
}

/**
 * The monitor's feed: an entry for each release that moved an indicator, saying from what to what and which of its
 * input records were added, dropped or revised. Values are computed from each frozen release.
 */
function monitorFeedEntries() {
  const { releases } = getHistory();
  const entries: { id: string; title: string; updated: string; link: string; summary: string }[] = [];
  for (const module of INDICATORS) {
    let previous: { release: Release; value: number; inputs: RecordRef[] } | undefined;
    for (const release of releases) {
      const result = module.compute(release.dataset);
      if (!result) continue;
      const now = { release, value: result.value, inputs: result.inputs };
      const show = (v: number) => formatIndicator(v, module.unit);
      if (!previous || show(previous.value) !== show(now.value)) {
        const before = new Set(previous?.inputs ?? []);
        const added = now.inputs.filter((r) => !before.has(r));
        const dropped = [...before].filter((r) => !now.inputs.includes(r));
        const revised = previous
          ? now.inputs.filter((r) => before.has(r) && stableJson(findRecord(previous!.release, r)) !== stableJson(findRecord(release, r)))
          : [];
        const moved = [
          added.length && `added ${added.join(", ")}`,
          dropped.length && `dropped ${dropped.join(", ")}`,
          revised.length && `revised ${revised.join(", ")}`,
        ]
          .filter(Boolean)
          .join("; ");
        const summary = previous
          ? `${module.title}: ${show(previous.value)} in v${previous.release.version}, ${show(now.value)} in v${release.version}. Records that moved it: ${moved || "none (the same records, read again)"}. ${module.formula}.`
          : `${module.title}: ${show(now.value)}, the first release with its inputs (v${release.version}). ${module.formula}.`;
        const pinned = indicatorVersions(module.id).includes(release.version);
        entries.push({
          id: `tag:circularity,${release.released}:monitor/${module.id}/${release.version}`,
          title: `${module.title}: ${show(now.value)} in v${release.version}`,
          updated: release.publishedAt,
          link: absoluteUrl(pinned ? paths.indicatorPinned(module.id, release.version) : paths.indicator(module.id)),
          summary,
        });
      }
      previous = now;
    }
  }
  return entries.sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
}

function findRecord(release: Release, ref: RecordRef): unknown {
  const [kind, id] = ref.split(":") as [string, string];
  const list = kind === "deal" ? release.dataset.deals : kind === "financing" ? release.dataset.financing : release.dataset.metrics;
  return list.find((r) => r.id === id);
}

/** The monitor's feed: each release that moved an indicator, by how much, and the records that moved it. */
export function monitorFeed(): string {
  return atomXml({
    stylesheet: href(FEED_STYLESHEET),
    id: absoluteUrl(paths.monitorFeed()),
    title: `${SITE.name}: the monitor`,
    subtitle: "Each release that moves an indicator of how circular AI financing is: by how much, and which records moved it.",
    self: absoluteUrl(paths.monitorFeed()),
    alternate: absoluteUrl(paths.monitor()),
    author: SITE.publisher,
    rights: SITE.contentLicence.name,
    entries: monitorFeedEntries(),
  });
}
