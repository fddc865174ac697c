// An article's title must fit the <title> of its longest page, a version page, under html-validate's limit; the schema
// says so with the numbers, rather than the build failing later in html-validate on one page.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { articleCollectionSchema, articleVersionTitle, pageTitleSourceLength, PAGE_TITLE_MAX } from "../../src/schemas/article.ts";
import { documentTitle } from "../../src/lib/page-title.ts";

// As src/content.config.ts builds it: the <title> of an article's copy pinned to a version.
const pageTitleOf = (title: string, version: number) => documentTitle(articleVersionTitle(title, version));
const articleSchema = articleCollectionSchema(pageTitleOf);
const longestPageTitleLength = (title: string, version: number) => pageTitleSourceLength(pageTitleOf(title, version));

const base = { description: "A description long enough for the schema.", published: "2026-12-07", authors: ["Desk"], tags: ["verdict"], dataset: "1.54.2" };

describe("article title length", () => {
  it("uses the limit html-validate enforces", () => {
    const config = JSON.parse(readFileSync(".htmlvalidate.json", "utf8"));
    expect(config.rules["long-title"][1].maxlength).toBe(PAGE_TITLE_MAX);
  });

  it("counts a version page's title as its HTML source: its own version, the site's name and apostrophes as &#39;", () => {
    expect(longestPageTitleLength("Nvidia's bet", 12)).toBe("Nvidia&#39;s bet (version 12) | Circularity".length);
  });

  it("accepts the longest title that fits and rejects one character more, naming the length and the limit", () => {
    const room = PAGE_TITLE_MAX - longestPageTitleLength("", 1);
    expect(articleSchema.safeParse({ ...base, title: "x".repeat(room) }).success).toBe(true);
    const result = articleSchema.safeParse({ ...base, title: "x".repeat(room + 1) });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(["title"]);
    expect(result.error!.issues[0]!.message).toBe(
      `title too long for a page title: ${PAGE_TITLE_MAX + 1} characters on the version 1 page (with "(version 1) | Circularity" and apostrophes written as &#39;), at most ${PAGE_TITLE_MAX}`,
    );
  });

  it("holds a later version to its own, longer page title", () => {
    const room = PAGE_TITLE_MAX - longestPageTitleLength("", 1);
    expect(articleSchema.safeParse({ ...base, title: "x".repeat(room), version: 9 }).success).toBe(true);
    expect(articleSchema.safeParse({ ...base, title: "x".repeat(room), version: 10 }).success).toBe(false);
  });

  it("counts each apostrophe as the five characters the page source holds", () => {
    const room = PAGE_TITLE_MAX - longestPageTitleLength("", 1);
    expect(articleSchema.safeParse({ ...base, title: "x".repeat(room - 5) + "'" }).success).toBe(true);
    expect(articleSchema.safeParse({ ...base, title: "x".repeat(room - 4) + "'" }).success).toBe(false);
  });
});
