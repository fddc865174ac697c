// What an article's page shows around its text: headings for the contents, related reading, the social card,
// the dataset release it is pinned to, its citation and structured data.
import type { MarkdownHeading } from "astro";
import { releaseByVersion } from "../dataset/index.ts";
import { requireChart } from "../charts/index.ts";
import { pinnedChart } from "../render/charts.ts";
import { pngSize } from "../render/downloads.ts";
import { articleFile, isoDate, refsOf, relatedArticles, type Article } from "../articles/collection.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";
import type { CitableWork } from "../lib/cite.ts";
import { SITE } from "../site.config.ts";

export function articlePage(article: Article, all: readonly Article[], headings: readonly MarkdownHeading[]) {
  const { data } = article;
  const path = paths.article(article.id);
  const published = isoDate(data.published);
  const refs = refsOf(article);
  // The first chart the article embeds, pinned to its dataset version, is its social-card image.
  const cardChart = refs.charts[0] ? pinnedChart(requireChart(refs.charts[0], articleFile(article)).id, data.dataset) : undefined;
  const image = cardChart && { path: paths.chartPinnedDownload(cardChart.id, cardChart.version, "png"), ...pngSize(cardChart), alt: cardChart.alt };
  const citation: CitableWork = {
    kind: "article",
    id: article.id,
    title: data.title,
    authors: data.authors,
    issued: published,
    url: absoluteUrl(path),
    datasetVersion: data.dataset,
  };
  return {
    data,
    path,
    published,
    pinnedRelease: releaseByVersion(data.dataset),
    toc: headings.filter((h) => h.depth === 2 && h.slug !== "footnote-label"),
    related: relatedArticles(article, [...all]),
    refs,
    image,
    citation,
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "Article",
      headline: data.title,
      description: data.description,
      datePublished: published,
      dateModified: isoDate(data.updated ?? data.published),
      author: data.authors.map((name) => ({ "@type": "Organization", name })),
      publisher: { "@type": "Organization", name: SITE.publisher },
      mainEntityOfPage: absoluteUrl(path),
      keywords: data.tags.join(", "),
      license: SITE.contentLicence.url,
      isBasedOn: absoluteUrl(paths.dataDownload(data.dataset, "json")),
      ...(image ? { image: absoluteUrl(image.path) } : {}),
    },
  };
}
