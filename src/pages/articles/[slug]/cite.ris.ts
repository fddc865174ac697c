// /articles/<slug>/cite.ris: the article's citation for reference managers.
import type { APIRoute } from "astro";
import { isoDate, publishedArticles } from "../../../articles/collection.ts";
import { citationsFor } from "../../../lib/cite.ts";
import { absoluteUrl, paths } from "../../../lib/urls.ts";

export async function getStaticPaths() {
  return (await publishedArticles()).map((article) => ({ params: { slug: article.id }, props: { article } }));
}

export const GET: APIRoute = ({ props }) => {
  const { article } = props as { article: Awaited<ReturnType<typeof publishedArticles>>[number] };
  const { ris } = citationsFor({
    kind: "article",
    id: article.id,
    title: article.data.title,
    authors: article.data.authors,
    issued: isoDate(article.data.published),
    url: absoluteUrl(paths.article(article.id)),
    datasetVersion: article.data.dataset,
  });
  return new Response(ris, { headers: { "Content-Type": "application/x-research-info-systems" } });
};
