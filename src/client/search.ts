// The search page's script: Pagefind's JS API, filters with counts, results, and the query kept in the URL.
import { inflateSearchFilesNatively, preloadedEntryTag } from "./search-files.ts";
import { suggestion, titleFirst, type SearchName } from "./search-rank.ts";

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
// Ten results a page: the first page waits for every result's fragment (to put title matches first), and ten
// fragments paint sooner than Pagefind's own UI shows its first five (npm run bench, bench/results.md).
const PAGE_SIZE = 10;
/** Sections of one page listed under its result: enough to land on the right part of a long article. */
const SECTIONS_SHOWN = 3;
/**
 * Result types shown with their page's summary rather than the words around the match: a chart's or indicator's
 * match is usually in its table's cells, and a company's in its list of deals, where its description says more.
 */
const DESCRIBED_BY_SUMMARY = new Set(["chart", "indicator", "company"]);

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  list: HTMLElement;
  more: HTMLButtonElement;
  filterBox: HTMLElement;
  filterDetails: HTMLDetailsElement;
}

type HistoryEntry = "commit" | "type" | "keep";

/** What the URL asks for: the query, and the ticked filter options by group. */
interface SearchState {
  query: string;
  selected: Record<string, Set<string>>;
}

function elements(): Elements {
  return {
    form: document.getElementById("search-form") as HTMLFormElement,
    input: document.getElementById("search-input") as HTMLInputElement,
    status: document.getElementById("search-status")!,
    list: document.getElementById("search-results")!,
    more: document.getElementById("search-more") as HTMLButtonElement,
    filterBox: document.getElementById("search-filters")!,
    filterDetails: document.getElementById("filters-box") as HTMLDetailsElement,
  };
}

function stateFromUrl(search: string): SearchState {
  const params = new URLSearchParams(search);
  const selected: Record<string, Set<string>> = {};
  for (const [key, value] of params) if (key !== "q") (selected[key] ??= new Set()).add(value);
  return { query: params.get("q") ?? "", selected };
}

function urlOf(state: SearchState): string {
  const next = new URLSearchParams();
  if (state.query) next.set("q", state.query);
  for (const key of Object.keys(state.selected).sort()) for (const v of [...state.selected[key]!].sort()) next.append(key, v);
  return `${location.pathname}${next.size ? `?${next}` : ""}`;
}

/** The site's own names, carried by the page for "did you mean" (src/page-data/search-page.ts). */
function namesOnPage(): SearchName[] {
  const text = document.getElementById("search-names")?.textContent;
  return text ? (JSON.parse(text) as SearchName[]) : [];
}

async function loadPagefind(base: string): Promise<Pagefind> {
  inflateSearchFilesNatively(base);
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  // Long analyses should not lose to short deal records just for being long; titles carry most weight. A page whose
  // title is the query is put first by the page itself (titleFirst), so a company's name need not outweigh the rest.
  await pagefind.options({
    // On the main thread: a worker adds a script round trip and a start-up before the first search, which costs
    // more than the index work it would move off the thread (measured in bench/results.md).
    noWorker: true,
    baseUrl: base,
    metaCacheTag: preloadedEntryTag(),
    excerptLength: 24,
    ranking: { pageLength: 0.1, termSaturation: 1.6, termFrequency: 0.8, metaWeights: { title: 5, entity: 5 } },
  });
  await pagefind.init();
  return pagefind;
}

export async function startSearch(base: string): Promise<void> {
  const ui = elements();
  // Filters start folded on a phone (so results do not jump down as they load) and open beside the results on a wide screen.
  if (matchMedia("(min-width: 48rem)").matches) ui.filterDetails.open = true;
  const state = stateFromUrl(location.search);
  ui.input.value = state.query;
  const names = namesOnPage();
  const pagefind = await loadPagefind(base);
  // The filter index loads after the first results are on screen, so its chunks do not compete with the search's.
  let allFilters: ReturnType<Pagefind["filters"]> | undefined;
  const filtersLoaded = () => (allFilters ??= pagefind.filters());
  let sequence = 0;
  let shown = 0;
  let results: { data(): Promise<PagefindResult> }[] = [];
  /** The first page's titles and excerpts: a query word found there is not a misspelling. */
  let seenText = "";

  /** Results [from, to): the first page all at once, put in title order; later pages in Pagefind's order as they arrive. */
  const showResults = async (from: number, to: number, current: number, query: string) => {
    const pending = results.slice(from, to).map((r) => r.data());
    if (from === 0) {
      const loaded = await Promise.all(pending);
      if (current !== sequence) return;
      seenText = loaded.map((r) => `${r.meta.title ?? ""} ${r.excerpt.replace(/<[^>]*>/g, "")}`).join(" ");
      // A misspelt name ranks as the name it was meant to be: "coreweve" puts CoreWeave's page first.
      const suggested = suggestion(query, names, seenText);
      const page = titleFirst(suggested ? titleFirst(loaded, query, namesOfResult) : loaded, suggested ?? query, namesOfResult);
      ui.list.replaceChildren(...page.map(renderResult));
    } else {
      for (const next of pending) {
        const item = renderResult(await next);
        if (current !== sequence) return;
        ui.list.append(item);
      }
    }
    shown = Math.min(to, results.length);
    ui.more.hidden = shown >= results.length;
    ui.more.textContent = `Show ${Math.min(PAGE_SIZE, results.length - shown)} more of ${results.length - shown}`;
  };
  ui.more.addEventListener("click", () => void showResults(shown, shown + PAGE_SIZE, sequence, state.query));

  /**
   * How a search enters the history: "commit" (Enter, a filter, "did you mean") adds an entry, "type" adds one for
   * the first pause in typing and then keeps rewriting it, "keep" only rewrites. So Back after typing and pressing
   * Enter returns to the query before, however long the reader paused.
   */
  let typing = false;
  const run = async (entry: HistoryEntry) => {
    state.query = ui.input.value.trim();
    const query = state.query;
    const current = ++sequence;
    const filters = pagefindFilters(state);
    const url = urlOf(state);
    const push = entry === "commit" ? !typing : entry === "type" && !typing;
    typing = entry === "type";
    if (url !== `${location.pathname}${location.search}`) history[push ? "pushState" : "replaceState"](null, "", url);
    if (!query && !Object.keys(filters).length) {
      ui.list.replaceChildren();
      ui.more.hidden = true;
      ui.status.textContent = "Type a word or an amount such as “backstop”, “Trainium”, “$100B” or “AT&T”.";
      renderFilters(ui.filterBox, state, await filtersLoaded(), {}, () => void run("commit"));
      return;
    }
    let search = await pagefind.search(query || null, { filters });
    if (current !== sequence) return;
    // A misspelt name that matches nothing ("coreweve") shows the results for the name it was meant to be, and says so.
    const meant = query && !search.results.length ? suggestion(query, names, "") : undefined;
    if (meant) search = await pagefind.search(meant, { filters });
    if (current !== sequence) return;
    results = search.results;
    seenText = "";
    await showResults(0, PAGE_SIZE, current, query);
    if (current !== sequence) return;
    const count = (n: number) => `${n} result${n === 1 ? "" : "s"}`;
    ui.status.textContent = meant
      ? `0 results for “${query}”; showing ${count(results.length)} for “${meant}”.`
      : `${count(results.length)}${query ? ` for “${query}”` : ""}.`;
    offerSuggestion(ui.status, suggestion(query, names, seenText) ?? meant);
    // Counts come with a search only once the filter index has loaded; if the first search beat it, ask again (cached).
    await filtersLoaded();
    // Counted for the query whose results are shown: the name it was meant to be, when the misspelling matched nothing.
    const counted = Object.keys(search.totalFilters ?? {}).length ? search : await pagefind.search(meant || query || null, { filters });
    if (current !== sequence) return;
    renderFilters(ui.filterBox, state, counted.totalFilters, counted.filters, () => void run("commit"));
  };

  listen(ui, state, run);
  await run("keep");
  if (!ui.input.value) ui.input.focus();
}

/** What Pagefind is asked to filter by: ticked options within a group widen the results (any of them); different groups narrow them (all groups). */
function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  return Object.fromEntries(
    Object.entries(state.selected)
      .filter(([, v]) => v.size)
      .map(([k, v]) => [k, { any: [...v] }]),
  );
}

/** A result's names as titleFirst reads them: its title, a company's other names, an article's topics. */
function namesOfResult(r: PagefindResult) {
  return { title: r.meta.title ?? "", otherNames: r.meta.entity?.split("; "), topics: r.meta.topics?.split("; ") };
}

/** Typing (after a pause), submitting, going back, "did you mean" and "/" all run a search. */
function listen(ui: Elements, state: SearchState, run: (entry: HistoryEntry) => Promise<void>): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  ui.input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run("type"), 150);
  });
  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run("commit");
  });
  window.addEventListener("popstate", () => {
    const next = stateFromUrl(location.search);
    ui.input.value = next.query;
    state.selected = next.selected;
    void run("keep");
  });
  // "Did you mean" is a link to the corrected search; followed here, it searches in place and keeps history.
  ui.status.addEventListener("click", (event) => {
    const link = (event.target as Element).closest("a[data-suggestion]");
    if (!link) return;
    event.preventDefault();
    ui.input.value = link.textContent ?? "";
    void run("commit");
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && document.activeElement !== ui.input && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      ui.input.focus();
    }
  });
}

/** Adds "Did you mean …?" to the status line, as a link to that search, or nothing. */
function offerSuggestion(status: HTMLElement, suggested: string | undefined): void {
  if (!suggested) return;
  const span = document.createElement("span");
  span.className = "suggestion";
  const link = document.createElement("a");
  link.href = `?q=${encodeURIComponent(suggested)}`;
  link.dataset.suggestion = "";
  link.textContent = suggested;
  span.append(" Did you mean ", link, "?");
  status.append(span);
}

function renderFilters(
  box: HTMLElement,
  state: SearchState,
  totals: Record<string, Record<string, number>>,
  counts: Record<string, Record<string, number>>,
  onChange: () => void,
): void {
  const { selected } = state;
  const groups = Object.keys(totals).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  box.replaceChildren(
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
          onChange();
        });
        const n = counts[group]?.[value] ?? totals[group]![value] ?? 0;
        label.append(box, document.createTextNode(`${value} (${n})`));
        fieldset.append(label);
      }
      return fieldset.querySelector("label") ? [fieldset] : [];
    }),
  );
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
  if (r.meta.summary && DESCRIBED_BY_SUMMARY.has(r.filters.type?.[0] ?? "")) excerpt.textContent = r.meta.summary;
  else excerpt.innerHTML = r.excerpt.replace(/<(?!\/?mark>)[^>]*>/g, "");
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
