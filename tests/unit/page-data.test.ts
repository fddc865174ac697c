// Page data is what a layout shows, computed in plain TypeScript: tested here on the fixture dataset, so a reader
// would never see a wrong link or figure that only a full build could reveal.
import { LAYER_LABEL } from "../../src/dataset/labels.ts";
import { entityLayers } from "../../src/dataset/selectors.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";
import { loadReleases, type Release } from "../../src/dataset/load.ts";
import type { Deal } from "../../src/schemas/dataset.ts";
import type { Article } from "../../src/articles/entries.ts";

// The page-data modules read the dataset named by this variable when first imported; it is put back afterwards, so
// a test file that runs later in the same worker process still reads the site's own data.
const siteDataDir = process.env.CIRCULARITY_DATA_DIR;
process.env.CIRCULARITY_DATA_DIR = FIXTURE_DATA;
const { dealPage, dealCitation, announcedText } = await import("../../src/page-data/deal-page.ts");
const { citationsFor } = await import("../../src/lib/cite.ts");
const { companyPage } = await import("../../src/page-data/company-page.ts");
const { articlePage } = await import("../../src/page-data/article-page.ts");
const { netIssuanceGap, recordPath } = await import("../../src/page-data/monitor.ts");
const { DEFAULT_ORDER, dealListings, dealsIndexPage, filterDeals, listingPath } = await import("../../src/page-data/deal-listings.ts");
const { formatAmount } = await import("../../src/dataset/labels.ts");
const { loopsPage, timingText, TIMING_TEXT, densityNote } = await import("../../src/page-data/loops-page.ts");
const { formatDate } = await import("../../src/lib/dates.ts");
const { derivedLoops, loopsByRewiring, pairDollars } = await import("../../src/dataset/loops.ts");
const { formatUsd } = await import("../../src/lib/money.ts");
const { asOfChartPage, chartPage } = await import("../../src/page-data/chart-page.ts");
const { asOfChart, asOfDates, currentChart, pinnedChart } = await import("../../src/render/charts.ts");
if (siteDataDir === undefined) delete process.env.CIRCULARITY_DATA_DIR;
else process.env.CIRCULARITY_DATA_DIR = siteDataDir;

const fixture = loadReleases(FIXTURE_DATA).current;

/** The fixture with one deal marked as replaced by another, as a release would record talks turning into a deal. */
function withReplacement(): { release: Release; older: Deal; newer: Deal } {
  const dataset = structuredClone(fixture.dataset);
  const older = dataset.deals.find((d) => d.id === "nvidia-openai-2025-09")!;
  const newer = dataset.deals.find((d) => d.id === "amd-openai-2025-10")!;
  older.supersededBy = newer.id;
  return { release: { ...fixture, version: "9.9.9-replaced", dataset }, older, newer };
}

describe("deal page data", () => {
  let replaced: ReturnType<typeof withReplacement>;
  beforeAll(() => {
    replaced = withReplacement();
  });

  it("links a replaced deal to its replacement, and the replacement back to it", () => {
    const { release, older, newer } = replaced;
    const olderPage = dealPage(release, older, []);
    const newerPage = dealPage(release, newer, []);
    expect(olderPage.replacedBy).toEqual({ text: newer.title, path: `deals/${newer.id}/` });
    expect(olderPage.replaces).toEqual([]);
    expect(newerPage.replaces).toEqual([{ text: older.title, path: `deals/${older.id}/` }]);
    expect(newerPage.replacedBy).toBeUndefined();
  });

  it("shows the record as a reader reads it: parties, amount with its basis, evidence, date precision", () => {
    const deal = fixture.dataset.deals.find((d) => d.id === "nvidia-openai-2025-09")!;
    const page = dealPage(fixture, deal, []);
    expect(page.from).toEqual({ text: "Nvidia", path: "companies/nvidia/" });
    expect(page.to).toEqual({ text: "OpenAI", path: "companies/openai/" });
    expect(page.amountText).toBe("up to $100 billion");
    expect(page.amount).toEqual({ usd: "$100 billion", basis: "up to", explanation: expect.stringContaining("ceiling"), original: undefined });
    expect(page.evidence).toEqual({ label: "Aggregator or repost", explanation: expect.stringContaining("repost") });
    expect(page.announced).toEqual({ datetime: "2025-09-22", text: "September 22, 2025", caveat: "" });
    expect(page.description).toBe("Nvidia → OpenAI: equity, up to $100B, announced Sep 22, 2025.");
    expect(page.filters).toEqual([
      "type:deal",
      "company:Nvidia",
      "company:OpenAI",
      "year:2025",
      "deal type:Equity",
      "era:AI era (2019–2026)",
      "amount:$100B and over",
    ]);
  });

  it("says how exact an imprecise date is", () => {
    const text = (d: Parameters<typeof announcedText>[0]) => Object.values(announcedText(d)).slice(1).join("");
    expect(text({ announced: "2025-10-01", datePrecision: "month" })).toBe("October 2025 (exact day not known)");
    expect(text({ announced: "2025-10-01", datePrecision: "quarter" })).toBe("Q4 2025 (exact date not known)");
    expect(text({ announced: "1999-01-01", datePrecision: "year" })).toBe("1999 (exact date not known)");
  });

  it("lists the financing records that pay for the deal, linked to their place on /financing/", () => {
    const deal = fixture.dataset.deals.find((d) => d.id === "openai-coreweave-2025-03")!;
    const page = dealPage(fixture, deal, []);
    expect(page.financedBy.map((f) => f.path)).toEqual(["financing/#coreweave-notes-2025-05"]);
  });

  it("lists the loops through the deal, each linked to its place on /loops/", () => {
    const deal = fixture.dataset.deals.find((d) => d.id === "nvidia-openai-2025-09")!;
    const page = dealPage(fixture, deal, []);
    expect(page.loops.length).toBeGreaterThan(0);
    for (const loop of page.loops) {
      expect(loop.path).toMatch(/^loops\/#loop-[a-z0-9-]+$/);
      expect(loop.text).toMatch(/Nvidia.*OpenAI|OpenAI.*Nvidia/);
    }
  });

  it("cites the deal with one citation for the page and its .ris file, naming version and evidence date", () => {
    const deal = fixture.dataset.deals[0]!;
    const page = dealPage(fixture, deal, []);
    expect(page.citation).toEqual(dealCitation(fixture, deal));
    expect(page.risPath).toBe(`deals/${deal.id}/cite.ris`);
    const { ris } = citationsFor(page.citation);
    expect(ris).toContain(`ET  - Dataset version ${fixture.version}, evidence through`);
    expect(page.citation.evidenceThrough).toBe(fixture.evidenceThrough);
  });
});

describe("company page data", () => {
  /** The fixture with one of Nvidia's deals cancelled and another replaced, as a later release might record them. */
  function withExclusions(): Release {
    const dataset = structuredClone(fixture.dataset);
    const nvidia = dataset.deals.filter((d) => d.from === "nvidia" || d.to === "nvidia");
    nvidia[0]!.status = "cancelled";
    nvidia[1]!.supersededBy = nvidia[0]!.id;
    return { ...fixture, version: "9.9.9-excluded", dataset };
  }

  /** Every way a company page's summary disagrees with the table rows it says it counts. */
  function summaryMismatches(page: ReturnType<typeof companyPage>): string[] {
    const problems: string[] = [];
    page.summary.rows.forEach((row, i) => {
      const direction = i === 0 ? "in" : "out";
      const counted = page.deals.filter((r) => r.direction === direction && r.counted);
      for (const basis of ["committed", "up-to", "reported", "estimated"] as const) {
        const sum = counted.filter((r) => r.deal.amount?.basis === basis).reduce((s, r) => s + r.deal.amount!.usd, 0);
        if (row.usd[basis] !== sum) problems.push(`${page.entity.id} ${direction} ${basis}: summary ${row.usd[basis]}, rows ${sum}`);
      }
      const undisclosed = counted.filter((r) => !r.deal.amount).length;
      if (row.undisclosed !== undisclosed) problems.push(`${page.entity.id} ${direction} undisclosed: summary ${row.undisclosed}, rows ${undisclosed}`);
    });
    for (const row of page.deals.filter((r) => !r.counted && !/^(superseded|cancelled), not counted$/.test(r.status)))
      problems.push(`${row.deal.id}: left out without saying why`);
    for (const row of page.deals.filter((r) => r.counted && /not counted/.test(r.status))) problems.push(`${row.deal.id}: counted but says it is not`);
    return problems;
  }

  it("sums in its summary exactly the table rows it counts, by direction and basis, and says why the others are not counted", () => {
    const release = withExclusions();
    for (const entity of release.dataset.entities.filter((e) => release.dataset.deals.some((d) => d.from === e.id || d.to === e.id))) {
      expect(summaryMismatches(companyPage(release, entity, []))).toEqual([]);
    }
    const nvidia = companyPage(
      release,
      release.dataset.entities.find((e) => e.id === "nvidia")!,
      [],
    );
    expect(
      nvidia.deals
        .filter((r) => !r.counted)
        .map((r) => r.status)
        .sort(),
    ).toEqual(["cancelled, not counted", "superseded, not counted"]);
  });

  it("would catch a summary that counts a row it marks as not counted, or a row it forgot", () => {
    const release = withExclusions();
    const page = companyPage(
      release,
      release.dataset.entities.find((e) => e.id === "nvidia")!,
      [],
    );
    const planted = structuredClone(page);
    const cancelled = planted.deals.find((r) => r.status.startsWith("cancelled"))!;
    cancelled.counted = true; // the summary (computed without it) no longer matches the rows it claims to count
    expect(summaryMismatches(planted).length).toBeGreaterThan(0);
    const forgot = structuredClone(page);
    const counted = forgot.deals.find((r) => r.counted && r.deal.amount)!;
    forgot.summary.rows[counted.direction === "in" ? 0 : 1]!.usd[counted.deal.amount!.basis] += 1;
    expect(summaryMismatches(forgot).length).toBeGreaterThan(0);
  });

  it("lists deals newest first with the counterparty on the other side, and loops linked to /loops/", () => {
    const nvidia = fixture.dataset.entities.find((e) => e.id === "nvidia")!;
    const page = companyPage(fixture, nvidia, []);
    const dates = page.deals.map((r) => r.deal.announced);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const row of page.deals) {
      expect(row.direction === "in" ? row.deal.to : row.deal.from).toBe("nvidia");
      expect(row.counterparty.path).toBe(`companies/${row.direction === "in" ? row.deal.from : row.deal.to}/`);
    }
    expect(page.loops.length).toBeGreaterThan(0);
    for (const l of page.loops) expect(l.path).toMatch(/^loops\/#loop-/);
    expect(page.kicker).toBe(
      `Company record${nvidia.ticker ? ` · ${nvidia.ticker}` : ""}${nvidia.country ? ` · ${nvidia.country}` : ""}${nvidia.layer ? ` · Supply chain: ${LAYER_LABEL[nvidia.layer]}` : ""}`,
    );
    expect(page.description).toBe(`Nvidia in the Circularity dataset: ${page.deals.length} deals, ${page.loops.length} circular loops.`);
  });

  it("labels each metric with its kind, period and the date it was stated", () => {
    const openai = fixture.dataset.entities.find((e) => e.id === "openai")!;
    const metric = companyPage(fixture, openai, []).metrics.find((m) => m.id === "openai-revenue-2025-h1")!;
    expect(metric.label).toMatch(/^Revenue \(2025-H1(, stated [A-Z][a-z]{2} \d{1,2}, \d{4})?\)$/);
    expect(metric.value).toBe("$4.3B");
  });
});

describe("chart page data", () => {
  it("a live chart cites and links its pinned version, and downloads its live files", () => {
    const chart = currentChart("who-funds-whom");
    const page = chartPage(chart, false, [{ id: "an-article", title: "An article" }]);
    expect(page.title).toBe(chart.title);
    expect(page.path).toBe("charts/who-funds-whom/");
    expect(page.citeAs).toBe(`https://circularity.report/charts/who-funds-whom/v${fixture.version}/`);
    expect(page.citation.url).toBe(page.citeAs);
    expect(page.downloads.map((d) => d.path)).toEqual([
      "charts/who-funds-whom.svg",
      "charts/who-funds-whom.png",
      "charts/who-funds-whom.csv",
      "charts/who-funds-whom.json",
      `data/${fixture.version}.json`,
    ]);
    expect(page.asOf).toEqual([]);
    expect(page.articles).toEqual([{ text: "An article", path: "articles/an-article/" }]);
    expect(page.versions.filter((v) => v.current).map((v) => v.text)).toEqual([`v${fixture.version}`]);
    expect(page.embed.iframe).toContain(`height:${Math.max(chart.narrow.height, chart.wide.height) + 620}px`);
    expect(page.embed.iframe).toContain(`src="https://circularity.report/embed/charts/who-funds-whom/?theme=light"`);
    expect(page.embed.image).toContain(`src="https://circularity.report/charts/who-funds-whom/v${fixture.version}/who-funds-whom.png"`);
  });

  it("a pinned chart is its own citation, downloads its pinned files, lists its quarter-ends and says what changed", () => {
    const chart = pinnedChart("who-funds-whom", fixture.version);
    const page = chartPage(chart, true, []);
    expect(page.title).toBe(`${chart.title} (dataset v${fixture.version})`);
    expect(page.citeAs).toBeUndefined();
    expect(page.path).toBe(`charts/who-funds-whom/v${fixture.version}/`);
    expect(page.downloads[0]!.path).toBe(`charts/who-funds-whom/v${fixture.version}/who-funds-whom.svg`);
    expect(page.asOf.length).toBeGreaterThan(0);
    for (const d of page.asOf) expect(d.path).toBe(`charts/who-funds-whom/v${fixture.version}/as-of/${d.text}/`);
    expect(page.previousVersion).toBe("1.0.0");
    expect(Array.isArray(page.changes)).toBe(true);
    for (const line of page.changes!) expect(line).toMatch(/^Rows (added since v1\.0\.0|removed|revised): /);
    expect(page.evidence).toMatch(/^evidence through (early |mid-|late )[A-Z][a-z]+ \d{4}$/);
    expect(page.released.datetime).toBe(fixture.released);
    // A pinned page's embed is pinned too: its iframe names the version and never shows a later release.
    expect(page.embed.iframe).toContain(`src="https://circularity.report/embed/charts/who-funds-whom/v${fixture.version}/?theme=light"`);
    expect(page.embed.image).toContain(`href="https://circularity.report/charts/who-funds-whom/v${fixture.version}/"`);
  });

  it("a chart's first version says so instead of listing changes", () => {
    const first = chartPage(pinnedChart("who-funds-whom", "1.0.0"), true, []);
    expect(first.changes).toBeUndefined();
    expect(first.previousVersion).toBeUndefined();
  });
});

describe("as-of chart page data", () => {
  it("is fixed by two dates, lists every quarter-end with rows and marks its own, and cites itself", () => {
    const dates = asOfDates("who-funds-whom", fixture.version);
    expect(dates.length).toBeGreaterThan(1);
    for (const d of dates) expect(asOfChart("who-funds-whom", fixture.version, d).rows.length).toBeGreaterThan(0);
    const date = dates[0]!;
    const page = asOfChartPage(asOfChart("who-funds-whom", fixture.version, date));
    expect(page.path).toBe(`charts/who-funds-whom/v${fixture.version}/as-of/${date}/`);
    expect(page.title).toMatch(new RegExp(`, as of [A-Z][a-z]+ \\d{1,2}, \\d{4} \\(dataset v${fixture.version.replaceAll(".", "\\.")}\\)$`));
    expect(page.dates.map((d) => d.text)).toEqual(dates);
    expect(page.dates.filter((d) => d.current).map((d) => d.text)).toEqual([date]);
    expect(page.citation.url).toBe(`https://circularity.report/${page.path}`);
    expect(page.citation.id).toBe(`who-funds-whom-as-of-${date}`);
  });
});

describe("deals listing page data", () => {
  // The site's own release: enough types and eras for every kind of filter link.
  const site = loadReleases(join(import.meta.dirname, "..", "..", "data")).current;
  const built = new Set(dealListings(site.dataset).map(({ filter, order }) => listingPath(filter, order)));

  it("links every sort and filter option to a listing the site builds, and never links the current one", () => {
    for (const { filter, order } of dealListings(site.dataset)) {
      const page = dealsIndexPage(site, filter, order);
      const options = [...page.sort, page.allTypes, ...page.types, page.allEras, ...page.eras];
      for (const o of options) expect(built.has(o.path), `${page.path} → ${o.path}`).toBe(true);
      expect(page.sort.filter((o) => o.current).map((o) => o.path)).toEqual([page.path]);
      expect(page.types.filter((o) => o.current).length).toBe(filter.type ? 1 : 0);
      expect(page.eras.filter((o) => o.current).length).toBe(filter.era ? 1 : 0);
      expect(page.allTypes.current).toBe(!filter.type);
      expect(page.allEras.current).toBe(!filter.era);
    }
  });

  it("counts what each filter option selects, titles and describes the listing, and lists its deals", () => {
    const page = dealsIndexPage(site, { type: "equity" }, "amount");
    expect(page.title).toBe("Equity deals");
    expect(page.caption).toBe("Equity deals, largest amount first");
    expect(page.deals.every((d) => d.type === "equity")).toBe(true);
    expect(page.lede).toBe(`${page.deals.length} records in dataset v${site.version}. Each links to its record, its sources and the loops it belongs to.`);
    for (const e of page.eras)
      expect(e.count).toBe(filterDeals(site.dataset.deals, { type: "equity", era: e.text.startsWith("Telecom") ? "telecom-1990s" : "ai-2020s" }).length);
    const amounts = page.deals.map((d) => d.amount?.usd ?? -1);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const all = dealsIndexPage(site, {}, "newest");
    expect(all.title).toBe("Deals");
    expect(all.lede).toContain(", every AI-era and telecom-era deal.");
    expect(all.canonicalPath).toBe("deals/");
  });

  it("opens the bare address on the largest disclosed deals, and gives each row its title, parties and status", () => {
    const page = dealsIndexPage(site, {}, DEFAULT_ORDER);
    expect(page.path).toBe("deals/");
    const first = page.deals[0]!;
    expect(first.amount!.usd).toBe(Math.max(...site.dataset.deals.map((d) => d.amount?.usd ?? 0)));
    expect(page.table.headers.map((h) => h.label)).toEqual(["Announced", "Deal", "From", "To", "Type", "Amount", "Evidence", "Status", "Era"]);
    expect(page.table.headers.find((h) => h.label === "Amount")!.ariaSort).toBe("descending");
    expect(page.table.headers.filter((h) => h.ariaSort).length).toBe(1);
    for (const h of page.table.headers.filter((h) => h.path)) expect(built.has(h.path!), h.path).toBe(true);
    expect(page.table.rows.length).toBe(page.deals.length);
    page.table.rows.forEach((row, i) => {
      const deal = page.deals[i]!;
      expect(row.title).toBe(deal.title);
      expect(row.path).toBe(`deals/${deal.id}/`);
      expect(row.from.path).toBe(`companies/${deal.from}/`);
      expect(row.to.path).toBe(`companies/${deal.to}/`);
      expect(row.status).toBe(deal.supersededBy ? "superseded" : deal.status);
      expect(row.amount.join(" ")).toBe(formatAmount(deal.amount));
      expect(row.amount.length).toBe(deal.amount && deal.amount.basis !== "committed" && deal.amount.basis !== "up-to" ? 2 : 1);
    });
    const oldest = dealsIndexPage(site, { era: "telecom-1990s" }, "oldest");
    expect(oldest.table.headers.find((h) => h.label === "Announced")).toMatchObject({ ariaSort: "ascending", path: "deals/era/telecom-1990s/by/newest/" });
  });
});

describe("loops page data", () => {
  const site = loadReleases(join(import.meta.dirname, "..", "..", "data")).current;
  const page = loopsPage(site);

  it("lists every loop once, by era, in the order of what can go round, and never shows $0", () => {
    const listed = page.sections.flatMap((s) => s.loops.map((l) => l.anchor));
    const loops = derivedLoops(site.dataset.deals);
    expect(listed.sort()).toEqual(loops.map((l) => `loop-${l.id}`).sort());
    for (const section of page.sections) {
      const order = section.loops.map((l) => l.anchor);
      expect(order).toEqual(loops.filter((l) => order.includes(`loop-${l.id}`)).map((l) => `loop-${l.id}`));
    }
    for (const l of page.sections.flatMap((s) => s.loops)) expect(l.money).not.toMatch(/\$0\b/);
  });

  it("gives each loop its timing-test result, and counts the loops that pass in the lede", () => {
    const loops = derivedLoops(site.dataset.deals);
    const listed = page.sections.flatMap((s) => s.loops);
    expect(page.lede).toContain(`${loops.filter((l) => l.order === "money-first" || l.order === "together").length} pass the timing test`);
    for (const l of loops) expect(listed.find((x) => x.anchor === `loop-${l.id}`)!.timing).toBe(TIMING_TEXT[l.order]);
  });

  it("dates every deal on a leg, to the precision it is known, so the timing result can be checked", () => {
    const loops = derivedLoops(site.dataset.deals);
    const loop = loops[0]!;
    const listed = page.sections.flatMap((s) => s.loops).find((x) => x.anchor === `loop-${loop.id}`)!;
    loop.edges.forEach((edge, i) =>
      edge.deals.forEach((d, j) => expect(listed.legs[i]!.deals[j]!.text.endsWith(`, ${formatDate(d.announced, d.datePrecision)}`)).toBe(true)),
    );
  });

  it("shows the loops-against-chance chart only on releases it was published for", () => {
    // The chart is published from 1.25.1: the site's current release has it, an older one (as on the fixture site) not.
    expect(page.showChanceChart).toBe(true);
    expect(loopsPage({ ...site, version: "1.25.1" }).showChanceChart).toBe(true);
    expect(loopsPage({ ...site, version: "1.25.0" }).showChanceChart).toBe(false);
  });

  it("sets the records' loops against a randomly rewired network of the same density", () => {
    const r = loopsByRewiring(site.dataset.deals, "ai-2020s");
    expect(page.density).toEqual(densityNote(site));
    const density = page.density.join(" ");
    expect(density).toContain(`the records have ${r.actual[2]} and ${r.actual[3]}`);
    expect(density).toContain(`${r.mean[2].toFixed(1)} loops of two companies`);
    const kept = loopsByRewiring(site.dataset.deals, "ai-2020s", { keep: "pairs" });
    expect(density).toContain(`Holding every two-way pair fixed, it gives ${kept.mean[3].toFixed(1)} loops of three (${kept.low[3]}–${kept.high[3]})`);
    // The verdict follows the numbers, not a fixed sentence.
    const verdict = (actual: number, low: number, high: number) => (actual > high ? "commoner" : actual < low ? "rarer" : "about as common");
    expect(density).toContain(`Direct supplier–customer loops are ${verdict(r.actual[2], r.low[2], r.high[2])}`);
    expect(density).toContain(`with the pairs held fixed, are ${verdict(kept.actual[3], kept.low[3], kept.high[3])}`);
  });

  it("adds the layered test where the release has supply-chain layers (schema 1.27), and only there", () => {
    // The site's release has layers; the same release without them (as before 1.27.0) stops at the pairs-kept test.
    const bare = { ...site, dataset: { ...site.dataset, entities: site.dataset.entities.map(({ layer: _, ...e }) => e) } };
    expect(densityNote(bare).join(" ")).not.toContain("layers of the supply chain");
    expect(densityNote(bare)).toHaveLength(3);
    const layers = entityLayers(site.dataset)!;
    expect(layers).toBeDefined();
    const r = loopsByRewiring(site.dataset.deals, "ai-2020s", { keep: "layers", layers });
    const inPlace = loopsByRewiring(site.dataset.deals, "ai-2020s", { keep: "layers-pairs-in-place", layers });
    const note = densityNote(site).join(" ");
    expect(note).toContain(`gives ${r.mean[2].toFixed(1)} loops of two (${r.low[2]}–${r.high[2]})`);
    expect(note).toContain(`${inPlace.mean[3].toFixed(1)} of three (${inPlace.low[3]}–${inPlace.high[3]})`);
    const where = (actual: number, low: number, high: number) => (actual > high ? "above" : actual < low ? "below" : "within");
    expect(note).toContain(`the records' pairs are ${where(r.actual[2], r.low[2], r.high[2])} that range`);
    expect(note).toContain(`their chains ${where(inPlace.actual[3], inPlace.low[3], inPlace.high[3])} it`);
  });

  it("sets aside the pairs announced as one package, and says whether the other pairs are still commoner than chance", () => {
    const layers = entityLayers(site.dataset)!;
    const aside = loopsByRewiring(site.dataset.deals, "ai-2020s", { packages: "set-aside" });
    const layered = loopsByRewiring(site.dataset.deals, "ai-2020s", { packages: "set-aside", keep: "layers", layers });
    expect(aside.setAside).toBeGreaterThan(0);
    const note = densityNote(site).join(" ");
    expect(note).toContain(`Of the records' pairs, ${aside.setAside} began as one announcement`);
    expect(note).toContain(
      `take out one leg of each: the other ${aside.actual[2]} pairs stand against ${aside.mean[2].toFixed(1)} by chance (${aside.low[2]}–${aside.high[2]}) and ${layered.mean[2].toFixed(1)} with the layers kept (${layered.low[2]}–${layered.high[2]})`,
    );
    // The verdict follows the numbers: above either band is "still commoner".
    const beyond = aside.actual[2] > aside.high[2] || layered.actual[2] > layered.high[2];
    expect(note).toContain(beyond ? "still commoner than chance" : "pairs are no commoner than chance");
    // With every deal dated only to its year, no two announcements can be placed together: no packages, no sentence.
    const early = {
      ...site,
      dataset: { ...site.dataset, deals: site.dataset.deals.map((d) => ({ ...d, datePrecision: "year" as const })) },
    };
    expect(densityNote(early).join(" ")).not.toContain("began as one announcement");
  });

  it("reads the package rule broadly too (any deal each way announced together), with the verdict and the dollars from the numbers", () => {
    const any = loopsByRewiring(site.dataset.deals, "ai-2020s", { packages: "set-aside", packageRule: "any" });
    const first = loopsByRewiring(site.dataset.deals, "ai-2020s", { packages: "set-aside" });
    const note = densityNote(site).at(-1)!;
    expect(note).toContain(`${any.setAside} of the ${any.setAside! + any.actual[2]} pairs are packages`);
    // The broad rule can only call more pairs packages than the first-deals rule, never fewer.
    expect(any.setAside!).toBeGreaterThanOrEqual(first.setAside!);
    const where = any.actual[2] > any.high[2] ? "more than" : any.actual[2] < any.low[2] ? "fewer than" : "within what";
    expect(note).toContain(
      `the other ${any.actual[2]} stand against ${any.mean[2].toFixed(1)} by chance (${any.low[2]}–${any.high[2]}), ${where} chance gives`,
    );
    const broad = pairDollars(site.dataset.deals, "ai-2020s", { packageRule: "any" });
    const strict = pairDollars(site.dataset.deals, "ai-2020s");
    expect(broad.inPackages + broad.outside).toBe(strict.inPackages + strict.outside);
    expect(note).toContain(`Of the ${formatUsd(broad.inPackages + broad.outside)} disclosed on the pairs' deals`);
    expect(note).toContain(`${formatUsd(broad.inPackages)} is on packages by this rule`);
    expect(note).toContain(`and ${formatUsd(strict.inPackages)} by the first deals alone`);
    expect(note).toContain(broad.outside > 0 ? `leaving ${formatUsd(broad.outside)} on the other pairs` : "the other pairs' deals disclosed no amount");
    expect(note).toContain("a purchase made without an announcement is not in the records");
    // Without amounts there is no dollar sentence; without packages, no paragraph at all.
    const undisclosed = { ...site, dataset: { ...site.dataset, deals: site.dataset.deals.map((d) => ({ ...d, amount: null })) } };
    expect(densityNote(undisclosed).at(-1)).toContain("are packages");
    expect(densityNote(undisclosed).at(-1)).not.toContain("disclosed on the pairs' deals");
    const early = { ...site, dataset: { ...site.dataset, deals: site.dataset.deals.map((d) => ({ ...d, datePrecision: "year" as const })) } };
    expect(densityNote(early).join(" ")).not.toContain("any deal one way and any deal the other way");
  });

  it("words every timing result differently, and says which pass", () => {
    expect(new Set(Object.values(TIMING_TEXT)).size).toBe(5);
    expect(timingText({ order: "together" })).toMatch(/^Timing test: passed\./);
    expect(timingText({ order: "money-first" })).toMatch(/^Timing test: passed\./);
    expect(timingText({ order: "unknown" })).toMatch(/^Timing test: cannot tell\./);
    expect(timingText({ order: "purchase-first" })).toMatch(/^Timing test: not passed\./);
    expect(timingText({ order: "no-pair" })).toMatch(/^Timing test: not passed\./);
  });

  it("says on each leg how many other loops share it", () => {
    const loops = derivedLoops(site.dataset.deals);
    const shared = loops.flatMap((l) => l.edges.map((e, i) => ({ l, e, i }))).find(({ e }) => e.otherLoops > 1)!;
    const leg = page.sections.flatMap((s) => s.loops).find((l) => l.anchor === `loop-${shared.l.id}`)!.legs[shared.i]!;
    expect(leg.shared).toBe(`also a leg of ${shared.e.otherLoops} other loops`);
    const alone = loops.flatMap((l) => l.edges.map((e, i) => ({ l, e, i }))).find(({ e }) => e.otherLoops === 0)!;
    expect(page.sections.flatMap((s) => s.loops).find((l) => l.anchor === `loop-${alone.l.id}`)!.legs[alone.i]!.shared).toBeUndefined();
  });
});

describe("article page data", () => {
  /** An article entry as Astro's content layer hands it over, pinned to the fixture's first release and revised once. */
  const entry = (id: string, extra: Record<string, unknown> = {}) =>
    ({
      id,
      filePath: `content/articles/${id}.mdx`,
      body: `Text <Fact deal="nvidia-openai-2025-09" /> and <Fact deal="openai-amazon-2025-11" />.\n\n<Chart id="who-funds-whom" />`,
      data: {
        title: `Title of ${id}`,
        description: "A description long enough for the schema.",
        published: new Date("2026-11-24T00:00:00Z"),
        authors: ["Circularity"],
        tags: ["openai", "vendor-financing"],
        companies: ["nvidia", "openai"],
        dataset: "1.0.0",
        version: 2,
        revisions: [{ version: 2, date: new Date("2026-11-26T00:00:00Z"), note: "Re-pinned to a newer release with fixes." }],
        draft: false,
        ...extra,
      },
    }) as unknown as Article;
  const a = entry("a");
  const all = [a, entry("b")];

  it("lists every record the text quotes under Records cited, the inputs of computed figures included", () => {
    // A deal quoted only as a <Computed> input was left out before, so an article built on computed figures said
    // "0 deal records".
    const computedOnly = entry("c", {}) as unknown as { body: string };
    computedOnly.body = `<Computed ratio="metric:openai-revenue-2025-h1 deal:amd-openai-2025-10" over="metric:openai-cash-burn-2025-h1" /> and <Fact metric="openai-revenue-2025-h1" />.`;
    const page = articlePage(computedOnly as unknown as Article, computedOnly as unknown as Article, all, [], "live");
    expect(page.refsSummary).toBe("1 deal record, 2 company figures.");
    expect(page.recordGroups).toEqual([
      { label: "Deals", links: [{ text: "amd-openai-2025-10", path: "deals/amd-openai-2025-10/" }] },
      {
        label: "Company figures",
        links: [
          { text: "openai-revenue-2025-h1", path: "companies/openai/#metric-openai-revenue-2025-h1" },
          { text: "openai-cash-burn-2025-h1", path: "companies/openai/#metric-openai-cash-burn-2025-h1" },
        ],
      },
    ]);
    const none = entry("d") as unknown as { body: string };
    none.body = "Words only.";
    expect(articlePage(none as unknown as Article, none as unknown as Article, all, [], "live")).toMatchObject({
      refsSummary: "No records quoted.",
      recordGroups: [],
    });
  });

  it("names a pinned or frozen copy's version, and points a pinned copy's search engines at the live address", () => {
    expect(articlePage(a, a, all, [], "live").pageTitle).toBe("Title of a");
    const pinned = articlePage(a, a, all, [], "pinned");
    expect(pinned.pageTitle).toBe("Title of a (version 2)");
    expect(pinned.canonicalPath).toBe("articles/a/");
    expect(pinned.noindex).toBe(true);
    expect(pinned.filters).toEqual([]);
  });

  it("says when the dataset has moved past the release the text pins, and lists versions, tags, filters and cited records", () => {
    const page = articlePage(a, a, all, [], "live");
    expect(page.pinnedDataset.version).toBe("1.0.0");
    expect(page.laterRelease).toEqual({ version: fixture.version, path: `data/#v${fixture.version}`, revised: "it changes none of the figures quoted here" });
    // The header counts the figures the later release reads differently, as the text marks them: here the one it revised.
    const revisedOne = entry("revised-one") as unknown as { body: string };
    revisedOne.body = `<Fact deal="openai-coreweave-2025-03" /> and <Fact deal="nvidia-openai-2025-09" />`;
    const revisedPage = articlePage(revisedOne as unknown as Article, revisedOne as unknown as Article, all, [], "live");
    expect(revisedPage.laterRelease?.revised).toBe("the one figure it revised is marked in the text");
    expect(articlePage(entry("c", { dataset: fixture.version }), entry("c", { dataset: fixture.version }), all, [], "live").laterRelease).toBeUndefined();
    expect(page.filters).toEqual(["type:article", "year:2026", "company:Nvidia", "company:OpenAI"]);
    expect(page.tags).toEqual([
      { text: "OpenAI", path: "tags/openai/" },
      { text: "Vendor financing", path: "tags/vendor-financing/" },
    ]);
    expect(page.versionList.map((v) => `${v.text}${v.note} ${v.current}`)).toEqual([
      "Version 1: first published. false",
      "Version 2: Re-pinned to a newer release with fixes. true",
    ]);
    expect(page.dates.updated).toEqual({ datetime: "2026-11-26", text: "November 26, 2026" });
    expect(page.refsSummary).toBe("2 deal records, 1 chart.");
    expect(page.recordGroups).toEqual([
      {
        label: "Deals",
        links: [
          { text: "nvidia-openai-2025-09", path: "deals/nvidia-openai-2025-09/" },
          { text: "openai-amazon-2025-11", path: "deals/openai-amazon-2025-11/" },
        ],
      },
    ]);
    expect(page.newerLink).toBeUndefined();
    expect(page.olderLink).toEqual({ text: "Title of b", path: "articles/b/" });
  });
});

describe("monitor page data", () => {
  it("says which buyback and issuance figures exist and which are missing, from the release itself", () => {
    const dataset = structuredClone(fixture.dataset);
    const base = dataset.metrics[0]!;
    dataset.metrics.push(
      { ...base, id: "nvidia-buybacks-x", entity: "nvidia", metric: "buybacks", period: "FY2026", value: 41e9 },
      { ...base, id: "openai-buybacks-x", entity: "openai", metric: "buybacks", period: "2025", value: 1e9 },
      { ...base, id: "nvidia-issuance-x", entity: "nvidia", metric: "share-issuance", period: "FY2026", value: 2e9 },
    );
    const text = netIssuanceGap({ ...fixture, dataset });
    expect(text).toContain("holds buybacks for 2 companies (Nvidia, OpenAI) and shares issued for 1 (Nvidia), so the net figure exists for Nvidia only");
    expect(netIssuanceGap(fixture)).toContain("holds buybacks for 0 companies and shares issued for 0, so the net figure exists for none of them;");
  });

  it("links an indicator's input to its record: a deal's page, a financing entry, a metric on its company's page", () => {
    expect(recordPath("deal:nvidia-openai-2025-09", fixture.dataset)).toBe("deals/nvidia-openai-2025-09/");
    expect(recordPath("financing:coreweave-notes-2025-05", fixture.dataset)).toBe("financing/#coreweave-notes-2025-05");
    expect(recordPath("metric:openai-revenue-2025-h1", fixture.dataset)).toBe("companies/openai/#metric-openai-revenue-2025-h1");
  });
});

describe("financing page data", () => {
  const site = loadReleases(join(import.meta.dirname, "..", "..", "data")).current;
  it("sums its summary table to the layer's total, each cell the records of one instrument and lender type", async () => {
    const { financingPage } = await import("../../src/page-data/financing-page.ts");
    const page = financingPage(site);
    const live = site.dataset.financing.filter((f) => f.status !== "cancelled");
    expect(page.summary.totalUsd).toBe(live.reduce((s, f) => s + (f.amount?.usd ?? 0), 0));
    const cells = Object.values(page.summary.usd).flatMap((row) => Object.values(row));
    expect(cells.reduce((s, v) => s + v, 0)).toBe(page.summary.totalUsd);
    const kind = new Map(site.dataset.entities.map((e) => [e.id, e.kind]));
    expect(page.summary.usd.bond!.investors).toBe(
      live.filter((f) => f.instrument === "bond" && kind.get(f.provider) === "investors").reduce((s, f) => s + (f.amount?.usd ?? 0), 0),
    );
    expect(page.sections.reduce((n, s) => n + s.items.length, 0)).toBe(site.dataset.financing.length);
    for (const c of page.contents)
      expect(c.anchor === "summary" || c.anchor === "borrowers" || page.sections.some((s) => s.id === c.anchor), c.anchor).toBe(true);
    expect(page.summary.rows.at(-1)!.cells.at(-1)).toEqual([expect.stringMatching(/^\$[\d.]+[BMT]$/), expect.stringMatching(/^\d+ records/)]);
  });
});

describe("article lists", () => {
  it("say when an article was last updated, and which version that is, only when it was revised", async () => {
    const { articleListItems } = await import("../../src/page-data/article-page.ts");
    const base = { id: "a", body: "x", filePath: "content/articles/a.mdx", collection: "articles" };
    const data = {
      title: "T",
      description: "D",
      published: new Date("2026-11-24"),
      tags: [],
      revisions: [] as { version: number; date: Date; note: string }[],
    };
    const revised = { ...base, data: { ...data, revisions: [{ version: 2, date: new Date("2026-11-26"), note: "n" }] } };
    const [first, second] = articleListItems([{ ...base, data } as never, revised as never], new Map());
    expect(first!.updated).toBeUndefined();
    expect(second!.updated).toEqual({ datetime: "2026-11-26", text: "November 26, 2026", version: 2 });
    expect(second!.published.datetime).toBe("2026-11-24");
  });
});

describe("chart version lists", () => {
  it("say what each version changed in the plotted rows, and tell same-day versions apart by time", async () => {
    const { rowChangeText } = await import("../../src/render/charts.ts");
    expect(rowChangeText({ added: [1, 2], removed: [], changed: [3] })).toBe("2 rows added, 1 revised");
    expect(rowChangeText({ added: [1], removed: [2], changed: [] })).toBe("1 row added, 1 removed");
    expect(rowChangeText({ added: [], removed: [], changed: [] })).toBe("no change to the plotted rows");
    const page = chartPage(pinnedChart("who-funds-whom", fixture.version), true, []);
    expect(page.versions[0]!.change).toBe("first version");
    for (const v of page.versions.slice(1)) expect(v.change).toMatch(/rows? added|removed|revised|no change/);
  });
});

describe("Data Package descriptor", () => {
  const site = loadReleases(join(import.meta.dirname, "..", "..", "data")).current;
  it("labels the coded columns of releases after 1.3.0, and leaves published descriptors byte for byte", async () => {
    const { datapackage } = await import("../../src/page-data/datapackage.ts");
    const fields = (version: string) =>
      (datapackage({ ...site, version }).resources[0] as { schema: { fields: { name: string; description: string; constraints?: unknown }[] } }).schema.fields;
    const later = fields("1.4.0").find((f) => f.name === "amountBasis")!;
    expect(later.constraints).toEqual({ enum: ["committed", "up-to", "reported", "estimated"] });
    expect(later.description).toContain("up-to = up to: a ceiling");
    expect(fields("1.4.0").find((f) => f.name === "type")!.description).toContain("cloud-commitment = Cloud commitment");
    const published = fields("1.3.0").find((f) => f.name === "amountBasis")!;
    expect(published.constraints).toBeUndefined();
    expect(published.description).not.toContain("Codes:");
  });
});

describe("embed page data", () => {
  it("sends every link inside the chart's SVG to the top window, which <base target> does not reach", async () => {
    const { embedPage, linksToTop } = await import("../../src/page-data/embed.ts");
    expect(linksToTop('<svg><a href="/x/"><rect/></a><a target="_blank" href="/y/"></a></svg>')).toBe(
      '<svg><a target="_top" href="/x/"><rect/></a><a target="_blank" href="/y/"></a></svg>',
    );
    const page = embedPage(currentChart("who-funds-whom"), false);
    for (const svg of [page.chart.wide.svg, page.chart.narrow.svg]) {
      const links = svg.match(/<a [^>]*>/g) ?? [];
      expect(links.length).toBeGreaterThan(0);
      for (const a of links) expect(a).toContain('target="_top"');
    }
  });
});
