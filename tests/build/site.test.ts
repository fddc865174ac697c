// Assertions on the real site in dist/ (built by `npm run build` before this layer runs).
import { describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadReleases } from "../../src/dataset/load.ts";
import { derivedLoops } from "../../src/dataset/loops.ts";
import { TIMING_TEXT, densityNote } from "../../src/page-data/loops-page.ts";
import { activeEntities } from "../../src/dataset/selectors.ts";
import { CHARTS } from "../../src/charts/index.ts";
import { readArchived } from "../../src/render/chart-archive.ts";
import { chartPublishedIn } from "../../src/render/charts.ts";
import { marksOutOfTabOrder } from "../../src/render/plot-to-svg.ts";
import { isCardTable } from "../../src/articles/rehype-article.ts";
import { exists, html, htmlPages, page } from "../helpers/html.ts";
import { brokenLinks } from "../../src/build/link-check.ts";

const DIST = "dist";
const { current, releases } = loadReleases("data");
const articles = [...readFileSync(join(DIST, "rss.xml"), "utf8").matchAll(/<link>https:\/\/[^/]+(\/articles\/[^<]+)<\/link>/g)].map((m) => m[1]!);

describe("the dataset on the site", () => {
  it("has a page for every deal, listing every source", () => {
    for (const deal of current.dataset.deals) {
      const doc = page(DIST, `/deals/${deal.id}/`);
      const links = [...doc.querySelectorAll(".sources a")].map((a) => a.getAttribute("href"));
      expect(links, deal.id).toEqual(deal.sources.map((s) => s.url));
    }
  });

  it("links each replaced deal to its replacement, and the replacement back to it", () => {
    const replaced = current.dataset.deals.filter((d) => d.supersededBy);
    expect(replaced.length).toBeGreaterThan(0);
    for (const deal of replaced) {
      const older = page(DIST, `/deals/${deal.id}/`);
      const superseded = [...older.querySelectorAll("p.revised a")].map((a) => a.getAttribute("href"));
      expect(superseded, deal.id).toEqual([`/deals/${deal.supersededBy}/`]);
      const newer = page(DIST, `/deals/${deal.supersededBy}/`);
      const replaces = [...newer.querySelectorAll("p")].find((p) => p.textContent?.startsWith("Replaces:"));
      const links = [...(replaces?.querySelectorAll("a") ?? [])].map((a) => a.getAttribute("href"));
      expect(links, deal.supersededBy).toContain(`/deals/${deal.id}/`);
      expect(links, deal.supersededBy).not.toContain(`/deals/${deal.supersededBy}/`);
    }
  });

  it("sends every link in an embedded chart to the top window, never into the host's frame", () => {
    for (const chart of CHARTS) {
      const path = `/embed/charts/${chart.id}/`;
      if (!exists(DIST, `${path}index.html`)) continue;
      const doc = page(DIST, path);
      expect(doc.querySelector("head base")?.getAttribute("target"), path).toBe("_top");
      for (const a of doc.querySelectorAll("a[target]")) expect(["_top", "_blank"], `${path}: ${a.getAttribute("href")}`).toContain(a.getAttribute("target"));
    }
  });

  it("lists every deal on /deals/", () => {
    const doc = page(DIST, "/deals/");
    const linked = new Set([...doc.querySelectorAll("tbody a")].map((a) => a.getAttribute("href")));
    for (const deal of current.dataset.deals) expect(linked.has(`/deals/${deal.id}/`), deal.id).toBe(true);
  });

  it("has a page for every entity that takes part in a deal", () => {
    for (const entity of activeEntities(current.dataset)) expect(exists(DIST, `/companies/${entity.id}/index.html`), entity.id).toBe(true);
  });

  it("shows every derived loop with edges that link to real deal pages", () => {
    const doc = page(DIST, "/loops/");
    // The density comparison a reader sees is the one computed from the current release.
    const paragraphs = [...doc.querySelectorAll("main p")].map((p) => p.textContent!.replace(/\s+/g, " ").trim());
    for (const note of densityNote(current)) expect(paragraphs).toContain(note);
    const loops = derivedLoops(current.dataset.deals);
    for (const loop of loops) {
      const item = doc.getElementById(`loop-${loop.id}`);
      expect(item, loop.id).toBeTruthy();
      const dealLinks = [...item!.querySelectorAll('a[href^="/deals/"]')].map((a) => a.getAttribute("href")!);
      expect(dealLinks.length).toBe(loop.edges.reduce((n, e) => n + e.deals.length, 0));
      for (const href of dealLinks) expect(exists(DIST, `${href}index.html`), href).toBe(true);
      // The timing test's verdict a reader sees is the one the methods article counts.
      expect(item!.textContent, loop.id).toContain(TIMING_TEXT[loop.order]);
    }
  });

  it("shows the Nvidia–OpenAI and Amazon–Anthropic loops on their companies' pages", () => {
    for (const [company, loopId] of [
      ["nvidia", "nvidia--openai"],
      ["openai", "nvidia--openai"],
      ["amazon", "amazon--anthropic"],
      ["anthropic", "amazon--anthropic"],
    ] as const) {
      expect(page(DIST, `/companies/${company}/`).querySelector(`a[href="/loops/#loop-${loopId}"]`), `${loopId} on ${company}`).toBeTruthy();
    }
  });

  it("serves every version's downloads, with the JSON byte for byte", () => {
    for (const r of releases) {
      expect(readFileSync(join(DIST, `data/${r.version}.json`), "utf8")).toBe(r.text);
      expect(exists(DIST, `/data/${r.version}.csv`)).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(DIST, "data/schema.json"), "utf8")).type).toBe("object");
  });
});

describe("articles", () => {
  it("publishes at least eleven", () => {
    expect(articles.length).toBeGreaterThanOrEqual(11);
  });

  it.each(articles.map((a) => [a]))("%s names its pinned release (and a newer one if any), runs to 1,200 words of prose and says what is uncertain", (path) => {
    const doc = page(DIST, path);
    const byline = doc.querySelector("header .small.muted")!.textContent!;
    const pinned = /Figures as of dataset v(\d+\.\d+\.\d+)/.exec(byline)?.[1];
    expect(releases.map((r) => r.version)).toContain(pinned);
    if (pinned !== current.version) expect(byline).toContain(`The dataset has since moved to v${current.version}`);
    else expect(byline).not.toContain("has since moved");
    // The header promises exactly the marks a reader finds in the text: as many as it says, or none.
    const marks = doc.querySelectorAll(".article-body .revised").length;
    if (pinned !== current.version)
      expect(byline).toContain(
        marks === 0 ? "it changes none of the figures quoted here" : marks === 1 ? "the one figure it revised" : `the ${marks} figures it revised`,
      );
    const body = doc.querySelector(".article-body")!.cloneNode(true) as Element;
    for (const el of body.querySelectorAll("figure, table, section[data-footnotes]")) el.remove();
    expect(body.textContent!.split(/\s+/).filter(Boolean).length).toBeGreaterThanOrEqual(1200);
    // Every article says what it is unsure of: under that heading, or under what would change its answer (the editorial
    // standard since December 2026 folds the uncertainty into the argument and closes on what would change it).
    expect([...doc.querySelectorAll(".article-body h2")].map((h) => h.textContent).some((t) => /^(What is uncertain|What would change)/.test(t ?? ""))).toBe(
      true,
    );
  });

  it.each(articles.map((a) => [a]))("%s links every one of its versions, each served at its pinned URL with the same title", (path) => {
    const doc = page(DIST, path);
    const versions = [...doc.querySelectorAll(".versions a")].map((a) => a.getAttribute("href")!);
    const title = doc.querySelector("h1")!.textContent;
    const cited = doc.querySelector(".cite pre code")!.textContent!;
    if (!versions.length) {
      expect(exists(DIST, `${path}v1/index.html`)).toBe(true);
      expect(cited).toContain(`${path}v1/`);
      return;
    }
    expect(versions.at(-1)).toBe(`${path}v${versions.length}/`);
    expect(cited).toContain(`(Version ${versions.length})`);
    for (const [i, href] of versions.entries()) {
      const version = page(DIST, href);
      expect(version.querySelector(".version-banner")!.textContent, href).toContain(`Version ${i + 1}`);
      if (i === versions.length - 1) expect(version.querySelector("h1")!.textContent).toBe(title);
    }
  });

  it.each(articles.map((a) => [a]))("%s has a chart, three dataset figures that link to their records, and resolved footnotes", (path) => {
    const doc = page(DIST, path);
    // A figure from the data: a chart, or a table of its own whose cells link to at least three records (an editor
    // preferred such tables to charts borrowed from other articles that do not serve the question).
    const charts = doc.querySelectorAll(".article-body figure.chart .chart-wide svg[role][aria-label]").length;
    const recordTables = [...doc.querySelectorAll(".article-body table")].filter(
      (t) => !t.closest("figure") && t.querySelectorAll('a.fact[href^="/deals/"], a.fact[href^="/companies/"], a.fact[href^="/financing/"]').length >= 3,
    ).length;
    expect(charts + recordTables).toBeGreaterThanOrEqual(1);
    const factLinks = [...doc.querySelectorAll(".article-body a.fact:not(.computed)")]
      .map((a) => a.getAttribute("href")!)
      .filter((h) => /^\/(deals|companies|financing)\//.test(h));
    expect(new Set(factLinks).size).toBeGreaterThanOrEqual(3);
    for (const href of factLinks) expect(exists(DIST, `${href.split("#")[0]}index.html`), href).toBe(true);
    const refs = [...doc.querySelectorAll("a[data-footnote-ref]")];
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) expect(doc.getElementById(ref.getAttribute("href")!.slice(1)), ref.getAttribute("href") ?? "").toBeTruthy();
    expect(doc.querySelectorAll(".article-body table").length).toBeGreaterThanOrEqual(1);
  });

  it.each(articles.map((a) => [a]))("%s labels every cell of a wide table for its phone card, and keeps footnote markers apart", (path) => {
    const doc = page(DIST, path);
    // The tables written in the article (a chart's data table is drawn by its figure and scrolls in its own box).
    for (const table of [...doc.querySelectorAll(".article-body table")].filter((t) => !t.closest("figure"))) {
      const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent!.trim());
      const longest = Math.max(0, ...[...table.querySelectorAll("tbody td")].map((td) => td.textContent!.trim().length));
      const cards = isCardTable(headers.length, longest);
      expect(table.classList.contains("cards"), `${path}: a table of ${headers.length} columns, longest cell ${longest} characters`).toBe(cards);
      if (!cards) continue;
      for (const row of table.querySelectorAll("tbody tr"))
        [...row.querySelectorAll("td")].forEach((td, i) =>
          expect(td.getAttribute("data-label"), `${path}: column ${i + 1}`).toBe(i > 0 && headers[i] ? headers[i] : null),
        );
    }
    // Two markers in a row read as one number ("³⁴⁵" as note 345) unless a comma separates them.
    for (const sup of doc.querySelectorAll(".article-body sup")) {
      const previous = sup.previousSibling;
      if (sup.querySelector("a[data-footnote-ref]") && previous?.nodeName === "SUP") expect(sup.textContent, `${path}: ${sup.outerHTML}`).toMatch(/^,/);
    }
  });

  it.each(articles.map((a) => [a]))("%s weighs at most 60 KB compressed (HTML with its inlined CSS)", (path) => {
    const bytes = gzipSync(readFileSync(join(DIST, path.slice(1), "index.html"))).length;
    expect(bytes).toBeLessThanOrEqual(60 * 1024);
  });
});

describe("charts", () => {
  it.each(CHARTS.map((c) => [c.id]))("%s has its permalink, pinned page, downloads and embed", (id) => {
    for (const path of [`/charts/${id}/index.html`, `/embed/charts/${id}/index.html`, `/charts/${id}/v${current.version}/index.html`])
      expect(exists(DIST, path), path).toBe(true);
    for (const ext of ["svg", "png", "csv", "json"]) {
      expect(exists(DIST, `/charts/${id}.${ext}`)).toBe(true);
      expect(exists(DIST, `/charts/${id}/v${current.version}/${id}.${ext}`)).toBe(true);
    }
    const doc = page(DIST, `/charts/${id}/`);
    expect(doc.querySelector("figure.chart details table tbody tr")).toBeTruthy();
    expect(doc.querySelectorAll("section.cite pre").length).toBe(3);
  });

  it.each(CHARTS.map((c) => [c.id, c] as const))(
    "%s is archived for every released version since its first, and the pinned page shows the archived SVG",
    (id, chart) => {
      for (const r of releases.filter((release) => chartPublishedIn(chart, release.version))) {
        const archived = readArchived(id, r.version);
        expect(archived, `archive/charts/${id}/v${r.version}.json is missing: run npm run charts:archive and commit it`).toBeTruthy();
        // As a page shows every chart: its marks out of the Tab order (the archived file itself is untouched).
        expect(html(DIST, `/charts/${id}/v${r.version}/`)).toContain(marksOutOfTabOrder(archived!.wide.svg));
      }
    },
  );
});

describe("weight and links", () => {
  it("ships no JavaScript on article, chart, deal, company, data and financing pages", () => {
    const contentPages = htmlPages(DIST).filter((p) => /^(articles|charts|deals|companies|data|financing|loops|tags)\//.test(p) || p === "index.html");
    expect(contentPages.length).toBeGreaterThan(100);
    for (const p of contentPages) {
      const text = readFileSync(join(DIST, p), "utf8");
      const scripts = [...text.matchAll(/<script\b([^>]*)>/g)].filter((m) => !m[1]!.includes('type="application/ld+json"'));
      expect(scripts, p).toHaveLength(0);
    }
  });

  it("ships embed pages only the one small script that reports their height to the host page", () => {
    // Renamed chart ids leave redirect pages under embed/ too; those carry no figure and no script.
    const embeds = htmlPages(DIST).filter((p) => p.startsWith("embed/") && readFileSync(join(DIST, p), "utf8").includes('class="chart"'));
    // One live embed per chart, and one per version the chart was pinned to.
    const pinnedEmbeds = CHARTS.flatMap((c) => releases.filter((r) => chartPublishedIn(c, r.version)).map((r) => r.version));
    expect(embeds.length).toBe(CHARTS.length + pinnedEmbeds.length);
    for (const p of embeds) {
      const text = readFileSync(join(DIST, p), "utf8");
      const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !m[1]!.includes('type="application/ld+json"'));
      expect(scripts, p).toHaveLength(1);
      const src = /src="([^"]+)"/.exec(scripts[0]![1]!)?.[1];
      const body = src ? readFileSync(join(DIST, src), "utf8") : scripts[0]![2]!;
      expect(body, p).toContain("circularity:embed-height");
      expect(Buffer.byteLength(body), p).toBeLessThan(1024);
    }
  });

  it("shares one cached stylesheet instead of repeating it inline on every page", () => {
    // Inlined, the site's CSS was 8 KB of every page: about 200 MB of a 100× site (bench/results.md).
    const sheets = new Set<string>();
    for (const p of htmlPages(DIST)) {
      const text = readFileSync(join(DIST, p), "utf8");
      if (text.includes('http-equiv="refresh"')) continue;
      const linked = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
      expect(linked.length, p).toBeGreaterThan(0);
      for (const href of linked) sheets.add(href);
      const inline = [...text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].reduce((n, m) => n + m[1]!.length, 0);
      expect(inline, `${p} inlines ${inline} bytes of CSS`).toBeLessThan(4096);
    }
    for (const href of sheets) expect(exists(DIST, href), href).toBe(true);
  });

  it("loads no web fonts and gives every image its size", () => {
    for (const p of htmlPages(DIST)) {
      const text = readFileSync(join(DIST, p), "utf8");
      expect(text, p).not.toMatch(/@font-face|fonts\.googleapis|\.woff2?/);
      for (const img of text.matchAll(/<img\b[^>]*>/g)) expect(img[0], p).toMatch(/width=.*height=|height=.*width=/);
    }
  });

  it("checks links the way the build does: a real page with one broken reference of each kind is caught", () => {
    // The build already fails on a broken link, so checking dist/ again could not fail; this shows the checker
    // still sees every kind of reference the site writes (link, src, SVG link, social-card URL, absolute URL).
    const dir = mkdtempSync(join(tmpdir(), "circularity-links-"));
    cpSync(join(DIST, "charts", "who-funds-whom"), join(dir, "charts", "who-funds-whom"), { recursive: true });
    const pagePath = join(dir, "charts", "who-funds-whom", "index.html");
    expect(brokenLinks(dir).filter((b) => b.page.endsWith("index.html") && b.link.includes("no-such"))).toEqual([]);
    const planted = [
      '<a href="/no-such-page/">',
      '<img src="/no-such.png" alt="">',
      '<svg><a xlink:href="/deals/no-such-deal/"></a></svg>',
      '<meta property="og:image" content="https://circularity.report/no-such-card.png">',
    ];
    writeFileSync(pagePath, readFileSync(pagePath, "utf8").replace("</body>", `${planted.join("")}</body>`));
    const found = brokenLinks(dir)
      .filter((b) => b.link.includes("no-such"))
      .map((b) => b.link);
    expect(found.sort()).toEqual(["/deals/no-such-deal/", "/no-such-card.png", "/no-such-page/", "/no-such.png"]);
  });

  it("indexes for search exactly the pages marked for it", () => {
    // Pagefind runs inside the build, so its files exist whenever the build passed; what can go wrong is coverage.
    const entry = JSON.parse(readFileSync(join(DIST, "pagefind", "pagefind-entry.json"), "utf8"));
    const marked = htmlPages(DIST).filter((p) => readFileSync(join(DIST, p), "utf8").includes("data-pagefind-body"));
    expect(entry.languages.en.page_count).toBe(marked.length);
    expect(marked.length).toBeGreaterThanOrEqual(current.dataset.deals.length + articles.length + CHARTS.length);
  });
});

describe("copy", () => {
  // Slips readers reported: an undisclosed amount shown as $0, and a basis said twice, by the figure and again beside it
  // ("up to up to $100B" when an article typed "up to" before a ceiling; "$2B (reported) (reported)" and "up to $4B
  // (up to)" when the financing page added the basis word after amounts that carry it). Matched on the text a reader
  // sees, tags removed, since the figure's own words sit inside its link. Frozen article versions (/articles/<slug>/v<n>/)
  // keep the text they were published with, slips included, so only the live text is held to it.
  const SLIPS = [/\$0 disclosed/, /up to up to/i, /\(reported\) \(reported\)/, /\(estimated\) \(estimated\)/, /~~\$/, /up to ~?\$[\d.,]+[BMT]? \(up to\)/];
  const visibleText = (markup: string) =>
    markup
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");
  const slipsIn = (markup: string) => SLIPS.filter((re) => re.test(visibleText(markup)));

  it("recognises each slip in the text a reader sees, across a figure's link", () => {
    expect(slipsIn('Nvidia would invest up to <a class="fact" href="/deals/x/">up to $100 billion</a>.')).toEqual([/up to up to/i]);
    expect(slipsIn("<strong>$2B (reported)</strong>  (reported) · closed")).toHaveLength(1);
    expect(slipsIn("<strong>up to $4B</strong>  (up to) · announced")).toHaveLength(1);
    expect(slipsIn("<strong>up to $4B</strong> · <strong>$2B (reported)</strong> · $3B (committed)")).toEqual([]);
  });

  it("has no page that shows an undisclosed amount as $0 or says a basis twice", () => {
    const found = htmlPages(DIST)
      .filter((p) => !/^articles\/[^/]+\/v\d+\//.test(p))
      .flatMap((p) => slipsIn(readFileSync(join(DIST, p), "utf8")).map((re) => `${p}: ${re}`));
    expect(found).toEqual([]);
  });
});

describe("per-version deal pages", () => {
  it("point every deal's citation and RIS at a version page that exists and shows that record", () => {
    for (const deal of current.dataset.deals) {
      const ris = readFileSync(join(DIST, `deals/${deal.id}/cite.ris`), "utf8");
      const url = /^UR {2}- (\S+)$/m.exec(ris)![1]!;
      expect(url, deal.id).toBe(`https://circularity.report/deals/${deal.id}/v${current.version}/`);
      const doc = page(DIST, new URL(url).pathname);
      const meta = doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content");
      // A redirect leads to the page that shows this content: for the newest release, the live page.
      const shown = meta ? page(DIST, meta.replace(/^0; url=/, "")) : doc;
      expect(shown.querySelector("h1")!.textContent!.trim(), deal.id).toBe(deal.title);
      const cite = page(DIST, `/deals/${deal.id}/`).querySelector('meta[name="citation_public_url"], meta[name="citation_abstract_html_url"]');
      if (cite) expect(cite.getAttribute("content")).toBe(url);
    }
  });

  it("writes a frozen page for each record content a later release revised, saying so and linking the record now", () => {
    const frozen = htmlPages(DIST).filter(
      (p) => /^deals\/[^/]+\/v\d+\.\d+\.\d+\/index\.html$/.test(p) && !readFileSync(join(DIST, p), "utf8").includes('http-equiv="refresh"'),
    );
    expect(frozen.length).toBeGreaterThan(50);
    for (const p of frozen.slice(0, 40)) {
      const doc = page(DIST, `/${p.replace(/index\.html$/, "")}`);
      expect(doc.querySelector(".revised")!.textContent, p).toMatch(/^This is the record as releases? v/);
      expect(doc.querySelector("[data-pagefind-body]"), p).toBeNull();
    }
  });
});
