// A GFM table that aligns a column fails the article checks naming the file and line, before the build writes an
// inline style the HTML rules reject on the page.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { alignedTableColumns, assertNoAlignedColumns } from "../../src/articles/table-alignment.ts";
import { ARTICLES_DIR } from "../../src/site.config.ts";

const table = (delimiter: string) => ["Intro.", "", "| Company | Share |", delimiter, "| Nvidia | x |", ""].join("\n");

describe("aligned table columns", () => {
  it("finds right, left and centre alignment in a table's delimiter row, with its line", () => {
    expect(alignedTableColumns(table("|---|---:|"))).toEqual([{ line: 4, text: "|---|---:|" }]);
    expect(alignedTableColumns(table("| :--- | --- |"))).toEqual([{ line: 4, text: "| :--- | --- |" }]);
    expect(alignedTableColumns(table(":---: | ---"))).toEqual([{ line: 4, text: ":---: | ---" }]);
  });

  it("leaves plain tables, rules, prose with colons and fenced code alone", () => {
    expect(alignedTableColumns(table("|---|---|"))).toEqual([]);
    expect(alignedTableColumns("Text.\n\n---\n\nMore: text.")).toEqual([]);
    expect(alignedTableColumns("```\n|---|---:|\n```")).toEqual([]);
  });

  it("throws naming the file, the line and the fix", () => {
    expect(() => assertNoAlignedColumns("content/articles/x.mdx", table("|---|---:|"))).toThrow(
      /content\/articles\/x\.mdx: a table aligns a column[\s\S]*use plain dashes[\s\S]*line 4: \|---\|---:\|/,
    );
    expect(() => assertNoAlignedColumns("content/articles/x.mdx", table("|---|---|"))).not.toThrow();
  });

  it("passes every article on the site, so the build check stays quiet", () => {
    for (const name of readdirSync(ARTICLES_DIR).filter((f) => f.endsWith(".mdx"))) {
      const file = join(ARTICLES_DIR, name);
      expect(alignedTableColumns(readFileSync(file, "utf8")), file).toEqual([]);
    }
  });
});
