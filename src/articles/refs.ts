// Finds the charts, deals and metrics an article's MDX refers to, and checks they exist, naming the file.
import type { Dataset } from "../schemas/dataset.ts";

export interface ArticleRefs {
  charts: string[];
  deals: string[];
  metrics: string[];
}

const CHART = /<Chart\s+[^>]*?\bid=["']([^"']+)["']/g;
const FACT_DEAL = /<Fact\s+[^>]*?\bdeal=["']([^"']+)["']/g;
const FACT_METRIC = /<Fact\s+[^>]*?\bmetric=["']([^"']+)["']/g;

export function articleRefs(body: string): ArticleRefs {
  // In order of first appearance: the first chart is the article's lead figure.
  const all = (re: RegExp) => [...new Set([...body.matchAll(re)].map((m) => m[1] as string))];
  return { charts: all(CHART), deals: all(FACT_DEAL), metrics: all(FACT_METRIC) };
}

/** Throws one error listing every unknown id in the article, so an author fixes them in one pass. */
export function assertRefsExist(
  file: string,
  refs: ArticleRefs,
  dataset: Dataset,
  version: string,
  chartIds: readonly string[],
  chartAliases: Readonly<Record<string, string>>,
): void {
  const deals = new Set(dataset.deals.map((d) => d.id));
  const metrics = new Set(dataset.metrics.map((m) => m.id));
  const problems = [
    ...refs.charts.filter((id) => !chartIds.includes(id) && !(id in chartAliases)).map((id) => `unknown chart id "${id}" in <Chart id="${id}" />`),
    ...refs.deals.filter((id) => !deals.has(id)).map((id) => `unknown deal id "${id}" in <Fact deal="${id}" /> (not in dataset v${version})`),
    ...refs.metrics.filter((id) => !metrics.has(id)).map((id) => `unknown metric id "${id}" in <Fact metric="${id}" /> (not in dataset v${version})`),
  ];
  if (problems.length) throw new Error(`${file}:\n  - ${problems.join("\n  - ")}`);
}
