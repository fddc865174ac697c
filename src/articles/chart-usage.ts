// Which articles embed which chart, from the articles' MDX.
import { publishedArticles } from "./collection.ts";
import { refsOf } from "./entries.ts";
import { CHART_ALIASES } from "../charts/index.ts";

export async function articlesUsingChart(chartId: string): Promise<{ id: string; title: string }[]> {
  const all = await publishedArticles();
  return all.filter((a) => refsOf(a).charts.some((id) => (CHART_ALIASES[id] ?? id) === chartId)).map((a) => ({ id: a.id, title: a.data.title }));
}
