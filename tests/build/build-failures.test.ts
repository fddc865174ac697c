// Bad input fails the build with the file, record and field named.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { buildSite, FIXTURE_CONTENT, projectTempDir, ROOT } from "../helpers/build-site.ts";
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

  it("fails on an unknown indicator id in an <Indicator>, naming the article file, the attribute and the known ids", () => {
    const result = buildSite({ contentDir: join(ROOT, "tests/fixtures/bad-content/unknown-indicator") });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/broken-indicator\.mdx/);
    expect(result.output).toContain('<Indicator id="no-such-indicator">: id="no-such-indicator" is not an indicator; known ids: vendor-financing-intensity,');
  });

  it("fails on a figure typed by hand in prose, naming the file, line and figure", () => {
    const result = buildSite({ contentDir: join(ROOT, "tests/fixtures/bad-content/typed-figure") });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/typed\.mdx: figures typed by hand in prose/);
    expect(result.output).toContain('line 12: dollar amount "$30 billion"');
    expect(result.output).toContain('line 12: power "6 GW"');
    // The component, the form name, the year and the footnote's quoted headline are not typed figures.
    expect(result.output).not.toMatch(/line (10|14):/);
  });

  it("fails on a frozen article version edited after publication, naming the file", () => {
    const dir = projectTempDir("content-");
    cpSync(FIXTURE_CONTENT, dir, { recursive: true });
    const frozen = join(dir, "gfm-probe", "v1.mdx");
    writeFileSync(frozen, readFileSync(frozen, "utf8").replace("a letter of intent", "a contract"));
    const result = buildSite({ contentDir: dir });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("gfm-probe/v1.mdx: frozen version was edited after it was published");
  });

  it("fails on a revised article without its revision note, naming the file", () => {
    const dir = projectTempDir("content-");
    cpSync(FIXTURE_CONTENT, dir, { recursive: true });
    const live = join(dir, "gfm-probe.mdx");
    writeFileSync(live, readFileSync(live, "utf8").replace("version: 2\n", "version: 3\n"));
    const result = buildSite({ contentDir: dir });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/gfm-probe\.mdx: version 3 needs its earlier text frozen as gfm-probe\/v2\.mdx/);
    expect(result.output).toMatch(/gfm-probe\.mdx: revisions must give one note for each of versions 2, 3; found 2/);
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
