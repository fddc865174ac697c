// Builds the Pagefind index inside the Astro build (Pagefind's Node API), so a failed index fails the build.
import * as pagefind from "pagefind";
import { join } from "node:path";

export async function writeSearchIndex(site: string): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  // "$" and "&" are part of words here: readers search "$100B" and "AT&T" as they are written.
  const { index, errors } = await pagefind.createIndex({ includeCharacters: "$&" });
  if (!index) throw new Error(`pagefind: could not start: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`pagefind: indexing ${site} failed: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: join(site, "pagefind") });
    if (written.errors.length) throw new Error(`pagefind: writing the index failed: ${written.errors.join("; ")}`);
    return { pages: added.page_count, ms: performance.now() - started };
  } finally {
    await pagefind.close();
  }
}
