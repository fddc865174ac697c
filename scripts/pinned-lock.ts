// `npm run pinned:lock`: records the SHA-256 of every file the built site pins to a release (chart and indicator
// downloads under …/v<version>/, the release files under /data/<version>…) in archive/pinned.lock.json. Run it after
// building a new release. It only adds files: a pinned file whose bytes differ from its lock entry is an error,
// since its permalink has already been cited (the build test "pinned files" checks the same on every build).
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { resolve } from "node:path";
import { PINNED_LOCK, pinnedFiles, sha256File } from "../src/build/pinned.ts";

const dist = resolve(process.argv[2] ?? "dist");
const lock = existsSync(PINNED_LOCK) ? (JSON.parse(readFileSync(PINNED_LOCK, "utf8")) as { note: string; files: Record<string, string> }) : null;
const files: Record<string, string> = { ...(lock?.files ?? {}) };
const changed: string[] = [];
let added = 0;
for (const url of pinnedFiles(dist)) {
  const sha = sha256File(dist, url);
  if (!(url in files)) {
    files[url] = sha;
    added++;
  } else if (files[url] !== sha) changed.push(url);
}
if (changed.length) {
  console.error(`pinned files whose bytes changed (their permalinks are published; restore them):\n  ${changed.join("\n  ")}`);
  process.exit(1);
}
const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
const note =
  "Every file the site pins to a release, with the SHA-256 of its bytes when first published. `npm run pinned:lock` adds new ones; the build test 'pinned files' fails if one changes or disappears.";
writeFileSync(PINNED_LOCK, JSON.stringify({ note, files: sorted }, null, 1) + "\n");
console.log(`pinned.lock.json: ${Object.keys(sorted).length} files (${added} added)`);
