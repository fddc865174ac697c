// The financing page on a small, known financing layer: what each summary cell says (cancelled left out, undisclosed
// counted), the lede's total, and each record's parties, terms and the deals it pays for.
import { describe, expect, it } from "vitest";
import { loadReleases, type Release } from "../../src/dataset/load.ts";
import { financingPage } from "../../src/page-data/financing-page.ts";
import type { Financing } from "../../src/schemas/dataset.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

const fixture = loadReleases(FIXTURE_DATA).current;

function layer(): Release {
  const dataset = structuredClone(fixture.dataset);
  dataset.entities.push({ id: "a-bank", name: "A Bank", kind: "bank", aliases: [], description: "A lender." });
  const base = dataset.financing[0]!;
  const record = (over: Partial<Financing>): Financing => ({ ...base, relatedDeals: [], ...over }) as Financing;
  dataset.financing = [
    record({ id: "bond-1", instrument: "bond", provider: "nvidia", borrower: "coreweave", amount: { usd: 2e9, basis: "committed" }, status: "closed" }),
    record({ id: "loan-1", instrument: "loan", provider: "a-bank", borrower: "coreweave", amount: { usd: 1e9, basis: "reported" }, status: "signed" }),
    record({ id: "loan-2", instrument: "loan", provider: "a-bank", borrower: "openai", amount: null, status: "announced" }),
    record({ id: "loan-3", instrument: "loan", provider: "a-bank", borrower: "openai", amount: { usd: 5e9, basis: "committed" }, status: "cancelled" }),
    record({
      id: "shares-1",
      instrument: "equity-issuance",
      provider: "nvidia",
      borrower: "openai",
      beneficiary: "amd",
      amount: { usd: 4e9, basis: "up-to" },
      status: "announced",
      terms: "Convertible at 2%",
      termYears: 5,
      relatedDeals: ["amd-openai-2025-10", "no-such-deal"],
    }),
  ];
  return { ...fixture, version: "9.9.9-financing", dataset };
}

describe("the financing page", () => {
  it("totals disclosed amounts without cancelled records in its lede", () => {
    const page = financingPage(layer());
    expect(page.description).toBe("The 5 bonds, loans, vehicles, guarantees and share sales that pay for the AI deals, each with its sources.");
    expect(page.lede).toBe(
      "The deals record who pays whom. This layer records where that money is raised: 5 bonds, loans, lease and special-purpose vehicles, guarantees and share sales in dataset v9.9.9-financing, $7B of disclosed amounts (cancelled ones left out).",
    );
    expect(page.summary.totalUsd).toBe(7e9);
  });

  it("fills each cell with money and a count, undisclosed records counted but not summed, empty where there are none", () => {
    const page = financingPage(layer());
    expect(page.summary.headers).toEqual(["Companies", "Banks", "All"]);
    const row = (label: string) => page.summary.rows.find((r) => r.label === label)!;
    expect(row("Bonds").cells).toEqual([["$2B", "1 record"], [], ["$2B", "1 record"]]);
    expect(row("Loans").cells).toEqual([[], ["$1B", "2 records, 1 undisclosed"], ["$1B", "2 records, 1 undisclosed"]]);
    expect(row("All").cells).toEqual([
      ["$6B", "2 records"],
      ["$1B", "2 records, 1 undisclosed"],
      ["$7B", "4 records, 1 undisclosed"],
    ]);
    expect(row("Bonds").anchor).toBe("instrument-bond");
    expect(row("All").anchor).toBeUndefined();
    expect(page.summary.usd).toEqual({ bond: { company: 2e9, bank: 0 }, loan: { company: 0, bank: 1e9 }, "equity-issuance": { company: 4e9, bank: 0 } });
  });

  it("says 'undisclosed' for a cell whose records all lack an amount", () => {
    const release = layer();
    release.dataset.financing = release.dataset.financing.filter((f) => f.id === "loan-2");
    const page = financingPage(release);
    expect(page.summary.rows.find((r) => r.label === "Loans")!.cells).toEqual([
      ["undisclosed", "1 record"],
      ["undisclosed", "1 record"],
    ]);
  });

  it("lists the contents and each record with its parties, terms, grade and the deals it pays for", () => {
    const page = financingPage(layer());
    expect(page.contents.filter((c) => c.anchor.startsWith("instrument-"))).toEqual([
      { text: "Bonds (1)", anchor: "instrument-bond" },
      { text: "Loans (3)", anchor: "instrument-loan" },
      { text: "Share and convertible issuance (1)", anchor: "instrument-equity-issuance" },
    ]);
    const shares = page.sections.find((s) => s.id === "instrument-equity-issuance")!;
    expect(shares.heading).toBe("Share and convertible issuance (1)");
    expect(shares.items[0]).toMatchObject({
      id: "shares-1",
      parties: "Nvidia → OpenAI (for AMD)",
      amount: "up to $4B",
      // The amount already says "up to"; the page once added "(up to)" after it.
      basis: undefined,
      status: "announced",
      evidence: "Company statement",
      terms: "Convertible at 2%; 5 years.",
      paysFor: [
        { text: fixture.dataset.deals.find((d) => d.id === "amd-openai-2025-10")!.title, path: "deals/amd-openai-2025-10/" },
        { text: "no-such-deal", path: "deals/no-such-deal/" },
      ],
    });
    const loans = page.sections.find((s) => s.id === "instrument-loan")!.items;
    expect(loans.find((l) => l.id === "loan-2")).toMatchObject({ parties: "A Bank → OpenAI", amount: "undisclosed", basis: undefined, terms: undefined });
    // Only a committed amount prints bare, so only it takes the basis word; a reported one says it once.
    expect(loans.find((l) => l.id === "loan-1")).toMatchObject({ amount: "$1B (reported)", basis: undefined });
    const bonds = page.sections.find((s) => s.id === "instrument-bond")!.items;
    expect(bonds[0]).toMatchObject({ amount: "$2B", basis: "committed" });
    const ungraded = layer();
    ungraded.dataset.financing[0]!.sources = ungraded.dataset.financing[0]!.sources.map(({ kind: _k, ...s }) => s);
    expect(financingPage(ungraded).sections[0]!.items[0]!.evidence).toBe("not graded");
  });
});
