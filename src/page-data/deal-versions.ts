// Per-version deal pages, /deals/<id>/v<version>/, the URL a deal's citation and RIS name. A page is written only
// for a record content that a later release changed; the other versions resolve by redirect to the page that shows
// their content (the live page, for the content the newest release holds), so the 100× site stays small.
import type { Release } from "../dataset/load.ts";
import { dealRuns, type DealRun } from "../dataset/record-versions.ts";
import { paths } from "../lib/urls.ts";

/** The frozen pages to write: one per superseded content of each deal. */
export function frozenDealPages(releases: readonly Release[]): { id: string; run: DealRun; release: Release; next?: DealRun }[] {
  return [...dealRuns(releases)].flatMap(([id, runs]) =>
    runs
      .map((run, i) => ({ id, run, next: runs[i + 1] }))
      .filter(({ run }) => !run.current)
      .map(({ id, run, next }) => ({ id, run, next, release: releases.find((r) => r.version === run.first)! })),
  );
}

/** Where each version URL of each deal leads: its content's frozen page, or the live page for the current content. */
export function dealVersionRedirects(releases: readonly Release[]): { from: string; to: string }[] {
  return [...dealRuns(releases)].flatMap(([id, runs]) =>
    runs.flatMap((run) =>
      run.versions
        .filter((v) => run.current || v !== run.first)
        .map((v) => ({ from: paths.dealVersion(id, v), to: run.current ? paths.deal(id) : paths.dealVersion(id, run.first) })),
    ),
  );
}

/** What the frozen page says about its place in the record's history. */
export function frozenNote(run: DealRun, next: DealRun | undefined): string {
  const span = run.versions.length > 1 ? `releases v${run.versions[0]} to v${run.versions.at(-1)}` : `release v${run.first}`;
  return next
    ? `This is the record as ${span} held it. Release v${next.first} revised it; the live page shows the record now.`
    : `This is the record as ${span} held it. Later releases withdrew it.`;
}
