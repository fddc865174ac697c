import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyFixtureData, readRelease } from "../helpers/dataset-fixtures.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { backdatedEntries, readArchived, writeArchived } from "../../src/render/chart-archive.ts";
import { compareVersions } from "../../src/lib/semver.ts";
import { renderUncached } from "../../src/render/chart-render.ts";
import { CHARTS } from "../../src/charts/index.ts";

const ROOT = join(import.meta.dirname, "..", "..");

function release(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, "scripts/data-release.ts"), ...args], {
    env: { ...process.env, CIRCULARITY_DATA_DIR: dir, RELEASE_DATE: "2026-12-01" },
    encoding: "utf8",
  });
}

function withWorkingCopy(mutate: (data: any) => void = () => {}): string {
  const dir = copyFixtureData();
  const data = readRelease(dir, "1.1.0");
  mutate(data);
  mkdirSync(join(dir, "working"), { recursive: true });
  writeFileSync(join(dir, "working", "dataset.json"), JSON.stringify(data, null, 2));
  return dir;
}

describe("npm run data:release", () => {
  it("freezes the working copy as a new version and records its hash", () => {
    const dir = withWorkingCopy((d) => (d.deals[0].notes = "A correction."));
    const result = release(dir, "1.1.1", "Corrects a note");
    expect(result.status, result.stderr).toBe(0);
    const history = loadReleases(dir, dir);
    expect(history.current.version).toBe("1.1.1");
    expect(history.current.released).toBe("2026-12-01");
    expect(history.current.dataset.deals[0]!.notes).toBe("A correction.");
  });

  it("refuses to overwrite a released version", () => {
    const dir = withWorkingCopy();
    const before = readFileSync(join(dir, "releases", "1.1.0.json"), "utf8");
    const result = release(dir, "1.1.0", "Again");
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("already exists: released versions are immutable");
    expect(readFileSync(join(dir, "releases", "1.1.0.json"), "utf8")).toBe(before);
  });

  it("refuses a version lower than the current one", () => {
    const result = release(withWorkingCopy(), "1.0.5", "Backwards");
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("must be higher than the current release 1.1.0");
  });

  it("refuses an invalid working copy, naming the record and field", () => {
    const dir = withWorkingCopy((d) => (d.deals[0].from = "nobody"));
    const result = release(dir, "1.2.0", "Broken");
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/field "from": unknown entity id "nobody"/);
  });
});

describe("chart archive", () => {
  it("writes an entry once and never replaces it", () => {
    const dir = mkdtempSync(join(tmpdir(), "archive-"));
    const { current } = loadReleases(join(ROOT, "tests/fixtures/data"));
    const chart = renderUncached(CHARTS[0]!, current.dataset, current.version);
    expect(writeArchived(chart, dir)).toBe(true);
    expect(writeArchived({ ...chart, title: "Changed" }, dir)).toBe(false);
    expect(readArchived(chart.id, chart.version, dir)!.title).toBe(chart.title);
  });
});

describe("chart archive: no back-dating", () => {
  it("flags a chart that would be written at a release already archived without it, and nothing else", () => {
    const dir = mkdtempSync(join(tmpdir(), "archive-"));
    const { current } = loadReleases(join(ROOT, "tests/fixtures/data"));
    const [a, b] = [CHARTS[0]!, CHARTS[1]!].map((c) => renderUncached(c, current.dataset, current.version));
    expect(backdatedEntries([a!, b!], dir)).toEqual([]); // a release not yet archived: both are new
    writeArchived(a!, dir);
    expect(backdatedEntries([a!, b!], dir)).toEqual([{ id: b!.id, version: current.version }]);
    writeArchived(b!, dir);
    expect(backdatedEntries([a!, b!], dir)).toEqual([]);
  });

  it("the real archive holds no chart before its since", () => {
    for (const chart of CHARTS)
      for (const release of loadReleases(join(ROOT, "data")).releases)
        if (compareVersions(release.version, chart.since) < 0)
          expect(readArchived(chart.id, release.version), `${chart.id} at v${release.version}`).toBeUndefined();
  });
});

describe("npm run check:articles", () => {
  function check(files: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), "check-articles-"));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return spawnSync(process.execPath, [join(ROOT, "scripts/check-articles.ts")], {
      env: { ...process.env, CIRCULARITY_DATA_DIR: join(ROOT, "tests/fixtures/data"), CIRCULARITY_CONTENT_DIR: dir },
      encoding: "utf8",
    });
  }
  const good = readFileSync(join(ROOT, "tests/fixtures/content/articles/draft-note.mdx"), "utf8");

  it("passes a good article and reports how firmly its quoted records are evidenced", () => {
    const run = check({ "note.mdx": good });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ok {2}.*note\.mdx.*: \d+% of \d+ quoted records firm$/m);
    expect(run.stdout).toMatch(/^live articles: \d+% of \d+ distinct quoted records/m);
  });

  it("fails on frontmatter the build would reject, naming the file and the field", () => {
    const run = check({ "long.mdx": good.replace(/^description: .*$/m, `description: "${"A dek far too long. ".repeat(20)}"`) });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/long\.mdx: frontmatter: description: Too big/);
  });
});
