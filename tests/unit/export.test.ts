import { describe, expect, it } from "vitest";
import { loadReleases } from "../../src/dataset/load.ts";
import { Deal } from "../../src/schemas/dataset.ts";
import { dealsFromCsv, dealsToCsv, schemaFields } from "../../src/dataset/export.ts";
import { diffDatasets } from "../../src/dataset/diff.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

const history = loadReleases(FIXTURE_DATA);
const real = loadReleases("data");

describe("CSV export", () => {
  it.each([
    ["fixture", history.current.dataset.deals],
    ["real release", real.current.dataset.deals],
  ])("round-trips the %s deals to the same records", (_name, deals) => {
    const back = dealsFromCsv(dealsToCsv(deals)).map((d) => Deal.parse(d));
    expect(back).toEqual(deals);
  });
});

describe("schema table", () => {
  it("lists every deal field with its meaning", () => {
    const fields = schemaFields("deals");
    const names = fields.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(["id", "from", "to", "amount", "amount.usd", "amount.basis", "sources", "supersededBy"]));
    expect(fields.find((f) => f.name === "from")!.description).toMatch(/pays, invests/);
    expect(fields.find((f) => f.name === "type")!.type).toContain('"capacity-backstop"');
  });
});

describe("diffDatasets", () => {
  it("reports the fixture's added and revised deals by id and field", () => {
    const [v1, v2] = history.releases;
    const diff = diffDatasets(v1!.dataset, v2!.dataset);
    expect(diff.deals.added).toEqual(["anthropic-amazon-2026-04"]);
    expect(diff.deals.removed).toEqual([]);
    // 1.1.0 grades every source (schema 1.1), so every carried-over deal's sources changed; one amount was revised.
    expect(diff.deals.changed.find((c) => c.id === "openai-coreweave-2025-03")).toEqual({ id: "openai-coreweave-2025-03", fields: ["amount", "sources"] });
    expect(diff.deals.changed.filter((c) => c.fields.includes("amount")).map((c) => c.id)).toEqual(["openai-coreweave-2025-03"]);
    expect(diff.entities.changed).toEqual([]);
  });
});

describe("tidy tables", () => {
  it("publish every record once per table, names beside ids, sources as rows, undisclosed blank and no JSON in a cell", async () => {
    const { tidyTable, TIDY_TABLES } = await import("../../src/dataset/export.ts");
    const { csvParse } = await import("d3-dsv");
    const { loadReleases } = await import("../../src/dataset/load.ts");
    const { dataset } = loadReleases("data").current;
    const tables = Object.fromEntries(TIDY_TABLES.map((t) => [t, csvParse(tidyTable(dataset, t))]));
    expect(tables.deals!.length).toBe(dataset.deals.length);
    expect(tables.companies!.length).toBe(dataset.entities.length);
    expect(tables.metrics!.length).toBe(dataset.metrics.length);
    expect(tables.financing!.length).toBe(dataset.financing.length);
    const sourceCount =
      dataset.deals.reduce((n, d) => n + d.sources.length, 0) + dataset.metrics.length + dataset.financing.reduce((n, f) => n + f.sources.length, 0);
    expect(tables.sources!.length).toBe(sourceCount);
    const names = new Map(dataset.entities.map((e) => [e.id, e.name]));
    for (const row of tables.deals!) {
      expect(row.fromName).toBe(names.get(row.from!));
      const deal = dataset.deals.find((d) => d.id === row.id)!;
      expect(row.amountUsd).toBe(deal.amount ? String(deal.amount.usd) : "");
      expect(Number(row.sources)).toBe(tables.sources!.filter((s) => s.list === "deals" && s.record === row.id).length);
    }
    const isJson = (v: string) => {
      try {
        return typeof JSON.parse(v) === "object" && JSON.parse(v) !== null;
      } catch {
        return false;
      }
    };
    for (const t of TIDY_TABLES) for (const row of tables[t]!) for (const v of Object.values(row)) expect(isJson(v!), `${t}: ${v}`).toBe(false);
  });
});
