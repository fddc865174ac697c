// What pages compute from an article entry (file, reading time, related articles, charts embedded), the <Computed>
// rules an author can break, the check that every cited id exists, and the list of revised figures the build prints.
import { afterEach, describe, expect, it, vi } from "vitest";
import { articleFile, articlesEmbedding, assertOneLead, readingMinutes, relatedArticles, type Article } from "../../src/articles/entries.ts";
import { computeFigure, formatComputed, specKey } from "../../src/articles/computed.ts";
import { articleRefs, assertRefsExist } from "../../src/articles/refs.ts";
import { recordRevision, revisions } from "../../src/articles/revisions.ts";
import { assertNoTypedFigures, typedFigures } from "../../src/articles/typed-figures.ts";
import { checkVersions } from "../../src/articles/versions.ts";
import { quotedRecords } from "../../src/articles/quoted-evidence.ts";
import { sha256, loadReleases } from "../../src/dataset/load.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";
import type { Dataset } from "../../src/schemas/dataset.ts";

let serial = 0;
/** An article entry as astro:content gives it; each gets a fresh id, since refsOf caches by id. */
function article(
  over: { id?: string; body?: string; tags?: string[]; companies?: string[]; published?: string; title?: string; filePath?: string } = {},
): Article {
  return {
    id: over.id ?? `entry-${++serial}`,
    body: over.body ?? "",
    filePath: over.filePath,
    data: {
      title: over.title ?? "A title",
      tags: over.tags ?? [],
      companies: over.companies ?? [],
      published: new Date(over.published ?? "2026-01-01"),
    },
  } as unknown as Article;
}

const fixture = (): Dataset => loadReleases(FIXTURE_DATA).releases.find((r) => r.version === "1.1.0")!.dataset;

describe("an article entry", () => {
  it("names its file: the loader's path, else the collection's folder and id", () => {
    expect(articleFile(article({ id: "x", filePath: "content/articles/elsewhere.mdx" }))).toBe("content/articles/elsewhere.mdx");
    expect(articleFile(article({ id: "oracle-stargate-debt" }))).toBe("content/articles/oracle-stargate-debt.mdx");
  });

  it("reads at 230 words a minute, counting words outside component tags, and never less than a minute", () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");
    expect(readingMinutes(article({ body: words(230 * 7) }))).toBe(7);
    expect(readingMinutes(article({ body: words(230 * 7 + 114) }))).toBe(7);
    expect(readingMinutes(article({ body: words(230 * 7 + 116) }))).toBe(8);
    // A component's attributes are not words the reader reads: 460 words plus long tags is still two minutes.
    const tag = `<Computed ratio="${"deal:a ".repeat(400)}" over="metric:b" />`;
    expect(readingMinutes(article({ body: `${words(230)}\n${tag}\n\n${words(230)}` }))).toBe(2);
    expect(readingMinutes(article({ body: "" }))).toBe(1);
    expect(readingMinutes(article({ body: "  \n\t " }))).toBe(1);
  });

  it("relates articles by shared tags and companies, most shared first, then newest, leaving itself and strangers out", () => {
    const self = article({ id: "self", tags: ["debt", "oracle"], companies: ["oracle", "openai"] });
    const two = article({ id: "two", tags: ["debt"], companies: ["openai"], published: "2026-01-01" });
    const twoNewer = article({ id: "two-newer", tags: ["oracle"], companies: ["oracle"], published: "2026-06-01" });
    const three = article({ id: "three", tags: ["debt", "oracle"], companies: ["openai"], published: "2025-01-01" });
    const one = article({ id: "one", tags: [], companies: ["oracle"], published: "2026-09-01" });
    const stranger = article({ id: "stranger", tags: ["telecom"], companies: ["lucent"], published: "2026-10-01" });
    const all = [self, two, twoNewer, three, one, stranger];
    expect(relatedArticles(self, all).map((a) => a.id)).toEqual(["three", "two-newer", "two"]);
    expect(relatedArticles(self, all, 5).map((a) => a.id)).toEqual(["three", "two-newer", "two", "one"]);
    expect(relatedArticles(stranger, all)).toEqual([]);
  });

  it("lists the articles that embed a chart, under its id or a retired alias, each once", () => {
    const a = article({ id: "embeds-new", title: "New", body: '<Chart id="loops" />\n<Chart id="loops" />' });
    const b = article({ id: "embeds-old", title: "Old", body: '<Chart id="old-loops" />' });
    const c = article({ id: "embeds-other", title: "Other", body: '<Chart id="totals" />' });
    expect(articlesEmbedding("loops", [a, b, c], { "old-loops": "loops" })).toEqual([
      { id: "embeds-new", title: "New" },
      { id: "embeds-old", title: "Old" },
    ]);
    expect(articlesEmbedding("loops", [a, b, c], {})).toEqual([{ id: "embeds-new", title: "New" }]);
    expect(articlesEmbedding("old-loops", [a, b, c], { "old-loops": "loops" })).toEqual([]);
  });

  it("allows one lead article", () => {
    expect(() => assertOneLead([{ id: "a", data: { lead: true } }])).not.toThrow();
  });
});

describe("<Computed> formats and rules", () => {
  it("drops trailing zeros but keeps whole numbers whole", () => {
    expect(formatComputed(2.5, "multiple")).toBe("2.5×");
    expect(formatComputed(3, "multiple")).toBe("3×");
    expect(formatComputed(3.04, "multiple")).toBe("3×");
    expect(formatComputed(10, "multiple", 0)).toBe("10×");
    expect(formatComputed(100, "percent")).toBe("100%");
    expect(formatComputed(40.5, "percent", 1)).toBe("40.5%");
    expect(formatComputed(40.0, "percent", 2)).toBe("40%");
    expect(formatComputed(12.5, "percent")).toBe("13%");
    expect(formatComputed(1.25, "gw")).toBe("1.3 GW");
    expect(formatComputed(2, "gw", 2)).toBe("2 GW");
    expect(formatComputed(4.6e9, "usd")).toBe("$4.6B");
    expect(formatComputed(-0.0541, "percent", 2)).toBe("−0.05%");
    expect(formatComputed(-2.5, "multiple")).toBe("−2.5×");
    expect(formatComputed(-0.004, "percent", 2)).toBe("0%");
    expect(formatComputed(-0.04, "gw")).toBe("0 GW");
  });

  it("gives the same anchor however the attributes are spaced, and a different one for a different figure", () => {
    const key = specKey({ ratio: "deal:a  deal:b", over: " metric:c ", as: "percent" });
    expect(key).toMatch(/^computed-[0-9a-f]{10}$/);
    expect(specKey({ ratio: "deal:a deal:b", over: "metric:c", as: "percent" })).toBe(key);
    expect(specKey({ ratio: "deal:a deal:b", over: "metric:c", as: "multiple" })).not.toBe(key);
    expect(specKey({ ratio: "deal:a deal:b", over: "metric:c", as: "percent", digits: "1" })).not.toBe(key);
    expect(specKey({ ratio: "deal:a", over: "deal:b metric:c", as: "percent" })).not.toBe(key);
    expect(specKey({ sum: "deal:a" })).not.toBe(specKey({ sum: "deal:a", minus: "deal:b" }));
    expect(specKey({ sum: "deal:a" })).not.toBe(specKey({ ratio: "deal:a" }));
    expect(specKey({ sum: "deal:a" })).toBe(`computed-${sha256("sum=deal:a|minus=|ratio=|over=|as=|digits=").slice(0, 10)}`);
  });

  it("refuses a malformed spec, naming where and why", () => {
    const ds = fixture();
    const bad = (spec: Parameters<typeof computeFigure>[0]) => () => computeFigure(spec, ds, "f.mdx");
    expect(bad({ sum: "deal:nvidia-openai-2025-09", digits: "4" })).toThrow("f.mdx: <Computed>: digits must be 0 to 3");
    expect(bad({ sum: "deal:nvidia-openai-2025-09", digits: "-1" })).toThrow("digits must be 0 to 3");
    expect(bad({ sum: "deal:nvidia-openai-2025-09", digits: "1.5" })).toThrow("digits must be 0 to 3");
    expect(computeFigure({ ratio: "deal:nvidia-openai-2025-09", over: "deal:openai-amazon-2025-11", digits: "3" }, ds, "f").text).toBe("2.632×");
    expect(computeFigure({ ratio: "deal:nvidia-openai-2025-09", over: "deal:openai-amazon-2025-11", digits: "0" }, ds, "f").text).toBe("3×");
    expect(bad({ sum: "deal:nvidia-openai-2025-09", as: "euro" as never })).toThrow('f.mdx: <Computed>: unknown as="euro"; use usd, multiple, percent, gw');
    const either = 'f.mdx: <Computed>: give either sum="…" (optionally with minus="…") or ratio="…" with over="…"';
    expect(bad({})).toThrow(either);
    expect(bad({ sum: "deal:nvidia-openai-2025-09", ratio: "deal:nvidia-openai-2025-09", over: "deal:openai-amazon-2025-11" })).toThrow(either);
    expect(bad({ ratio: "deal:nvidia-openai-2025-09" })).toThrow('f.mdx: <Computed>: a ratio needs both ratio="…" and over="…"');
    expect(bad({ over: "deal:nvidia-openai-2025-09" })).toThrow("a ratio needs both");
    expect(bad({ sum: "deal:nvidia-openai-2025-09", overMinus: "deal:openai-amazon-2025-11" })).toThrow(
      'f.mdx: <Computed>: overMinus="…" applies to ratios only',
    );
    expect(bad({ ratio: "deal:nvidia-openai-2025-09", over: "deal:openai-amazon-2025-11", minus: "" })).toThrow("f.mdx: <Computed>: an empty list of terms");
    expect(bad({ ratio: "deal:nvidia-openai-2025-09", over: "deal:openai-amazon-2025-11", overMinus: " " })).toThrow("an empty list of terms");
    expect(bad({ ratio: "deal:nvidia-openai-2025-09", over: "deal:openai-amazon-2025-11", overMinus: "deal:no-such" })).toThrow('unknown deal id "no-such"');
  });

  it("applies a ratio to an amount: what a stake gains when the price moves", () => {
    const ds = fixture();
    // A stake of $38B bought when the price was 38 and marked when it is 100: (100 − 38) ÷ 38 × $38B = $62B.
    const gain = computeFigure(
      { ratio: "deal:nvidia-openai-2025-09", minus: "deal:openai-amazon-2025-11", over: "deal:openai-amazon-2025-11", times: "deal:openai-amazon-2025-11" },
      ds,
      "f",
    );
    expect(gain.value).toBeCloseTo(62e9, 0);
    expect(gain.text).toBe("$62B");
    expect(gain.formula).toBe(
      "($100B (nvidia-openai-2025-09) − $38B (openai-amazon-2025-11)) ÷ $38B (openai-amazon-2025-11) × $38B (openai-amazon-2025-11) = $62B",
    );
    expect(gain.inputs).toEqual(["nvidia-openai-2025-09", "openai-amazon-2025-11"]);
    // A sum on either side of × is bracketed, so the working cannot be read as "a + b × c".
    const summed = computeFigure(
      {
        ratio: "deal:nvidia-openai-2025-09 deal:openai-amazon-2025-11",
        over: "deal:nvidia-openai-2025-09 deal:openai-amazon-2025-11",
        times: "deal:nvidia-openai-2025-09 deal:openai-amazon-2025-11",
        as: "usd",
      },
      ds,
      "f",
    );
    expect(summed.text).toBe("$138B");
    expect(summed.formula).toBe(
      "($100B (nvidia-openai-2025-09) + $38B (openai-amazon-2025-11)) ÷ ($100B (nvidia-openai-2025-09) + $38B (openai-amazon-2025-11)) × ($100B (nvidia-openai-2025-09) + $38B (openai-amazon-2025-11)) = $138B",
    );
    // Asked as a multiple, the product is still the product, not the bare ratio.
    expect(
      computeFigure({ ratio: "deal:nvidia-openai-2025-09", over: "deal:openai-amazon-2025-11", times: "deal:openai-amazon-2025-11", as: "multiple" }, ds, "f")
        .value,
    ).toBeCloseTo(100e9, 0);
    expect(() => computeFigure({ sum: "deal:nvidia-openai-2025-09", times: "deal:openai-amazon-2025-11" }, ds, "f.mdx")).toThrow(
      'f.mdx: <Computed>: times="…" applies to ratios only',
    );
    expect(() => computeFigure({ ratio: "deal:nvidia-openai-2025-09", over: "deal:openai-amazon-2025-11", times: "deal:no-such" }, ds, "f.mdx")).toThrow(
      'unknown deal id "no-such"',
    );
    const plain = { ratio: "deal:nvidia-openai-2025-09", over: "deal:openai-amazon-2025-11" };
    expect(specKey({ ...plain, times: "deal:b" })).not.toBe(specKey(plain));
    expect(computeFigure(plain, ds, "f").formula).toBe("$100B (nvidia-openai-2025-09) ÷ $38B (openai-amazon-2025-11) = 2.6×");
  });

  it("takes a share a company stated as a percentage of an amount, naming both records", () => {
    const ds = structuredClone(fixture());
    const valuation = ds.metrics.find((m) => m.id === "openai-valuation-2025-10-02")!;
    ds.metrics.push({ ...valuation, id: "openai-share-of-x", unit: "percent", value: 45 });
    const part = computeFigure({ sum: "metric:openai-valuation-2025-10-02*metric:openai-share-of-x deal:openai-amazon-2025-11" }, ds, "f");
    expect(part.value).toBeCloseTo(500e9 * 0.45 + 38e9, 0);
    expect(part.formula).toBe("($500B (openai-valuation-2025-10-02) × 45% (openai-share-of-x) + $38B (openai-amazon-2025-11)) = $263B");
    expect(part.inputs).toEqual(["openai-valuation-2025-10-02", "openai-share-of-x", "openai-amazon-2025-11"]);
    // As a ratio's numerator: the stated part over the whole gives the stated share back.
    const share = computeFigure(
      { ratio: "metric:openai-valuation-2025-10-02*metric:openai-share-of-x", over: "metric:openai-valuation-2025-10-02", as: "percent" },
      ds,
      "f",
    );
    expect(share.text).toBe("45%");
    // The share record is quoted like any other input.
    expect(
      quotedRecords(articleRefs('<Computed sum="metric:openai-valuation-2025-10-02*metric:openai-share-of-x" />'), { version: "1.1.0", dataset: ds }).map(
        (r) => r.id,
      ),
    ).toEqual(["openai-valuation-2025-10-02", "openai-share-of-x"]);
    expect(() => computeFigure({ sum: "metric:openai-valuation-2025-10-02*metric:openai-revenue-2025-h1" }, ds, "f.mdx")).toThrow(
      'f.mdx: <Computed>: metric:openai-valuation-2025-10-02*metric:openai-revenue-2025-h1: "openai-revenue-2025-h1" is in usd; a term may be multiplied only by a share in percent, or a count of shares by a price per share',
    );
    expect(() => computeFigure({ sum: "metric:openai-valuation-2025-10-02*metric:no-such" }, ds, "f.mdx")).toThrow('unknown metric id "no-such"');
    expect(() => computeFigure({ sum: "metric:openai-valuation-2025-10-02*deal:openai-amazon-2025-11" }, ds, "f.mdx")).toThrow("cannot read the term");
  });

  // Worked by hand: 160 million shares × $600 = $96B; 160 ÷ 1,630 = 9.8%; (160 + 160) million shares = 320 million.
  it("prices a count of shares, divides shares by shares, and refuses to mix units (schema 1.26)", () => {
    const ds = structuredClone(fixture());
    const base = ds.metrics.find((m) => m.id === "openai-valuation-2025-10-02")!;
    ds.metrics.push(
      { ...base, id: "w-shares", entity: "openai", metric: "warrant-shares", unit: "shares", value: 160e6 },
      { ...base, id: "w-shares-2", entity: "openai", metric: "warrant-shares", unit: "shares", value: 160e6 },
      { ...base, id: "outstanding", entity: "openai", metric: "shares-outstanding", unit: "shares", value: 1630e6 },
      { ...base, id: "hurdle", entity: "openai", metric: "price-target", unit: "usd-per-share", value: 600 },
    );
    const value = computeFigure({ sum: "metric:w-shares*metric:hurdle" }, ds, "f");
    expect(value.value).toBe(96e9);
    expect(value.formula).toBe("160 million shares (w-shares) × $600 a share (hurdle) = $96B");
    expect(value.inputs).toEqual(["w-shares", "hurdle"]);
    const dilution = computeFigure({ ratio: "metric:w-shares", over: "metric:outstanding", as: "percent", digits: "1" }, ds, "f");
    expect(dilution.text).toBe("9.8%");
    expect(dilution.formula).toBe("160 million shares (w-shares) ÷ 1.63 billion shares (outstanding) = 9.8%");
    expect(computeFigure({ sum: "metric:w-shares metric:w-shares-2" }, ds, "f").text).toBe("320 million shares");
    // Against a dollar amount the priced count compares like any dollar figure.
    expect(computeFigure({ ratio: "metric:w-shares*metric:hurdle", over: "deal:nvidia-openai-2025-09", as: "percent" }, ds, "f").text).toBe("96%");
    expect(() => computeFigure({ sum: "metric:w-shares deal:nvidia-openai-2025-09" }, ds, "f.mdx")).toThrow(
      "f.mdx: <Computed>: cannot add deal:nvidia-openai-2025-09 (usd) to metric:w-shares (shares): the terms of a sum share one unit",
    );
    expect(() => computeFigure({ sum: "deal:nvidia-openai-2025-09", minus: "metric:w-shares" }, ds, "f.mdx")).toThrow("cannot take shares off usd");
    expect(() => computeFigure({ sum: "metric:hurdle*metric:w-shares" }, ds, "f.mdx")).toThrow(
      '"w-shares" is in shares; a term may be multiplied only by a share in percent, or a count of shares by a price per share',
    );
  });

  it("divides a change by a change: how much of a rise one item explains", () => {
    const ds = fixture();
    // (100 − 38) ÷ (100 − 38) is 100%; (100 − 38) ÷ 100 is 62%; 100 ÷ (100 − 38) is 161%.
    const spec = { ratio: "deal:nvidia-openai-2025-09", minus: "deal:openai-amazon-2025-11", over: "deal:nvidia-openai-2025-09", as: "percent" } as const;
    const numeratorOnly = computeFigure(spec, ds, "f");
    expect(numeratorOnly.text).toBe("62%");
    expect(numeratorOnly.formula).toBe("($100B (nvidia-openai-2025-09) − $38B (openai-amazon-2025-11)) ÷ $100B (nvidia-openai-2025-09) = 62%");
    const denominatorOnly = computeFigure(
      { ratio: "deal:nvidia-openai-2025-09", over: "deal:nvidia-openai-2025-09", overMinus: "deal:openai-amazon-2025-11", as: "percent" },
      ds,
      "f",
    );
    expect(denominatorOnly.text).toBe("161%");
    expect(denominatorOnly.formula).toBe("$100B (nvidia-openai-2025-09) ÷ ($100B (nvidia-openai-2025-09) − $38B (openai-amazon-2025-11)) = 161%");
    const both = computeFigure({ ...spec, overMinus: "deal:openai-amazon-2025-11", afterTax: "25" }, ds, "f");
    expect(both.value).toBeCloseTo(75, 10);
    expect(both.text).toBe("75%");
    expect(both.formula).toBe(
      "($100B (nvidia-openai-2025-09) − $38B (openai-amazon-2025-11)) × (1 − 25% assumed tax) ÷ ($100B (nvidia-openai-2025-09) − $38B (openai-amazon-2025-11)) = 75%",
    );
    expect(both.inputs).toEqual(["nvidia-openai-2025-09", "openai-amazon-2025-11"]);
    expect(() =>
      computeFigure({ ratio: "deal:nvidia-openai-2025-09", over: "deal:openai-amazon-2025-11", overMinus: "deal:openai-amazon-2025-11" }, ds, "f.mdx"),
    ).toThrow("f.mdx: <Computed>: the denominator is zero");
    expect(specKey({ ...spec, overMinus: "deal:b" })).not.toBe(specKey(spec));
    expect(specKey({ ...spec, overMinus: "deal:b  " })).toBe(specKey({ ...spec, overMinus: " deal:b" }));
  });

  it("takes an assumed tax rate off a ratio's numerator or a sum, and names it in the formula", () => {
    const ds = fixture();
    const ratio = computeFigure({ ratio: "deal:nvidia-openai-2025-09", over: "deal:openai-amazon-2025-11", as: "percent", afterTax: "20" }, ds, "f");
    expect(ratio.value).toBeCloseTo((100 * 0.8 * 100) / 38, 10);
    expect(ratio.text).toBe("211%");
    expect(ratio.formula).toMatch(/^\(\$100B \(nvidia-openai-2025-09\)\) × \(1 − 20% assumed tax\) ÷ \$38B \(openai-amazon-2025-11\) = 211%$/);
    const sum = computeFigure({ sum: "deal:nvidia-openai-2025-09", minus: "deal:openai-amazon-2025-11", afterTax: "25" }, ds, "f");
    expect(sum.text).toBe("$46.5B");
    expect(sum.formula).toMatch(/^\(\$100B \(nvidia-openai-2025-09\) − \$38B \(openai-amazon-2025-11\)\) × \(1 − 25% assumed tax\) = \$46.5B$/);
    expect(specKey({ sum: "deal:a", afterTax: "20" })).not.toBe(specKey({ sum: "deal:a" }));
    expect(specKey({ sum: "deal:a", afterTax: "20" })).not.toBe(specKey({ sum: "deal:a", afterTax: "25" }));
    for (const afterTax of ["0", "100", "12.5", "-5", "tax"])
      expect(() => computeFigure({ sum: "deal:nvidia-openai-2025-09", afterTax }, ds, "f.mdx")).toThrow(
        "f.mdx: <Computed>: afterTax must be a whole tax rate in percent, 1 to 99",
      );
    expect(computeFigure({ sum: "deal:nvidia-openai-2025-09", afterTax: "1" }, ds, "f").text).toBe("$99B");
    expect(computeFigure({ sum: "deal:nvidia-openai-2025-09", afterTax: "99" }, ds, "f").text).toBe("$1B");
  });

  it("adds an assumed signed change in an amount to a sum, a scenario the formula names (move, by)", () => {
    const ds = fixture();
    // What a $38B gain held outside profit would leave if the $100B holding it belongs to fell by half.
    const fall = computeFigure({ sum: "deal:openai-amazon-2025-11", move: "deal:nvidia-openai-2025-09", by: "-50" }, ds, "f");
    expect(fall.value).toBeCloseTo(-12e9, 0);
    expect(fall.text).toBe("−$12B");
    expect(fall.formula).toBe("$38B (openai-amazon-2025-11) + −50% (assumed) × $100B (nvidia-openai-2025-09) = −$12B");
    expect(fall.inputs).toEqual(["openai-amazon-2025-11", "nvidia-openai-2025-09"]);
    const rise = computeFigure(
      { sum: "deal:nvidia-openai-2025-09", minus: "deal:openai-amazon-2025-11", move: "deal:nvidia-openai-2025-09 deal:openai-amazon-2025-11", by: "25" },
      ds,
      "f",
    );
    expect(rise.value).toBeCloseTo(96.5e9, 0);
    expect(rise.formula).toBe(
      "($100B (nvidia-openai-2025-09) − $38B (openai-amazon-2025-11)) + 25% (assumed) × ($100B (nvidia-openai-2025-09) + $38B (openai-amazon-2025-11)) = $96.5B",
    );
    // Without a sum, the change alone, signed.
    const alone = computeFigure({ move: "deal:nvidia-openai-2025-09", by: "-25" }, ds, "f");
    expect(alone.text).toBe("−$25B");
    expect(alone.formula).toBe("−25% (assumed) × $100B (nvidia-openai-2025-09) = −$25B");
    expect(specKey({ sum: "deal:a", move: "deal:b", by: "-25" })).not.toBe(specKey({ sum: "deal:a", move: "deal:b", by: "25" }));
    expect(specKey({ sum: "deal:a", move: "deal:b", by: "-25" })).not.toBe(specKey({ sum: "deal:a" }));
    for (const by of ["0", "-101", "1001", "half"])
      expect(() => computeFigure({ sum: "deal:nvidia-openai-2025-09", move: "deal:openai-amazon-2025-11", by }, ds, "f.mdx")).toThrow(
        "f.mdx: <Computed>: by must be an assumed change in percent, from −100 to 1000 and not zero",
      );
    expect(() => computeFigure({ sum: "deal:nvidia-openai-2025-09", by: "-25" }, ds, "f.mdx")).toThrow('f.mdx: <Computed>: move="…" and by="…" go together');
    expect(() => computeFigure({ sum: "deal:nvidia-openai-2025-09", move: "deal:openai-amazon-2025-11" }, ds, "f.mdx")).toThrow(
      'move="…" and by="…" go together',
    );
    expect(() =>
      computeFigure({ ratio: "deal:nvidia-openai-2025-09", over: "deal:openai-amazon-2025-11", move: "deal:openai-amazon-2025-11", by: "10" }, ds, "f.mdx"),
    ).toThrow('f.mdx: <Computed>: move="…" with by="…" applies to a sum only, without afterTax or assume');
    expect(() => computeFigure({ sum: "deal:nvidia-openai-2025-09", move: "deal:openai-nvidia-2025-09.gw", by: "10" }, ds, "f.mdx")).toThrow(
      "f.mdx: <Computed>: cannot add a change in",
    );
    expect(() => computeFigure({ minus: "deal:nvidia-openai-2025-09", move: "deal:openai-amazon-2025-11", by: "10" }, ds, "f.mdx")).toThrow(
      'minus="…" needs a sum="…" to come off',
    );
  });

  it("scales a whole figure by an assumed share, a scenario the formula names (assume)", () => {
    const ds = fixture();
    const sum = computeFigure({ sum: "deal:nvidia-openai-2025-09", minus: "deal:openai-amazon-2025-11", assume: "50" }, ds, "f");
    expect(sum.value).toBeCloseTo(31e9, 0);
    expect(sum.text).toBe("$31B");
    expect(sum.formula).toBe("($100B (nvidia-openai-2025-09) − $38B (openai-amazon-2025-11)) × 50% (assumed) = $31B");
    const ratio = computeFigure({ ratio: "deal:nvidia-openai-2025-09", over: "deal:openai-amazon-2025-11", as: "percent", assume: "30" }, ds, "f");
    expect(ratio.text).toBe("79%");
    expect(ratio.formula).toBe("($100B (nvidia-openai-2025-09) ÷ $38B (openai-amazon-2025-11)) × 30% (assumed) = 79%");
    expect(specKey({ sum: "deal:a", assume: "50" })).not.toBe(specKey({ sum: "deal:a" }));
    expect(specKey({ sum: "deal:a", assume: "50" })).not.toBe(specKey({ sum: "deal:a", assume: "70" }));
    for (const assume of ["0", "-5", "1001", "half"])
      expect(() => computeFigure({ sum: "deal:nvidia-openai-2025-09", assume }, ds, "f.mdx")).toThrow(
        "f.mdx: <Computed>: assume must be an assumed share in percent, above 0 and at most 1000",
      );
  });

  it("refuses an attribute it does not know, so a misspelt one is not silently ignored", () => {
    const ds = fixture();
    expect(() => computeFigure({ sum: "deal:nvidia-openai-2025-09", aftertax: "20" } as never, ds, "f.mdx")).toThrow(
      'f.mdx: <Computed>: unknown attribute aftertax="…"; use sum, minus, ratio, over, overMinus, times, move, as, digits, afterTax, assume, by',
    );
  });

  it("refuses a zero denominator", () => {
    const ds = fixture();
    const zero = { ...ds, metrics: [...ds.metrics, { ...ds.metrics[0]!, id: "zero", value: 0 }] };
    expect(() => computeFigure({ ratio: "deal:nvidia-openai-2025-09", over: "metric:zero" }, zero, "f.mdx")).toThrow(
      "f.mdx: <Computed>: the denominator is zero",
    );
  });

  it("shows a sum of gigawatts in GW, a mixed or dollar sum in dollars, and a difference with both sides named", () => {
    const ds = fixture();
    expect(computeFigure({ sum: "deal:openai-nvidia-2025-09.gw deal:openai-amd-2025-10.gw" }, ds, "f").text).toBe("16 GW");
    const mixed = computeFigure({ sum: "deal:nvidia-openai-2025-09 deal:openai-amazon-2025-11" }, ds, "f");
    expect(mixed.text).toBe("$138B");
    const diff = computeFigure({ sum: "deal:nvidia-openai-2025-09", minus: "deal:openai-amazon-2025-11" }, ds, "f");
    expect(diff.text).toBe("$62B");
    expect(diff.formula).toMatch(/^\$100B \(nvidia-openai-2025-09\) − \$38B \(openai-amazon-2025-11\) = \$62B$/);
    expect(diff.inputs).toEqual(["nvidia-openai-2025-09", "openai-amazon-2025-11"]);
    expect(computeFigure({ sum: "deal:nvidia-openai-2025-09" }, ds, "f").formula).toMatch(/^\$100B \(nvidia-openai-2025-09\) = \$100B$/);
  });
});

describe("every id an article cites exists in its pinned release", () => {
  it("lists every unknown chart, deal, metric, financing record and broken figure in one error, naming the file", () => {
    const ds = fixture();
    const body = [
      '<Chart id="loops" /> <Chart id="old-loops" /> <Chart id="nope-chart" />',
      '<Fact deal="nvidia-openai-2025-09" /> <Fact deal="nope-deal" />',
      '<Fact metric="openai-revenue-2025-h1" /> <Fact metric="nope-metric" />',
      '<Fact financing="coreweave-notes-2025-05" /> <Fact financing="nope-financing" />',
      '<Computed sum="deal:nvidia-openai-2025-09" /> <Computed ratio="deal:nvidia-openai-2025-09" />',
      '<Count of="loops" roundTrip="true" /> <Count of="metrics" era="ai-2020s" />',
    ].join("\n");
    const check = () => assertRefsExist("content/articles/x.mdx", articleRefs(body), ds, "1.1.0", ["loops"], { "old-loops": "loops" });
    expect(check).toThrow(
      [
        "content/articles/x.mdx:",
        '  - unknown chart id "nope-chart" in <Chart id="nope-chart" />',
        '  - unknown deal id "nope-deal" in <Fact deal="nope-deal" /> (not in dataset v1.1.0)',
        '  - unknown metric id "nope-metric" in <Fact metric="nope-metric" /> (not in dataset v1.1.0)',
        '  - unknown financing id "nope-financing" in <Fact financing="nope-financing" /> (not in dataset v1.1.0)',
        '  - dataset v1.1.0: <Computed>: a ratio needs both ratio="…" and over="…"',
        '  - dataset v1.1.0: <Count of="metrics" era="ai-2020s">: era does not apply to metrics; use evidence',
      ].join("\n"),
    );
  });

  it("passes an article whose every id resolves", () => {
    const ds = fixture();
    const body =
      '<Chart id="loops" /><Fact deal="nvidia-openai-2025-09" /><Fact metric="openai-revenue-2025-h1" /><Fact financing="coreweave-notes-2025-05" /><Computed sum="deal:nvidia-openai-2025-09" /><Count of="deals" era="ai-2020s" evidence="primary" />';
    expect(() => assertRefsExist("x.mdx", articleRefs(body), ds, "1.1.0", ["loops"], {})).not.toThrow();
  });
});

describe("figures typed by hand", () => {
  it("fails naming the file, line, kind and text of each", () => {
    expect(() => assertNoTypedFigures("content/articles/x.mdx", "Fine.\n\nIt cost $5B and 3x more.")).toThrow(
      "content/articles/x.mdx: figures typed by hand in prose; use <Fact>, <Computed> or <Indicator> so a data revision flags them " +
        "(or, if it is not data, allow it in src/articles/typed-figures.ts):\n" +
        '  line 3: dollar amount "$5B"\n' +
        '  line 3: multiple "3x"',
    );
    expect(() => assertNoTypedFigures("x.mdx", "No figures here.")).not.toThrow();
  });

  it("ignores quoted titles in footnotes, but not figures in a footnote's own words or in quotes in the prose", () => {
    expect(typedFigures('[^1]: Reuters, "Nvidia to invest $100 billion", 2025, https://example.com/')).toEqual([]);
    expect(typedFigures("[^1]: Reuters, ‘a $5B deal’, https://example.com/")).toEqual([]);
    expect(typedFigures("[^1]: Reuters, 'a $5B deal', https://example.com/")).toEqual([]);
    expect(typedFigures("[^1]: Reuters, “a $5B deal”, https://example.com/")).toEqual([]);
    expect(typedFigures("[^1]: Reuters, “a” $5B deal, https://example.com/").map((f) => f.text)).toEqual(["$5B"]);
    expect(typedFigures('[^1]: Reuters reports $7B. "A title"').map((f) => f.text)).toEqual(["$7B"]);
    expect(typedFigures('He said "it costs $5B" in prose.').map((f) => f.text)).toEqual(["$5B"]);
    expect(typedFigures('Not a footnote [^1]: "quoted $5B"').map((f) => f.text)).toEqual(["$5B"]);
    expect(typedFigures('[^12]: x\n"$9B" on its own line').map((f) => f.text)).toEqual(["$9B"]);
    // Apostrophes are not quotation marks: they neither hide a figure nor swallow the quote that follows.
    expect(typedFigures(`[^3]: a newsletter's notes; MarketWatch's story, "Backlog more than doubles to $625B", 2026`)).toEqual([]);
    expect(typedFigures("[^3]: the newsletter's $9B, MarketWatch's view").map((f) => f.text)).toEqual(["$9B"]);
  });
});

describe("article versions", () => {
  /** Versions 1 and 2 of article "a", frozen and locked by their hashes. */
  const frozenTwo = () => {
    const frozen = [
      { id: "a/v1", bytes: "one" },
      { id: "a/v2", bytes: "two" },
    ];
    return { frozen, lock: Object.fromEntries(frozen.map((f) => [f.id, { sha256: sha256(f.bytes), frozen: "2026-01-01" }])) };
  };

  it("refuses a frozen version that is not older than the article", () => {
    const { frozen, lock } = frozenTwo();
    const a = { id: "a", file: "content/articles/a.mdx", version: 2, revisions: [{ version: 2, note: "n" }] };
    expect(() => checkVersions([a], frozen, lock, "content/articles")).toThrow(
      "Article versions are inconsistent:\n  content/articles/a.mdx: frozen a/v2.mdx is not older than the article's version 2",
    );
    expect(() =>
      checkVersions(
        [
          {
            ...a,
            version: 3,
            revisions: [
              { version: 3, note: "n" },
              { version: 2, note: "m" },
            ],
          },
        ],
        frozen,
        lock,
        "content/articles",
      ),
    ).not.toThrow();
    // Another article's frozen files are not this one's.
    expect(() => checkVersions([{ ...a, id: "b", file: "b.mdx", version: 1, revisions: [] }], frozen, lock, "content/articles")).not.toThrow();
  });

  it("names the versions a revision note is missing for, and the ones it found", () => {
    const { frozen, lock } = frozenTwo();
    const a = { id: "a", file: "a.mdx", version: 3, revisions: [{ version: 3, note: "n" }] };
    expect(() => checkVersions([a], frozen, lock, "content/articles")).toThrow("a.mdx: revisions must give one note for each of versions 2, 3; found 3");
    expect(() =>
      checkVersions(
        [
          {
            ...a,
            revisions: [
              { version: 3, note: "n" },
              { version: 10, note: "x" },
              { version: 2, note: "m" },
            ],
          },
        ],
        frozen,
        lock,
        "content/articles",
      ),
    ).toThrow("found 2, 3, 10");
  });
});

describe("revised figures the build lists for review", () => {
  afterEach(() => vi.restoreAllMocks());

  it("records each article's figure once and tells the author what changed", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const revision = { article: "content/articles/r.mdx", record: "deal-r", field: "amount", was: "$5B", now: "$6B", version: "1.6.0" };
    recordRevision(revision);
    recordRevision({ ...revision, now: "$7B" });
    recordRevision({ ...revision, field: "date" });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenNthCalledWith(1, "[circularity] review content/articles/r.mdx: deal-r amount was $5B, revised in v1.6.0 to $6B");
    const mine = revisions().filter((r) => r.article === "content/articles/r.mdx");
    expect(mine).toEqual([revision, { ...revision, field: "date" }]);
  });
});
