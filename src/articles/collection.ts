// Article queries shared by pages: published entries newest first, references, related articles, reading time.
import { getCollection, type CollectionEntry } from "astro:content";
import { articleRefs, assertRefsExist, type ArticleRefs } from "./refs.ts";
import { CHART_ALIASES, CHARTS } from "../charts/index.ts";
import { releaseByVersion } from "../dataset/index.ts";
import { assertNoTypedFigures } from "./typed-figures.ts";
import { readFileSync } from "node:fs";
import { checkVersions, readFrozenFile, readVersionLock, versionPath } from "./versions.ts";

export type Article = CollectionEntry<"articles">;
export type FrozenArticle = CollectionEntry<"articleVersions">;

let cache: Promise<Article[]> | undefined;
let frozenCache: Promise<FrozenArticle[]> | undefined;

/** Published articles, newest first; drafts only in dev. References are checked once, here. */
export function publishedArticles(): Promise<Article[]> {
  cache ??= getCollection("articles", (a) => import.meta.env.DEV || !a.data.draft).then((list) => {
    // Every article's typed figures in one error, so an author fixes them in one pass.
    const typed = list.flatMap((a) => {
      try {
        assertNoTypedFigures(articleFile(a), readFileSync(articleFile(a), "utf8"));
        return [];
      } catch (e) {
        return [(e as Error).message];
      }
    });
    if (typed.length) throw new Error(typed.join("\n"));
    list.forEach(assertArticleRefs);
    return list.sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id));
  });
  return cache;
}

/** Every record, chart and computed figure a text cites exists in the release it is pinned to; throws naming the file. */
function assertArticleRefs(entry: Article | FrozenArticle): void {
  const release = releaseByVersion(entry.data.dataset);
  assertRefsExist(
    articleFile(entry),
    refsOf(entry),
    release.dataset,
    release.version,
    CHARTS.map((c) => c.id),
    CHART_ALIASES,
  );
}

/** Frozen earlier versions of the published articles, checked against the version lock and each article's revision notes. */
export function frozenVersions(): Promise<FrozenArticle[]> {
  frozenCache ??= Promise.all([publishedArticles(), getCollection("articleVersions")]).then(([articles, frozen]) => {
    checkVersions(
      articles.map((a) => ({ id: a.id, file: articleFile(a), version: a.data.version, revisions: a.data.revisions })),
      frozen.map((f) => readFrozenFile(f.id)),
      readVersionLock(),
    );
    frozen.forEach(assertArticleRefs);
    return frozen;
  });
  return frozenCache;
}

/** The text shown at /articles/<slug>/v<n>/: the frozen file for an earlier version, the live article for the current one. */
export async function articleVersion(article: Article, version: number): Promise<Article | FrozenArticle> {
  if (version === article.data.version) return article;
  const id = versionPath(article.id, version);
  const frozen = (await frozenVersions()).find((f) => f.id === id);
  if (!frozen) throw new Error(`${articleFile(article)}: no frozen text for version ${version}`);
  return frozen;
}

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
  const words = (a.body ?? "")
    .replace(/<[^>]+>/g, " ")
    .split(/\s+/)
    .filter(Boolean).length;
  return Math.max(1, Math.round(words / 230));
}

export function wordCount(a: Article | FrozenArticle): number {
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

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
