// The citation a reader copies, in every format, and the feeds they follow: checked whole, field by field.
import { beforeEach, describe, expect, it } from "vitest";
import { citationMeta, citationsFor, type CitableWork } from "../../src/lib/cite.ts";
import { atomXml } from "../../src/lib/atom.ts";
import { absoluteUrl, href } from "../../src/lib/urls.ts";

const article: CitableWork = {
  kind: "article",
  id: "oracle-stargate-debt",
  title: "Oracle & OpenAI: can it be paid?",
  authors: ["Ada Lovelace", "Alan Turing", "Grace Hopper"],
  issued: "2026-03-09",
  url: "https://circularity.report/articles/oracle-stargate-debt/v2/",
  datasetVersion: "1.3.0",
  evidenceThrough: "2026-07-21",
  version: 2,
};
const deal: CitableWork = { ...article, kind: "deal", id: "openai-oracle-2025-09", title: "OpenAI's Oracle contract", authors: [], version: undefined };

// Values are computed in hooks, not at collection time, so mutation testing can tell which test covers which code.
describe("citations of an article version", () => {
  let c: ReturnType<typeof citationsFor>;
  beforeEach(() => {
    c = citationsFor(article);
  });
  it("APA names every author, the day, the version and the evidence date", () => {
    expect(c.apa).toBe(
      "Ada Lovelace, Alan Turing, & Grace Hopper. (2026, March 9). Oracle & OpenAI: can it be paid? (Version 2). Circularity, dataset v1.3.0 (evidence through late July 2026). https://circularity.report/articles/oracle-stargate-debt/v2/",
    );
  });
  it("BibTeX keys by article version and lists each author", () => {
    expect(c.bibtex).toBe(
      [
        "@misc{circularity-oracle-stargate-debt-v2,",
        "  author = {{Ada Lovelace} and {Alan Turing} and {Grace Hopper}},",
        "  title = {Oracle & OpenAI: can it be paid?},",
        "  year = {2026},",
        "  month = {3},",
        "  howpublished = {Circularity},",
        "  note = {Version 2; dataset version 1.3.0, evidence through late July 2026},",
        "  url = {https://circularity.report/articles/oracle-stargate-debt/v2/}",
        "}",
      ].join("\n"),
    );
  });
  it("CSL-JSON carries the type, date parts, version and URL", () => {
    expect(JSON.parse(c.cslJson)).toEqual({
      id: "circularity-oracle-stargate-debt-v2",
      type: "article",
      title: "Oracle & OpenAI: can it be paid?",
      author: [{ literal: "Ada Lovelace" }, { literal: "Alan Turing" }, { literal: "Grace Hopper" }],
      issued: { "date-parts": [[2026, 3, 9]] },
      publisher: "Circularity",
      "container-title": "Circularity",
      version: "2",
      note: "Version 2; dataset version 1.3.0, evidence through late July 2026",
      URL: "https://circularity.report/articles/oracle-stargate-debt/v2/",
    });
  });
  it("RIS has one tag a line, CRLF line ends, and ends the record", () => {
    expect(c.ris.split("\r\n")).toEqual([
      "TY  - ELEC",
      "AU  - Ada Lovelace",
      "AU  - Alan Turing",
      "AU  - Grace Hopper",
      "TI  - Oracle & OpenAI: can it be paid?",
      "PY  - 2026",
      "DA  - 2026/03/09",
      "PB  - Circularity",
      "T2  - Circularity",
      "ET  - Version 2; dataset version 1.3.0, evidence through late July 2026",
      "UR  - https://circularity.report/articles/oracle-stargate-debt/v2/",
      "N1  - Pinned to dataset version 1.3.0; this URL keeps showing exactly what is cited.",
      "ER  - ",
      "",
    ]);
  });
});

describe("citations of a deal record", () => {
  let c: ReturnType<typeof citationsFor>;
  beforeEach(() => {
    c = citationsFor(deal);
  });
  it("falls back to the publisher as author and types the record as a dataset", () => {
    expect(c.apa).toBe(
      "Circularity. (2026, March 9). OpenAI's Oracle contract [Data set record]. Circularity, dataset v1.3.0 (evidence through late July 2026). https://circularity.report/articles/oracle-stargate-debt/v2/",
    );
    expect(c.bibtex).toContain("@misc{circularity-openai-oracle-2025-09-1-3-0,");
    expect(c.bibtex).toContain("  author = {{Circularity}},");
    expect(c.bibtex).toContain("  note = {Dataset version 1.3.0, evidence through late July 2026},");
    expect(JSON.parse(c.cslJson)).toMatchObject({ type: "dataset", version: "1.3.0" });
    expect(c.ris.split("\r\n")[0]).toBe("TY  - DATA");
  });
  it("a chart is a figure, titled as a chart in BibTeX", () => {
    const chart = citationsFor({ ...deal, kind: "chart", title: "Who funds whom" });
    expect(chart.bibtex).toContain("  title = {Who funds whom [Chart]},");
    expect(JSON.parse(chart.cslJson).type).toBe("figure");
    expect(chart.ris.split("\r\n")[0]).toBe("TY  - FIGURE");
    expect(chart.apa).toContain("Who funds whom [Chart].");
  });
});

describe("citation meta tags", () => {
  it("gives reference managers every tag, in order", () => {
    expect(citationMeta(article).map((m) => `${m.name}=${m.content}`)).toEqual([
      "citation_title=Oracle & OpenAI: can it be paid?",
      "citation_author=Ada Lovelace",
      "citation_author=Alan Turing",
      "citation_author=Grace Hopper",
      "citation_publication_date=2026/03/09",
      "citation_date=2026/03/09",
      "citation_publisher=Circularity",
      "citation_technical_report_institution=Circularity",
      "citation_public_url=https://circularity.report/articles/oracle-stargate-debt/v2/",
      "citation_abstract_html_url=https://circularity.report/articles/oracle-stargate-debt/v2/",
      "citation_language=en",
      "DC.title=Oracle & OpenAI: can it be paid?",
      "DC.creator=Ada Lovelace",
      "DC.creator=Alan Turing",
      "DC.creator=Grace Hopper",
      "DC.date=2026-03-09",
      "DC.publisher=Circularity",
      "DC.identifier=https://circularity.report/articles/oracle-stargate-debt/v2/",
      "DC.type=Text",
      "DC.relation=Dataset version 1.3.0",
      "DC.rights=CC BY 4.0",
    ]);
    const tags = (w: CitableWork) => Object.fromEntries(citationMeta(w).map((m) => [m.name, m.content]));
    expect(tags({ ...deal, kind: "chart" })).toMatchObject({
      citation_title: "OpenAI's Oracle contract [Chart]",
      "DC.type": "Image",
      citation_author: "Circularity",
    });
    expect(tags(deal)["DC.type"]).toBe("Dataset");
  });
});

describe("Atom feeds", () => {
  let xml = "";
  beforeEach(() => {
    xml = feedXml();
  });
  const feedXml = () =>
    atomXml({
      id: "tag:circularity,2026:data",
      title: "Releases & <changes>",
      subtitle: 'Every "release"',
      self: "https://x.test/data/feed.xml?a=1&b=2",
      alternate: "https://x.test/data/",
      author: "Circularity",
      rights: "CC BY 4.0",
      entries: [
        { id: "e1", title: "A < B", updated: "2026-11-24", link: "https://x.test/1", summary: "x & y" },
        { id: "e2", title: "B", updated: "2026-12-03T10:00:00Z", link: "https://x.test/2", summary: "z" },
      ],
    });
  it("escapes text and attributes, stamps dates as date-times, and dates the feed by its newest entry", () => {
    expect(xml).toContain("<title>Releases &amp; &lt;changes&gt;</title>");
    expect(xml).toContain("<subtitle>Every &quot;release&quot;</subtitle>");
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://x.test/data/feed.xml?a=1&amp;b=2"/>');
    expect(xml).toContain("<title>A &lt; B</title>");
    expect(xml).toContain("<updated>2026-11-24T00:00:00Z</updated>");
    expect(xml).toContain('<summary type="text">x &amp; y</summary>');
    expect(xml.split("\n").slice(0, 6)).toEqual([
      '<?xml version="1.0" encoding="utf-8"?>',
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      "  <id>tag:circularity,2026:data</id>",
      "  <title>Releases &amp; &lt;changes&gt;</title>",
      "  <subtitle>Every &quot;release&quot;</subtitle>",
      "  <updated>2026-12-03T10:00:00Z</updated>",
    ]);
    expect(xml.trimEnd().endsWith("</feed>")).toBe(true);
  });
  it("dates an empty feed at the epoch rather than inventing a date", () => {
    expect(atomXml({ id: "i", title: "t", subtitle: "s", self: "a", alternate: "b", author: "c", rights: "d", entries: [] })).toContain(
      "<updated>1970-01-01T00:00:00Z</updated>",
    );
  });
});

describe("site URLs", () => {
  it("joins paths to the base path once, however they are written", () => {
    expect(href("charts/x/")).toBe("/charts/x/");
    expect(href("//charts/x/")).toBe("/charts/x/");
    expect(href()).toBe("/");
    expect(absoluteUrl("data/")).toBe("https://circularity.report/data/");
  });
});
