// The search page's own judgement on top of Pagefind's: a page whose title is what the reader typed comes first,
// and a misspelt company or chart name gets a "did you mean" from the site's own names. Pure functions, so unit
// tests can hold them to account (tests/unit/search-rank.test.ts).

/** A name the site uses, as the search page carries it (written by src/page-data/search-page.ts). */
export interface SearchName {
  name: string;
  also: string[];
}

/** Lower case, accents dropped, punctuation to spaces; "$" and "&" kept, as the index keeps them ("$100B", "AT&T"). */
export function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9$&]+/g, " ")
    .trim();
}

export function wordsOf(text: string): string[] {
  const n = normalise(text);
  return n ? n.split(" ") : [];
}

/** A query word matches a word that starts with it ("warrant" matches "warrants"); one or two letters must match whole. */
function matchesWord(queryWord: string, word: string): boolean {
  return queryWord.length < 3 ? word === queryWord : word.startsWith(queryWord);
}

/** What a result is called: its title, its other names (a company's aliases), and its topics (an article's tags). */
export interface ResultNames {
  title: string;
  otherNames?: readonly string[];
  topics?: readonly string[];
}

/**
 * How well a result's names answer the query, lower first: 0 when the title, or one of the page's other names, is the
 * query; then pages whose title and topics hold every word of the query, those with more of them in the title first;
 * then the rest (Pagefind's order decides within each).
 */
export function titleScore(query: string, names: ResultNames): number {
  const q = normalise(query);
  if (!q) return Infinity;
  if ([names.title, ...(names.otherNames ?? [])].some((name) => normalise(name) === q)) return 0;
  const queryWords = q.split(" ");
  const titleWords = wordsOf(names.title);
  const topicWords = (names.topics ?? []).flatMap(wordsOf);
  const inTitle = queryWords.filter((w) => titleWords.some((t) => matchesWord(w, t))).length;
  const covered = queryWords.every((w) => [...titleWords, ...topicWords].some((t) => matchesWord(w, t)));
  // 1 + the words the title lacks: 1 when the title holds them all, up to 1 + (words) when only the topics do.
  return covered ? 1 + queryWords.length - inTitle : Infinity;
}

/** The results in title order (see titleScore), keeping Pagefind's order among equals. */
export function titleFirst<T>(results: readonly T[], query: string, namesOf: (r: T) => ResultNames): T[] {
  return results
    .map((r, i) => ({ r, i, score: titleScore(query, namesOf(r)) }))
    .sort((a, b) => (a.score === b.score ? a.i - b.i : a.score - b.score))
    .map((x) => x.r);
}

/** Edit distance counting a swap of two neighbouring letters as one edit ("nivdia" is one from "nvidia"). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** How many edits a word of this length may be from a name before it is not a slip of the keyboard but another word. */
export function editsAllowed(length: number): number {
  if (length < 4) return 0;
  return length < 7 ? 1 : 2;
}

/**
 * "Did you mean": the query with each word that appears nowhere in the results (`seenText`: their titles and excerpts)
 * and is not a word of any name replaced by the closest word of the site's names, written as the site writes it.
 * When the corrected query is a whole name, or part of exactly one name, that name is offered. Undefined when there is nothing to correct.
 */
export function suggestion(query: string, names: readonly SearchName[], seenText: string): string | undefined {
  const queryWords = wordsOf(query);
  if (!queryWords.length) return undefined;
  // Each word of every name, normalised, with the spelling the site uses ("coreweave" → "CoreWeave").
  const vocabulary = new Map<string, string>();
  for (const n of names)
    for (const name of [n.name, ...n.also])
      for (const raw of name.split(/\s+/)) {
        const key = normalise(raw);
        if (key && !key.includes(" ") && !vocabulary.has(key)) vocabulary.set(key, raw.replace(/^[^\p{L}\p{N}$&]+|[^\p{L}\p{N}$&]+$/gu, ""));
      }
  const seen = wordsOf(seenText);
  let changed = false;
  const corrected = queryWords.map((word) => {
    if (vocabulary.has(word) || seen.some((s) => matchesWord(word, s))) return { key: word, shown: word };
    let best: { key: string; distance: number } | undefined;
    for (const key of vocabulary.keys()) {
      const distance = editDistance(word, key);
      if (distance <= editsAllowed(word.length) && (!best || distance < best.distance)) best = { key, distance };
    }
    if (!best) return { key: word, shown: word };
    changed = true;
    return { key: best.key, shown: vocabulary.get(best.key)! };
  });
  if (!changed) return undefined;
  const key = corrected.map((c) => c.key).join(" ");
  // The corrected words may be one name, or part of exactly one name ("biggest circles" → "The biggest circles").
  const within = (name: string) => ` ${normalise(name)} `.includes(` ${key} `);
  const whole = names.filter((n) => normalise(n.name) === key || n.also.some((a) => normalise(a) === key));
  const containing = names.filter((n) => within(n.name));
  const named = whole[0] ?? (containing.length === 1 ? containing[0] : undefined);
  return named ? named.name : corrected.map((c) => c.shown).join(" ");
}
