// /articles/<slug>/cite.ris: the citation of the article's current version, for reference managers.
import type { APIRoute } from "astro";
import { publishedArticles, type Article } from "../../../articles/collection.ts";
import { articleCitation, articleVersions } from "../../../page-data/article-page.ts";
import { citationsFor } from "../../../lib/cite.ts";

export async function getStaticPaths() {
  return (await publishedArticles()).map((article) => ({ params: { slug: article.id }, props: { article } }));
}

export const GET: APIRoute = ({ props }) => {
  const { article } = props as { article: Article };
  const { ris } = citationsFor(articleCitation(article.id, article.data, articleVersions(article).at(-1)!));
  return new Response(ris, { headers: { "Content-Type": "application/x-research-info-systems" } });
};
