import { describe, expect, it } from "vitest";
import { mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { loadReleases } from "../../src/dataset/load.ts";
import { copyFixtureData, datasetErrorOf, readRelease, writeReleaseWithLock, FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

const loadError = (dir: string) => datasetErrorOf(() => loadReleases(dir, dir));

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

describe("schema 1.3 checks: one grading rule, an evidence date, signed metrics", () => {
  const ROOT = join(import.meta.dirname, "..", "..");
  /** A data folder whose working copy is being prepared as 1.3.0 (the fixture's 1.1.0, re-released as 1.2.0 first). */
  function workingAs13(mutate: (data: any) => void): string {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    writeReleaseWithLock(dir, "1.2.0", JSON.stringify(data, null, 2));
    data.evidenceThrough = "2026-07-10";
    mutate(data);
    mkdirSync(join(dir, "working"), { recursive: true });
    writeFileSync(join(dir, "working", "dataset.json"), JSON.stringify(data, null, 2));
    return dir;
  }
  const checkData = (dir: string) =>
    spawnSync(process.execPath, [join(ROOT, "scripts/check-data.ts")], { env: { ...process.env, CIRCULARITY_DATA_DIR: dir }, encoding: "utf8" });
  /** Plants one page of a site graded "wire" and another page of the same site graded "press". */
  const plantTwoGrades = (data: any, second: Record<string, string> = {}) => {
    data.deals[0].sources.push({ publisher: "Example News", title: "A", date: "2025-09-22", url: "https://www.example-news.test/a", kind: "wire" });
    data.deals[1].sources.push({ publisher: "Example News", title: "B", date: "2025-09-23", url: "https://example-news.test/b", kind: "wire" });
    data.deals[2].sources.push({ publisher: "Example News", title: "C", date: "2025-09-24", url: "https://example-news.test/c", kind: "press", ...second });
  };

  it("passes a working copy that records its evidence date and grades each site one way", () => {
    const result = checkData(workingAs13(() => {}));
    expect(result.status, result.stderr).toBe(0);
  });

  it("fails npm run check:data when one site is graded two ways, naming file, record and field", () => {
    const dir = workingAs13((d) => plantTwoGrades(d));
    const data = JSON.parse(readFileSync(join(dir, "working", "dataset.json"), "utf8"));
    const result = checkData(dir);
    expect(result.status).not.toBe(0);
    const index = data.deals[2].sources.length - 1;
    expect(result.stderr).toContain(`working/dataset.json: record "deal ${data.deals[2].id}", field "sources.${index}.kind"`);
    expect(result.stderr).toContain(`example-news.test is graded "press" here but "wire" on deal ${data.deals[0].id}`);
  });

  it("accepts a page graded apart from its site when it names its original in via, or says why in gradeNote", () => {
    expect(checkData(workingAs13((d) => plantTwoGrades(d, { via: "Reuters" }))).status).toBe(0);
    expect(checkData(workingAs13((d) => plantTwoGrades(d, { gradeNote: "An opinion column, not the agency's copy." }))).status).toBe(0);
  });

  it("requires the evidence date from 1.3.0 and rejects a source or deal dated after it", () => {
    const missing = checkData(workingAs13((d) => delete d.evidenceThrough));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain(`field "evidenceThrough": missing`);
    const late = checkData(
      workingAs13((d) => {
        d.deals[0].sources[0].date = "2026-07-11";
        d.deals[1].announced = "2026-08-01";
        d.metrics[0].source.date = "2026-08";
      }),
    );
    expect(late.status).not.toBe(0);
    expect(late.stderr).toContain('field "sources.0.date": 2026-07-11 is after evidenceThrough 2026-07-10');
    expect(late.stderr).toContain('field "announced": 2026-08-01 is after evidenceThrough 2026-07-10');
    expect(late.stderr).toContain('field "source.date": 2026-08 is after evidenceThrough 2026-07-10');
    // A month alone is not after a date within that month.
    expect(checkData(workingAs13((d) => (d.deals[0].sources[0].date = "2026-07"))).status).toBe(0);
  });

  it("holds releases from 1.3.0 on to the same rules, but not the releases before", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    plantTwoGrades(data);
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    expect(() => loadReleases(dir, dir)).not.toThrow();
    writeReleaseWithLock(dir, "1.3.0", JSON.stringify(data));
    const message = loadError(dir).message;
    expect(message).toContain("releases/1.3.0.json");
    expect(message).toContain('is graded "press" here but "wire"');
    expect(message).toContain('field "evidenceThrough": missing');
  });

  it("records each release's evidence date, or the newest full date it cites when it predates the field", () => {
    const history = loadReleases(FIXTURE_DATA);
    const release = history.current;
    const dates = [
      ...release.dataset.deals.flatMap((d) => [d.announced, ...d.sources.map((s) => s.date)]),
      ...release.dataset.financing.flatMap((f) => [f.announced, ...f.sources.map((s) => s.date)]),
      ...release.dataset.metrics.map((m) => m.source.date),
    ].filter((d) => d.length === 10);
    expect(release.evidenceThrough).toBe(dates.sort().at(-1));
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    data.evidenceThrough = "2030-01-02";
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    expect(loadReleases(dir, dir).current.evidenceThrough).toBe("2030-01-02");
  });

  it("lets gains, income and cash flows be negative, and nothing else", () => {
    const dir = copyFixtureData();
    const data = readRelease(dir, "1.1.0");
    data.metrics[0] = { ...data.metrics[0], metric: "free-cash-flow", value: -2.3e9, unit: "usd" };
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    expect(() => loadReleases(dir, dir)).not.toThrow();
    data.metrics[0] = { ...data.metrics[0], metric: "capex", value: -2.3e9 };
    writeReleaseWithLock(dir, "1.1.0", JSON.stringify(data));
    expect(loadError(dir).message).toContain(`record "metric ${data.metrics[0].id}", field "value": must not be negative for a capex metric`);
  });
});
