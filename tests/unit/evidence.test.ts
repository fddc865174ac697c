import { describe, expect, it } from "vitest";
import { dealEvidence, evidenceBreakdown, primaryShare, sourceKindsByUrl, strongestKind } from "../../src/dataset/evidence.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import type { Dataset, Source } from "../../src/schemas/dataset.ts";
import { articleRefs } from "../../src/articles/refs.ts";
import { distinctQuoted, firmShare, quotedRecords } from "../../src/articles/quoted-evidence.ts";

const src = (kind: Source["kind"], url = `https://example.org/${kind}`): Source => ({ publisher: "p", title: "t", date: "2025-01-01", url, kind });

describe("evidence grading", () => {
  it("takes the strongest source kind, whatever the order of sources", () => {
    expect(strongestKind([src("aggregator"), src("wire"), src("press")])).toBe("wire");
    expect(strongestKind([src("press"), src("filing")])).toBe("filing");
  });

  it("calls sources without a kind ungraded, unless a later release graded the same page", () => {
    const old = { publisher: "p", title: "t", date: "2025", url: "https://example.org/a" };
    expect(strongestKind([old])).toBe("ungraded");
    expect(strongestKind([old], new Map([["https://example.org/a", "company"]]))).toBe("company");
  });

  it("breaks the fixture's AI-era deals and dollars down by evidence, shares summing to one", () => {
    const { releases } = loadReleases("tests/fixtures/data");
    const graded = releases.at(-1)!.dataset;
    const rows = evidenceBreakdown(graded);
    expect(rows.reduce((s, r) => s + r.dealShare, 0)).toBeCloseTo(1, 6);
    expect(rows.reduce((s, r) => s + r.usdShare, 0)).toBeCloseTo(1, 6);
    expect(rows.every((r) => r.evidence !== "ungraded")).toBe(true);
    const aiDeals = graded.deals.filter((d) => d.era === "ai-2020s");
    expect(rows.reduce((s, r) => s + r.deals, 0)).toBe(aiDeals.length);
    // The same pages, graded retrospectively, leave nothing of the older release ungraded.
    const retro = evidenceBreakdown(releases[0]!.dataset, sourceKindsByUrl(graded));
    expect(retro.find((r) => r.evidence === "ungraded")).toBeUndefined();
    expect(primaryShare(graded)).toBeGreaterThanOrEqual(0);
    expect(dealEvidence(aiDeals[0]!)).not.toBe("ungraded");
  });
});

describe("an article's quoted records, graded", () => {
  const { releases } = loadReleases("tests/fixtures/data");
  const graded = () => structuredClone(releases.at(-1)!.dataset);
  /** The records an article quotes, read in `dataset` as the release it pins. */
  const quoted = (body: string, dataset: Dataset) => quotedRecords(articleRefs(body), { version: releases.at(-1)!.version, dataset });

  it("counts each record once, whether quoted by <Fact> or as a term of <Computed>, graded by its strongest source", () => {
    const dataset = graded();
    const [a, b] = dataset.deals.filter((d) => d.era === "ai-2020s");
    const metric = dataset.metrics[0]!;
    a!.sources = [src("press"), src("filing", "https://example.org/f")];
    b!.sources = [src("aggregator")];
    metric.source = src("wire", "https://example.org/w");
    const body = [
      `<Fact deal="${a!.id}" field="amount" />`,
      `<Fact deal="${a!.id}" field="date" />`,
      `<Computed ratio="deal:${b!.id}/yr" over="metric:${metric.id}" as="multiple" />`,
      `<Computed sum="deal:${a!.id}" minus="metric:${metric.id}" />`,
    ].join("\n");
    const records = quoted(body, dataset);
    expect(records.map((r) => `${r.kind}:${r.id}:${r.evidence}`)).toEqual([`deal:${a!.id}:filing`, `deal:${b!.id}:aggregator`, `metric:${metric.id}:wire`]);
    expect(firmShare(records)).toBeCloseTo(2 / 3, 9);
  });

  it("counts the records a ratio of changes takes off its numerator and its denominator", () => {
    const dataset = graded();
    const [a, b, c, d] = dataset.deals.filter((x) => x.era === "ai-2020s");
    const body = `<Computed ratio="deal:${a!.id}" minus="deal:${b!.id}" over="deal:${c!.id}" overMinus="deal:${d!.id}" as="percent" />`;
    expect(
      quoted(body, dataset)
        .map((r) => r.id)
        .sort(),
    ).toEqual([a!.id, b!.id, c!.id, d!.id].sort());
  });

  it("calls press and aggregator pages not firm, and an article quoting nothing wholly firm", () => {
    const dataset = graded();
    const deal = dataset.deals[0]!;
    deal.sources = [src("press")];
    expect(firmShare(quoted(`<Fact deal="${deal.id}" field="amount" />`, dataset))).toBe(0);
    deal.sources = [src("company")];
    expect(firmShare(quoted(`<Fact deal="${deal.id}" field="amount" />`, dataset))).toBe(1);
    expect(firmShare([])).toBe(1);
  });

  it("leaves unknown ids to the reference check", () => {
    expect(quoted(`<Fact deal="no-such-deal" field="amount" />`, graded())).toEqual([]);
  });

  it("counts a record quoted by several articles at the weakest grade any of them shows, whatever their order", () => {
    const onFiling = { kind: "deal" as const, id: "a", evidence: "filing" as const };
    const onPress = { kind: "deal" as const, id: "a", evidence: "press" as const };
    const other = { kind: "metric" as const, id: "a", evidence: "wire" as const };
    for (const lists of [
      [[onFiling, other], [onPress]],
      [[onPress], [onFiling, other]],
    ]) {
      const merged = distinctQuoted(lists);
      expect(merged.map((r) => `${r.kind}:${r.id}:${r.evidence}`).sort()).toEqual(["deal:a:press", "metric:a:wire"]);
      expect(firmShare(merged)).toBe(0.5);
    }
    expect(distinctQuoted([[{ kind: "deal", id: "b", evidence: "ungraded" }], [{ kind: "deal", id: "b", evidence: "aggregator" }]])[0]!.evidence).toBe(
      "ungraded",
    );
  });
});
