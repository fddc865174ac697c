// What the build and the search page's script agree on about Pagefind's files. A leaf: no imports.

/** The meta tag through which the build tells the search page the index's cache tag (see `preloadSearchFiles`). */
export const SEARCH_CACHE_TAG_META = "pagefind-cache-tag";

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
