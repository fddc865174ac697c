// Charts built from named records and the articles that quote them must say the same thing: each chart row's
// ratio appears, with the same records, as a <Computed> figure in the article that explains it. A chart row counts a
// record only from the release that has it (a commitment split in two in 1.48.0 adds a record), so an article is held
// to the row as the chart draws it from the release the article pins.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { computedSpecs } from "../../src/articles/refs.ts";
import { DEMAND_COMPARISONS } from "../../src/charts/circular-demand-range.ts";
import { EXPOSURE_INPUTS } from "../../src/dataset/exposure.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { termsInRelease } from "../../src/dataset/terms.ts";

const ARTICLES = join(import.meta.dirname, "..", "..", "content", "articles");
const read = (slug: string) => readFileSync(join(ARTICLES, `${slug}.mdx`), "utf8");
const terms = (list: string) => list.trim().split(/\s+/).sort().join(" ");
const releases = loadReleases(join(import.meta.dirname, "..", "..", "data")).releases;
/** The release an article pins (its frontmatter's dataset). */
const pinned = (text: string) => releases.find((r) => r.version === /^dataset:\s*(\S+)/m.exec(text)![1])!.dataset;
/** A chart row's terms as the chart draws them from one release: the records that release gives a value. */
const inRelease = (list: string, text: string) => terms(termsInRelease(list, pinned(text), "test"));
/** Every ratio an article computes, as "numerator terms ÷ denominator terms" with terms sorted. */
const ratios = (text: string) => new Set(computedSpecs(text).flatMap((s) => (s.ratio && s.over ? [`${terms(s.ratio)} ÷ ${terms(s.over)}`] : [])));

describe("charts and the articles that quote them", () => {
  it("the demand article computes every low and high count the chart draws", () => {
    const text = read("how-much-ai-demand-is-circular");
    const article = ratios(text);
    for (const row of DEMAND_COMPARISONS) {
      expect(article.has(`${inRelease(row.high, text)} ÷ ${terms(row.denominator)}`), `${row.label}: high`).toBe(true);
      if (row.low) expect(article.has(`${inRelease(row.low, text)} ÷ ${terms(row.denominator)}`), `${row.label}: low`).toBe(true);
    }
  });

  it("some article computes every vendor-exposure ratio the chart draws", () => {
    const texts = readdirSync(ARTICLES)
      .filter((f) => f.endsWith(".mdx"))
      .map((f) => readFileSync(join(ARTICLES, f), "utf8"));
    for (const row of EXPOSURE_INPUTS)
      expect(
        texts.some((text) => ratios(text).has(`${inRelease(row.exposure, text)} ÷ ${terms(row.revenue)}`)),
        row.supplier,
      ).toBe(true);
  });

  it("would notice a chart row the articles do not quote", () => {
    expect(ratios(`<Computed ratio="deal:a deal:b" over="metric:c" />`).has(`${terms("deal:b deal:a")} ÷ metric:c`)).toBe(true);
    expect(ratios(`<Computed ratio="deal:a" over="metric:c" />`).has(`deal:a deal:b ÷ metric:c`)).toBe(false);
  });
});
