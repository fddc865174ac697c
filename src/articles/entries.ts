// What pages compute from one article entry: its file, the records it cites, reading time, related articles. Plain
// functions over entries (the astro:content import is a type only), so page data that uses them can be unit-tested.
import type { CollectionEntry } from "astro:content";
import { articleRefs, type ArticleRefs } from "./refs.ts";

export type Article = CollectionEntry<"articles">;
export type FrozenArticle = CollectionEntry<"articleVersions">;

export function articleFile(a: Article | FrozenArticle): string {
  return a.filePath ?? `content/articles/${a.id}.mdx`;
}

const refCache = new Map<string, ArticleRefs>();
export function refsOf(a: Article | FrozenArticle): ArticleRefs {
  let refs = refCache.get(a.id);
  if (!refs) {
    refs = articleRefs(a.body ?? "");
    refCache.set(a.id, refs);
  }
  return refs;
}

export function readingMinutes(a: Article | FrozenArticle): number {
  return Math.max(1, Math.round(wordCount(a) / 230));
}

function wordCount(a: Article | FrozenArticle): number {
  return (a.body ?? "")
    .replace(/<[^>]+>/g, " ")
    .split(/\s+/)
    .filter(Boolean).length;
}

/** Articles sharing the most tags and companies with this one. */
export function relatedArticles(a: Article, all: Article[], limit = 3): Article[] {
  const score = (b: Article) => b.data.tags.filter((t) => a.data.tags.includes(t)).length + b.data.companies.filter((c) => a.data.companies.includes(c)).length;
  return all
    .filter((b) => b.id !== a.id && score(b) > 0)
    .sort((x, y) => score(y) - score(x) || y.data.published.getTime() - x.data.published.getTime())
    .slice(0, limit);
}

/** The articles that embed a chart under its current id or a retired one (`aliases` maps retired ids to current ones). */
export function articlesEmbedding(chartId: string, all: readonly Article[], aliases: Readonly<Record<string, string>>): { id: string; title: string }[] {
  return all.filter((a) => refsOf(a).charts.some((id) => (aliases[id] ?? id) === chartId)).map((a) => ({ id: a.id, title: a.data.title }));
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The site has one verdict: more than one article marked `lead` fails the build, naming them. */
export function assertOneLead(articles: readonly { id: string; data: { lead?: boolean } }[]): void {
  const leads = articles.filter((a) => a.data.lead).map((a) => `content/articles/${a.id}.mdx`);
  if (leads.length > 1) throw new Error(`${leads.length} articles are marked lead: true (${leads.join(", ")}); the home page leads with one`);
}
