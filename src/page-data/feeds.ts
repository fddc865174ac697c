// The Atom feeds' entries: one per release for /data/feed.xml, one per record change for each company's feed.
import type { Release } from "../dataset/load.ts";
import { changesOfEntity, recordChanges, type RecordChange } from "../dataset/changes.ts";
import { entitiesById } from "../dataset/selectors.ts";
import { atomXml, type AtomEntry } from "../lib/atom.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";
import { SITE } from "../site.config.ts";

const LIST_NOUN = { entities: "company record", deals: "deal", metrics: "metric", financing: "financing record" } as const;

function recordUrl(change: RecordChange): string {
  if (change.list === "deals" && change.change !== "removed") return absoluteUrl(paths.deal(change.id));
  if (change.list === "entities" && change.change !== "removed") return absoluteUrl(paths.company(change.id));
  if (change.list === "financing") return absoluteUrl(`${paths.financing()}#${change.id}`);
  return absoluteUrl(`${paths.data()}#v${change.version}`);
}

function recordTitle(change: RecordChange, releases: readonly Release[]): string {
  const release = releases.find((r) => r.version === change.version)!;
  const list = release.dataset[change.list] as { id: string; title?: string; name?: string }[];
  const record = list.find((r) => r.id === change.id);
  const label = record?.title ?? record?.name ?? change.id;
  const verb = change.change === "added" ? "Added" : change.change === "revised" ? `Revised (${change.fields.join(", ")})` : "Removed";
  return `${verb} in v${change.version}: ${label}`;
}

function changeEntry(change: RecordChange, releases: readonly Release[]): AtomEntry {
  const summary =
    change.change === "added"
      ? `New ${LIST_NOUN[change.list]} in dataset v${change.version}.`
      : change.change === "revised"
        ? `Dataset v${change.version} revised ${change.fields.join(", ")}. ${change.reason ?? "No reason recorded (release predates revision notes)."}`
        : `Withdrawn in dataset v${change.version}. ${change.reason ?? ""}`.trim();
  return {
    id: `tag:circularity,${change.released}:${change.list}/${change.id}/${change.version}/${change.change}`,
    title: recordTitle(change, releases),
    updated: change.released,
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
      updated: r.released,
      link: absoluteUrl(`${paths.data()}#v${r.version}`),
      summary: `${r.notes} ${count("added")} records added, ${count("revised")} revised, ${count("removed")} removed. SHA-256 ${r.sha256}.${revised.length ? ` Revisions: ${revised.join(" | ")}` : ""}`,
    };
  });
  return atomXml({
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
