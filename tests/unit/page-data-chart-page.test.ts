// A chart's permalink page on the site's own releases: downloads, structured data, versions (told apart by time
// when released the same day), what changed and the as-of page's words.
import { describe, expect, it } from "vitest";
import { asOfChartPage, chartCitation, chartPage } from "../../src/page-data/chart-page.ts";
import { asOfChart, asOfDates, chartPageContext, currentChart, pinnedChart, versionsWithChart } from "../../src/render/charts.ts";
import { releaseByVersion } from "../../src/dataset/index.ts";
import { SITE, SITE_URL } from "../../src/site.config.ts";

const ID = "deals-by-quarter";

describe("a chart's page", () => {
  it("offers the four files of its own version and the full dataset, pinned or live", () => {
    const version = versionsWithChart(ID).at(-1)!;
    const pinned = chartPage(pinnedChart(ID, version), true, []);
    expect(pinned.downloads).toEqual([
      { text: "SVG", path: `charts/${ID}/v${version}/${ID}.svg`, file: true },
      { text: "PNG", path: `charts/${ID}/v${version}/${ID}.png`, file: true },
      { text: "CSV (the plotted data)", path: `charts/${ID}/v${version}/${ID}.csv`, file: true },
      { text: "JSON", path: `charts/${ID}/v${version}/${ID}.json`, file: true },
      { text: `Full dataset v${version}`, path: `data/${version}.json`, file: false },
    ]);
    expect(pinned.svgPath).toBe(`charts/${ID}/v${version}/${ID}.svg`);
    expect(pinned.image).toMatchObject({ path: `charts/${ID}/v${version}/${ID}.png`, alt: pinned.chart.alt });
    const live = chartPage(currentChart(ID), false, [{ id: "an-article", title: "An article" }]);
    expect(live.downloads.slice(0, 4).map((d) => d.path)).toEqual(["svg", "png", "csv", "json"].map((ext) => `charts/${ID}.${ext}`));
    expect(live.articles).toEqual([{ text: "An article", path: "articles/an-article/" }]);
  });

  it("describes itself to search engines as an image of its pinned data", () => {
    const version = versionsWithChart(ID).at(-1)!;
    const page = chartPage(pinnedChart(ID, version), true, []);
    expect(page.jsonLd).toEqual({
      "@context": "https://schema.org",
      "@type": "ImageObject",
      name: page.chart.title,
      description: page.chart.alt,
      contentUrl: `${SITE_URL}/charts/${ID}/v${version}/${ID}.png`,
      url: `${SITE_URL}/charts/${ID}/v${version}/`,
      license: SITE.contentLicence.url,
      creator: { "@type": "Organization", name: SITE.publisher },
      isBasedOn: `${SITE_URL}/data/${version}.json`,
      version,
    });
  });

  it("dates its versions, with the time where two came out the same day", () => {
    const page = chartPage(currentChart(ID), false, []);
    const versions = versionsWithChart(ID);
    expect(page.versions.map((v) => v.text)).toEqual(versions.map((v) => `v${v}`));
    expect(page.versions.filter((v) => v.current)).toHaveLength(1);
    for (const v of page.versions) {
      const release = releaseByVersion(v.text.slice(1));
      const sameDay = versions.filter((o) => releaseByVersion(o).released === release.released).length > 1;
      expect(v.released.datetime).toBe(release.publishedAt);
      expect(v.released.text.endsWith(`, ${release.publishedAt.slice(11, 16)} UTC`)).toBe(sameDay);
      expect(v.path).toBe(`charts/${ID}/${v.text}/`);
    }
    expect(page.versions.some((v) => v.released.text.endsWith("UTC"))).toBe(true);
    expect(page.versions.some((v) => !v.released.text.endsWith("UTC"))).toBe(true);
  });

  it("says what changed in its rows since the version before, one line per kind of change", () => {
    let seen = 0;
    for (const version of versionsWithChart(ID)) {
      const chart = pinnedChart(ID, version);
      const { changes, previousVersion } = chartPageContext(chart);
      const page = chartPage(chart, true, []);
      if (!changes) {
        expect(page.changes).toBeUndefined();
        continue;
      }
      const expected = [
        ...(changes.added.length ? [`Rows added since v${previousVersion}: ${changes.added.join(", ")}`] : []),
        ...(changes.removed.length ? [`Rows removed: ${changes.removed.join(", ")}`] : []),
        ...(changes.changed.length ? [`Rows revised: ${changes.changed.map((c) => `${c.id} (${c.fields.join(", ")})`).join("; ")}`] : []),
      ];
      expect(page.changes).toEqual(expected);
      seen += expected.length;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("is cited as of a date with the date in its title", () => {
    const version = versionsWithChart("who-funds-whom").at(-1)!;
    const release = releaseByVersion(version);
    const chart = pinnedChart("who-funds-whom", version);
    expect(chartCitation(chart, release, "2025-12-31").title).toBe(`${chart.title}, as of December 31, 2025`);
    expect(chartCitation(chart, release).title).toBe(chart.title);
  });
});

describe("a chart as of a quarter-end", () => {
  it("names the date and the release it is fixed by, and marks its own date among the others", () => {
    const version = versionsWithChart("who-funds-whom").at(-1)!;
    const dates = asOfDates("who-funds-whom", version);
    const date = dates.at(-1)!;
    const page = asOfChartPage(asOfChart("who-funds-whom", version, date));
    expect(page.when).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    expect(page.title).toBe(`${page.chart.title}, as of ${page.when} (dataset v${version})`);
    expect(page.description).toBe(`${page.chart.subtitle}. Deals announced by ${page.when}, as dataset v${version} records them.`);
    expect(page.released).toEqual({ datetime: releaseByVersion(version).released, text: expect.stringMatching(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/) });
    expect(page.dates.filter((d) => d.current).map((d) => d.text)).toEqual([date]);
    expect(page.livePath).toBe("charts/who-funds-whom/");
  });
});
