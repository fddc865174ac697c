// The Frictionless Data Package descriptor of a release: what pandas, R or frictionless need to read the release's
// files with the right types, licence and version. A wrong path, type or hash is a reader's tool reading the wrong
// file, or the right one wrongly. Tested on the fixture history with a 1.3.0 release (the first with indicators).
import { beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { RELEASE_13, fixtureWith13, withDataDir } from "../helpers/fixture-with-1-3.ts";
import type { Release } from "../../src/dataset/load.ts";

const { dataDir, archiveDir } = fixtureWith13();
const { datapackage, dealsToCsv, getHistory, schemaFields, DEAL_CSV_COLUMNS } = await withDataDir(dataDir, archiveDir, async () => ({
  ...(await import("../../src/page-data/datapackage.ts")),
  ...(await import("../../src/dataset/index.ts")),
  ...(await import("../../src/dataset/export.ts")),
}));

const SITE = "https://circularity.report";
const DESCRIPTION =
  "Sourced data and analysis on the loops in which AI companies invest in customers that buy their chips and cloud, compared with the 1990s telecom vendor-financing bubble.";

/** Each CSV column as a data tool must read it: its type, whether every row has it, and the schema field it comes from. */
const COLUMNS: Record<string, { type: string; required: boolean; field: string }> = {
  id: { type: "string", required: true, field: "id" },
  title: { type: "string", required: true, field: "title" },
  announced: { type: "date", required: true, field: "announced" },
  datePrecision: { type: "string", required: false, field: "datePrecision" },
  from: { type: "string", required: true, field: "from" },
  to: { type: "string", required: true, field: "to" },
  type: { type: "string", required: true, field: "type" },
  amountUsd: { type: "number", required: false, field: "amount.usd" },
  amountBasis: { type: "string", required: false, field: "amount.basis" },
  amountOriginal: { type: "string", required: false, field: "amount.original" },
  computeGw: { type: "number", required: false, field: "compute.gw" },
  computeChips: { type: "string", required: false, field: "compute.chips" },
  termYears: { type: "number", required: false, field: "termYears" },
  status: { type: "string", required: true, field: "status" },
  era: { type: "string", required: true, field: "era" },
  supersededBy: { type: "string", required: false, field: "supersededBy" },
  sources: { type: "string", required: true, field: "sources" },
  notes: { type: "string", required: false, field: "notes" },
};

type Field = { name: string; type: string; description: string; constraints?: { required?: boolean; enum?: string[] } };
type Descriptor = ReturnType<typeof datapackage>;
const fieldsOf = (d: Descriptor) => (d.resources[0] as unknown as { schema: { fields: Field[]; primaryKey: string } }).schema;
const meaning = (field: string) => schemaFields("deals").find((f) => f.name === field)?.description;

describe("Data Package descriptor", () => {
  let releases: Release[];
  let current: Release;
  let descriptor: Descriptor;
  beforeEach(() => {
    releases = getHistory().releases;
    current = releases.at(-1)!;
    descriptor = datapackage(current);
  });

  it("names the release, its date, its evidence date and its notes", () => {
    expect(descriptor).toMatchObject({
      profile: "data-package",
      name: "circularity-1-3-0",
      title: "Circularity dataset v1.3.0",
      description: `${DESCRIPTION} Released 2026-07-15, evidence through early July 2026. ${RELEASE_13.notes}`,
      version: "1.3.0",
      created: "2026-07-15T00:00:00Z",
      homepage: `${SITE}/data/`,
    });
  });

  it("says nothing of the evidence date for a release that did not record one, so its bytes stay as published", () => {
    const older = datapackage(releases[1]!);
    expect(older.name).toBe("circularity-1-1-0");
    expect(older.description).toBe(`${DESCRIPTION} Released 2026-05-01. Adds Anthropic's AWS commitment; revises OpenAI's first CoreWeave contract`);
    expect(older.created).toBe("2026-05-01T00:00:00Z");
  });

  it("licenses the data CC BY 4.0 and credits the publisher", () => {
    expect(descriptor.licenses).toEqual([
      { name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0" },
    ]);
    expect(descriptor.contributors).toEqual([{ title: "Circularity", role: "publisher", path: `${SITE}/` }]);
    expect(descriptor.keywords).toEqual(["AI", "circular deals", "vendor financing", "OpenAI", "Nvidia", "telecom bubble"]);
  });

  it("points the deals table at the release's CSV, keyed by id", () => {
    expect(descriptor.resources[0]).toMatchObject({
      profile: "tabular-data-resource",
      name: "deals",
      title: "Deals, one row per record",
      description: "Every deal in the release; sources are a JSON array in the sources column.",
      path: `${SITE}/data/1.3.0.csv`,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
    });
    expect(fieldsOf(descriptor).primaryKey).toBe("id");
  });

  it("types each CSV column, in the CSV's order, marks the ones every row has, and gives its meaning from the schema", () => {
    const { fields } = fieldsOf(descriptor);
    expect(fields.map((f) => f.name)).toEqual([...DEAL_CSV_COLUMNS]);
    expect(fields.map((f) => f.name)).toEqual(Object.keys(COLUMNS));
    for (const f of fields) {
      const column = COLUMNS[f.name]!;
      expect(f.type, f.name).toBe(column.type);
      // 1.3.0 is not after 1.3.0: its published descriptor carries no code lists.
      expect(f.constraints, f.name).toEqual(column.required ? { required: true } : undefined);
      expect(meaning(column.field), column.field).toMatch(/\w/);
      expect(f.description, f.name).toBe(meaning(column.field));
    }
  });

  it("types and requires each column by what the release's CSV holds, not by a table of its own", () => {
    // The truth is the CSV a reader downloads: a number column holds only numbers, a date column only ISO dates,
    // and a required column is filled on every row; a column that holds only numbers is typed number.
    const rows = csvParse(dealsToCsv(current.dataset.deals));
    const { fields } = fieldsOf(descriptor);
    expect(rows.length).toBeGreaterThan(5);
    for (const f of fields) {
      const values = rows.map((r) => r[f.name] ?? "");
      const filled = values.filter((v) => v !== "");
      if (f.type === "number")
        expect(
          filled.every((v) => Number.isFinite(Number(v))),
          f.name,
        ).toBe(true);
      if (f.type === "date")
        expect(
          filled.every((v) => /^\d{4}(-\d{2}){0,2}$/.test(v)),
          f.name,
        ).toBe(true);
      if (filled.length && filled.every((v) => /^-?\d+(\.\d+)?$/.test(v))) expect(f.type, `${f.name} holds only numbers`).toBe("number");
      if (filled.length && filled.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))) expect(f.type, `${f.name} holds only dates`).toBe("date");
      expect(["string", "number", "date"], f.name).toContain(f.type);
      // Required exactly where the record schema requires the field and every row fills it.
      const schemaRequired = schemaFields("deals").find((x) => x.name === f.name)?.required ?? false;
      expect(f.constraints?.required ?? false, f.name).toBe(schemaRequired && filled.length === values.length);
    }
  });

  it("lists the codes of the coded columns, with what each means, from the first release after 1.3.0", () => {
    const { fields } = fieldsOf(datapackage({ ...current, version: "1.3.1" }));
    const field = (name: string) => fields.find((f) => f.name === name)!;
    expect(field("amountBasis")).toEqual({
      name: "amountBasis",
      type: "string",
      description: `${meaning("amount.basis")} Codes: committed = committed: a firm figure the parties announced; up-to = up to: a ceiling: the money depends on milestones or conditions and may never all flow; reported = reported: from press reports citing unnamed sources; the parties did not confirm it; estimated = estimated: an estimate computed by analysts or by us from stated terms, not a figure the parties gave.`,
      constraints: { enum: ["committed", "up-to", "reported", "estimated"] },
    });
    expect(field("type").description).toBe(
      `${meaning("type")} Codes: equity = Equity; cloud-commitment = Cloud commitment; chip-purchase = Chip purchase; warrants = Warrants; capacity-backstop = Capacity backstop; loan = Loan; vendor-financing = Vendor financing; partnership = Partnership.`,
    );
    expect(field("type").constraints).toEqual({
      required: true,
      enum: ["equity", "cloud-commitment", "chip-purchase", "warrants", "capacity-backstop", "loan", "vendor-financing", "partnership"],
    });
    expect(field("era")).toMatchObject({
      description: `${meaning("era")} Codes: ai-2020s = AI era (2019–2026); telecom-1990s = Telecom era (1996–2002).`,
      constraints: { required: true, enum: ["ai-2020s", "telecom-1990s"] },
    });
    // Uncoded columns are as before.
    expect(field("status")).toEqual({ name: "status", type: "string", description: meaning("status"), constraints: { required: true } });
    expect(field("notes")).toEqual({ name: "notes", type: "string", description: meaning("notes") });
    // Versions compare as numbers: 1.10.0 is after 1.3.0.
    expect(fieldsOf(datapackage({ ...current, version: "1.10.0" })).fields.find((f) => f.name === "era")!.constraints!.enum).toHaveLength(2);
    expect(fieldsOf(datapackage({ ...current, version: "1.2.9" })).fields.find((f) => f.name === "era")!.constraints).toEqual({ required: true });
  });

  it("points the release resource at the JSON file, with the SHA-256 of its bytes", () => {
    const sha = createHash("sha256")
      .update(readFileSync(join(dataDir, "releases", "1.3.0.json"), "utf8"), "utf8")
      .digest("hex");
    expect(descriptor.resources[1]).toEqual({
      profile: "data-resource",
      name: "release",
      title: "The whole release: entities, deals, metrics, financing, removals and revisions",
      description: `The released file byte for byte; SHA-256 ${sha}. Its JSON Schema is ${SITE}/data/schema.json.`,
      path: `${SITE}/data/1.3.0.json`,
      format: "json",
      mediatype: "application/json",
      encoding: "utf-8",
      hash: `sha256:${sha}`,
    });
  });

  it("lists the monitor's indicators pinned to the release, in the monitor's order, and none before they existed", () => {
    expect(descriptor.resources.slice(2)).toEqual([
      {
        profile: "data-resource",
        name: "indicator-firmness",
        title: "Indicator: How firm the money is",
        description:
          "Of the dollars announced in AI deals, how much has anyone actually committed to? committed dollars ÷ all disclosed dollars, active AI-era deals. The value, its breakdown, its inputs with their evidence and its history, as pinned to this release.",
        path: `${SITE}/monitor/firmness/v1.3.0/firmness.json`,
        format: "json",
        mediatype: "application/json",
        encoding: "utf-8",
      },
      expect.objectContaining({ name: "indicator-debt-behind-the-loops", path: `${SITE}/monitor/debt-behind-the-loops/v1.3.0/debt-behind-the-loops.json` }),
    ]);
    expect(datapackage(releases[1]!).resources.map((r) => r.name)).toEqual(["deals", "release"]);
    expect(datapackage(releases[1]!).resources[0]!.path).toBe(`${SITE}/data/1.1.0.csv`);
  });
});
