// Vitest global setup: the temporary folders tests create (fixture datasets, fixture sites, broken copies of dist/)
// are removed when the run ends, so repeated runs do not fill the disk.
import { readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Prefixes of the folders tests create with mkdtemp (tests/helpers and the build tests). */
const TEST_TEMP = /^(circularity-(data|site|content|links|bounded)-|archive-|links-)/;

export default function setup(): () => void {
  const started = Date.now();
  return () => {
    for (const name of readdirSync(tmpdir())) {
      if (!TEST_TEMP.test(name)) continue;
      const path = join(tmpdir(), name);
      // Only this run's folders: another run (or the bench) may be using older ones.
      if (statSync(path).mtimeMs >= started - 1000) rmSync(path, { recursive: true, force: true });
    }
  };
}
