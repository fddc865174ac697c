// The search page's script: Pagefind's JS API, filters with counts, results, and the query kept in the URL.
import { inflateSearchFilesNatively, preloadedEntryTag } from "./search-files.ts";

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** The sections (headings with ids) of the page that match, each with its own excerpt. */
  sub_results?: PagefindSubResult[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    q: string | null,
    o?: { filters?: Record<string, { any: string[] }> },
  ): Promise<{
    results: { data(): Promise<PagefindResult> }[];
    filters: Record<string, Record<string, number>>;
    totalFilters: Record<string, Record<string, number>>;
  }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const FILTER_ORDER = ["type", "company", "deal type", "amount", "era", "year"];
const PAGE_SIZE = 20;
/** Sections of one page listed under its result: enough to land on the right part of a long article. */
const SECTIONS_SHOWN = 3;

export async function startSearch(base: string): Promise<void> {
  const form = document.getElementById("search-form") as HTMLFormElement;
  const input = document.getElementById("search-input") as HTMLInputElement;
  const status = document.getElementById("search-status")!;
  const list = document.getElementById("search-results")!;
  const filterBox = document.getElementById("search-filters")!;
  // Filters start folded on a phone (so results do not jump down as they load) and open beside the results on a wide screen.
  const filterDetails = document.getElementById("filters-box") as HTMLDetailsElement;
  if (matchMedia("(min-width: 48rem)").matches) filterDetails.open = true;
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  const selected: Record<string, Set<string>> = {};
  for (const [key, value] of params) if (key !== "q") (selected[key] ??= new Set()).add(value);

  inflateSearchFilesNatively(base);
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  // Long analyses should not lose to short deal records just for being long; titles carry most weight, and a company's
  // own name (its page's "entity" metadata) puts its page first when the query is that name.
  await pagefind.options({
    // On the main thread: a worker adds a script round trip and a start-up before the first search, which costs
    // more than the index work it would move off the thread (measured in bench/results.md).
    noWorker: true,
    baseUrl: base,
    metaCacheTag: preloadedEntryTag(),
    excerptLength: 24,
    ranking: { pageLength: 0.1, termSaturation: 1.6, termFrequency: 0.8, metaWeights: { title: 5, entity: 40 } },
  });
  await pagefind.init();
  // The filter index loads after the first results are on screen, so its chunks do not compete with the search's.
  let allFilters: ReturnType<Pagefind["filters"]> | undefined;
  const filtersLoaded = () => (allFilters ??= pagefind.filters());
  let sequence = 0;
  let shown = 0;
  let results: { data(): Promise<PagefindResult> }[] = [];
  const more = document.getElementById("search-more") as HTMLButtonElement;

  /** Renders results [from, to) in order, each as soon as it and those above it have arrived; all are asked for at once. */
  const showResults = async (from: number, to: number, current: number) => {
    const pending = results.slice(from, to).map((r) => r.data());
    // A new search keeps the old list on screen until its own first result can replace it.
    if (from === 0 && !pending.length) list.replaceChildren();
    for (const [i, next] of pending.entries()) {
      const item = renderResult(await next);
      if (current !== sequence) return;
      if (from === 0 && i === 0) list.replaceChildren(item);
      else list.append(item);
    }
    shown = Math.min(to, results.length);
    more.hidden = shown >= results.length;
    more.textContent = `Show ${Math.min(PAGE_SIZE, results.length - shown)} more of ${results.length - shown}`;
  };
  more.addEventListener("click", () => void showResults(shown, shown + PAGE_SIZE, sequence));

  const run = async (push: boolean) => {
    const query = input.value.trim();
    const current = ++sequence;
    // Ticked options within a group widen the results (any of them); different groups narrow them (all groups).
    const filters = Object.fromEntries(
      Object.entries(selected)
        .filter(([, v]) => v.size)
        .map(([k, v]) => [k, { any: [...v] }]),
    );
    syncUrl(query, push);
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "Type a word or an amount such as “backstop”, “Trainium”, “$100B” or “AT&T”.";
      renderFilters(await filtersLoaded(), {});
      return;
    }
    const search = await pagefind.search(query || null, { filters });
    if (current !== sequence) return;
    results = search.results;
    await showResults(0, PAGE_SIZE, current);
    if (current !== sequence) return;
    status.textContent = `${results.length} result${results.length === 1 ? "" : "s"}${query ? ` for “${query}”` : ""}.`;
    // Counts come with a search only once the filter index has loaded; if the first search beat it, ask again (cached).
    await filtersLoaded();
    const counted = Object.keys(search.totalFilters ?? {}).length ? search : await pagefind.search(query || null, { filters });
    if (current !== sequence) return;
    renderFilters(counted.totalFilters, counted.filters);
  };

  const syncUrl = (query: string, push: boolean) => {
    const next = new URLSearchParams();
    if (query) next.set("q", query);
    for (const key of Object.keys(selected).sort()) for (const v of [...selected[key]!].sort()) next.append(key, v);
    const url = `${location.pathname}${next.size ? `?${next}` : ""}`;
    if (url !== `${location.pathname}${location.search}`) history[push ? "pushState" : "replaceState"](null, "", url);
  };

  const renderFilters = (totals: Record<string, Record<string, number>>, counts: Record<string, Record<string, number>>) => {
    const groups = Object.keys(totals).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    filterBox.replaceChildren(
      ...groups.flatMap((group) => {
        const fieldset = document.createElement("fieldset");
        const legend = document.createElement("legend");
        legend.textContent = group;
        fieldset.append(legend);
        // Options that would empty the results are left out, unless the reader has ticked them.
        const values = Object.keys(totals[group]!)
          .filter((value) => (counts[group]?.[value] ?? totals[group]![value] ?? 0) > 0 || selected[group]?.has(value))
          .sort((a, b) => (group === "year" ? b.localeCompare(a) : group === "amount" ? sizeOf(a) - sizeOf(b) : a.localeCompare(b)));
        for (const value of values) {
          const label = document.createElement("label");
          const box = document.createElement("input");
          box.type = "checkbox";
          box.checked = selected[group]?.has(value) ?? false;
          box.addEventListener("change", () => {
            const set = (selected[group] ??= new Set());
            if (box.checked) set.add(value);
            else set.delete(value);
            void run(true);
          });
          const n = counts[group]?.[value] ?? totals[group]![value] ?? 0;
          label.append(box, document.createTextNode(`${value} (${n})`));
          fieldset.append(label);
        }
        return fieldset.querySelector("label") ? [fieldset] : [];
      }),
    );
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(false), 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run(true);
  });
  window.addEventListener("popstate", () => {
    const p = new URLSearchParams(location.search);
    input.value = p.get("q") ?? "";
    for (const key of Object.keys(selected)) delete selected[key];
    for (const [key, value] of p) if (key !== "q") (selected[key] ??= new Set()).add(value);
    void run(false);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && document.activeElement !== input && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      input.focus();
    }
  });
  await run(false);
  if (!input.value) input.focus();
}

/** Orders amount buckets by size: "Under $1B" first, "Undisclosed" last. */
function sizeOf(bucket: string): number {
  if (bucket.startsWith("Under")) return -1;
  const n = /\$(\d+)/.exec(bucket);
  return n ? Number(n[1]) : Infinity;
}

function rank(group: string): number {
  const i = FILTER_ORDER.indexOf(group);
  return i === -1 ? FILTER_ORDER.length : i;
}

function renderResult(r: PagefindResult): HTMLLIElement {
  const li = document.createElement("li");
  const kind = document.createElement("span");
  kind.className = "kind";
  kind.textContent = r.filters.type?.[0] ?? "page";
  const h3 = document.createElement("h3");
  const a = document.createElement("a");
  a.href = r.url;
  a.textContent = r.meta.title ?? r.url;
  h3.append(a);
  const excerpt = document.createElement("p");
  // Pagefind's excerpt is escaped text with <mark> around matches; keep only those marks.
  excerpt.innerHTML = r.excerpt.replace(/<(?!\/?mark>)[^>]*>/g, "");
  const url = document.createElement("p");
  url.className = "url";
  url.textContent = new URL(r.url, location.origin).pathname;
  li.append(kind, h3, excerpt, url);
  // A long article matches in several sections: link straight to them (a chart, "What is uncertain", a table).
  // Only articles: on record pages the headings are page furniture ("Sources", "Deals"), not places to land.
  const sections = r.filters.type?.includes("article")
    ? (r.sub_results ?? []).filter((sub) => sub.url.includes("#") && sub.url !== r.url).slice(0, SECTIONS_SHOWN)
    : [];
  if (sections.length) {
    const list = document.createElement("ul");
    list.className = "sections";
    list.setAttribute("aria-label", `Matching sections of ${a.textContent}`);
    for (const sub of sections) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = sub.url;
      link.textContent = sub.title;
      const text = document.createElement("span");
      text.innerHTML = sub.excerpt.replace(/<(?!\/?mark>)[^>]*>/g, "");
      item.append(link, " ", text);
      list.append(item);
    }
    li.append(list);
  }
  if (r.meta.image) {
    const img = document.createElement("img");
    img.src = r.meta.image;
    img.alt = "";
    img.width = 144;
    img.height = 96;
    img.className = "thumb";
    img.loading = "lazy";
    li.prepend(img);
  }
  return li;
}
