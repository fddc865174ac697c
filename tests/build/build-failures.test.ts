// Bad input fails the build with the file, record and field named.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import { buildSite, ROOT } from "../helpers/build-site.ts";
import { copyFixtureData } from "../helpers/dataset-fixtures.ts";

describe("the build rejects bad input", () => {
  it("fails on an unknown chart id in MDX, naming the article file and the id", () => {
    const result = buildSite({ contentDir: join(ROOT, "tests/fixtures/bad-content/unknown-chart") });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/broken-chart\.mdx/);
    expect(result.output).toContain('unknown chart id "no-such-chart"');
  });

  it("fails on an unknown deal id in a <Fact>, naming the article file and the id", () => {
    const result = buildSite({ contentDir: join(ROOT, "tests/fixtures/bad-content/unknown-fact") });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/broken-fact\.mdx/);
    expect(result.output).toContain('unknown deal id "no-such-deal-2025-01"');
  });

  it("fails on a broken internal link, naming the page and the link", () => {
    const result = buildSite({ contentDir: join(ROOT, "tests/fixtures/bad-content/broken-link") });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("articles/broken-link/index.html: /articles/no-such-article/");
  });

  it("fails on a released dataset file edited after release, naming the file", () => {
    const dir = copyFixtureData();
    const path = join(dir, "releases", "1.0.0.json");
    writeFileSync(path, readFileSync(path, "utf8").replace('"Talks, not a deal."', '"Edited after release."'));
    const result = buildSite({ dataDir: dir });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/releases\/1\.0\.0\.json: released file was edited after release/);
  });
});
