import { describe, expect, it } from "vitest";
import { coverageProblems, monthsBetween } from "../../src/dataset/coverage.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

const { dataset } = loadReleases(FIXTURE_DATA).current;
const deal = dataset.deals[0]!;
const grid = (cells: object[]) => ({ searchedOn: "2026-12-03", from: "2025-11", through: "2026-01", method: "Month by month.", cells });
const cell = (month: string, extra: object = {}) => ({
  company: deal.from,
  month,
  searched: true,
  query: `${deal.from} ${month}`,
  found: [],
  note: "",
  ...extra,
});
const complete = [cell("2025-11", { found: [deal.id] }), cell("2025-12"), cell("2026-01", { searched: false, query: "" })];

describe("coverage sweep grid", () => {
  it("lists months across a year boundary", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2025-01", "2026-07")).toHaveLength(19);
  });
  it("accepts a complete grid whose findings resolve", () => {
    expect(coverageProblems(grid(complete), dataset, "data/coverage/x.json")).toEqual([]);
  });
  it("rejects a hole in the grid, a finding that does not resolve, an unknown company and a searched cell without a query", () => {
    const messages = coverageProblems(
      grid([cell("2025-11", { found: ["no-such-deal"] }), cell("2025-12", { query: "" }), { ...cell("2026-01"), company: "nobody" }]),
      dataset,
      "data/coverage/x.json",
    ).map((p) => `${p.record} | ${p.field ?? ""} | ${p.message}`);
    expect(messages).toContain(`cell ${deal.from} 2025-11 | found.0 | no deal, financing or metric "no-such-deal" in the working dataset`);
    expect(messages).toContain(`cell ${deal.from} 2025-12 | query | a searched cell names its query; an unsearched one has none`);
    expect(messages).toContain(`cell nobody 2026-01 | company | unknown entity id "nobody"`);
    expect(messages).toContain(`cell ${deal.from} 2026-01 |  | missing: list every month of the sweep for each company, searched or not`);
  });
  it("rejects a malformed month, naming the cell", () => {
    const [problem] = coverageProblems(grid([cell("2025-13")]), dataset, "data/coverage/x.json");
    expect(problem).toMatchObject({ record: "cell 0", field: "month", message: "must be a month YYYY-MM" });
  });
});
