// How the search page's script fetches Pagefind's files.

/**
 * The cache tag of Pagefind's entry file, read off the preload the build wrote (src/build/search-index.ts), so that
 * Pagefind asks for exactly the URL already on its way. Without a tag Pagefind asks for a new URL on every visit.
 */
export function preloadedEntryTag(): string | undefined {
  const preload = document.querySelector<HTMLLinkElement>('link[rel="preload"][href*="pagefind-entry.json?ts="]');
  return preload ? (new URL(preload.href).searchParams.get("ts") ?? undefined) : undefined;
}

/** Pagefind's gzip-compressed files: its WebAssembly, index metadata, index chunks, fragments and filter chunks. */
const COMPRESSED_FILE = /\.(?:pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/;

/**
 * Pagefind inflates each of its files with a gzip decoder written in JavaScript, unless the bytes it receives already
 * begin with its "pagefind_dcd" signature (as they do when a host has decompressed them). The browser's own
 * DecompressionStream does the same work natively: on this machine it brought the first search forward by about
 * 50 ms of the 150 to 200 that Pagefind spends before its first results. Files are still sent compressed.
 */
export function inflateSearchFilesNatively(base: string): void {
  if (typeof DecompressionStream === "undefined") return;
  const fetchFromNetwork = window.fetch.bind(window);
  const dir = new URL(`${base}pagefind/`, location.href).href;
  window.fetch = async (input, init) => {
    const response = await fetchFromNetwork(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!response.ok || !response.body || !url.href.startsWith(dir) || !COMPRESSED_FILE.test(url.pathname)) return response;
    return new Response(response.body.pipeThrough(new DecompressionStream("gzip")));
  };
}
