// Builds the Pagefind index inside the Astro build (Pagefind's Node API), so a failed index fails the build.
import * as pagefind from "pagefind";
import { join } from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import { BASE_PATH } from "../site.config.ts";
import { paths } from "../lib/urls.ts";

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

/**
 * Starts the search page's critical fetches from its HTML: Pagefind's script, its entry file, its WebAssembly and the
 * index's metadata would otherwise wait for the page's own script to run and ask for them one after another. The file
 * names are only known once the index is written, so the links are added to the built page here. The entry file is
 * asked for with a cache tag (Pagefind's `metaCacheTag`, here the index's hash, which the page's script reads off
 * this preload) instead of Pagefind's default per-visit timestamp, which no preload could match.
 */
export function preloadSearchFiles(site: string): string[] {
  const entry = JSON.parse(readFileSync(join(site, "pagefind", "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { hash: string; wasm: string }>;
  };
  const language = entry.languages.en ?? Object.values(entry.languages)[0]!;
  const dir = `${BASE_PATH}pagefind/`;
  const files = [
    `${dir}pagefind.js`,
    `${dir}pagefind-entry.json?ts=${language.hash}`,
    `${dir}wasm.${language.wasm}.pagefind`,
    `${dir}pagefind.${language.hash}.pf_meta`,
  ];
  const links = [`<link rel="modulepreload" href="${files[0]}">`, ...files.slice(1).map((f) => `<link rel="preload" href="${f}" as="fetch" crossorigin>`)].join(
    "",
  );
  const page = join(site, paths.search(), "index.html");
  const html = readFileSync(page, "utf8");
  if (!html.includes("</head>")) throw new Error(`${page}: no </head> to add the search preloads to`);
  writeFileSync(page, html.replace("</head>", `${links}</head>`));
  return files;
}
