// Builds the fixture site once and checks what readers get: GFM, pinned figures, revision notes, chart pages, feeds.
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { buildSite } from "../helpers/build-site.ts";
import { exists, html, page } from "../helpers/html.ts";

let dist = "";
let output = "";

beforeAll(() => {
  const result = buildSite();
  output = result.output;
  if (result.code !== 0) throw new Error(`fixture build failed:\n${result.output}`);
  dist = result.outDir;
});

describe("an MDX article with GFM through remark-gfm", () => {
  it("renders a GFM table, with no inline alignment (the article checks refuse aligned columns; the frozen v1 keeps its own)", () => {
    const doc = page(dist, "/articles/gfm-probe/");
    const table = doc.querySelector(".article-body table")!;
    expect(table).toBeTruthy();
    expect(table.querySelectorAll("tbody tr")).toHaveLength(2);
    expect(table.querySelectorAll("th")).toHaveLength(3);
    expect(table.querySelectorAll("[style]")).toHaveLength(0);
    // The text as first published aligned its third column; a frozen version keeps its bytes.
    const v1 = page(dist, "/articles/gfm-probe/v1/").querySelector(".article-body table th:nth-child(3)")!;
    expect(v1.getAttribute("style") ?? v1.getAttribute("align")).toMatch(/right/);
  });

  it("renders footnotes with references that resolve", () => {
    const doc = page(dist, "/articles/gfm-probe/");
    const refs = [...doc.querySelectorAll("a[data-footnote-ref]")];
    expect(refs.length).toBe(2);
    for (const ref of refs) expect(doc.getElementById(ref.getAttribute("href")!.slice(1))).toBeTruthy();
    expect(doc.querySelector("section.footnotes, section[data-footnotes]")!.textContent).toContain("techeconomy.ng");
  });

  it("renders strikethrough", () => {
    expect(page(dist, "/articles/gfm-probe/").querySelector(".article-body del")!.textContent).toBe("binding");
  });
});

describe("computed figures", () => {
  it("renders each <Computed> from the pinned records, linked to its formula, which names and links every input", () => {
    const doc = page(dist, "/articles/gfm-probe/");
    const computed = [...doc.querySelectorAll("a.computed")];
    expect(computed.map((a) => a.textContent)).toEqual(["2.77×", "$112B"]);
    for (const a of computed) {
      const item = doc.getElementById(a.getAttribute("href")!.slice(1))!;
      expect(item, a.textContent!).toBeTruthy();
      expect(a.getAttribute("title")).toContain("(openai-coreweave-2025-03)");
      expect(item.textContent).toContain(a.textContent!);
      for (const link of item.querySelectorAll("a")) expect(exists(dist, link.getAttribute("href")!.split("#")[0]!)).toBe(true);
    }
    expect(computed[0]!.getAttribute("title")).toBe("$11.9B (openai-coreweave-2025-03) ÷ $4.3B (openai-revenue-2025-h1) = 2.77×");
  });
});

describe("article versions", () => {
  it("keeps the first published text at /v1/, unchanged, with a banner pointing to the current version", () => {
    const v1 = page(dist, "/articles/gfm-probe/v1/");
    expect(v1.querySelector(".version-banner")!.textContent).toMatch(/Version 1.*as published on January 15, 2026.*dataset v1\.0\.0/s);
    expect(v1.querySelector(".version-banner a")!.getAttribute("href")).toBe("/articles/gfm-probe/");
    // The text as first published: no computed figures (added in version 2). Its figures link to the records as its
    // pinned release held them, and one a later release revised says so beside the words as published.
    expect(v1.querySelectorAll(".article-body a.computed")).toHaveLength(0);
    const facts = [...v1.querySelectorAll('.article-body a.fact[href^="/deals/"]')];
    expect(facts.length).toBeGreaterThan(0);
    for (const a of facts) {
      expect(a.getAttribute("href")).toMatch(/^\/deals\/[^/]+\/v1\.0\.0\/$/);
      expect(exists(dist, `${a.getAttribute("href")}index.html`), a.getAttribute("href")!).toBe(true);
    }
    for (const r of v1.querySelectorAll(".article-body .revised")) expect(r.textContent).toMatch(/^\(revised since, in v\d+\.\d+\.\d+: /);
    expect(v1.querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe("https://circularity.report/articles/gfm-probe/v1/");
    expect(v1.querySelector("[data-pagefind-body]")).toBeNull();
  });

  it("lists every version with its date and revision note, and cites the version by its pinned URL", () => {
    const doc = page(dist, "/articles/gfm-probe/");
    const versions = [...doc.querySelectorAll(".versions li")].map((li) => li.textContent!.replace(/\s+/g, " ").trim());
    expect(versions).toEqual([
      "Version 1, January 15, 2026: first published.",
      "Version 2, February 1, 2026: Added the contract's size against first-half revenue, computed from the records, to exercise <Computed>.",
    ]);
    const apa = doc.querySelector(".cite pre code")!.textContent!;
    expect(apa).toContain("(Version 2)");
    expect(apa).toContain("https://circularity.report/articles/gfm-probe/v2/");
    const ris = readFileSync(join(dist, "articles/gfm-probe/cite.ris"), "utf8");
    expect(ris).toContain("UR  - https://circularity.report/articles/gfm-probe/v2/");
  });

  it("serves the current version at its pinned URL too, canonical to the article and kept out of search", () => {
    const v2 = page(dist, "/articles/gfm-probe/v2/");
    expect(v2.querySelector(".version-banner")!.textContent).toContain("the current version");
    expect(v2.querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe("https://circularity.report/articles/gfm-probe/");
    expect(v2.querySelector('meta[name="robots"]')!.getAttribute("content")).toBe("noindex");
    expect(v2.querySelectorAll(".article-body a.computed")).toHaveLength(2);
  });
});

describe("figures from the dataset", () => {
  it("renders each <Fact> from the pinned version, linked to its deal page", () => {
    const doc = page(dist, "/articles/gfm-probe/");
    const facts = [...doc.querySelectorAll("a.fact")].map((a) => [a.textContent, a.getAttribute("href")]);
    expect(facts).toContainEqual(["$11.9B", "/deals/openai-coreweave-2025-03/"]);
    expect(facts).toContainEqual(["Mar 10, 2025", "/deals/openai-coreweave-2025-03/"]);
    expect(facts).toContainEqual(["up to $100 billion", "/deals/nvidia-openai-2025-09/"]);
    expect(facts).toContainEqual(["7 years", "/deals/openai-amazon-2025-11/"]);
    expect(facts).toContainEqual(["OpenAI", "/deals/openai-amazon-2025-11/"]);
    for (const [, href] of facts) expect(exists(dist, href!.split("#")[0]!)).toBe(true);
  });

  it("says beside a figure that a later release revised it, and the build lists the article", () => {
    const doc = page(dist, "/articles/gfm-probe/");
    const revised = [...doc.querySelectorAll(".revised")].map((s) => s.textContent);
    expect(revised).toContain("(revised in v1.1.0: now $12B, committed)");
    expect(revised).toContain("(revised in v1.1.0: now 2.79×)");
    expect(revised).toHaveLength(2);
    // The header counts the same marks a reader will find in the text.
    expect(doc.querySelector("header.prose")!.textContent).toMatch(/The dataset has since moved to v1\.1\.0; the 2 figures it revised are marked in the text/);
    expect(output).toMatch(/review .*gfm-probe\.mdx: openai-coreweave-2025-03 amount was \$11\.9B, revised in v1\.1\.0 to \$12B/);
  });

  it("embeds the chart pinned to the article's version, resolving an old chart id", () => {
    const doc = page(dist, "/articles/gfm-probe/");
    const figures = [...doc.querySelectorAll("figure.chart")];
    expect(figures).toHaveLength(2);
    for (const f of figures) {
      expect(f.querySelector(".chart-wide svg[role][aria-label]")).toBeTruthy();
      expect(f.querySelector("details table tbody tr")).toBeTruthy();
      expect(f.querySelector('a[href="/charts/who-funds-whom/v1.0.0/"]')).toBeTruthy();
    }
  });
});

describe("article social cards", () => {
  it("uses the article's own 1.91:1 card, with its title, as the Open Graph image", () => {
    const doc = page(dist, "/articles/gfm-probe/");
    expect(doc.querySelector('meta[property="og:image"]')!.getAttribute("content")).toBe("https://circularity.report/cards/article/gfm-probe.png");
    expect(exists(dist, "/cards/article/gfm-probe.png")).toBe(true);
    expect(doc.querySelector('meta[property="og:image:alt"]')!.getAttribute("content")).toBe(`Analysis: ${doc.querySelector("h1")!.textContent!.trim()}`);
    expect(doc.querySelector('meta[property="og:type"]')!.getAttribute("content")).toBe("article");
  });
});

describe("chart permalink pages", () => {
  it("has the figure, the data table, three citation formats and four downloads", () => {
    const doc = page(dist, "/charts/who-funds-whom/");
    expect(doc.querySelector("figure.chart svg[role][aria-label]")).toBeTruthy();
    expect(doc.querySelector("figure.chart details table")).toBeTruthy();
    const cite = doc.querySelector("section.cite")!.textContent!;
    expect(cite).toContain("APA");
    expect(cite).toContain("@misc{circularity-who-funds-whom-1-1-0");
    expect(cite).toContain('"URL":"https://circularity.report/charts/who-funds-whom/v1.1.0/"');
    for (const ext of ["svg", "png", "csv", "json"]) expect(exists(dist, `/charts/who-funds-whom.${ext}`)).toBe(true);
    expect(doc.querySelector('meta[property="og:image"]')!.getAttribute("content")).toBe("https://circularity.report/cards/chart/who-funds-whom.png");
    expect(exists(dist, "/cards/chart/who-funds-whom.png")).toBe(true);
  });

  it("pins a page and downloads to every released version", () => {
    for (const v of ["1.0.0", "1.1.0"]) {
      expect(exists(dist, `/charts/who-funds-whom/v${v}/index.html`)).toBe(true);
      for (const ext of ["svg", "png", "csv", "json"]) expect(exists(dist, `/charts/who-funds-whom/v${v}/who-funds-whom.${ext}`)).toBe(true);
    }
  });

  it("says what changed in the plotted data since the previous version", () => {
    const text = page(dist, "/charts/top-recipients/v1.1.0/").querySelector("#changes-title")!.parentElement!.textContent!;
    expect(text).toMatch(/Rows (added|revised)/);
    expect(text).toContain("coreweave");
    expect(page(dist, "/charts/top-recipients/v1.0.0/").body.textContent).toContain("first dataset version in which this chart was published");
  });

  it("serves downloads of exactly what is plotted", () => {
    const csv = readFileSync(join(dist, "charts/top-recipients.csv"), "utf8").trim().split("\n");
    const rows = page(dist, "/charts/top-recipients/").querySelectorAll("figure.chart details tbody tr");
    expect(csv.length - 1).toBe(rows.length);
    const json = JSON.parse(readFileSync(join(dist, "charts/top-recipients.json"), "utf8"));
    expect(json.datasetVersion).toBe("1.1.0");
    expect(json.data).toHaveLength(rows.length);
    const png = readFileSync(join(dist, "charts/top-recipients.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });

  it("keeps a renamed chart id resolving through a redirect page", () => {
    const doc = page(dist, "/charts/circular-network/");
    expect(doc.querySelector('meta[http-equiv="refresh"]')!.getAttribute("content")).toBe("0; url=/charts/who-funds-whom/");
  });

  it("ships chart and article pages without scripts other than JSON-LD", () => {
    for (const path of ["/charts/who-funds-whom/", "/charts/who-funds-whom/v1.0.0/", "/articles/gfm-probe/"]) {
      const scripts = [...page(dist, path).querySelectorAll("script")].filter((s) => s.getAttribute("type") !== "application/ld+json");
      expect(scripts, path).toHaveLength(0);
    }
  });
});

describe("drafts", () => {
  it("leaves draft articles out of the production build, its feed and its sitemap", () => {
    expect(exists(dist, "/articles/draft-note/index.html")).toBe(false);
    expect(readFileSync(join(dist, "rss.xml"), "utf8")).not.toContain("draft-note");
    expect(readFileSync(join(dist, "sitemap-0.xml"), "utf8")).not.toContain("draft-note");
    expect(html(dist, "/articles/")).not.toContain("A draft that must not be published");
  });
});

describe("feeds and data", () => {
  it("publishes valid RSS 2.0 listing every article", () => {
    const xml = readFileSync(join(dist, "rss.xml"), "utf8");
    const { document } = parseHTML(xml.replace(/^<\?xml[^>]*>/, ""));
    expect(document.querySelector("rss")!.getAttribute("version")).toBe("2.0");
    const items = [...document.querySelectorAll("item")];
    expect(items.map((i) => i.querySelector("guid")!.textContent)).toEqual(["https://circularity.report/articles/gfm-probe/"]);
  });

  it("lists pages in the sitemap", () => {
    const xml = readFileSync(join(dist, "sitemap-0.xml"), "utf8");
    expect(xml).toContain("https://circularity.report/articles/gfm-probe/");
    expect(xml).toContain("https://circularity.report/deals/openai-coreweave-2025-03/");
    expect(xml).not.toContain("/embed/");
  });

  it("serves each dataset version byte for byte and as CSV", () => {
    for (const v of ["1.0.0", "1.1.0"]) {
      expect(readFileSync(join(dist, `data/${v}.json`), "utf8")).toBe(readFileSync(join("tests/fixtures/data/releases", `${v}.json`), "utf8"));
      expect(exists(dist, `/data/${v}.csv`)).toBe(true);
    }
    const text = html(dist, "/data/");
    // The revised record by name, linked to its page as of the release, with its id and what changed.
    expect(text).toMatch(
      /<a href="\/deals\/openai-coreweave-2025-03\/v1\.1\.0\/"[^>]*>[^<]+<\/a> <span class="muted small"[^>]*>\(deal <code[^>]*>openai-coreweave-2025-03<\/code>\)<\/span><\/td>\s*<td[^>]*>amount [^<]*→/,
    );
    // The release's reason for the revision is shown beside it.
    expect(text).toContain("the amount is revised on purpose");
    expect(text).toContain("anthropic-amazon-2026-04");
  });
});
