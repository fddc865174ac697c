// The words and groupings readers see: the search filter's amount buckets, tag names, a company's financing in
// order, financing grouped by instrument, and the rule that keeps a vendor's aggregate and named loans from
// counting twice.
import { describe, expect, it } from "vitest";
import { AMOUNT_TEXT_NAMES_BASIS, BASIS_LABEL, amountBucket, formatAmount, tagLabel } from "../../src/dataset/labels.ts";
import { disclosedUsd, financingByInstrument, financingOfEntity, withoutOverlaps } from "../../src/dataset/selectors.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";
import type { Dataset, Deal, Financing } from "../../src/schemas/dataset.ts";

const fixture = (): Dataset => loadReleases(FIXTURE_DATA).releases.find((r) => r.version === "1.1.0")!.dataset;
const usd = (billions: number) => ({ usd: billions * 1e9, basis: "committed" as const });
const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);

describe("the search filter's amount buckets", () => {
  it("puts each amount in its bucket, each bound in the bucket above it", () => {
    expect(amountBucket(null)).toBe("Undisclosed");
    expect(amountBucket(usd(0.999))).toBe("Under $1B");
    expect(amountBucket(usd(1))).toBe("$1B–$10B");
    expect(amountBucket(usd(9.99))).toBe("$1B–$10B");
    expect(amountBucket(usd(10))).toBe("$10B–$100B");
    expect(amountBucket(usd(99.9))).toBe("$10B–$100B");
    expect(amountBucket(usd(100))).toBe("$100B and over");
    expect(amountBucket(usd(1400))).toBe("$100B and over");
  });
});

describe("a tag's name", () => {
  it("is a company's name without its bracketed unit when the tag is the company's id", () => {
    const names = new Map([
      ["amazon", { name: "Amazon (AWS)" }],
      ["openai", { name: "OpenAI" }],
    ]);
    expect(tagLabel("amazon", names)).toBe("Amazon");
    expect(tagLabel("openai", names)).toBe("OpenAI");
  });
});

describe("an amount's basis, said once", () => {
  it("names the basis in the amount's own text exactly where AMOUNT_TEXT_NAMES_BASIS says it does", () => {
    for (const basis of Object.keys(BASIS_LABEL) as (keyof typeof BASIS_LABEL)[]) {
      const text = formatAmount({ usd: 2e9, basis });
      expect(text.includes(BASIS_LABEL[basis]), `${basis}: "${text}"`).toBe(AMOUNT_TEXT_NAMES_BASIS[basis]);
    }
  });
});

describe("financing as pages list it", () => {
  const record = (over: Partial<Financing>): Financing => ({ ...fixture().financing[0]!, ...over }) as Financing;
  const items = () => [
    record({ id: "b-loan", instrument: "loan", announced: "2026-01-01", provider: "bank", borrower: "coreweave" }),
    record({ id: "a-loan", instrument: "loan", announced: "2026-01-01", provider: "bank", borrower: "coreweave" }),
    record({ id: "old-bond", instrument: "bond", announced: "2025-01-01", provider: "investors", borrower: "oracle" }),
    record({ id: "new-bond", instrument: "bond", announced: "2026-05-01", provider: "investors", borrower: "oracle", beneficiary: "openai" }),
    record({ id: "guarantee", instrument: "guarantee", announced: "2026-02-01", provider: "nvidia", borrower: "vehicle" }),
  ];

  it("gives a company what it lends, borrows or benefits from, newest first and by id on the same day", () => {
    expect(ids(financingOfEntity(items(), "coreweave"))).toEqual(["a-loan", "b-loan"]);
    expect(ids(financingOfEntity(items(), "openai"))).toEqual(["new-bond"]);
    expect(ids(financingOfEntity(items(), "investors"))).toEqual(["new-bond", "old-bond"]);
    expect(ids(financingOfEntity(items(), "nvidia"))).toEqual(["guarantee"]);
    expect(financingOfEntity(items(), "nobody")).toEqual([]);
  });

  it("groups by instrument in the schema's order, each group newest first, leaving out empty groups", () => {
    const groups = financingByInstrument(items());
    // The schema lists bond, loan, vehicle, guarantee, equity issuance: no vehicle or issuance here, so no such group.
    expect(groups.map((g) => [g.instrument, ids(g.items)])).toEqual([
      ["bond", ["new-bond", "old-bond"]],
      ["loan", ["a-loan", "b-loan"]],
      ["guarantee", ["guarantee"]],
    ]);
  });
});

describe("totals that must not count a loan twice", () => {
  const deal = (over: Partial<Deal>): Deal => ({ ...fixture().deals[0]!, ...over }) as Deal;

  it("adds disclosed amounts and counts an undisclosed one as nothing", () => {
    expect(disclosedUsd([deal({ amount: usd(2) }), deal({ amount: null }), deal({ amount: usd(0.5) })])).toBe(2.5e9);
    expect(disclosedUsd([])).toBe(0);
  });

  it("drops a vendor's named loans where its aggregate customer financing already holds them, and keeps the rest", () => {
    const dataset = fixture();
    const aggregate = dataset.deals.find((d) => d.id === "lucent-lucent-customers-1999")!;
    const named = deal({ id: "named-loan", from: aggregate.from, to: "winstar", type: "vendor-financing" });
    const namedEquity = deal({ id: "named-equity", from: aggregate.from, to: "winstar", type: "equity" as Deal["type"] });
    const otherVendor = deal({ id: "other-vendor-loan", from: "nortel", to: "winstar", type: "vendor-financing" });
    expect(ids(withoutOverlaps([aggregate, named, namedEquity, otherVendor], dataset))).toEqual([aggregate.id, "named-equity", "other-vendor-loan"]);
    // Without the aggregate in the list, the named loan is the only record of it and stays.
    expect(ids(withoutOverlaps([named, otherVendor], dataset))).toEqual(["named-loan", "other-vendor-loan"]);
  });
});
