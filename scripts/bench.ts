// `npm run bench`: builds the real site and synthetic sites at 1×, 10× and 100× the real dataset, measures each
// stage, runs Lighthouse on the real site, and writes the table to bench/results.md.
// Usage: npm run bench [-- --scales 1,10,100] [-- --no-lighthouse]
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { loadReleases } from "../src/dataset/load.ts";
import { derivedLoops } from "../src/dataset/loops.ts";
import { CHARTS } from "../src/charts/index.ts";
import { renderUncached } from "../src/render/chart-render.ts";
import { generateSite } from "./bench/generate-site.ts";
import { writeAnchorBlog } from "./bench/anchor-blog.ts";
import { startStaticServer } from "../tests/e2e/static-server.mjs";
import { CHROMIUM_ARGS, openSite, visit } from "../tests/e2e/browser.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const scales = (args.includes("--scales") ? args[args.indexOf("--scales") + 1]! : "1,10,100").split(",").map(Number);
const withLighthouse = !args.includes("--no-lighthouse");

interface Row {
  site: string;
  deals: number;
  articles: number;
  pages: number;
  distMb: number;
  datasetMs: number;
  loopsMs: number;
  chartMedianMs: number;
  chartTotalMs: number;
  astroMs: number;
  pagefindMs: number;
  totalS: number;
  perPageMs: number;
  peakRssMb: number;
  /** The largest SVG file in dist/ (chart downloads: every chart, as drawn). */
  largestSvgKb: number;
  largestSvg: string;
  /** The bare Astro MDX blog with the same number of pages, built just before: its per-page cost. */
  anchorPerPageMs?: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function dirStats(dir: string): { pages: number; bytes: number; largestSvg: { name: string; bytes: number } } {
  let pages = 0;
  let bytes = 0;
  const largestSvg = { name: "", bytes: 0 };
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else {
        bytes += st.size;
        if (name.endsWith(".html")) pages += 1;
        if (name.endsWith(".svg") && st.size > largestSvg.bytes) Object.assign(largestSvg, { name: full.slice(dir.length + 1), bytes: st.size });
      }
    }
  };
  walk(dir);
  return { pages, bytes, largestSvg };
}

function measure(site: string, dataDir: string, contentDir: string, articles: number): Row {
  console.log(`\n[bench] ${site}`);
  let t = performance.now();
  const { current } = loadReleases(dataDir);
  const datasetMs = performance.now() - t;
  t = performance.now();
  derivedLoops(current.dataset.deals);
  const loopsMs = performance.now() - t;
  // Warm Plot and linkedom once, then time each chart's two renditions five times and keep each chart's median.
  for (const c of CHARTS) renderUncached(c, current.dataset, current.version);
  const chartTimes = CHARTS.map((c) =>
    median(
      Array.from({ length: 5 }, () => {
        const s = performance.now();
        renderUncached(c, current.dataset, current.version);
        return performance.now() - s;
      }),
    ),
  );
  const outDir = mkdtempSync(join(tmpdir(), "circularity-bench-"));
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: "1",
    CIRCULARITY_DATA_DIR: dataDir,
    CIRCULARITY_CONTENT_DIR: contentDir,
    CIRCULARITY_ARCHIVE_DIR: site === "real site" ? join(ROOT, "archive/charts") : join(outDir, "no-archive"),
    CIRCULARITY_OUT_DIR: outDir,
    CIRCULARITY_CACHE_DIR: `${outDir}-cache`,
    // Pagefind is timed on its own below, with its CLI on the same output.
    CIRCULARITY_PAGEFIND: "off",
  };
  const astro = spawnSync(process.execPath, [join(ROOT, "scripts/bench/build-once.mjs")], { cwd: ROOT, env, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  if (astro.status !== 0) throw new Error(`${site}: build failed\n${astro.stderr}\n${astro.stdout.slice(-4000)}`);
  const report = JSON.parse(astro.stdout.trim().split("\n").at(-1)!) as { ms: number; maxRssKb: number };
  t = performance.now();
  const pf = spawnSync(join(ROOT, "node_modules/.bin/pagefind"), ["--site", outDir], { encoding: "utf8" });
  const pagefindMs = performance.now() - t;
  if (pf.status !== 0) throw new Error(`${site}: pagefind failed\n${pf.stderr}`);
  const { pages, bytes, largestSvg } = dirStats(outDir);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(`${outDir}-cache`, { recursive: true, force: true });
  const total = report.ms + pagefindMs;
  const row: Row = {
    site,
    deals: current.dataset.deals.length,
    articles,
    pages,
    distMb: bytes / 1e6,
    datasetMs,
    loopsMs,
    chartMedianMs: median(chartTimes),
    chartTotalMs: chartTimes.reduce((a, b) => a + b, 0),
    astroMs: report.ms,
    pagefindMs,
    totalS: total / 1000,
    perPageMs: total / pages,
    peakRssMb: report.maxRssKb / 1024,
    largestSvgKb: largestSvg.bytes / 1024,
    largestSvg: largestSvg.name,
  };
  console.log(row);
  return row;
}

/** The real site as the README builds it, into dist/, for Lighthouse and the search comparison. */
function buildRealSite(): void {
  console.log("\n[bench] npm run build");
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error(`build failed\n${build.stderr}`);
}

async function lighthouse(): Promise<Record<string, Record<string, number>>> {
  console.log("\n[bench] lighthouse on the real site");
  const server = await startStaticServer(join(ROOT, "dist"));
  const article = /<link>https?:\/\/[^<]*?(\/articles\/[^<]+)<\/link>/.exec(readFileSync(join(ROOT, "dist/rss.xml"), "utf8"))![1]!;
  const targets = { home: "/", article, chart: "/charts/who-funds-whom/", deals: "/deals/", search: "/search/?q=backstop" };
  const results: Record<string, Record<string, number>> = {};
  const outDir = mkdtempSync(join(tmpdir(), "lighthouse-"));
  for (const [name, path] of Object.entries(targets)) {
    const out = join(outDir, `${name}.json`);
    await new Promise<void>((done, fail) => {
      const child = spawn(
        join(ROOT, "node_modules/.bin/lighthouse"),
        [
          server.url + path,
          "--quiet",
          "--output=json",
          `--output-path=${out}`,
          "--only-categories=performance,accessibility,best-practices,seo",
          `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`,
        ],
        { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" }, stdio: "inherit" },
      );
      child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`lighthouse ${name} exited ${code}`))));
    });
    const report = JSON.parse(readFileSync(out, "utf8")) as { categories: Record<string, { score: number }> };
    results[name] = Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
    console.log(name, results[name]);
  }
  server.close();
  return results;
}

async function main() {
  if (args.includes("--search-only")) {
    // A quick check while changing the search page: the already-built dist/ only, printed, results.md untouched.
    const search = await searchCost();
    console.log(JSON.stringify(search, null, 2));
    return;
  }
  const rows: Row[] = [];
  const real = loadReleases(join(ROOT, "data"));
  rows.push(
    measure(
      "real site",
      join(ROOT, "data"),
      join(ROOT, "content/articles"),
      readdirSync(join(ROOT, "content/articles")).filter((f) => f.endsWith(".mdx")).length,
    ),
  );
  rows[0]!.anchorPerPageMs = anchorPerPage(rows[0]!.pages);
  for (const scale of scales) {
    const dir = join(ROOT, "bench/sites", `${scale}x`);
    const made = generateSite(real.current.dataset, scale, dir, real.current.version);
    const row = measure(`synthetic ${scale}×`, join(dir, "data"), join(dir, "content"), made.articles);
    row.anchorPerPageMs = anchorPerPage(row.pages);
    rows.push(row);
    rmSync(dir, { recursive: true, force: true });
  }
  buildRealSite();
  const scores = withLighthouse ? await lighthouse() : {};
  const search = await searchCost();
  const markdown = markdownProcessorCost();
  writeFileSync(join(ROOT, "bench/results.md"), report(rows, scores, search, markdown));
  console.log("\nwrote bench/results.md");
}

interface SearchRun {
  /** ms from navigation start until the first result is painted (a frame after it enters the DOM). */
  firstResultMs: number;
  /** Bytes (headers and bodies as sent) of the responses finished before that paint. */
  bytesBefore: number;
  requestsBefore: number;
}

interface SearchCost {
  query: string;
  site: SearchRun;
  defaultUi: SearchRun;
}

/** Pagefind's stock Default UI on the site's own index: written into dist/ for the bench only, never shipped. */
const DEFAULT_UI_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind Default UI</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div><script>
window.addEventListener("DOMContentLoaded", () => {
  const ui = new PagefindUI({ element: "#search", showSubResults: true, showImages: true });
  const q = new URLSearchParams(location.search).get("q");
  if (q) ui.triggerSearch(q);
});
</script></body></html>`;

/**
 * The site's search page and Pagefind's Default UI on the same index, cold loads on loopback, alternating so both
 * see the same machine state: time to the first painted result and what was fetched before it. Median of nine each.
 */
async function searchCost(query = "backstop"): Promise<SearchCost> {
  const uiDir = join(ROOT, "dist", "_bench", "pagefind-ui");
  mkdirSync(uiDir, { recursive: true });
  writeFileSync(join(uiDir, "index.html"), DEFAULT_UI_PAGE);
  const site = await openSite(join(ROOT, "dist"));
  const targets = { site: [`/search/?q=${query}`, "#search-results > li"], defaultUi: [`/_bench/pagefind-ui/?q=${query}`, ".pagefind-ui__result"] } as const;
  const runs: Record<keyof typeof targets, SearchRun[]> = { site: [], defaultUi: [] };
  try {
    for (let i = 0; i < 9; i++) {
      for (const [name, [path, selector]] of Object.entries(targets) as [keyof typeof targets, readonly [string, string]][]) {
        const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
        await context.addInitScript((sel: string) => {
          new MutationObserver((_, observer) => {
            if (!document.querySelector(sel)) return;
            observer.disconnect();
            requestAnimationFrame(() => ((window as unknown as { __firstPaint: number }).__firstPaint = performance.now()));
          }).observe(document, { childList: true, subtree: true });
        }, selector);
        const page = await context.newPage();
        const finished: Promise<[number, number]>[] = [];
        page.on("requestfinished", (req) =>
          finished.push(
            Promise.all([
              page.evaluate(() => performance.now()).catch(() => Infinity),
              req
                .sizes()
                .then((z) => z.responseHeadersSize + z.responseBodySize)
                .catch(() => 0),
            ]),
          ),
        );
        await page.goto(site.server.url + path);
        await page.waitForFunction(() => (window as unknown as { __firstPaint?: number }).__firstPaint !== undefined);
        const painted = await page.evaluate(() => (window as unknown as { __firstPaint: number }).__firstPaint);
        const before = (await Promise.all(finished)).filter(([t]) => t <= painted);
        runs[name].push({ firstResultMs: painted, bytesBefore: before.reduce((n, [, b]) => n + b, 0), requestsBefore: before.length });
        await context.close();
      }
    }
  } finally {
    await site.close();
    rmSync(join(ROOT, "dist", "_bench"), { recursive: true, force: true });
  }
  const mid = (list: SearchRun[]) => [...list].sort((a, b) => a.firstResultMs - b.firstResultMs)[Math.floor(list.length / 2)]!;
  return { query, site: mid(runs.site), defaultUi: mid(runs.defaultUi) };
}

/** Builds the bare Astro MDX blog with `pages` posts and returns its build time per page, in ms. */
function anchorPerPage(pages: number): number {
  const dir = join(ROOT, "bench/sites/anchor-blog");
  writeAnchorBlog(dir, pages);
  const outDir = mkdtempSync(join(tmpdir(), "circularity-anchor-"));
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" };
  const run = spawnSync(process.execPath, [join(ROOT, "scripts/bench/build-once.mjs")], { cwd: dir, env, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  rmSync(outDir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`anchor blog build failed\n${run.stderr}\n${run.stdout.slice(-2000)}`);
  const { ms } = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { ms: number };
  const built = dirStats(join(dir, "dist")).pages;
  rmSync(dir, { recursive: true, force: true });
  console.log(`[bench] anchor blog: ${built} pages in ${Math.round(ms)} ms`);
  return ms / built;
}

/** Astro build time of the real site with unified + remark-gfm (what the site uses) and with Astro's default processor. */
function markdownProcessorCost(): { unifiedS: number; defaultS: number } {
  const time = (processor: "unified" | "default") =>
    median(
      Array.from({ length: 3 }, () => {
        const outDir = mkdtempSync(join(tmpdir(), "circularity-md-"));
        const env = {
          ...process.env,
          ASTRO_TELEMETRY_DISABLED: "1",
          CIRCULARITY_OUT_DIR: outDir,
          CIRCULARITY_CACHE_DIR: `${outDir}-cache`,
          CIRCULARITY_MARKDOWN: processor,
        };
        const run = spawnSync(process.execPath, [join(ROOT, "scripts/bench/build-once.mjs")], { cwd: ROOT, env, encoding: "utf8" });
        rmSync(outDir, { recursive: true, force: true });
        rmSync(`${outDir}-cache`, { recursive: true, force: true });
        if (run.status !== 0) throw new Error(`markdown ${processor} build failed\n${run.stderr}`);
        return (JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { ms: number }).ms / 1000;
      }),
    );
  console.log("\n[bench] markdown processors");
  return { unifiedS: time("unified"), defaultS: time("default") };
}

function report(rows: Row[], scores: Record<string, Record<string, number>>, search: SearchCost, markdown: { unifiedS: number; defaultS: number }): string {
  const f = (n: number, d = 0) => n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
  const base = rows.find((r) => r.site === "synthetic 1×");
  const top = rows.find((r) => r.site === "synthetic 100×");
  const realRow = rows[0]!;
  const met = (ok: boolean) => (ok ? "met" : "not met");
  const ratio = (r: Row) => (r.anchorPerPageMs ? r.perPageMs / r.anchorPerPageMs : undefined);
  const { site, defaultUi } = search;
  const lines = [
    "# Benchmark results",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${f(totalmem() / 2 ** 30)} GiB, Node ${process.version}, in one run of \`npm run bench\`; compare runs on the same machine only. Every anchor below was measured in this same run.`,
    "",
    "| site | deals | articles | pages | dist MB | largest SVG KB | dataset load+verify ms | loops ms | chart render median ms | all charts ms | Astro build s | Pagefind s | total s | per page ms | bare Astro blog, same pages: per page ms | site ÷ blog | peak RSS MB |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ...rows.map(
      (r) =>
        `| ${r.site} | ${f(r.deals)} | ${f(r.articles)} | ${f(r.pages)} | ${f(r.distMb, 1)} | ${f(r.largestSvgKb, 1)} | ${f(r.datasetMs, 1)} | ${f(r.loopsMs, 1)} | ${f(r.chartMedianMs, 2)} | ${f(r.chartTotalMs, 1)} | ${f(r.astroMs / 1000, 1)} | ${f(r.pagefindMs / 1000, 1)} | ${f(r.totalS, 1)} | ${f(r.perPageMs, 2)} | ${r.anchorPerPageMs ? f(r.anchorPerPageMs, 2) : "–"} | ${ratio(r) ? `${f(ratio(r)!, 2)}×` : "–"} | ${f(r.peakRssMb)} |`,
    ),
    "",
    "Chart render times are for both renditions (phone and desktop) of one chart; the build renders each chart once per dataset version and reuses it on every page that embeds it. The largest SVG is the largest `.svg` file in `dist/` (chart downloads carry the whole chart plus its title, legend and source). The site's per-page cost includes its search index; the bare blog (one collection of MDX posts of the same length, one layout) has none.",
    "",
    "## Targets",
    "",
    `- Full build of the real site ≤ 20 s: **${f(realRow.totalS, 1)} s** (${met(realRow.totalS <= 20)}).`,
    top
      ? `- At 100×, \`dist/\` fits GitHub Pages' 1 GB: **${f(top.distMb, 1)} MB** (${met(top.distMb <= 1000)}); the largest SVG ≤ 150 KB: **${f(top.largestSvgKb, 1)} KB** (\`${top.largestSvg}\`, ${met(top.largestSvgKb <= 150)}).`
      : "- 100× not measured in this run (needs --scales …,100).",
    top && ratio(top)
      ? `- Per-page build cost at 100× ≤ 1.5× the bare Astro blog's: **${f(ratio(top)!, 2)}×** (${met(ratio(top)! <= 1.5)}).`
      : "- Per-page cost against the bare blog: not measured at 100× in this run.",
    base && top
      ? `- Per-page cost at 100× against the site's own at 1×: ${f(top.perPageMs, 2)} ms vs ${f(base.perPageMs, 2)} ms = ${f(top.perPageMs / base.perPageMs, 2)}×.`
      : undefined,
    `- Chart render median ≤ 5 ms: **${f(realRow.chartMedianMs, 2)} ms** on the real dataset (${met(realRow.chartMedianMs <= 5)}).`,
    `- Search: the first result in at most half the Default UI's time: **${f(site.firstResultMs)} ms vs ${f(defaultUi.firstResultMs)} ms = ${f(site.firstResultMs / defaultUi.firstResultMs, 2)}×** (${met(site.firstResultMs <= defaultUi.firstResultMs / 2)}); at most 150 KB before it: **${f(site.bytesBefore / 1024, 1)} KB** (${met(site.bytesBefore <= 150 * 1024)}).`,
    "",
    "## Search: the first query, against Pagefind's Default UI",
    "",
    `Cold loads of \`?q=${search.query}\` on loopback (gzip, no cache), the site's search page and Pagefind's stock Default UI on the same index (a page written into \`dist/_bench/\` for this run only), alternating, median of nine each. Time is from navigation start to the frame after the first result enters the page; bytes are the responses (headers and bodies as sent) finished by then.`,
    "",
    "| page | first result ms | KB before it | requests before it |",
    "|---|--:|--:|--:|",
    `| site search page | ${f(site.firstResultMs)} | ${f(site.bytesBefore / 1024, 1)} | ${site.requestsBefore} |`,
    `| Pagefind Default UI | ${f(defaultUi.firstResultMs)} | ${f(defaultUi.bytesBefore / 1024, 1)} | ${defaultUi.requestsBefore} |`,
    "",
    "No other page loads any JavaScript.",
    "",
    "## Lighthouse (real site, loopback, Debian Chromium, default mobile settings)",
    "",
    Object.keys(scores).length
      ? [
          "| page | performance | accessibility | best practices | SEO |",
          "|---|--:|--:|--:|--:|",
          ...Object.entries(scores).map(([page, s]) => `| ${page} | ${s.performance} | ${s.accessibility} | ${s["best-practices"]} | ${s.seo} |`),
        ].join("\n")
      : "Not run (--no-lighthouse).",
    "",
    "## Markdown processor",
    "",
    `Astro build of the real site (${realRow.articles} MDX articles), median of three: unified + remark-gfm **${f(markdown.unifiedS, 2)} s**, Astro's default processor **${f(markdown.defaultS, 2)} s** (${f(((markdown.unifiedS - markdown.defaultS) / markdown.defaultS) * 100, 0)}% difference).`,
    "",
  ];
  return lines.filter((l): l is string => l !== undefined).join("\n");
}

mkdirSync(join(ROOT, "bench"), { recursive: true });
await main();
