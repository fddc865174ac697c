// The monitor's figures quoted in the built articles (by <Indicator>): each shows exactly what the indicator's page
// pinned to the article's release shows, headline or row, and every <Indicator> written in an article is printed.
// Runs on the real site in dist/ (built by `npm run build` before this layer runs).
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { htmlPages, page } from "../helpers/html.ts";
import { articleRefs } from "../../src/articles/refs.ts";

const DIST = "dist";
const PINNED = /^\/monitor\/([^/]+)\/v(\d+\.\d+\.\d+)\/$/;
// Every article page (live, and each version at its pinned address) that quotes the monitor.
const quoting = htmlPages(DIST)
  .filter((f) => f.startsWith("articles/") && readFileSync(join(DIST, f), "utf8").includes("fact indicator"))
  .map((f) => `/${f.replace(/index\.html$/, "")}`);

/** What the indicator's pinned page shows: its headline, and each row of its breakdown by label. */
function pinnedValues(path: string): { title: string; display: string; rows: Map<string, string> } {
  const doc = page(DIST, path);
  const rows = [...doc.querySelectorAll("table tbody tr")]
    .filter((tr) => tr.querySelector('th[scope="row"]') && tr.querySelector("td.num"))
    .map((tr) => [tr.querySelector("th")!.textContent!, tr.querySelector("td.num")!.textContent!] as const);
  return { title: doc.querySelector("h1")!.textContent!, display: doc.querySelector(".indicator-value strong")!.textContent!, rows: new Map(rows) };
}

describe("indicator figures in articles", () => {
  it.each(quoting.map((p) => [p]))("%s prints each indicator figure as its pinned page at the article's release shows it", (path) => {
    const doc = page(DIST, path);
    const pinned = /Figures as of dataset v(\d+\.\d+\.\d+)/.exec(doc.querySelector("header .small.muted")!.textContent!)?.[1];
    const links = [...doc.querySelectorAll(".article-body a.indicator")];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      const href = a.getAttribute("href")!;
      const [, , version] = PINNED.exec(href) ?? [];
      expect(version, `${path}: ${href}`).toBe(pinned);
      const shown = pinnedValues(href);
      // The title names the indicator, and the row when one is quoted: "Firmness, committed: …" or "Firmness: …".
      const title = a.getAttribute("title")!;
      const row = [...shown.rows.keys()].find((label) => title.startsWith(`${shown.title}, ${label}: `));
      expect(row !== undefined || title.startsWith(`${shown.title}: `), `${path}: "${title}" names neither ${shown.title} nor one of its rows`).toBe(true);
      expect(a.textContent, `${path}: ${title}`).toBe(row === undefined ? shown.display : shown.rows.get(row));
    }
  });

  it("prints every <Indicator> an article's text holds, on the page built from that text", () => {
    const dir = "content/articles";
    // <slug>.mdx is the live text at /articles/<slug>/; <slug>/v<n>.mdx an earlier version, frozen at /articles/<slug>/v<n>/.
    const texts = readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".mdx") && !f.split("/").at(-1)!.startsWith("_"))
      .map((f) => ({ file: join(dir, f), path: `/articles/${f.replace(/\.mdx$/, "")}/` }))
      .filter((t) => existsSync(join(DIST, t.path, "index.html")));
    for (const { file, path } of texts) {
      const written = articleRefs(readFileSync(file, "utf8")).indicators.length;
      expect(page(DIST, path).querySelectorAll(".article-body a.indicator").length, file).toBe(written);
    }
  });
});
