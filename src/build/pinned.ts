// What counts as a pinned file in the built site, for the pinned-file lock (scripts/pinned-lock.ts) and its build test.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const PINNED_LOCK = join(import.meta.dirname, "..", "..", "archive", "pinned.lock.json");

/**
 * A download pinned to a release: any non-HTML file under a …/v<version>/ folder (charts, indicators) or a release's
 * own files (/data/<version>.json, /data/<version>.csv, /data/<version>/…). Pages (HTML) carry the site's chrome,
 * which may change; what they cite may not.
 */
export function isPinned(url: string): boolean {
  if (url.endsWith(".html")) return false;
  return /\/v\d+\.\d+\.\d+\//.test(url) || /^\/data\/\d+\.\d+\.\d+(\/|\.json$|\.csv$)/.test(url);
}

export function pinnedFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const url = "/" + relative(dist, path).split(sep).join("/");
        if (isPinned(url)) out.push(url);
      }
    }
  };
  walk(dist);
  return out.sort();
}

export function sha256File(dist: string, url: string): string {
  return createHash("sha256")
    .update(readFileSync(join(dist, url)))
    .digest("hex");
}
