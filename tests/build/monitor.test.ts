// The monitor as built: every indicator's live and pinned pages, its pinned file byte for byte, its API document,
// the feed, and the home page leading with the indicators.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import { INDICATORS } from "../../src/indicators/index.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { formatIndicator } from "../../src/indicators/records.ts";
import { exists, page } from "../helpers/html.ts";

const DIST = "dist";
const { current } = loadReleases("data");
const archived = (id: string, version: string) => readFileSync(`archive/indicators/${id}/v${version}.json`, "utf8");

describe("the monitor", () => {
  it("lists every indicator with its value on the current release, linked to its page", () => {
    const doc = page(DIST, "/monitor/");
    const links = [...doc.querySelectorAll(".indicators h2 a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual(INDICATORS.map((i) => `/monitor/${i.id}/`));
    const values = [...doc.querySelectorAll(".indicator-value")].map((p) => p.textContent);
    INDICATORS.forEach((ind, i) => {
      const result = ind.compute(current.dataset)!;
      expect(values[i], ind.id).toBe(formatIndicator(result.value, ind.unit));
    });
  });

  it.each(INDICATORS.map((i) => [i.id]))("%s: live page cites its pinned page, whose JSON download is the archived file byte for byte", (id) => {
    const live = page(DIST, `/monitor/${id}/`);
    const pinnedUrl = `/monitor/${id}/v${current.version}/`;
    expect([...live.querySelectorAll("a")].some((a) => a.getAttribute("href") === pinnedUrl)).toBe(true);
    expect(live.querySelector('link[rel="cite-as"]')?.getAttribute("href")).toMatch(new RegExp(`${pinnedUrl.replaceAll("/", "\\/")}$`));
    const pinned = page(DIST, pinnedUrl);
    expect(pinned.querySelector("h1")!.textContent).toBe(JSON.parse(archived(id, current.version)).title);
    expect(readFileSync(`${DIST}/monitor/${id}/v${current.version}/${id}.json`, "utf8")).toBe(archived(id, current.version));
    expect(readFileSync(`${DIST}/monitor/${id}/v${current.version}/${id}.ris`, "utf8")).toContain(`UR  - https://circularity.report${pinnedUrl}`);
    const api = JSON.parse(readFileSync(`${DIST}/api/v1/indicators/${id}.json`, "utf8"));
    expect(api.datasetVersion).toBe(current.version);
    expect(api.data.value).toBe(JSON.parse(archived(id, current.version)).value);
    expect(api.data.pinned).toBe(`https://circularity.report${pinnedUrl}`);
  });

  it("shows each indicator's definition, formula, evidence mix and history", () => {
    for (const ind of INDICATORS) {
      const doc = page(DIST, `/monitor/${ind.id}/`);
      const text = doc.querySelector("main")!.textContent!;
      expect(text, ind.id).toContain(ind.definition);
      expect(text, ind.id).toContain(ind.formula);
      expect(text, ind.id).toMatch(/Evidence: of its \d+ input records, [\d.]+% rest on a filing/);
      expect(doc.querySelectorAll("table").length, ind.id).toBeGreaterThanOrEqual(3);
    }
  });

  it("has a feed with an entry for each indicator's first release, each linking to a page that exists", () => {
    const feed = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(`${DIST}/monitor/feed.xml`, "utf8")).feed;
    const entries = [feed.entry].flat();
    for (const ind of INDICATORS)
      expect(
        entries.some((e: { title: string }) => e.title.startsWith(`${ind.title}: `)),
        ind.id,
      ).toBe(true);
    for (const e of entries) {
      const path = new URL(e.link["@_href"]).pathname;
      expect(exists(DIST, `${path}index.html`), path).toBe(true);
    }
  });

  it("lists each indicator pinned to the current release as a resource of its Data Package", () => {
    const descriptor = JSON.parse(readFileSync(`${DIST}/data/${current.version}/datapackage.json`, "utf8"));
    const names = descriptor.resources.map((r: { name: string }) => r.name);
    for (const ind of INDICATORS) expect(names, ind.id).toContain(`indicator-${ind.id}`);
  });

  it("leads the home page with the monitor's indicators", () => {
    const doc = page(DIST, "/");
    const first = doc.querySelector(".stat-row a")!;
    expect(first.getAttribute("href")).toBe(`/monitor/${INDICATORS[0]!.id}/`);
  });
});
