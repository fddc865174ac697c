// Fitting the tools readers use: feeds parsed as XML, RIS read by citation-js (what reference managers do),
// Data Package descriptors validated against the Frictionless profiles, citation tags, cite-as, the JSON API.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-ris";
import datapackage from "datapackage";
import { loadReleases } from "../../src/dataset/load.ts";
import { activeEntities } from "../../src/dataset/selectors.ts";
import { CHARTS } from "../../src/charts/index.ts";
import { SITE_URL } from "../../src/site.config.ts";
import { htmlPages, page, pageHead } from "../helpers/html.ts";

const DIST = "dist";
const { current, releases } = loadReleases("data");
const origin = new URL(SITE_URL).origin;
/** The dist file an absolute site URL points to. */
const fileOf = (url: string) => {
  const path = url.replace(origin, "").split("#")[0]!;
  return join(DIST, path.endsWith("/") ? `${path}index.html` : path);
};
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

function atom(path: string) {
  const text = readFileSync(join(DIST, path), "utf8");
  expect(XMLValidator.validate(text), path).toBe(true);
  const feed = xml.parse(text).feed;
  const entries = [feed.entry ?? []].flat();
  return { feed, entries };
}

describe("Atom feeds", () => {
  it("the release feed has one entry per release, newest first, each linking to the data page", () => {
    const { feed, entries } = atom("data/feed.xml");
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(entries.map((e: { title: string }) => e.title)).toEqual([...releases].reverse().map((r) => `Dataset v${r.version} released`));
    for (const e of entries) expect(existsSync(fileOf(e.link["@href"]))).toBe(true);
  });

  it("every company has a feed of its records, with revisions giving their reason, and its page links to it", () => {
    for (const entity of activeEntities(current.dataset)) {
      const { feed, entries } = atom(`companies/${entity.id}/feed.xml`);
      expect(feed.title).toContain(entity.name);
      const ids = entries.map((e: { id: string }) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      const doc = page(DIST, `/companies/${entity.id}/`);
      expect(doc.querySelector(`link[rel=alternate][type="application/atom+xml"][href="/companies/${entity.id}/feed.xml"]`), entity.id).toBeTruthy();
      expect(doc.querySelector(`a[href="/companies/${entity.id}/feed.xml"]`), entity.id).toBeTruthy();
    }
    const nvidia = atom("companies/nvidia/feed.xml").entries as { title: string; summary: { "#text": string } | string }[];
    const revised = nvidia.filter((e) => e.title.startsWith("Revised"));
    expect(revised.length).toBeGreaterThan(0);
    expect(revised.every((e) => String(typeof e.summary === "string" ? e.summary : e.summary["#text"]).length > 40)).toBe(true);
  });
});

describe("citations", () => {
  it("a pinned chart's RIS file reads back, in citation-js, as the chart at its pinned URL", async () => {
    const chart = CHARTS[0]!;
    const text = readFileSync(join(DIST, `charts/${chart.id}/v${current.version}/${chart.id}.ris`), "utf8");
    const [item] = (await Cite.async(text, { forceType: "@ris/file" })).data as Record<string, unknown>[];
    expect(item!.title).toBe(chart.title);
    expect(item!.type).toBe("figure");
    expect(item!.URL).toBe(`${origin}/charts/${chart.id}/v${current.version}/`);
    expect(item!.issued).toEqual({ "date-parts": [current.released.split("-").map(Number)] });
  });

  it("article, chart and deal pages carry the citation tags Zotero and Google Scholar read, and a RIS link", () => {
    const article = [...readFileSync(join(DIST, "rss.xml"), "utf8").matchAll(/<link>https?:\/\/[^<]*?(\/articles\/[^<]+)<\/link>/g)][0]![1]!;
    for (const path of [article, `/charts/${CHARTS[0]!.id}/`, `/charts/${CHARTS[0]!.id}/v${current.version}/`, `/deals/${current.dataset.deals[0]!.id}/`]) {
      const doc = page(DIST, path);
      const meta = (name: string) => [...doc.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.getAttribute("content"));
      expect(meta("citation_title")[0], path).toBeTruthy();
      expect(meta("citation_author").length, path).toBeGreaterThan(0);
      expect(meta("citation_publication_date")[0], path).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
      expect(meta("citation_public_url")[0], path).toMatch(/^https?:\/\//);
      expect(meta("DC.title")[0], path).toBe(meta("citation_title")[0]!.replace(" [Chart]", ""));
      const ris = doc.querySelector('a[href$=".ris"]')?.getAttribute("href");
      expect(ris, path).toBeTruthy();
      expect(existsSync(join(DIST, ris!)), path).toBe(true);
    }
  });

  it("a live chart declares its pinned version as the one to cite, in a <link> and in a Link header", () => {
    const headers = readFileSync(join(DIST, "_headers"), "utf8");
    for (const chart of CHARTS) {
      const pinned = `${origin}/charts/${chart.id}/v${current.version}/`;
      expect(page(DIST, `/charts/${chart.id}/`).querySelector('link[rel="cite-as"]')?.getAttribute("href")).toBe(pinned);
      expect(headers).toContain(`/charts/${chart.id}/\n  Link: <${pinned}>; rel="cite-as"`);
      expect(page(DIST, `/charts/${chart.id}/v${current.version}/`).querySelector('link[rel="cite-as"]')).toBeNull();
    }
  });
});

describe("reusing the data", () => {
  it("every release's datapackage.json is a valid Data Package whose files exist and match the release", async () => {
    for (const release of releases) {
      const descriptor = JSON.parse(readFileSync(join(DIST, `data/${release.version}/datapackage.json`), "utf8"));
      const { valid, errors } = await datapackage.validate(descriptor);
      expect(errors.map(String), release.version).toEqual([]);
      expect(valid).toBe(true);
      expect(descriptor.version).toBe(release.version);
      for (const resource of descriptor.resources) expect(existsSync(fileOf(resource.path)), resource.path).toBe(true);
      const csvHeader = readFileSync(fileOf(descriptor.resources[0].path), "utf8").split("\n")[0]!.split(",");
      expect(descriptor.resources[0].schema.fields.map((f: { name: string }) => f.name)).toEqual(csvHeader);
    }
  });

  it("rejects a descriptor that breaks the Data Package profile (the validator is live)", async () => {
    const { valid } = await datapackage.validate({ name: "Not A Valid Name!", resources: [] });
    expect(valid).toBe(false);
  });

  it("/api/v1/ lists every deal, company and chart, and every listed file exists and names its version and licence", () => {
    const index = JSON.parse(readFileSync(join(DIST, "api/v1/index.json"), "utf8"));
    expect(index.datasetVersion).toBe(current.version);
    expect(index.data.deals.map((d: { id: string }) => d.id).sort()).toEqual(current.dataset.deals.map((d) => d.id).sort());
    expect(index.data.companies.map((c: { id: string }) => c.id).sort()).toEqual(
      activeEntities(current.dataset)
        .map((e) => e.id)
        .sort(),
    );
    expect(index.data.charts.map((c: { id: string }) => c.id).sort()).toEqual(CHARTS.map((c) => c.id).sort());
    for (const item of [...index.data.deals, ...index.data.companies, ...index.data.charts]) {
      const doc = JSON.parse(readFileSync(fileOf(item.url), "utf8"));
      expect(doc.datasetVersion).toBe(current.version);
      expect(doc.licence.name).toBe("CC BY 4.0");
    }
    expect(existsSync(join(DIST, "api/v1/index.html"))).toBe(true);
  });

  it("/data/ describes the dataset as a schema.org Dataset with every release as a distribution; llms.txt points to it", () => {
    const doc = page(DIST, "/data/");
    const ld = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!)).find((j) => j["@type"] === "Dataset");
    expect(ld.distribution.length).toBe(releases.length * 2);
    const llms = readFileSync(join(DIST, "llms.txt"), "utf8");
    expect(llms).toMatch(/^# Circularity/);
    expect(llms).toContain(`${origin}/api/v1/index.json`);
    expect(llms).toContain("How to cite");
  });
});

describe("unfurling", () => {
  it("every page has Open Graph and Twitter card tags with an image that exists", () => {
    for (const file of htmlPages(DIST).filter((f) => !f.startsWith("embed/") && !f.includes("redirect"))) {
      const doc = pageHead(DIST, `/${file}`);
      if (doc.querySelector('meta[http-equiv="refresh"]')) continue;
      const image = doc.querySelector('meta[property="og:image"]')?.getAttribute("content");
      expect(image, file).toBeTruthy();
      expect(existsSync(fileOf(image!)), `${file}: ${image}`).toBe(true);
      expect(doc.querySelector('meta[name="twitter:card"]')?.getAttribute("content"), file).toBe("summary_large_image");
      expect(doc.querySelector('meta[property="og:description"]')?.getAttribute("content"), file).toBeTruthy();
    }
  });
});

describe("citing a moment", () => {
  it("publishes the network and totals charts as of each quarter-end, each naming its version and date, with its own citation", () => {
    const date = "2025-09-30";
    for (const id of ["who-funds-whom", "top-recipients", "top-funders", "totals-by-type"]) {
      const path = `/charts/${id}/v${current.version}/as-of/${date}/`;
      const doc = page(DIST, path);
      expect(doc.querySelector("h1")!.textContent, path).toContain("as of");
      expect(doc.querySelector('meta[name="citation_public_url"]')!.getAttribute("content")).toBe(`${origin}${path}`);
      expect(doc.querySelector('meta[name="DC.relation"]')!.getAttribute("content")).toContain(current.version);
      // Every deal the as-of figure's data table can link to was announced by the date.
      const pinned = page(DIST, `/charts/${id}/v${current.version}/`);
      expect(pinned.querySelector(`a[href="${path}"]`), `${id}: the pinned page links to its as-of versions`).toBeTruthy();
    }
    const table = page(DIST, `/charts/who-funds-whom/v${current.version}/as-of/2024-03-31/`).querySelectorAll("figure.chart tbody tr").length;
    const later = page(DIST, `/charts/who-funds-whom/v${current.version}/as-of/2026-06-30/`).querySelectorAll("figure.chart tbody tr").length;
    expect(table).toBeLessThan(later);
  });
});
