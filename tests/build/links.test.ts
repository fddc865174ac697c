// The link checker itself: it must catch a planted broken link and name the page and the link.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brokenLinks } from "../../src/build/link-check.ts";

describe("brokenLinks", () => {
  it("finds a planted broken link in a page and in an SVG, and accepts good ones", () => {
    const dist = mkdtempSync(join(tmpdir(), "links-"));
    mkdirSync(join(dist, "charts/a"), { recursive: true });
    writeFileSync(
      join(dist, "index.html"),
      '<a href="/charts/a/">ok</a><a href="/charts/missing/">bad</a><a href="https://circularity.report/charts/a/#x">abs ok</a><a href="https://elsewhere.test/">external</a>',
    );
    writeFileSync(join(dist, "charts/a/index.html"), '<img src="/charts/a.svg" width="1" height="1"><link rel="icon" href="/nope.svg">');
    writeFileSync(join(dist, "charts/a.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><a href="/gone/"><text>x</text></a></svg>');
    expect(brokenLinks(dist, "https://circularity.report", "/")).toEqual(
      [
        { page: "charts/a.svg", link: "/gone/" },
        { page: "charts/a/index.html", link: "/nope.svg" },
        { page: "index.html", link: "/charts/missing/" },
      ].sort((x, y) => x.page.localeCompare(y.page)),
    );
  });

  it("treats a link outside the base path as broken when the site lives in a sub-folder", () => {
    const dist = mkdtempSync(join(tmpdir(), "links-"));
    mkdirSync(join(dist, "a"), { recursive: true });
    writeFileSync(join(dist, "a/index.html"), "x");
    writeFileSync(join(dist, "index.html"), '<a href="/repo/a/">ok</a><a href="/a/">missing base</a>');
    expect(brokenLinks(dist, "https://x.test", "/repo/")).toEqual([{ page: "index.html", link: "/a/" }]);
  });
});
