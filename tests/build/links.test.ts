// The link checker itself: it must catch a planted broken link and name the page and the link.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brokenLinks } from "../helpers/links.ts";

describe("brokenLinks", () => {
  it("finds a planted broken link in a page and in an SVG, and accepts good ones", () => {
    const dist = mkdtempSync(join(tmpdir(), "links-"));
    mkdirSync(join(dist, "charts/a"), { recursive: true });
    writeFileSync(join(dist, "index.html"), '<a href="/charts/a/">ok</a><a href="/charts/missing/">bad</a><a href="https://circularity.report/charts/a/#x">abs ok</a><a href="https://elsewhere.test/">external</a>');
    writeFileSync(join(dist, "charts/a/index.html"), '<img src="/charts/a.svg" width="1" height="1"><link rel="icon" href="/nope.svg">');
    writeFileSync(join(dist, "charts/a.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><a href="/gone/"><text>x</text></a></svg>');
    expect(brokenLinks(dist)).toEqual([
      { page: "charts/a.svg", link: "/gone/" },
      { page: "charts/a/index.html", link: "/nope.svg" },
      { page: "index.html", link: "/charts/missing/" },
    ].sort((x, y) => x.page.localeCompare(y.page)));
  });
});
