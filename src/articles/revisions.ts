// Collects figures that a later release revised, so the build can list the articles to review.

export interface Revision {
  article: string;
  record: string;
  field: string;
  was: string;
  now: string;
  version: string;
}

const seen = new Map<string, Revision>();

export function recordRevision(revision: Revision): void {
  const key = `${revision.article}|${revision.record}|${revision.field}`;
  if (!seen.has(key)) {
    seen.set(key, revision);
    console.warn(
      `[circularity] review ${revision.article}: ${revision.record} ${revision.field} was ${revision.was}, revised in v${revision.version} to ${revision.now}`,
    );
  }
}

export function revisions(): Revision[] {
  return [...seen.values()];
}
