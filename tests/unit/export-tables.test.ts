// The downloads readers open in a spreadsheet: every column of every tidy table, present and absent, and the schema
// table's types. A wrong cell here is a wrong number in someone's model.
import { beforeEach, describe, expect, it } from "vitest";
import { csvParse } from "d3-dsv";
import { loadReleases } from "../../src/dataset/load.ts";
import { dealsToCsv, schemaFields, tidyTable, typeOf } from "../../src/dataset/export.ts";
import type { Dataset } from "../../src/schemas/dataset.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

const rowsOf = (dataset: Dataset, table: Parameters<typeof tidyTable>[1]) => csvParse(tidyTable(dataset, table)).map((r) => ({ ...r }));

describe("tidy tables, cell by cell", () => {
  let dataset: Dataset;
  beforeEach(() => {
    dataset = structuredClone(loadReleases(FIXTURE_DATA).current.dataset);
  });

  it("end every file with a newline, as the deals CSV does", () => {
    for (const table of ["deals", "companies", "metrics", "financing", "sources"] as const) expect(tidyTable(dataset, table).endsWith("\n")).toBe(true);
    expect(dealsToCsv(dataset.deals).endsWith("\n")).toBe(true);
    expect(dealsToCsv(dataset.deals).endsWith("\n\n")).toBe(false);
  });

  it("write a deal with every optional field, and one with none", () => {
    const deal = dataset.deals[0]!;
    deal.amount = { usd: 100000000000, basis: "up-to", original: "up to $100 billion" };
    deal.compute = { gw: 10, chips: "Vera Rubin" };
    deal.termYears = 5;
    deal.supersededBy = "amd-openai-2025-10";
    const other = dataset.deals.find((d) => d.id === "openai-nvidia-2025-09")!;
    delete other.compute;
    delete other.termYears;
    const rows = rowsOf(dataset, "deals");
    expect(rows[0]).toEqual({
      id: "nvidia-openai-2025-09",
      title: "Nvidia's letter of intent to invest in OpenAI",
      announced: "2025-09-22",
      datePrecision: "day",
      from: "nvidia",
      fromName: "Nvidia",
      to: "openai",
      toName: "OpenAI",
      type: "equity",
      amountUsd: "100000000000",
      amountBasis: "up-to",
      amountOriginal: "up to $100 billion",
      computeGw: "10",
      computeChips: "Vera Rubin",
      termYears: "5",
      status: "announced",
      era: "ai-2020s",
      supersededBy: "amd-openai-2025-10",
      sources: "1",
      notes: "Non-binding letter of intent.",
    });
    expect(rows.find((r) => r.id === "openai-nvidia-2025-09")).toMatchObject({
      amountUsd: "",
      amountBasis: "",
      amountOriginal: "",
      computeGw: "",
      computeChips: "",
      termYears: "",
      supersededBy: "",
    });
  });

  it("write a company with its ticker, country and aliases, and one without", () => {
    dataset.entities[1]!.aliases = ["OpenAI Group PBC", "OpenAI Inc."];
    delete dataset.entities[1]!.ticker;
    delete dataset.entities[1]!.country;
    const rows = rowsOf(dataset, "companies");
    expect(rows[0]).toEqual({
      id: "nvidia",
      name: "Nvidia",
      kind: "company",
      ticker: "NVDA",
      country: "US",
      aliases: "NVIDIA Corporation",
      description: "Designer of the GPUs most AI models are trained on.",
    });
    expect(rows[1]).toMatchObject({ id: "openai", ticker: "", country: "", aliases: "OpenAI Group PBC; OpenAI Inc." });
  });

  it("write a metric with its company's name, when it was stated, and its notes", () => {
    dataset.metrics[0]!.stated = "2025-10-01";
    dataset.metrics[0]!.notes = "First half.";
    delete dataset.metrics[1]!.stated;
    delete dataset.metrics[1]!.notes;
    const rows = rowsOf(dataset, "metrics");
    expect(rows[0]).toEqual({
      id: "openai-revenue-2025-h1",
      entity: "openai",
      entityName: "OpenAI",
      metric: "revenue",
      period: "2025-H1",
      stated: "2025-10-01",
      value: "4300000000",
      unit: "usd",
      basis: "reported",
      notes: "First half.",
    });
    expect(rows[1]).toMatchObject({ stated: "", notes: "" });
  });

  it("write a financing record's three parties, terms and related deals, blank where absent", () => {
    const financing = dataset.financing[0]!;
    financing.beneficiary = "openai";
    financing.terms = "9.25% coupon";
    financing.termYears = 5;
    financing.relatedDeals = ["openai-coreweave-2025-03", "nvidia-openai-2025-09"];
    const [row] = rowsOf(dataset, "financing");
    expect(row).toEqual({
      id: "coreweave-notes-2025-05",
      title: "CoreWeave's senior notes due 2030 (test record)",
      announced: "2025-05-21",
      datePrecision: "day",
      instrument: "bond",
      provider: "nvidia",
      providerName: "Nvidia",
      borrower: "coreweave",
      borrowerName: "CoreWeave",
      beneficiary: "openai",
      beneficiaryName: "OpenAI",
      amountUsd: "2000000000",
      amountBasis: "committed",
      termYears: "5",
      terms: "9.25% coupon",
      status: "closed",
      relatedDeals: "openai-coreweave-2025-03 nvidia-openai-2025-09",
      notes: "Test data: a financing record to exercise the financing layer; the provider is deliberately a known entity.",
    });
    delete financing.beneficiary;
    delete financing.terms;
    delete (financing as { notes?: string }).notes;
    financing.amount = null;
    expect(rowsOf(dataset, "financing")[0]).toMatchObject({ beneficiary: "", beneficiaryName: "", terms: "", notes: "", amountUsd: "", amountBasis: "" });
  });

  it("write every source as a row of its list and record, numbered from one", () => {
    dataset.deals[0]!.sources.push({
      publisher: "Reuters copy",
      title: "Second",
      date: "2025-09-23",
      url: "https://example.org/b",
      via: "Reuters",
      gradeNote: "Copy.",
    });
    const rows = rowsOf(dataset, "sources");
    expect(rows.slice(0, 2)).toEqual([
      {
        list: "deals",
        record: "nvidia-openai-2025-09",
        position: "1",
        kind: "aggregator",
        publisher: "Tech Startups",
        via: "",
        title: "Nvidia to invest $100 billion in OpenAI to build 10GW AI infrastructure for superintelligence",
        date: "2025-09-22",
        url: "https://techstartups.com/2025/09/22/nvidia-to-invest-100-billion-in-openai-to-build-10gw-ai-infrastructure-for-superintelligence",
        gradeNote: "",
      },
      {
        list: "deals",
        record: "nvidia-openai-2025-09",
        position: "2",
        kind: "",
        publisher: "Reuters copy",
        via: "Reuters",
        title: "Second",
        date: "2025-09-23",
        url: "https://example.org/b",
        gradeNote: "Copy.",
      },
    ]);
    expect(rows.find((r) => r.list === "metrics")).toMatchObject({ record: "openai-revenue-2025-h1", position: "1", via: "The Information", kind: "press" });
    expect(rows.find((r) => r.list === "financing")).toMatchObject({ record: "coreweave-notes-2025-05", position: "1", kind: "company" });
  });

  it("leave a party's name blank when the id names no company, rather than inventing one", () => {
    dataset.metrics[0]!.entity = "unlisted";
    expect(rowsOf(dataset, "metrics")[0]).toMatchObject({ entity: "unlisted", entityName: "" });
  });
});

describe("the schema table's types", () => {
  it("names each kind of field as a reader would", () => {
    const deals = new Map(schemaFields("deals").map((f) => [f.name, f]));
    expect(deals.get("datePrecision")).toMatchObject({ type: '"day" | "month" | "quarter" | "year"', required: false });
    expect(deals.get("amount")).toMatchObject({ type: "object or null", required: true, description: expect.stringMatching(/^The amount in USD/) });
    expect(deals.get("amount.usd")).toMatchObject({ type: "number", required: true });
    expect(deals.get("amount.original")).toMatchObject({ type: "string", required: false });
    expect(deals.get("compute")).toMatchObject({ type: "object", required: false });
    expect(deals.get("compute.gw")).toMatchObject({ type: "number", required: false });
    expect(deals.get("sources")).toMatchObject({ type: "array of object", required: true });
    expect(schemaFields("financing").find((f) => f.name === "relatedDeals")).toMatchObject({ type: "array of string", required: false });
    expect(schemaFields("metrics").find((f) => f.name === "source.url")).toMatchObject({ type: "string uri", required: true });
  });

  it("spells out constants, unions, bare arrays and untyped values", () => {
    expect(typeOf({ const: 1 })).toBe("1");
    expect(typeOf({ const: "x" })).toBe('"x"');
    expect(typeOf({ anyOf: [{ type: "string" }, { type: "null" }] })).toBe("string or null");
    expect(typeOf({ type: "array" })).toBe("array of values");
    expect(typeOf({ type: "array", items: { enum: ["a", "b"] } })).toBe('array of "a" | "b"');
    expect(typeOf({ properties: {} })).toBe("object");
    expect(typeOf({ type: "string", format: "date" })).toBe("string date");
    expect(typeOf({})).toBe("value");
  });
});
