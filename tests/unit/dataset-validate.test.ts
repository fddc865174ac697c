// Every rule the dataset checker enforces, fed the bad input it exists to catch, called directly (the CLI tests in
// dataset-load.test.ts spawn a process, which mutation testing cannot see): each problem names file, record and field.
import { beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import {
  describeJsonError,
  gradingProblems,
  integrityProblems,
  parseDatasetText,
  removalProblems,
  revisionProblems,
  schema13Problems,
  sourceHost,
} from "../../src/dataset/validate.ts";
import { loadReleases, loadWorkingDataset, newestDate, sha256 } from "../../src/dataset/load.ts";
import type { Dataset } from "../../src/schemas/dataset.ts";
import { copyFixtureData, datasetErrorOf, FIXTURE_DATA, readRelease, writeReleaseWithLock } from "../helpers/dataset-fixtures.ts";

const FILE = "data/working/dataset.json";
const fixtureText = readFileSync(join(FIXTURE_DATA, "releases", "1.1.0.json"), "utf8");

function fixture(): Dataset {
  const parsed = parseDatasetText(fixtureText, FILE, { requireSourceKinds: true });
  if (!parsed.ok) throw new Error("the fixture should parse");
  return structuredClone(parsed.dataset);
}

const thrown = datasetErrorOf;

describe("malformed JSON names the line and column", () => {
  it("turns Node 20's character offset into a line and column", () => {
    const text = '{\n  "a": 1,,\n}';
    expect(describeJsonError(new SyntaxError("Expected double-quoted property name in JSON at position 12"), text)).toBe(
      "malformed JSON at line 2, column 11: Expected double-quoted property name",
    );
    expect(describeJsonError(new SyntaxError("Unexpected token x in JSON at position 0"), "x")).toBe("malformed JSON at line 1, column 1: Unexpected token x");
  });

  it("keeps a line and column the engine already gives, without repeating it", () => {
    expect(describeJsonError(new SyntaxError("Unexpected token ',' (line 12 column 34)"), "")).toBe(
      "malformed JSON at line 12, column 34: Unexpected token ','",
    );
  });

  it("puts a truncated file's error at its end", () => {
    expect(describeJsonError(new SyntaxError("Unexpected end of JSON input"), '{\n  "deals": [')).toBe(
      "malformed JSON at line 2, column 13: Unexpected end of JSON input",
    );
  });

  it("says only what is wrong when there is no position", () => {
    expect(describeJsonError(new SyntaxError("Bad control character"), "{}")).toBe("malformed JSON: Bad control character");
  });

  it("reports what this Node says, as one problem for the file", () => {
    const result = parseDatasetText('{\n  "schemaVersion": 1,,\n}', FILE);
    expect(result).toEqual({ ok: false, problems: [{ file: FILE, message: expect.stringMatching(/^malformed JSON at line 2, column \d+: \S/) }] });
  });
});

describe("schema violations name the record by id, or by position when it has none", () => {
  const violations = (mutate: (data: any) => void) => {
    const data = JSON.parse(fixtureText);
    mutate(data);
    const result = parseDatasetText(JSON.stringify(data), FILE);
    if (result.ok) throw new Error("expected problems");
    return result.problems;
  };

  it("names a deal by its id and the field by its path", () => {
    expect(violations((d) => (d.deals[0].amount.usd = -1))).toEqual([
      { file: FILE, record: "deal nvidia-openai-2025-09", field: "amount.usd", message: expect.stringContaining("negative") },
    ]);
  });

  it("holds the share kinds to their units, and the share units to the share kinds (schema 1.26)", () => {
    expect(violations((d) => Object.assign(d.metrics[0], { metric: "warrant-shares", unit: "usd" }))).toEqual([
      { file: FILE, record: "metric openai-revenue-2025-h1", field: "unit", message: 'must be "shares" for a warrant-shares metric' },
    ]);
    expect(violations((d) => Object.assign(d.metrics[0], { metric: "share-price", unit: "shares" }))).toEqual([
      { file: FILE, record: "metric openai-revenue-2025-h1", field: "unit", message: 'must be "usd-per-share" for a share-price metric' },
    ]);
    expect(violations((d) => (d.metrics[0].unit = "usd-per-share"))).toEqual([
      {
        file: FILE,
        record: "metric openai-revenue-2025-h1",
        field: "unit",
        message: '"usd-per-share" is only for shares-outstanding, warrant-shares, price-target, share-price, consumer-price-index metrics, not revenue',
      },
    ]);
    const valid = JSON.parse(fixtureText);
    Object.assign(valid.metrics[0], { metric: "price-target", unit: "usd-per-share", value: 600 });
    expect(parseDatasetText(JSON.stringify(valid), FILE).ok).toBe(true);
  });

  it("holds a price index to its own unit, and that unit to price indexes (schema 1.55)", () => {
    expect(violations((d) => Object.assign(d.metrics[0], { metric: "consumer-price-index", unit: "percent" }))).toEqual([
      { file: FILE, record: "metric openai-revenue-2025-h1", field: "unit", message: 'must be "index" for a consumer-price-index metric' },
    ]);
    expect(violations((d) => (d.metrics[0].unit = "index"))).toEqual([
      {
        file: FILE,
        record: "metric openai-revenue-2025-h1",
        field: "unit",
        message: '"index" is only for shares-outstanding, warrant-shares, price-target, share-price, consumer-price-index metrics, not revenue',
      },
    ]);
    const valid = JSON.parse(fixtureText);
    Object.assign(valid.metrics[0], { metric: "consumer-price-index", unit: "index", value: 335.123, period: "2026-05" });
    expect(parseDatasetText(JSON.stringify(valid), FILE).ok).toBe(true);
    // A credit spread is a percentage like any other (schema 1.55).
    Object.assign(valid.metrics[0], { metric: "credit-spread", unit: "percent", value: 4.52, period: "2026-06" });
    expect(parseDatasetText(JSON.stringify(valid), FILE).ok).toBe(true);
  });

  it("takes stockholders' equity in dollars, below zero too, and in no other unit (schema 1.59)", () => {
    const equity = { metric: "stockholders-equity", period: "2026-06-30", unit: "usd" };
    expect(violations((d) => Object.assign(d.metrics[0], equity, { value: 551.62e9, unit: "shares" }))).toEqual([
      { file: FILE, record: "metric openai-revenue-2025-h1", field: "unit", message: expect.stringContaining('"shares" is only for') },
    ]);
    const valid = JSON.parse(fixtureText);
    Object.assign(valid.metrics[0], equity, { value: 551.62e9 });
    expect(parseDatasetText(JSON.stringify(valid), FILE).ok).toBe(true);
    // Buybacks and losses can leave a company with negative equity; the record must be able to say so.
    Object.assign(valid.metrics[0], { value: -3.8e9 });
    expect(parseDatasetText(JSON.stringify(valid), FILE).ok).toBe(true);
  });

  it("takes operating income in dollars, a loss below zero too, and in no other unit (schema 1.60)", () => {
    const operating = { metric: "operating-income", period: "2026-H1", unit: "usd" };
    expect(violations((d) => Object.assign(d.metrics[0], operating, { value: 51.313e9, unit: "index" }))).toEqual([
      { file: FILE, record: "metric openai-revenue-2025-h1", field: "unit", message: expect.any(String) },
    ]);
    const valid = JSON.parse(fixtureText);
    Object.assign(valid.metrics[0], operating, { value: 51.313e9 });
    expect(parseDatasetText(JSON.stringify(valid), FILE).ok).toBe(true);
    // A business that loses money in operations reports a negative operating income; the record must be able to say so.
    Object.assign(valid.metrics[0], { value: -1.2e9 });
    expect(parseDatasetText(JSON.stringify(valid), FILE).ok).toBe(true);
  });

  it("takes an allowance for credit losses as a balance in dollars that cannot be negative (schema 1.46)", () => {
    const allowance = { metric: "credit-loss-allowance", period: "2002-12-31", unit: "usd" };
    expect(violations((d) => Object.assign(d.metrics[0], allowance, { value: -824e6 }))).toEqual([
      {
        file: FILE,
        record: "metric openai-revenue-2025-h1",
        field: "value",
        message: expect.stringContaining("must not be negative for a credit-loss-allowance metric"),
      },
    ]);
    expect(violations((d) => Object.assign(d.metrics[0], allowance, { value: 824e6, unit: "shares" }))).toEqual([
      { file: FILE, record: "metric openai-revenue-2025-h1", field: "unit", message: expect.stringContaining('"shares" is only for') },
    ]);
    const valid = JSON.parse(fixtureText);
    Object.assign(valid.metrics[0], allowance, { value: 824e6 });
    expect(parseDatasetText(JSON.stringify(valid), FILE).ok).toBe(true);
  });

  it("names a record without a usable id by its list and position", () => {
    expect(violations((d) => (d.entities[2].id = 7))).toEqual([{ file: FILE, record: "entity entities[2]", field: "id", message: expect.any(String) }]);
    expect(violations((d) => (d.metrics[0].id = ""))).toEqual([{ file: FILE, record: "metric metrics[0]", field: "id", message: expect.any(String) }]);
  });

  it("names each list's records in its own words", () => {
    const problems = violations((d) => {
      d.entities[0].name = 1;
      d.financing[0].amount = "lots";
      d.revisions[0].reason = 2;
    });
    expect(problems.map((p) => p.record)).toEqual([
      "entity nvidia",
      "financing coreweave-notes-2025-05",
      `revision ${JSON.parse(fixtureText).revisions[0].id}`,
    ]);
  });

  it("names a top-level field without a record, and lists unknown fields by name", () => {
    expect(violations((d) => (d.schemaVersion = "one"))).toEqual([{ file: FILE, field: "schemaVersion", message: expect.any(String) }]);
    expect(violations((d) => (d.extra = 1))).toEqual([{ file: FILE, message: 'unknown field(s) "extra"' }]);
    expect(violations((d) => Object.assign(d.deals[0], { colour: 1, size: 2 }))).toEqual([
      { file: FILE, record: "deal nvidia-openai-2025-09", message: 'unknown field(s) "colour", "size"' },
    ]);
  });

  it("does not read a position as a record when the list is not a record list", () => {
    expect(violations((d) => (d.deals[0].sources[0].url = "not a url"))).toEqual([
      { file: FILE, record: "deal nvidia-openai-2025-09", field: "sources.0.url", message: expect.any(String) },
    ]);
  });
});

describe("integrity: ids unique, references resolve", () => {
  let data: Dataset;
  beforeEach(() => {
    data = fixture();
  });

  it("passes the fixture", () => {
    expect(integrityProblems(data, FILE)).toEqual([]);
  });

  it("names every duplicate id by its list", () => {
    data.entities.push({ ...data.entities[0]! });
    data.deals.push({ ...data.deals[0]! });
    data.metrics.push({ ...data.metrics[0]! });
    data.financing.push({ ...data.financing[0]! });
    expect(integrityProblems(data, FILE)).toEqual([
      { file: FILE, record: "entity nvidia", field: "id", message: 'duplicate id "nvidia"' },
      { file: FILE, record: "deal nvidia-openai-2025-09", field: "id", message: 'duplicate id "nvidia-openai-2025-09"' },
      { file: FILE, record: "metric openai-revenue-2025-h1", field: "id", message: 'duplicate id "openai-revenue-2025-h1"' },
      { file: FILE, record: "financing coreweave-notes-2025-05", field: "id", message: 'duplicate id "coreweave-notes-2025-05"' },
    ]);
  });

  it("rejects a deal between one company and itself", () => {
    data.deals[0]!.to = data.deals[0]!.from;
    expect(integrityProblems(data, FILE)).toEqual([
      { file: FILE, record: "deal nvidia-openai-2025-09", field: "to", message: '"from" and "to" are the same entity' },
    ]);
  });

  it("rejects a replacement that names no deal, or the deal itself, and accepts a real one", () => {
    data.deals[0]!.supersededBy = "no-such-deal";
    data.deals[1]!.supersededBy = data.deals[1]!.id;
    data.deals[2]!.supersededBy = data.deals[3]!.id;
    expect(integrityProblems(data, FILE)).toEqual([
      { file: FILE, record: "deal nvidia-openai-2025-09", field: "supersededBy", message: 'unknown deal id "no-such-deal"' },
      { file: FILE, record: "deal openai-nvidia-2025-09", field: "supersededBy", message: "a deal cannot supersede itself" },
    ]);
  });

  it("holds supply-chain layers to all or nothing: once one entity has a layer, every party to an active AI-era deal needs one (schema 1.27)", () => {
    // No layers anywhere: the releases before 1.27.0, which stay valid.
    expect(integrityProblems(data, FILE)).toEqual([]);
    const aiParties = new Set(data.deals.filter((d) => d.era === "ai-2020s" && d.status !== "cancelled" && !d.supersededBy).flatMap((d) => [d.from, d.to]));
    for (const e of data.entities) if (aiParties.has(e.id)) e.layer = "cloud";
    expect(integrityProblems(data, FILE)).toEqual([]);
    // One AI-era party loses its layer: named, with a deal it is party to.
    const deal = data.deals.find((d) => d.era === "ai-2020s" && d.status !== "cancelled" && !d.supersededBy)!;
    delete data.entities.find((e) => e.id === deal.from)!.layer;
    const problems = integrityProblems(data, FILE);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, record: `entity ${deal.from}`, field: "layer" });
    expect(problems[0]!.message).toMatch(/has no layer, but other entities do and it is a party to the active AI-era deal "[^"]+"/);
  });

  it("rejects a layer that is not one of the five (schema 1.27)", () => {
    const raw = JSON.parse(JSON.stringify(data)) as { entities: { layer?: string }[] };
    raw.entities[0]!.layer = "chips";
    const parsed = parseDatasetText(JSON.stringify(raw), FILE);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]).toMatchObject({ file: FILE, record: "entity nvidia", field: "layer" });
  });

  it("rejects a metric of an unknown company", () => {
    data.metrics[1]!.entity = "no-such-company";
    expect(integrityProblems(data, FILE)).toEqual([
      { file: FILE, record: "metric openai-cash-burn-2025-h1", field: "entity", message: 'unknown entity id "no-such-company"' },
    ]);
  });

  it("rejects a financing record's unknown counterparty, one party on both sides, and an unknown related deal", () => {
    const financing = data.financing[0]!;
    financing.beneficiary = "ghost";
    financing.relatedDeals = [...financing.relatedDeals, "no-such-deal"];
    expect(integrityProblems(data, FILE)).toEqual([
      { file: FILE, record: "financing coreweave-notes-2025-05", field: "beneficiary", message: 'unknown entity id "ghost"' },
      { file: FILE, record: "financing coreweave-notes-2025-05", field: "relatedDeals.1", message: 'unknown deal id "no-such-deal"' },
    ]);
    financing.beneficiary = undefined;
    financing.relatedDeals = financing.relatedDeals.slice(0, 1);
    financing.borrower = financing.provider;
    expect(integrityProblems(data, FILE)).toEqual([
      {
        file: FILE,
        record: "financing coreweave-notes-2025-05",
        field: "borrower",
        message: '"provider" and "borrower" are the same entity: a financing needs two counterparties',
      },
    ]);
  });

  it("rejects a record marked removed that is still listed, in every list", () => {
    data.removed = [
      { list: "deals", id: "amd-openai-2025-10", since: "1.1.0", reason: "test" },
      { list: "entities", id: "lucent", since: "1.1.0", reason: "test" },
      { list: "metrics", id: "gone-metric", since: "1.1.0", reason: "test" },
      { list: "financing", id: "coreweave-notes-2025-05", since: "1.1.0", reason: "test" },
    ];
    expect(integrityProblems(data, FILE)).toEqual([
      { file: FILE, record: "removal amd-openai-2025-10", field: "id", message: '"amd-openai-2025-10" is marked removed from deals but is still listed there' },
      { file: FILE, record: "removal lucent", field: "id", message: '"lucent" is marked removed from entities but is still listed there' },
      {
        file: FILE,
        record: "removal coreweave-notes-2025-05",
        field: "id",
        message: '"coreweave-notes-2025-05" is marked removed from financing but is still listed there',
      },
    ]);
  });
});

describe("one grading rule per site", () => {
  let data: Dataset;
  const page = (url: string, kind: "wire" | "press" | "aggregator" | undefined, extra: Record<string, string> = {}) => ({
    publisher: "Example News",
    title: "A page",
    date: "2025-09-22",
    url,
    ...(kind ? { kind } : {}),
    ...extra,
  });
  beforeEach(() => {
    data = fixture();
  });

  it("names a site as readers do", () => {
    expect(sourceHost("https://WWW.Example-News.test/a?b=c")).toBe("example-news.test");
    expect(sourceHost("https://news.example.test/www.x")).toBe("news.example.test");
  });

  it("flags the pages graded apart from the site's usual grade, naming an example of the usual one", () => {
    data.deals[0]!.sources.push(page("https://example-news.test/1", "press"));
    data.deals[1]!.sources.push(page("https://www.example-news.test/2", "wire"));
    data.deals[2]!.sources.push(page("https://example-news.test/3", "wire"));
    const index = data.deals[0]!.sources.length - 1;
    expect(gradingProblems(data, FILE)).toEqual([
      {
        file: FILE,
        record: "deal nvidia-openai-2025-09",
        field: `sources.${index}.kind`,
        message: `example-news.test is graded "press" here but "wire" on deal openai-nvidia-2025-09 (sources.${data.deals[1]!.sources.length - 1}): grade every page by the rule in data/README.md ("Grading sources"); a verbatim copy names its original in "via", and a page graded apart from its site says why in "gradeNote"`,
      },
    ]);
  });

  it("compares a verbatim copy only with copies of the same original, and names the original", () => {
    data.deals[0]!.sources.push(page("https://example-news.test/1", "press"));
    data.deals[1]!.sources.push(page("https://example-news.test/2", "wire", { via: "Reuters" }));
    data.metrics[0]!.source = page("https://example-news.test/3", "aggregator", { via: "Reuters" }) as never;
    data.financing[0]!.sources.push(page("https://example-news.test/4", "wire", { via: "Reuters" }));
    expect(gradingProblems(data, FILE)).toEqual([
      expect.objectContaining({
        record: "metric openai-revenue-2025-h1",
        field: "source.kind",
        message: expect.stringMatching(
          /^example-news\.test \(via Reuters\) is graded "aggregator" here but "wire" on deal openai-nvidia-2025-09 \(sources\.\d+\)/,
        ),
      }),
    ]);
  });

  it("lets a page that says why stand apart, and ignores ungraded pages", () => {
    data.deals[0]!.sources.push(page("https://example-news.test/1", "press", { gradeNote: "An opinion column." }));
    data.deals[1]!.sources.push(page("https://example-news.test/2", "wire"));
    data.deals[2]!.sources.push(page("https://example-news.test/3", "wire"));
    data.deals[3]!.sources.push(page("https://example-news.test/4", undefined));
    data.deals[4]!.sources.push(page("https://example-news.test/5", undefined));
    expect(gradingProblems(data, FILE)).toEqual([]);
  });
});

describe("the evidence date", () => {
  let data: Dataset;
  beforeEach(() => {
    data = fixture();
    data.evidenceThrough = "2026-07-10";
  });

  it("is required from schema 1.3", () => {
    delete data.evidenceThrough;
    expect(schema13Problems(data, FILE)).toEqual([
      { file: FILE, field: "evidenceThrough", message: 'missing: give the date of the newest reporting this release covers ("2026-07-10")' },
    ]);
  });

  it("rejects a source, a metric or a deal dated after it, and accepts the day itself and a month that contains it", () => {
    expect(schema13Problems(data, FILE)).toEqual([]);
    data.deals[0]!.sources[0]!.date = "2026-07-10";
    data.deals[1]!.sources[0]!.date = "2026-07";
    data.deals[2]!.sources[0]!.date = "2026";
    expect(schema13Problems(data, FILE)).toEqual([]);
    data.deals[0]!.sources[0]!.date = "2026-07-11";
    data.deals[1]!.sources[0]!.date = "2026-08";
    data.financing[0]!.sources[0]!.date = "2027";
    data.metrics[0]!.source.date = "2026-07-31";
    data.deals[3]!.announced = "2026-09-01";
    expect(schema13Problems(data, FILE)).toEqual([
      {
        file: FILE,
        record: "deal nvidia-openai-2025-09",
        field: "sources.0.date",
        message: "2026-07-11 is after evidenceThrough 2026-07-10: move evidenceThrough forward, or fix the date",
      },
      {
        file: FILE,
        record: "deal openai-nvidia-2025-09",
        field: "sources.0.date",
        message: "2026-08 is after evidenceThrough 2026-07-10: move evidenceThrough forward, or fix the date",
      },
      {
        file: FILE,
        record: "financing coreweave-notes-2025-05",
        field: "sources.0.date",
        message: "2027 is after evidenceThrough 2026-07-10: move evidenceThrough forward, or fix the date",
      },
      {
        file: FILE,
        record: "metric openai-revenue-2025-h1",
        field: "source.date",
        message: "2026-07-31 is after evidenceThrough 2026-07-10: move evidenceThrough forward, or fix the date",
      },
      { file: FILE, record: "deal openai-amd-2025-10", field: "announced", message: "2026-09-01 is after evidenceThrough 2026-07-10" },
    ]);
  });

  it("accepts a sweep that stops before the newest evidence, and rejects one that runs past it", () => {
    data.sweptThrough = "2026-07-05";
    expect(schema13Problems(data, FILE)).toEqual([]);
    data.sweptThrough = "2026-07-10";
    expect(schema13Problems(data, FILE)).toEqual([]);
    data.sweptThrough = "2026-07-11";
    expect(schema13Problems(data, FILE)).toEqual([
      { file: FILE, field: "sweptThrough", message: "2026-07-11 is after evidenceThrough 2026-07-10: the sweep cannot run past the newest evidence" },
    ]);
  });
});

describe("revisions and removals between releases", () => {
  let previous: Dataset;
  let next: Dataset;
  beforeEach(() => {
    previous = fixture();
    previous.revisions = [];
    next = structuredClone(previous);
  });

  it("asks for a reason for each material field a deal changes, with the entry to add", () => {
    next.deals[0]!.status = "closed";
    next.deals[0]!.title = "A new title";
    next.metrics[0]!.value = 1;
    expect(revisionProblems(previous, next, FILE, "1.2.0")).toEqual([
      {
        file: FILE,
        record: "deal nvidia-openai-2025-09",
        field: "status",
        message:
          'changed since the previous release without a reason: add { "list": "deals", "id": "nvidia-openai-2025-09", "version": "1.2.0", "fields": ["status"], "reason": "…" } to "revisions"',
      },
    ]);
  });

  it("accepts a reason given for this version only, and for that deal only", () => {
    next.deals[0]!.status = "closed";
    next.deals[0]!.announced = "2025-09-23";
    next.revisions = [
      { list: "deals", id: "nvidia-openai-2025-09", version: "1.1.5", fields: ["status"], reason: "an older note" },
      { list: "deals", id: "nvidia-openai-2025-09", version: "1.2.0", fields: ["announced"], reason: "the filing's date" },
    ];
    expect(revisionProblems(previous, next, FILE, "1.2.0")).toEqual([
      expect.objectContaining({ record: "deal nvidia-openai-2025-09", field: "status", message: expect.stringContaining('"fields": ["status"]') }),
    ]);
    next.revisions.push({ list: "metrics", id: "nvidia-openai-2025-09", version: "1.2.0", fields: ["status"], reason: "wrong list" });
    expect(revisionProblems(previous, next, FILE, "1.2.0").map((p) => p.record)).toEqual(["deal nvidia-openai-2025-09", "revision nvidia-openai-2025-09"]);
  });

  it("rejects a note for a record that did not change, or for a field that did not, saying what did", () => {
    next.deals[0]!.status = "closed";
    next.revisions = [
      { list: "deals", id: "nvidia-openai-2025-09", version: "1.2.0", fields: ["status", "amount", "to"], reason: "x" },
      { list: "entities", id: "nvidia", version: "1.2.0", fields: ["name"], reason: "x" },
    ];
    expect(revisionProblems(previous, next, FILE, "1.2.0")).toEqual([
      { file: FILE, record: "revision nvidia", field: "id", message: 'names entities record "nvidia", which did not change in 1.2.0' },
      { file: FILE, record: "revision nvidia-openai-2025-09", field: "fields", message: "amount, to did not change in 1.2.0 (changed: status)" },
    ]);
  });

  it("accepts a split only into records the release adds, in the same list", () => {
    const first = next.deals[0]!;
    next.deals.push({ ...structuredClone(first), id: `${first.id}-rest` });
    first.amount = { usd: 1, basis: "committed" };
    next.revisions = [{ list: "deals", id: first.id, version: "1.2.0", fields: ["amount"], reason: "split", splitInto: [`${first.id}-rest`] }];
    expect(revisionProblems(previous, next, FILE, "1.2.0")).toEqual([]);
    next.revisions[0]!.splitInto = [`${first.id}-rest`, next.deals[1]!.id];
    expect(revisionProblems(previous, next, FILE, "1.2.0")).toEqual([
      { file: FILE, record: `revision ${first.id}`, field: "splitInto", message: `names deals record "${next.deals[1]!.id}", which 1.2.0 does not add` },
    ]);
  });

  it("rejects a record dropped from any list without being marked removed", () => {
    const [entity, deal, metric, financing] = [next.entities.pop()!, next.deals.pop()!, next.metrics.pop()!, next.financing.pop()!];
    next.deals.forEach((d) => (d.to === entity.id || d.from === entity.id ? undefined : undefined));
    expect(removalProblems(previous, next, FILE, "1.1.0")).toEqual(
      (
        [
          ["entities", "entity", entity.id],
          ["deals", "deal", deal.id],
          ["metrics", "metric", metric.id],
          ["financing", "financing", financing.id],
        ] as const
      ).map(([list, label, id]) => ({
        file: FILE,
        record: `${label} ${id}`,
        message: `was in release 1.1.0 but is missing here: keep it, or list it under "removed" with { "list": "${list}", "id": "${id}", "since", "reason" }`,
      })),
    );
    next.removed = [
      { list: "entities", id: entity.id, since: "1.2.0", reason: "test" },
      { list: "deals", id: deal.id, since: "1.2.0", reason: "test" },
      { list: "metrics", id: metric.id, since: "1.2.0", reason: "test" },
      { list: "financing", id: financing.id, since: "1.2.0", reason: "test" },
    ];
    expect(removalProblems(previous, next, FILE, "1.1.0")).toEqual([]);
    // Marked removed from the wrong list is not marked at all.
    next.removed[1] = { list: "metrics", id: deal.id, since: "1.2.0", reason: "test" };
    expect(removalProblems(previous, next, FILE, "1.1.0").map((p) => p.record)).toEqual([`deal ${deal.id}`]);
  });
});

describe("the release lock and the working copy", () => {
  it("rejects a missing lock file, a lock that is not JSON, and a lock entry of the wrong shape", () => {
    const dir = copyFixtureData();
    const lockPath = join(dir, "releases.lock.json");
    const lockText = readFileSync(lockPath, "utf8");
    writeFileSync(lockPath, "{ broken");
    expect(thrown(() => loadReleases(dir, dir)).problems).toEqual([{ file: "releases.lock.json", message: expect.stringMatching(/^malformed JSON/) }]);
    writeFileSync(lockPath, JSON.stringify({ "1.0.0": { sha256: 5, released: "2026-01-01", notes: "x" } }));
    expect(thrown(() => loadReleases(dir, dir)).problems).toEqual([
      { file: "releases.lock.json", record: "version 1.0.0", field: "sha256", message: expect.any(String) },
    ]);
    writeFileSync(lockPath, "[]");
    expect(thrown(() => loadReleases(dir, dir)).problems).toEqual([{ file: "releases.lock.json", message: expect.any(String) }]);
    writeFileSync(lockPath, "{}");
    expect(thrown(() => loadReleases(dir, dir)).problems).toEqual(
      ["1.0.0", "1.1.0"].map((v) => ({
        file: join("releases", `${v}.json`),
        message: 'released file has no entry in releases.lock.json: add it with "npm run data:release", never by hand',
      })),
    );
    const none = mkdtempSync(join(tmpdir(), "circularity-data-none-"));
    writeFileSync(join(none, "releases.lock.json"), "{}");
    expect(thrown(() => loadReleases(none, none)).problems).toEqual([{ file: "releases.lock.json", message: "no released version" }]);
    writeFileSync(lockPath, lockText);
    expect(loadReleases(dir, dir).current.version).toBe("1.1.0");
    const empty = mkdtempSync(join(tmpdir(), "circularity-data-empty-"));
    expect(thrown(() => loadReleases(empty, empty)).problems).toEqual([{ file: "releases.lock.json", message: "the release lock file is missing" }]);
  });

  it("names files relative to the project root, and whole when outside it", () => {
    const dir = copyFixtureData();
    writeReleaseWithLock(dir, "1.1.0", "{");
    expect(thrown(() => loadReleases(dir, dir)).problems[0]!.file).toBe(join("releases", "1.1.0.json"));
    expect(thrown(() => loadReleases(dir, join(dir, "releases"))).problems[0]!.file).toBe("1.1.0.json");
    expect(thrown(() => loadReleases(dir, dir + "/..")).problems[0]!.file).toBe(join(dir.split("/").at(-1)!, "releases", "1.1.0.json"));
  });

  it("keeps each release's text, hash and dates, and dates one without a publication time at midnight UTC", () => {
    const history = loadReleases(FIXTURE_DATA);
    const current = history.current;
    expect(current.text).toBe(fixtureText);
    expect(current.sha256).toBe(sha256(fixtureText));
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const lock = JSON.parse(readFileSync(join(FIXTURE_DATA, "releases.lock.json"), "utf8"));
    expect(current.released).toBe(lock["1.1.0"].released);
    expect(current.notes).toBe(lock["1.1.0"].notes);
    expect(current.publishedAt).toBe(lock["1.1.0"].publishedAt ?? `${lock["1.1.0"].released}T00:00:00Z`);
  });

  it("ignores files in the releases folder that are not releases, and sorts releases by version, not by name", () => {
    const dir = copyFixtureData();
    writeFileSync(join(dir, "releases", "README.md"), "not a release");
    writeFileSync(join(dir, "releases", "1.1.0.json.bak"), "{");
    const data = readRelease(dir, "1.1.0");
    writeReleaseWithLock(dir, "1.1.10", JSON.stringify(data));
    writeReleaseWithLock(dir, "1.1.9", JSON.stringify(data));
    const history = loadReleases(dir, dir);
    expect(history.releases.map((r) => r.version)).toEqual(["1.0.0", "1.1.0", "1.1.9", "1.1.10"]);
    expect(history.current.version).toBe("1.1.10");
  });

  it("finds the newest full date a dataset cites", () => {
    const data = fixture();
    for (const d of data.deals) d.sources.forEach((s) => (s.date = "2020-01-01"));
    for (const d of data.deals) d.announced = "2020-01-01";
    for (const f of data.financing) {
      f.announced = "2020-01-01";
      f.sources.forEach((s) => (s.date = "2020-01-01"));
    }
    for (const m of data.metrics) m.source.date = "2020-01-01";
    expect(newestDate(data)).toBe("2020-01-01");
    data.metrics[0]!.source.date = "2030-12";
    data.financing[0]!.sources[0]!.date = "2024-05-06";
    expect(newestDate(data)).toBe("2024-05-06");
    data.financing[0]!.announced = "2024-06-01";
    expect(newestDate(data)).toBe("2024-06-01");
    data.deals[3]!.sources[0]!.date = "2025-02-03";
    expect(newestDate(data)).toBe("2025-02-03");
  });

  describe("loadWorkingDataset", () => {
    const current = () => loadReleases(FIXTURE_DATA).current;
    /** The fixture as a working copy; its one page graded apart from its site says why, as schema 1.3 asks. */
    const fixtureData = () => {
      const data = JSON.parse(fixtureText);
      data.deals[1].sources[0].gradeNote = "test: graded apart from its site";
      return data;
    };
    const working = (data: unknown) => {
      const dir = mkdtempSync(join(tmpdir(), "circularity-data-working-"));
      const path = join(dir, "dataset.json");
      writeFileSync(path, typeof data === "string" ? data : JSON.stringify(data));
      return { dir, path };
    };

    it("rejects a missing file, naming it", () => {
      expect(thrown(() => loadWorkingDataset("/no/such/dataset.json", "/no")).problems).toEqual([
        { file: join("such", "dataset.json"), message: "the working dataset file is missing" },
      ]);
    });

    it("requires every source graded, and the evidence date when no release is given", () => {
      const data = fixtureData();
      delete data.deals[0].sources[0].kind;
      const { dir, path } = working(data);
      const problems = thrown(() => loadWorkingDataset(path, dir)).problems;
      expect(problems).toEqual([expect.objectContaining({ file: "dataset.json", record: "deal nvidia-openai-2025-09", field: "sources.0.kind" })]);
      data.deals[0].sources[0].kind = "company";
      const again = working(data);
      expect(thrown(() => loadWorkingDataset(again.path, again.dir)).problems).toEqual([expect.objectContaining({ field: "evidenceThrough" })]);
      data.evidenceThrough = "2026-07-10";
      const ok = working(data);
      expect(loadWorkingDataset(ok.path, ok.dir).deals.length).toBe(data.deals.length);
    });

    it("holds the working copy to the rules of the version it is being prepared as", () => {
      const data = fixtureData();
      // Prepared as 1.2.0 (the next minor): no evidence date needed yet, but a changed deal needs a reason.
      data.deals[0].status = "closed";
      const { dir, path } = working(data);
      expect(thrown(() => loadWorkingDataset(path, dir, current())).problems).toEqual([
        expect.objectContaining({ record: "deal nvidia-openai-2025-09", field: "status", message: expect.stringContaining('"version": "1.2.0"') }),
      ]);
      // A revision note naming a later version says which version it is: 1.3.0 needs the evidence date too.
      data.revisions.push({ list: "deals", id: "nvidia-openai-2025-09", version: "1.3.0", fields: ["status"], reason: "closed" });
      const as13 = working(data);
      expect(thrown(() => loadWorkingDataset(as13.path, as13.dir, current())).problems).toEqual([expect.objectContaining({ field: "evidenceThrough" })]);
      data.evidenceThrough = "2026-07-10";
      const ok = working(data);
      expect(loadWorkingDataset(ok.path, ok.dir, current()).evidenceThrough).toBe("2026-07-10");
      // An explicit version wins over the one the notes imply.
      expect(thrown(() => loadWorkingDataset(ok.path, ok.dir, current(), "1.2.0")).problems).toEqual([
        expect.objectContaining({ record: "deal nvidia-openai-2025-09", field: "status", message: expect.stringContaining('"version": "1.2.0"') }),
      ]);
    });

    it("prepares a working copy as the newest version its notes name, else the next minor", () => {
      const data = fixtureData();
      data.deals[0].status = "closed";
      data.deals[0].announced = "2025-09-23";
      data.revisions.push({ list: "deals", id: "nvidia-openai-2025-09", version: "1.1.2", fields: ["status"], reason: "x" });
      data.revisions.push({ list: "deals", id: "nvidia-openai-2025-09", version: "1.1.10", fields: ["status", "announced"], reason: "x" });
      const { dir, path } = working(data);
      // The newest named version is 1.1.10 (not 1.1.2, which sorts later as text): its note explains both changes.
      expect(() => loadWorkingDataset(path, dir, current())).not.toThrow();
      expect(thrown(() => loadWorkingDataset(path, dir, current(), "1.1.2")).problems).toEqual([
        expect.objectContaining({ record: "deal nvidia-openai-2025-09", field: "announced" }),
      ]);
      // With no note naming a later version, the working copy is the next minor, 1.2.0.
      data.revisions = data.revisions.filter((r: { version: string }) => r.version === "1.1.0");
      const plain = working(data);
      expect(thrown(() => loadWorkingDataset(plain.path, plain.dir, current())).problems).toEqual([
        expect.objectContaining({ record: "deal nvidia-openai-2025-09", field: "announced, status", message: expect.stringContaining('"version": "1.2.0"') }),
      ]);
    });
  });
});
