// Vitest global setup: the temporary folders tests create (fixture datasets and sites, broken copies of dist/, in the
// system temp folder or tests/.tmp) are removed when the run ends, so repeated runs do not fill the disk.
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEST_TMP } from "./build-site.ts";

/** Prefixes of the folders tests create with mkdtemp in the system's temp folder; builds use TEST_TMP instead. */
const SYSTEM_TEMP = /^(circularity-(data|links|bounded)-|archive-|links-)/;

export default function setup(): () => void {
  const started = Date.now();
  return () => {
    // Only this run's folders: another run (or the bench) may be using older ones.
    const remove = (dir: string, name: string) => {
      const path = join(dir, name);
      if (statSync(path).mtimeMs >= started - 1000) rmSync(path, { recursive: true, force: true });
    };
    for (const name of readdirSync(tmpdir())) if (SYSTEM_TEMP.test(name)) remove(tmpdir(), name);
    if (existsSync(TEST_TMP)) for (const name of readdirSync(TEST_TMP)) remove(TEST_TMP, name);
  };
}
