// The deals table, every order and filter on the fixture: which deals, in which order, under which headings, with
// which links. Each listing is a static page, so a wrong link here is a dead end for a reader.
import { describe, expect, it } from "vitest";
import { loadReleases, type Release } from "../../src/dataset/load.ts";
import { dealListings, dealsIndexPage, dealsTableHeaders, dealsTableRows, sortDeals, type DealOrder } from "../../src/page-data/deal-listings.ts";
import { DEAL_TYPES, entityNamer } from "../../src/dataset/selectors.ts";
import type { Deal } from "../../src/schemas/dataset.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

const fixture = loadReleases(FIXTURE_DATA).current;
const ids = (deals: readonly Deal[]) => deals.map((d) => d.id);

/** The fixture with one telecom-era equity deal, so "equity" spans both eras. */
function mixedEras(): Release {
  const dataset = structuredClone(fixture.dataset);
  dataset.deals.push({ ...dataset.deals.find((d) => d.id === "lucent-lucent-customers-1999")!, id: "lucent-equity-1999", type: "equity" });
  return { ...fixture, version: "9.9.9", dataset };
}

describe("the deals table's headings", () => {
  const sorted = (order: DealOrder) =>
    dealsTableHeaders(order)
      .filter((h) => h.ariaSort)
      .map((h) => [h.label, h.ariaSort]);

  it("mark the column the table is sorted by, and which way", () => {
    expect(sorted("newest")).toEqual([["Announced", "descending"]]);
    expect(sorted("oldest")).toEqual([["Announced", "ascending"]]);
    expect(sorted("amount")).toEqual([["Amount", "descending"]]);
    expect(sorted("from")).toEqual([["From", "ascending"]]);
    expect(sorted("to")).toEqual([["To", "ascending"]]);
    expect(sorted("type")).toEqual([["Type", "ascending"]]);
  });

  it("link each sortable heading to its order, the date flipping direction, and right-align only amounts", () => {
    expect(dealsTableHeaders("amount").map((h) => [h.label, h.sortBy, h.numeric])).toEqual([
      ["Announced", "newest", false],
      ["Deal", null, false],
      ["From", "from", false],
      ["To", "to", false],
      ["Type", "type", false],
      ["Amount", "amount", true],
      ["Evidence", null, false],
      ["Status", null, false],
      ["Era", null, false],
    ]);
    expect(dealsTableHeaders("newest")[0]!.sortBy).toBe("oldest");
    expect(dealsTableHeaders("oldest")[0]!.sortBy).toBe("newest");
  });
});

describe("the deals' orders", () => {
  const deals = fixture.dataset.deals;
  const name = entityNamer(fixture.dataset);

  it("puts the largest disclosed amounts first and undisclosed ones last, newest first among them", () => {
    expect(ids(sortDeals(deals, "amount", fixture.dataset))).toEqual([
      // Two $100B deals: the newer first.
      "anthropic-amazon-2026-04",
      "nvidia-openai-2025-09",
      "openai-amazon-2025-11",
      "amd-openai-2025-10",
      "openai-coreweave-2025-03",
      "amazon-openai-2025-12",
      "lucent-lucent-customers-1999",
      "nvidia-coreweave-2025-09",
      "amazon-anthropic-2024-11",
      "openai-amd-2025-10",
      "openai-nvidia-2025-09",
      "lucent-customers-lucent-1999",
    ]);
  });

  it("sorts by payer, recipient or type, newest first within each", () => {
    for (const order of ["from", "to"] as const) {
      const sorted = sortDeals(deals, order, fixture.dataset);
      for (let i = 1; i < sorted.length; i++) {
        const cmp = name(sorted[i - 1]![order]).localeCompare(name(sorted[i]![order]), "en-US");
        expect(cmp, `${order} ${i}`).toBeLessThanOrEqual(0);
        if (cmp === 0) expect(sorted[i - 1]!.announced >= sorted[i]!.announced).toBe(true);
      }
    }
    const byType = sortDeals(deals, "type", fixture.dataset);
    expect(byType.map((d) => DEAL_TYPES.indexOf(d.type))).toEqual([...byType.map((d) => DEAL_TYPES.indexOf(d.type))].sort((a, b) => a - b));
    expect(ids(byType).slice(0, 3)).toEqual(["amazon-openai-2025-12", "nvidia-openai-2025-09", "amazon-anthropic-2024-11"]);
    expect(ids(sortDeals(deals, "oldest", fixture.dataset))[0]).toBe(ids(sortDeals(deals, "newest", fixture.dataset)).at(-1));
  });
});

describe("a row of the deals table", () => {
  it("says type with gigawatts, evidence in words, status and era", () => {
    const rows = dealsTableRows(fixture.dataset.deals, fixture.dataset);
    expect(rows.find((r) => r.id === "openai-nvidia-2025-09")).toEqual({
      id: "openai-nvidia-2025-09",
      path: "deals/openai-nvidia-2025-09/",
      date: { datetime: "2025-09-22", text: expect.any(String) },
      title: fixture.dataset.deals.find((d) => d.id === "openai-nvidia-2025-09")!.title,
      from: { text: "OpenAI", path: "companies/openai/" },
      to: { text: "Nvidia", path: "companies/nvidia/" },
      type: "Chip purchase, 10 GW",
      amount: expect.any(Array),
      evidence: "Aggregator or repost",
      status: "announced",
      era: "AI",
    });
    expect(rows.find((r) => r.id === "amd-openai-2025-10")).toMatchObject({ type: "Warrants", evidence: "Other press", amount: ["~$34B", "(estimated)"] });
    expect(rows.find((r) => r.id === "lucent-lucent-customers-1999")).toMatchObject({ era: "Telecom", type: "Vendor financing" });
  });

  it("says a replaced deal is superseded, and an ungraded one has no evidence grade", () => {
    const dataset = structuredClone(fixture.dataset);
    const deal = dataset.deals[0]!;
    deal.supersededBy = dataset.deals[2]!.id;
    deal.sources = deal.sources.map(({ kind: _kind, ...s }) => s);
    expect(dealsTableRows([deal], dataset)[0]).toMatchObject({ status: "superseded", evidence: "—" });
  });
});

describe("a deals listing page", () => {
  it("titles a filtered listing by era and type, and describes what it holds", () => {
    const page = dealsIndexPage(fixture, { type: "equity", era: "ai-2020s" }, "newest");
    expect(page.title).toBe("AI era (2019–2026): Equity deals");
    expect(page.description).toBe(`3 deals in the Circularity dataset v${fixture.version}, with amounts, bases, evidence and sources.`);
    expect(page.lede).toBe(`3 records in dataset v${fixture.version}. Each links to its record, its sources and the loops it belongs to.`);
    expect(page.caption).toBe("AI era (2019–2026): Equity deals, newest first");
    expect(page.path).toBe("deals/type/equity/era/ai-2020s/by/newest/");
    expect(page.canonicalPath).toBe("deals/type/equity/era/ai-2020s/");
    const all = dealsIndexPage(fixture, {}, "amount");
    expect(all.title).toBe("Deals");
    expect(all.lede).toBe(
      `12 records in dataset v${fixture.version}, every AI-era and telecom-era deal. Each links to its record, its sources and the loops it belongs to.`,
    );
    expect(all.eraNote).toBe("AI era (2019–2026); Telecom era (1996–2002).");
    expect(all.downloads).toEqual([
      { text: "CSV", path: `data/${fixture.version}.csv` },
      { text: "JSON", path: `data/${fixture.version}.json` },
    ]);
  });

  it("offers every order, the current one marked, each keeping the filter", () => {
    const page = dealsIndexPage(fixture, { era: "telecom-1990s" }, "from");
    expect(page.sort.map((o) => [o.text, o.path, o.current])).toEqual([
      ["Newest first", "deals/era/telecom-1990s/by/newest/", false],
      ["Oldest first", "deals/era/telecom-1990s/by/oldest/", false],
      ["Largest amount first", "deals/era/telecom-1990s/", false],
      ["By payer", "deals/era/telecom-1990s/by/from/", true],
      ["By recipient", "deals/era/telecom-1990s/by/to/", false],
      ["By type", "deals/era/telecom-1990s/by/type/", false],
    ]);
    expect(page.table.headers.find((h) => h.label === "To")!.path).toBe("deals/era/telecom-1990s/by/to/");
    expect(page.table.headers.find((h) => h.label === "Deal")!.path).toBeUndefined();
    expect(page.allTypes).toEqual({ text: "all", path: "deals/era/telecom-1990s/by/from/", current: true });
    expect(page.allEras).toEqual({ text: "both", path: "deals/by/from/", current: false });
  });

  it("offers only types and eras that select deals, linking a type × era page only where it narrows the type", () => {
    const telecom = dealsIndexPage(fixture, { era: "telecom-1990s" }, "amount");
    expect(telecom.types).toEqual([
      { text: "Vendor financing", path: "deals/type/vendor-financing/", current: false, count: 1 },
      { text: "Partnership", path: "deals/type/partnership/", current: false, count: 1 },
    ]);
    const mixed = mixedEras();
    const equityTelecom = dealsIndexPage(mixed, { era: "telecom-1990s", type: "equity" }, "amount");
    expect(equityTelecom.types.find((t) => t.text === "Equity")).toEqual({
      text: "Equity",
      path: "deals/type/equity/era/telecom-1990s/",
      current: true,
      count: 1,
    });
    expect(equityTelecom.eras).toEqual([
      { text: "AI era (2019–2026)", path: "deals/type/equity/era/ai-2020s/", current: false, count: 3 },
      { text: "Telecom era (1996–2002)", path: "deals/type/equity/era/telecom-1990s/", current: true, count: 1 },
    ]);
    const warrants = dealsIndexPage(mixed, { type: "warrants" }, "amount");
    expect(warrants.eras).toEqual([{ text: "AI era (2019–2026)", path: "deals/type/warrants/", current: false, count: 1 }]);
  });

  it("lists the companies that are party to a deal, linked to their deals", () => {
    const page = dealsIndexPage(fixture, {}, "amount");
    expect(page.companies).toContainEqual({ text: "Nvidia", path: "companies/nvidia/#deals" });
    expect(page.companies.length).toBe(new Set(fixture.dataset.deals.flatMap((d) => [d.from, d.to])).size);
  });
});

describe("the listings the site builds", () => {
  it("builds each filter that selects deals in every order, and a type × era page only where it narrows the type", () => {
    const listings = dealListings(mixedEras().dataset);
    const filters = [...new Set(listings.map((l) => JSON.stringify(l.filter)))].map((f) => JSON.parse(f));
    expect(filters).toEqual([
      {},
      { type: "equity" },
      { type: "cloud-commitment" },
      { type: "chip-purchase" },
      { type: "warrants" },
      { type: "capacity-backstop" },
      { type: "vendor-financing" },
      { type: "partnership" },
      { era: "ai-2020s" },
      { era: "telecom-1990s" },
      { type: "equity", era: "ai-2020s" },
      { type: "equity", era: "telecom-1990s" },
    ]);
    expect(listings.length).toBe(filters.length * 6);
  });
});
