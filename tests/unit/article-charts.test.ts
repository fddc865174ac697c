// Charts built from named records and the articles that quote them must say the same thing: each chart row's
// ratio appears, with the same records, as a <Computed> figure in the article that explains it.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { computedSpecs } from "../../src/articles/refs.ts";
import { DEMAND_COMPARISONS } from "../../src/charts/circular-demand-range.ts";
import { EXPOSURE_INPUTS } from "../../src/dataset/exposure.ts";

const ARTICLES = join(import.meta.dirname, "..", "..", "content", "articles");
const read = (slug: string) => readFileSync(join(ARTICLES, `${slug}.mdx`), "utf8");
const terms = (list: string) => list.trim().split(/\s+/).sort().join(" ");
/** Every ratio an article computes, as "numerator terms ÷ denominator terms" with terms sorted. */
const ratios = (text: string) => new Set(computedSpecs(text).flatMap((s) => (s.ratio && s.over ? [`${terms(s.ratio)} ÷ ${terms(s.over)}`] : [])));

describe("charts and the articles that quote them", () => {
  it("the demand article computes every low and high count the chart draws", () => {
    const article = ratios(read("how-much-ai-demand-is-circular"));
    for (const row of DEMAND_COMPARISONS) {
      expect(article.has(`${terms(row.high)} ÷ ${terms(row.denominator)}`), `${row.label}: high`).toBe(true);
      if (row.low) expect(article.has(`${terms(row.low)} ÷ ${terms(row.denominator)}`), `${row.label}: low`).toBe(true);
    }
  });

  it("some article computes every vendor-exposure ratio the chart draws", () => {
    const all = new Set(
      readdirSync(ARTICLES)
        .filter((f) => f.endsWith(".mdx"))
        .flatMap((f) => [...ratios(readFileSync(join(ARTICLES, f), "utf8"))]),
    );
    for (const row of EXPOSURE_INPUTS) expect(all.has(`${terms(row.exposure)} ÷ ${terms(row.revenue)}`), row.supplier).toBe(true);
  });

  it("would notice a chart row the articles do not quote", () => {
    expect(ratios(`<Computed ratio="deal:a deal:b" over="metric:c" />`).has(`${terms("deal:b deal:a")} ÷ metric:c`)).toBe(true);
    expect(ratios(`<Computed ratio="deal:a" over="metric:c" />`).has(`deal:a deal:b ÷ metric:c`)).toBe(false);
  });
});
