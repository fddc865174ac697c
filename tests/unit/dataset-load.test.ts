import { describe, expect, it } from "vitest";
import { rmSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadReleases } from "../../src/dataset/load.ts";
import { DatasetError } from "../../src/dataset/errors.ts";
import { copyFixtureData, readRelease, writeReleaseWithLock, FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

function loadError(dir: string): DatasetError {
  try {
    loadReleases(dir, dir);
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw error;
  }
  throw new Error("expected the dataset to be rejected");
}

describe("loadReleases", () => {
  it("loads every fixture release, oldest first, and marks the highest as current", () => {
    const history = loadReleases(FIXTURE_DATA);
    expect(history.releases.map((r) => r.version)).toEqual(["1.0.0", "1.1.0"]);
    expect(history.current.version).toBe("1.1.0");
    expect(history.current.dataset.deals.length).toBeGreaterThan(5);
  });

  it("rejects malformed JSON with the file, line and column", () => {
    const dir = copyFixtureData();
    const text = readFileSync(join(dir, "releases", "1.1.0.json"), "utf8").replace('"schemaVersion": 1,', '"schemaVersion": 1,,');
    writeReleaseWithLock(dir, "1.1.0", text);
    const error = loadError(dir);
    expect(error.message).toMatch(/releases\/1\.1\.0\.json/);
    expect(error.message).toMatch(/malformed JSON at line 2, column \d+/);
  });

  it("rejects a schema violation naming the record id and field path", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    data.deals[0].amount.usd = -5;
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data, null, 2));
    const error = loadError(dir);
    expect(error.message).toContain(`record "deal ${data.deals[0].id}"`);
    expect(error.message).toContain('field "amount.usd"');
    expect(error.message).toContain("must not be negative");
  });

  it("rejects an unknown field rather than silently dropping it", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    data.deals[1].amout = 5;
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    expect(loadError(dir).message).toMatch(/unknown field\(s\) "amout"/);
  });

  it('rejects a deal whose "to" is not a known entity', () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    data.deals[2].to = "no-such-company";
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    const error = loadError(dir);
    expect(error.message).toContain(`record "deal ${data.deals[2].id}", field "to": unknown entity id "no-such-company"`);
  });

  it("rejects a duplicate deal id", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    data.deals.push({ ...data.deals[0] });
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    expect(loadError(dir).message).toContain(`record "deal ${data.deals[0].id}", field "id": duplicate id`);
  });

  it("rejects a deal without sources", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    data.deals[3].sources = [];
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    expect(loadError(dir).message).toContain(`record "deal ${data.deals[3].id}", field "sources": needs at least one source`);
  });

  it("rejects an impossible calendar date", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    data.deals[0].announced = "2025-02-30";
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    expect(loadError(dir).message).toContain('field "announced": is not a real calendar date');
  });

  it("rejects a released file edited after release (hash mismatch) and says how to fix it", () => {
    const dir = copyFixtureData();
    const path = join(dir, "releases", "1.0.0.json");
    writeFileSync(path, readFileSync(path, "utf8").replace("Non-binding letter of intent.", "Edited."));
    const error = loadError(dir);
    expect(error.message).toMatch(/releases\/1\.0\.0\.json: released file was edited after release/);
    expect(error.message).toContain("put corrections in a new version");
  });

  it("rejects a lock entry without its file", () => {
    const dir = copyFixtureData();
    rmSync(join(dir, "releases", "1.0.0.json"));
    expect(loadError(dir).message).toMatch(/record "version 1\.0\.0": lock entry has no file/);
  });

  it("rejects a released file without a lock entry", () => {
    const dir = copyFixtureData();
    writeFileSync(join(dir, "releases", "9.9.9.json"), readFileSync(join(dir, "releases", "1.1.0.json")));
    expect(loadError(dir).message).toMatch(/releases\/9\.9\.9\.json: released file has no entry in releases\.lock\.json/);
  });

  it("reports every problem in one pass, not just the first", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    data.deals[0].from = "ghost";
    data.deals[1].to = "phantom";
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    const error = loadError(dir);
    expect(error.problems).toHaveLength(2);
  });
});

describe("schema 1.1 checks", () => {
  it("rejects an unknown source kind, naming record and field", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    data.deals[0].sources[0].kind = "blog";
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    const error = loadError(dir);
    expect(error.message).toContain(`record "deal ${data.deals[0].id}", field "sources.0.kind"`);
    expect(error.message).toMatch(/filing.*company.*wire.*press.*aggregator/);
  });

  it("rejects a source without a kind in a release from 1.1.0 on, but not in 1.0.0", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    delete data.metrics[0].source.kind;
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    expect(loadError(dir).message).toContain(`record "metric ${data.metrics[0].id}", field "source.kind": missing source kind`);
    expect(readRelease(dir, "1.0.0").deals[0].sources[0].kind).toBeUndefined();
  });

  it("rejects a financing record without its counterparties", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    delete data.financing[0].provider;
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    const error = loadError(dir);
    expect(error.message).toContain(`record "financing ${data.financing[0].id}", field "provider"`);
  });

  it("rejects a financing record whose lender and borrower are the same, or whose counterparty is unknown", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    data.financing[0].provider = data.financing[0].borrower;
    data.financing[0].beneficiary = "no-such-bank";
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    const error = loadError(dir);
    expect(error.message).toContain(`field "borrower": "provider" and "borrower" are the same entity`);
    expect(error.message).toContain(`field "beneficiary": unknown entity id "no-such-bank"`);
  });

  for (const period of ["2025-13", "2025-Q5", "FY2026-07", "2025-02-30", "last year"]) {
    it(`rejects the metric period "${period}", which is not a period`, () => {
      const dir = copyFixtureData();
      const data = readRelease(dir, "1.1.0");
      data.metrics[0].period = period;
      writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
      expect(loadError(dir).message).toContain(`record "metric ${data.metrics[0].id}", field "period"`);
    });
  }

  it("accepts fiscal periods and real months", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    data.metrics[0].period = "FY2026-Q3";
    data.metrics[1].period = "2025-12";
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    expect(() => loadReleases(dir, dir)).not.toThrow();
  });

  it("rejects a release that drops a record without marking it removed, and accepts it once marked", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    const dropped = data.deals.pop();
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    const error = loadError(dir);
    expect(error.message).toContain(`record "deal ${dropped.id}": was in release 1.0.0 but is missing here`);
    data.removed = [{ list: "deals", id: dropped.id, since: "1.1.0", reason: "test: withdrawn" }];
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    expect(() => loadReleases(dir, dir)).not.toThrow();
  });

  it("rejects a revised amount that gives no reason, naming the deal and field", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    data.revisions = [];
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    const error = loadError(dir);
    expect(error.message).toContain(`record "deal openai-coreweave-2025-03", field "amount": changed`);
    expect(error.message).toContain("without a reason");
  });

  it("rejects a revision note for a field that did not change", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    data.revisions[0].fields.push("title");
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    expect(loadError(dir).message).toContain(`record "revision openai-coreweave-2025-03", field "fields": title did not change in 1.1.0`);
  });
});
