// Frozen renderings of charts at each released dataset version: what a pinned (cited) URL shows forever,
// even after the chart's code changes. Written once by `npm run charts:archive`, never overwritten.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { RenderedChart } from "./chart-render.ts";
import { ArchivedChart } from "../schemas/archive.ts";

export const ARCHIVE_DIR = resolve(process.env.CIRCULARITY_ARCHIVE_DIR ?? "archive/charts");

export function archivePath(id: string, version: string, dir = ARCHIVE_DIR, asOf?: string): string {
  return join(dir, id, asOf ? `v${version}-as-of-${asOf}.json` : `v${version}.json`);
}

export function readArchived(id: string, version: string, dir = ARCHIVE_DIR, asOf?: string): RenderedChart | undefined {
  const path = archivePath(id, version, dir, asOf);
  if (!existsSync(path)) return undefined;
  const parsed = ArchivedChart.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    throw new Error(`${path}: not a valid archived chart: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

/** Writes the archive entry if there is none; returns false when one already exists (it is never replaced). */
export function writeArchived(chart: RenderedChart, dir = ARCHIVE_DIR): boolean {
  const path = archivePath(chart.id, chart.version, dir, chart.asOf);
  if (existsSync(path)) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(chart, null, 1) + "\n");
  return true;
}

/**
 * Entries the archive script would back-date: a chart that would be written at a release whose archive was already
 * cut (some other chart has an entry there) though this chart has none. Those pinned URLs were never published, so
 * writing them would invent history; the fix is a later `since` on the chart.
 */
export function backdatedEntries(wanted: readonly { id: string; version: string }[], dir = ARCHIVE_DIR): { id: string; version: string }[] {
  const cut = new Set(wanted.filter((w) => existsSync(archivePath(w.id, w.version, dir))).map((w) => w.version));
  return wanted.filter((w) => cut.has(w.version) && !existsSync(archivePath(w.id, w.version, dir))).map(({ id, version }) => ({ id, version }));
}
