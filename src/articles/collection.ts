// The articles as Astro loads them: published entries newest first, frozen versions, each checked once on loading.
// What pages compute from an entry (references, reading time, related articles) is in entries.ts.
import { getCollection } from "astro:content";
import { assertRefsExist } from "./refs.ts";
import { CHART_ALIASES, CHARTS } from "../charts/index.ts";
import { releaseByVersion } from "../dataset/index.ts";
import { assertNoTypedFigures } from "./typed-figures.ts";
import { assertNoAlignedColumns } from "./table-alignment.ts";
import { assertNoDoubledCeilings } from "./facts.ts";
import { readFileSync } from "node:fs";
import { checkVersions, readFrozenFile, readVersionLock, versionPath } from "./versions.ts";

import { articleFile, assertOneLead, refsOf, type Article, type FrozenArticle } from "./entries.ts";

export type { Article, FrozenArticle };

let cache: Promise<Article[]> | undefined;
let frozenCache: Promise<FrozenArticle[]> | undefined;

/** Published articles, newest first; drafts only in dev. References are checked once, here. */
export function publishedArticles(): Promise<Article[]> {
  cache ??= getCollection("articles", (a) => import.meta.env.DEV || !a.data.draft).then((list) => {
    // Every article's typed figures, aligned table columns and doubled ceilings in one error, so an author fixes them in one pass.
    const typed = list.flatMap((a) => {
      try {
        const text = readFileSync(articleFile(a), "utf8");
        assertNoTypedFigures(articleFile(a), text);
        assertNoAlignedColumns(articleFile(a), text);
        assertNoDoubledCeilings(articleFile(a), text, releaseByVersion(a.data.dataset).dataset);
        return [];
      } catch (e) {
        return [(e as Error).message];
      }
    });
    if (typed.length) throw new Error(typed.join("\n"));
    list.forEach(assertArticleRefs);
    assertOneLead(list);
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
