// Article rules that need no build: hand-typed figures, computed figures, frozen versions.
import { assertOneLead } from "../../src/articles/entries.ts";
import { describe, expect, it } from "vitest";
import { assertNoTypedFigures, typedFigures, WORD_FORMS_FROM, writtenOn } from "../../src/articles/typed-figures.ts";
import { computeFigure, specKey, withSplits } from "../../src/articles/computed.ts";
import { assertNoDoubledCeilings, doubledCeilings, revisedNote, revisingVersion } from "../../src/articles/facts.ts";
import { formatMetricValue as metricText } from "../../src/dataset/labels.ts";
import { checkVersions } from "../../src/articles/versions.ts";
import { loadReleases, sha256 } from "../../src/dataset/load.ts";
import { articleRefs } from "../../src/articles/refs.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";
import type { Dataset } from "../../src/schemas/dataset.ts";

const figures = (text: string) => typedFigures(text).map((f) => `${f.kind}: ${f.text}`);

describe("figures typed by hand", () => {
  it("finds dollar amounts, percentages, power and multiples in prose", () => {
    expect(figures("It paid $30 billion, or 30 billion dollars, about $1.4T in all.")).toEqual([
      "dollar amount: $30 billion",
      "dollar amount: 30 billion dollars",
      "dollar amount: $1.4T",
    ]);
    expect(figures("a 6 GW campus and a 300 MW hall, 1.2 gigawatts")).toEqual(["power: 6 GW", "power: 300 MW", "power: 1.2 gigawatts"]);
    expect(figures("18% of revenue, or 22 percent, or 7.5 per cent")).toEqual(["percentage: 18%", "percentage: 22 percent", "percentage: 7.5 per cent"]);
    expect(figures("about seven times revenue, 2.5x, 3× and six-and-a-half times")).toEqual([
      "multiple: seven times",
      "multiple: 2.5x",
      "multiple: 3×",
      "multiple: six-and-a-half times",
    ]);
    expect(figures("The round tripled; sales quadrupled, a tenfold rise, a 3-fold gain and a twentyfold one.")).toEqual([
      "multiple: tripled",
      "multiple: quadrupled",
      "multiple: tenfold",
      "multiple: 3-fold",
      "multiple: twentyfold",
    ]);
    // Method words are not figures: a quarter doubled to make a half-year, a record counted twice, a manifold.
    expect(figures("Buybacks (first quarter, doubled) were counted twice in a manifold of triples, rated triple-A.")).toEqual([]);
    expect(typedFigures("ok\n\nNow $5B.")[0]!.line).toBe(3);
  });

  it("leaves components, dates, filings, chip names, counts, link targets and quoted footnote titles alone", () => {
    const text = [
      "---",
      'title: "$100B"',
      "---",
      'It was <Fact deal="x" />, or <Computed ratio="deal:a" over="metric:b" as="percent" />, in Q3 2025 (FY2026-Q1).',
      "The 10-K, Form 8-K Item 1.01, Rule 144A and ASC 606 apply; GB200 and MI450 chips; 160 million shares, 160 million AMD shares; three loops.",
      "See [the deal](/deals/x-2025-10/) and https://example.com/10-percent.",
      '[^1]: Reuters, "Nvidia to invest $100 billion in OpenAI", 2025-09-22.',
    ].join("\n");
    expect(figures(text)).toEqual([]);
  });

  it("leaves a scenario's assumption alone only when the text says it is assumed", () => {
    expect(figures("Relet at 50% (assumed) of the price, or at 70% (assumed).")).toEqual([]);
    expect(figures("Relet at 50% of the price.")).toEqual(["percentage: 50%"]);
    expect(figures("Relet at 50% (assumed by us) of the price.")).toEqual(["percentage: 50%"]);
  });

  it("finds shares and multiples written in words, which hide a ratio worked by hand", () => {
    expect(figures("OpenAI owes about two-thirds of it, nine-tenths on one count, more than half on another.")).toEqual([
      "share in words: about two-thirds",
      "share in words: nine-tenths",
      "share in words: more than half",
    ]);
    expect(figures("a third of the backlog and one-quarter of the debt; half of its revenue; the price halved; three quarters of it")).toEqual([
      "share in words: a third of",
      "share in words: one-quarter of",
      "share in words: half of",
      "share in words: halved",
      "share in words: three quarters of",
    ]);
    // Fractions past a tenth, learned when "under a twentieth of each gigawatt's price" passed the check.
    expect(figures("under a twentieth of the price, a hundredth of the shares, three-twentieths of it, about one eighth")).toEqual([
      "share in words: under a twentieth",
      "share in words: a hundredth of",
      "share in words: three-twentieths",
      "share in words: about one eighth",
    ]);
    expect(figures("more than twice the base, twice as large, it more than doubled, several times its revenue")).toEqual([
      "multiple in words: more than twice",
      "multiple in words: twice as",
      "multiple in words: more than doubled",
      "multiple in words: several times its",
    ]);
    // Periods, ordinals and method words are not figures.
    expect(
      figures(
        "In the first half of 2026, the third loop and a third condition; a quarter later; the three quarters in which it rose; said several times; counted twice.",
      ),
    ).toEqual([]);
  });

  it("checks word forms in texts written or revised from WORD_FORMS_FROM, leaving published texts as they were", () => {
    const article = (dates: string) => `---\ntitle: "T"\n${dates}\n---\n\nOpenAI owes about two-thirds of it.\n`;
    expect(writtenOn(article("published: 2026-11-01\nupdated: 2026-12-20"))).toBe("2026-12-20");
    expect(writtenOn(article("published: 2026-11-01"))).toBe("2026-11-01");
    expect(() => assertNoTypedFigures("old.mdx", article("published: 2026-11-01"))).not.toThrow();
    expect(() => assertNoTypedFigures("new.mdx", article(`published: ${WORD_FORMS_FROM}`))).toThrow("new.mdx: figures typed by hand");
    expect(() => assertNoTypedFigures("rev.mdx", article("published: 2026-11-01\nupdated: 2027-01-02"))).toThrow('line 7: share in words "about two-thirds"');
    // Digits are checked whatever the date.
    expect(() => assertNoTypedFigures("old.mdx", article("published: 2026-11-01").replace("about two-thirds", "67%"))).toThrow('percentage "67%"');
  });

  it("still checks a footnote's own words outside its quotations", () => {
    expect(figures('[^2]: The WSJ put it at $300 billion; "Oracle signs $300B deal".')).toEqual(["dollar amount: $300 billion"]);
  });
});

describe("computed figures", () => {
  const { dataset } = loadReleases(FIXTURE_DATA).current;

  it("sums and divides records, names every input in its formula, and formats by kind", () => {
    const sum = computeFigure({ sum: "deal:openai-coreweave-2025-03 deal:nvidia-openai-2025-09" }, dataset, "a.mdx");
    expect(sum.text).toBe("$112B");
    expect(sum.inputs).toEqual(["openai-coreweave-2025-03", "nvidia-openai-2025-09"]);
    const ratio = computeFigure({ ratio: "deal:openai-coreweave-2025-03", over: "metric:openai-revenue-2025-h1", digits: "2" }, dataset, "a.mdx");
    expect(ratio.text).toBe("2.79×");
    expect(ratio.formula).toBe("$12B (openai-coreweave-2025-03) ÷ $4.3B (openai-revenue-2025-h1) = 2.79×");
    const share = computeFigure({ ratio: "metric:openai-revenue-2025-h1", over: "deal:openai-coreweave-2025-03", as: "percent" }, dataset, "a.mdx");
    expect(share.text).toBe("36%");
    const perYear = computeFigure({ ratio: "deal:openai-amazon-2025-11/yr", over: "metric:openai-revenue-2025-h1" }, dataset, "a.mdx");
    expect(perYear.formula).toMatch(/^\$38B ÷ 7 years \(openai-amazon-2025-11\) ÷ \$4\.3B/);
    const diff = computeFigure({ sum: "deal:openai-coreweave-2025-03", minus: "metric:openai-revenue-2025-h1" }, dataset, "a.mdx");
    expect(diff.text).toBe("$7.7B");
  });

  // Worked by hand: ($12B + $100B) ÷ ($4.3B + $2.5B) = 112 ÷ 6.8 = 16.47…; the first terms alone would give 2.79.
  it("divides the sum of every numerator term by the sum of every denominator term", () => {
    const ratio = computeFigure(
      { ratio: "deal:openai-coreweave-2025-03 deal:nvidia-openai-2025-09", over: "metric:openai-revenue-2025-h1 metric:openai-cash-burn-2025-h1", digits: "2" },
      dataset,
      "a.mdx",
    );
    expect(ratio.value).toBeCloseTo(112 / 6.8, 10);
    expect(ratio.text).toBe("16.47×");
    expect(ratio.formula).toBe(
      "($12B (openai-coreweave-2025-03) + $100B (nvidia-openai-2025-09)) ÷ ($4.3B (openai-revenue-2025-h1) + $2.5B (openai-cash-burn-2025-h1)) = 16.47×",
    );
    expect(ratio.inputs).toEqual(["openai-coreweave-2025-03", "nvidia-openai-2025-09", "openai-revenue-2025-h1", "openai-cash-burn-2025-h1"]);
    // Three terms, with a per-year term among them: $38B ÷ 7 + $12B ÷ 5 = 7.83B over $4.3B + $2.5B.
    const spread = computeFigure(
      {
        ratio: "deal:openai-amazon-2025-11/yr deal:openai-coreweave-2025-03/yr",
        over: "metric:openai-revenue-2025-h1 metric:openai-cash-burn-2025-h1",
        as: "percent",
      },
      dataset,
      "a.mdx",
    );
    expect(spread.value).toBeCloseTo(((38 / 7 + 12 / 5) / 6.8) * 100, 10);
    expect(spread.text).toBe("115%");
    const net = computeFigure(
      { sum: "deal:nvidia-openai-2025-09 deal:openai-coreweave-2025-03", minus: "metric:openai-revenue-2025-h1 metric:openai-cash-burn-2025-h1" },
      dataset,
      "a.mdx",
    );
    expect(net.value).toBe(112e9 - 6.8e9);
    expect(net.text).toBe("$105B");
  });

  it("fails naming the file and the term for an unknown id, an undisclosed amount or a missing term", () => {
    expect(() => computeFigure({ sum: "deal:no-such-deal" }, dataset, "a.mdx")).toThrow('a.mdx: <Computed>: deal:no-such-deal: unknown deal id "no-such-deal"');
    const undisclosed = dataset.deals.find((d) => !d.amount)!;
    expect(() => computeFigure({ sum: `deal:${undisclosed.id}` }, dataset, "a.mdx")).toThrow("the deal has no disclosed amount");
    expect(() => computeFigure({ ratio: "deal:openai-coreweave-2025-03" }, dataset, "a.mdx")).toThrow('a ratio needs both ratio="…" and over="…"');
    expect(() => computeFigure({ sum: "metric:openai-revenue-2025-h1.gw" }, dataset, "a.mdx")).toThrow(".gw applies to deals only");
    expect(() => computeFigure({ sum: "financing:x/yr" }, dataset, "a.mdx")).toThrow("/yr applies to deals and to quarterly or half-year metrics");
    expect(() => computeFigure({ sum: "deals:x" }, dataset, "a.mdx")).toThrow('cannot read the term "deals:x"');
  });

  it("annualises a quarterly or half-year metric with /yr, and refuses a period or unit it cannot annualise", () => {
    const half = computeFigure({ sum: "metric:openai-revenue-2025-h1/yr" }, dataset, "a.mdx");
    expect(half.value).toBe(4.3e9 * 2);
    expect(half.formula).toContain("× 2 (a half-year annualised)");
    const annual = dataset.metrics.find((m) => /^\d{4}$/.test(m.period) && m.unit === "usd")!;
    expect(() => computeFigure({ sum: `metric:${annual.id}/yr` }, dataset, "a.mdx")).toThrow(
      `/yr annualises a quarter or a half-year, and the metric's period is "${annual.period}"`,
    );
    const shares = dataset.metrics.find((m) => m.unit === "shares");
    if (shares) expect(() => computeFigure({ sum: `metric:${shares.id}/yr` }, dataset, "a.mdx")).toThrow("/yr annualises a dollar flow");
  });

  it("reads <Computed> tags from MDX with the same key however they are written", () => {
    const refs = articleRefs(`x <Computed sum="deal:a  deal:b" /> y <Computed ratio='deal:a' over="metric:b" digits={2} />`);
    expect(refs.computed).toEqual([{ sum: "deal:a  deal:b" }, { ratio: "deal:a", over: "metric:b", digits: "2" }]);
    expect(specKey({ sum: "deal:a  deal:b" })).toBe(specKey({ sum: " deal:a deal:b" }));
  });
});

describe("a record split in a later release", () => {
  // Amazon's up-to-$50B for OpenAI became $15B committed plus a $35B record in 1.48.0: an article pinned to 1.47.4 that
  // summed the one record is compared with both, so "the remaining $35B" is not reported as revised to $0.
  const releases = loadReleases("data").releases;
  const at = (v: string) => releases.find((r) => r.version === v)!.dataset;
  const remaining = { sum: "deal:amazon-openai-2026-02", minus: "metric:amazon-customer-financing-2026-03-31-openai-funded" };

  it("sums the parts with the record, keeping each term's suffix, only for splits after the pinned release", () => {
    expect(withSplits({ ratio: "deal:amazon-openai-2026-02/yr deal:x", over: "metric:y" }, at("1.48.0"), "1.47.4")).toEqual({
      ratio: "deal:amazon-openai-2026-02/yr deal:amazon-openai-2026-02-conditional/yr deal:x",
      over: "metric:y",
    });
    expect(withSplits(remaining, at("1.48.0"), "1.48.0")).toEqual(remaining);
  });

  it("gives the same figure before and after the split", () => {
    const before = computeFigure(remaining, at("1.47.4"), "x.mdx").text;
    expect(before).toBe("$35B");
    expect(computeFigure(withSplits(remaining, at("1.48.0"), "1.47.4"), at("1.48.0"), "x.mdx").text).toBe(before);
    expect(computeFigure(remaining, at("1.48.0"), "x.mdx").text).not.toBe(before);
  });
});

describe("a ceiling said twice", () => {
  const { dataset } = loadReleases(FIXTURE_DATA).current;

  it('finds "up to" typed before an amount the dataset records as a ceiling, which prints "up to" itself', () => {
    const source =
      'Intro.\nNvidia would invest up to <Fact deal="nvidia-openai-2025-09" format="long" /> in OpenAI.\nAnd Up to\n<Fact deal="nvidia-openai-2025-09" />.';
    expect(doubledCeilings(source, dataset)).toEqual([
      { line: 2, record: "deal nvidia-openai-2025-09" },
      { line: 3, record: "deal nvidia-openai-2025-09" },
    ]);
    expect(() => assertNoDoubledCeilings("content/articles/a.mdx", source, dataset)).toThrow(
      /content\/articles\/a\.mdx: "up to" typed before[\s\S]*line 2: deal nvidia-openai-2025-09/,
    );
  });

  it("leaves a committed amount, a bare dollar field and the figure without typed words alone", () => {
    const source = [
      'CoreWeave got up to <Fact deal="openai-coreweave-2025-03" />.',
      'Nvidia would invest up to <Fact deal="nvidia-openai-2025-09" field="usd" />.',
      'Nvidia would invest <Fact deal="nvidia-openai-2025-09" />.',
    ].join("\n");
    expect(doubledCeilings(source, dataset)).toEqual([]);
    expect(() => assertNoDoubledCeilings("a.mdx", source, dataset)).not.toThrow();
  });
});

describe("frozen article versions", () => {
  const text = "---\ntitle: x\n---\nFirst text.\n";
  const lock = { "a/v1": { sha256: sha256(text), frozen: "2026-11-26" } };
  const article = { id: "a", file: "content/articles/a.mdx", version: 2, revisions: [{ version: 2, note: "Rewrote it for the new release." }] };

  it("accepts an article whose earlier versions are frozen, locked and noted", () => {
    expect(() => checkVersions([article], [{ id: "a/v1", bytes: text }], lock, "content/articles")).not.toThrow();
  });

  it("rejects an edited frozen file, an unlocked one, a lost one, a missing version and a missing note", () => {
    expect(() => checkVersions([article], [{ id: "a/v1", bytes: text + "edit" }], lock, "content/articles")).toThrow(
      "content/articles/a/v1.mdx: frozen version was edited after it was published",
    );
    expect(() => checkVersions([article], [{ id: "a/v1", bytes: text }], {}, "content/articles")).toThrow(
      "a/v1.mdx: frozen version is not in versions.lock.json",
    );
    expect(() => checkVersions([{ ...article, version: 1, revisions: [] }], [], lock, "content/articles")).toThrow('"a/v1" is locked but a/v1.mdx is missing');
    expect(() => checkVersions([{ ...article, version: 3 }], [{ id: "a/v1", bytes: text }], lock, "content/articles")).toThrow(
      "content/articles/a.mdx: version 3 needs its earlier text frozen as a/v2.mdx",
    );
    expect(() => checkVersions([{ ...article, revisions: [] }], [{ id: "a/v1", bytes: text }], lock, "content/articles")).toThrow(
      "revisions must give one note for each of versions 2; found none",
    );
  });
});

describe("<Fact metric> for the 1.3 metric kinds", () => {
  const base = {
    id: "x",
    entity: "amazon",
    period: "2026-Q1",
    unit: "usd" as const,
    basis: "committed" as const,
    source: { publisher: "p", title: "t", date: "2026-04-30", url: "https://example.org/" },
  };
  it("shows a gain, a loss and a cash outflow with their sign", () => {
    expect(metricText({ ...base, metric: "equity-gain", value: 16.8e9 })).toBe("$16.8B");
    expect(metricText({ ...base, metric: "equity-gain", value: -3.1e9 }, "long")).toBe("−$3.1 billion");
    expect(metricText({ ...base, metric: "free-cash-flow", value: -23.7e9 })).toBe("−$23.7B");
    expect(metricText({ ...base, metric: "buybacks", value: 13e9 })).toBe("$13B");
  });
});

describe("the lead article", () => {
  it("is one at most: two articles marked lead fail, naming both files", () => {
    const article = (id: string, lead?: boolean) => ({ id, data: lead === undefined ? {} : { lead } });
    expect(() => assertOneLead([article("a", true), article("b"), article("c", false)])).not.toThrow();
    expect(() => assertOneLead([])).not.toThrow();
    expect(() => assertOneLead([article("a", true), article("b", true)])).toThrow(
      "2 articles are marked lead: true (content/articles/a.mdx, content/articles/b.mdx); the home page leads with one",
    );
  });
});

describe("a revised figure's note", () => {
  const releases = [
    { version: "1.0.0", dataset: { v: 10 } },
    { version: "1.1.0", dataset: { v: 10 } },
    { version: "1.2.0", dataset: { v: 12 } },
    { version: "1.3.0", dataset: { v: 15 } },
  ] as unknown as { version: string; dataset: Dataset }[];
  const reads = (d: Dataset) => String((d as unknown as { v: number }).v);

  it("names the first release after the pinned one that reads differently, not the current one", () => {
    expect(revisingVersion(releases, "1.0.0", reads)).toBe("1.2.0");
    expect(revisingVersion(releases, "1.2.0", reads)).toBe("1.3.0");
    expect(revisingVersion(releases, "1.3.0", reads)).toBeUndefined();
    expect(revisingVersion(releases, "9.9.9", reads)).toBeUndefined();
  });

  it("counts a record that disappears as a change", () => {
    expect(revisingVersion(releases, "1.0.0", (d) => (reads(d) === "10" ? "x" : undefined))).toBe("1.2.0");
  });

  it("says a confirmed amount is now committed, and a withdrawn record is withdrawn", () => {
    expect(revisedNote("$75B", "committed")).toBe("now $75B, committed");
    expect(revisedNote("up to $80B", "up-to")).toBe("now up to $80B");
    expect(revisedNote("$3B")).toBe("now $3B");
    expect(revisedNote(undefined, "committed")).toBe("record withdrawn");
  });
});
