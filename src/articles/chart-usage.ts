// Which articles embed which chart: the published articles, read through the astro:content loader, filtered by
// articlesEmbedding (unit-tested in tests/unit/article-entries.test.ts).
import { publishedArticles } from "./collection.ts";
import { articlesEmbedding } from "./entries.ts";
import { CHART_ALIASES } from "../charts/index.ts";

export async function articlesUsingChart(chartId: string): Promise<{ id: string; title: string }[]> {
  return articlesEmbedding(chartId, await publishedArticles(), CHART_ALIASES);
}
