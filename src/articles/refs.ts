// Finds the charts, records, computed figures and indicators an article's MDX refers to, and checks they exist,
// naming the file.
import type { Dataset } from "../schemas/dataset.ts";
import { computeFigure, type ComputedSpec } from "./computed.ts";
import { countRecords, type CountSpec } from "./counts.ts";
import type { FactSpec } from "./facts.ts";
import { indicatorFigure, type IndicatorLookup, type IndicatorSpec } from "./indicator-figures.ts";
import { indicatorAt } from "../render/indicators.ts";

export interface ArticleRefs {
  charts: string[];
  deals: string[];
  metrics: string[];
  financing: string[];
  /** Every <Fact> in order of appearance, as written. */
  facts: FactSpec[];
  /** Every <Computed> in order of appearance, as written. */
  computed: ComputedSpec[];
  /** Every <Count> in order of appearance, as written. */
  counts: CountSpec[];
  /** Every <Indicator> in order of appearance, as written. */
  indicators: IndicatorSpec[];
}

const CHART = /<Chart\s+[^>]*?\bid=["']([^"']+)["']/g;
const FACT_DEAL = /<Fact\s+[^>]*?\bdeal=["']([^"']+)["']/g;
const FACT_METRIC = /<Fact\s+[^>]*?\bmetric=["']([^"']+)["']/g;
const FACT_FINANCING = /<Fact\s+[^>]*?\bfinancing=["']([^"']+)["']/g;
const FACT = /<Fact\s+([^>]*?)\/?>/g;
const COMPUTED = /<Computed\s+([^>]*?)\/?>/g;
const COUNT = /<Count\s+([^>]*?)\/?>/g;
const INDICATOR = /<Indicator\s+([^>]*?)\/?>/g;
const ATTRIBUTE = /(\w+)=(?:"([^"]*)"|'([^']*)'|\{(\d+)\})/g;

function attributeLists(body: string, tag: RegExp): Record<string, string>[] {
  return [...body.matchAll(tag)].map((m) => Object.fromEntries([...(m[1] ?? "").matchAll(ATTRIBUTE)].map((a) => [a[1], a[2] ?? a[3] ?? a[4]])));
}

export function computedSpecs(body: string): ComputedSpec[] {
  return attributeLists(body, COMPUTED) as ComputedSpec[];
}

export function articleRefs(body: string): ArticleRefs {
  // In order of first appearance: the first chart is the article's lead figure.
  const all = (re: RegExp) => [...new Set([...body.matchAll(re)].map((m) => m[1] as string))];
  return {
    charts: all(CHART),
    deals: all(FACT_DEAL),
    metrics: all(FACT_METRIC),
    financing: all(FACT_FINANCING),
    facts: attributeLists(body, FACT) as FactSpec[],
    computed: computedSpecs(body),
    counts: attributeLists(body, COUNT) as unknown as CountSpec[],
    indicators: attributeLists(body, INDICATOR) as IndicatorSpec[],
  };
}

/**
 * Throws one error listing every unknown id in the article, so an author fixes them in one pass. `indicators` reads
 * the monitor as published for a release (tests pass fixture releases' indicators).
 */
export function assertRefsExist(
  file: string,
  refs: ArticleRefs,
  dataset: Dataset,
  version: string,
  chartIds: readonly string[],
  chartAliases: Readonly<Record<string, string>>,
  indicators: IndicatorLookup = indicatorAt,
): void {
  const deals = new Set(dataset.deals.map((d) => d.id));
  const metrics = new Set(dataset.metrics.map((m) => m.id));
  const financing = new Set(dataset.financing.map((f) => f.id));
  // Every broken figure in one pass: a spec's error message, or nothing.
  const problemsOf = <T>(specs: readonly T[], check: (spec: T) => unknown) =>
    specs.flatMap((spec) => {
      try {
        check(spec);
        return [];
      } catch (e) {
        return [(e as Error).message];
      }
    });
  const computedProblems = problemsOf(refs.computed, (spec) => computeFigure(spec, dataset, `dataset v${version}`));
  const countProblems = problemsOf(refs.counts, (spec) => countRecords(spec, dataset, `dataset v${version}`));
  const indicatorProblems = problemsOf(refs.indicators, (spec) => indicatorFigure(spec, version, `dataset v${version}`, indicators));
  const problems = [
    ...refs.charts.filter((id) => !chartIds.includes(id) && !(id in chartAliases)).map((id) => `unknown chart id "${id}" in <Chart id="${id}" />`),
    ...refs.deals.filter((id) => !deals.has(id)).map((id) => `unknown deal id "${id}" in <Fact deal="${id}" /> (not in dataset v${version})`),
    ...refs.metrics.filter((id) => !metrics.has(id)).map((id) => `unknown metric id "${id}" in <Fact metric="${id}" /> (not in dataset v${version})`),
    ...refs.financing.filter((id) => !financing.has(id)).map((id) => `unknown financing id "${id}" in <Fact financing="${id}" /> (not in dataset v${version})`),
    ...computedProblems,
    ...countProblems,
    ...indicatorProblems,
  ];
  if (problems.length) throw new Error(`${file}:\n  - ${problems.join("\n  - ")}`);
}
