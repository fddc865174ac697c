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
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function dirStats(dir: string): { pages: number; bytes: number } {
  let pages = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else {
        bytes += st.size;
        if (name.endsWith(".html")) pages += 1;
      }
    }
  };
  walk(dir);
  return { pages, bytes };
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
  const { pages, bytes } = dirStats(outDir);
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
  };
  console.log(row);
  return row;
}

async function lighthouse(): Promise<Record<string, Record<string, number>>> {
  console.log("\n[bench] lighthouse on the real site");
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error(`build failed\n${build.stderr}`);
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
  for (const scale of scales) {
    const dir = join(ROOT, "bench/sites", `${scale}x`);
    const made = generateSite(real.current.dataset, scale, dir);
    rows.push(measure(`synthetic ${scale}×`, join(dir, "data"), join(dir, "content"), made.articles));
    rmSync(dir, { recursive: true, force: true });
  }
  const scores = withLighthouse ? await lighthouse() : {};
  const search = await searchCost();
  const markdown = markdownProcessorCost();
  writeFileSync(join(ROOT, "bench/results.md"), report(rows, scores, search, markdown));
  console.log("\nwrote bench/results.md");
}

interface SearchCost {
  query: string;
  requests: number;
  jsBytes: number;
  wasmBytes: number;
  indexBytes: number;
  totalBytes: number;
  firstResultsMs: number;
}

/**
 * Bytes the search page fetches for its first query (page, script, Pagefind's worker, WebAssembly, index chunks,
 * result fragments, thumbnails) and the time until the results are on screen, on loopback: median of five cold loads.
 */
async function searchCost(): Promise<SearchCost> {
  const site = await openSite(join(ROOT, "dist"));
  const runs: SearchCost[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const sizes: { url: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    context.on("response", (res) => {
      pending.push(
        res.body().then(
          (b) => void sizes.push({ url: res.url(), bytes: b.length }),
          () => undefined,
        ),
      );
    });
    const started = Date.now();
    await page.goto(`${site.server.url}/search/?q=backstop`);
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0);
    const firstResultsMs = Date.now() - started;
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    const sum = (re: RegExp) => sizes.filter((s) => re.test(new URL(s.url).pathname)).reduce((n, s) => n + s.bytes, 0);
    runs.push({
      query: "backstop",
      requests: sizes.length,
      jsBytes: sum(/\.m?js$/),
      wasmBytes: sum(/wasm\.[a-z]+\.pagefind$/),
      indexBytes: sum(/\.pf_(meta|index|fragment|filter)$/),
      totalBytes: sum(/./),
      firstResultsMs,
    });
    await context.close();
  }
  await site.close();
  runs.sort((a, b) => a.firstResultsMs - b.firstResultsMs);
  return runs[2]!;
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
  const lines = [
    "# Benchmark results",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${f(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Written by \`npm run bench\`; compare runs on the same machine only.`,
    "",
    "| site | deals | articles | pages | dist MB | dataset load+verify ms | loops ms | chart render median ms | all charts ms | Astro build s | Pagefind s | total s | per page ms | peak RSS MB |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ...rows.map(
      (r) =>
        `| ${r.site} | ${f(r.deals)} | ${f(r.articles)} | ${f(r.pages)} | ${f(r.distMb, 1)} | ${f(r.datasetMs, 1)} | ${f(r.loopsMs, 1)} | ${f(r.chartMedianMs, 2)} | ${f(r.chartTotalMs, 1)} | ${f(r.astroMs / 1000, 1)} | ${f(r.pagefindMs / 1000, 1)} | ${f(r.totalS, 1)} | ${f(r.perPageMs, 2)} | ${f(r.peakRssMb)} |`,
    ),
    "",
    "Chart render times are for both renditions (phone and desktop) of one chart; the build renders each chart once per dataset version and reuses it on every page that embeds it.",
    "",
    "## Targets",
    "",
    `- Full build of the real site ≤ 20 s: **${f(realRow.totalS, 1)} s** (${realRow.totalS <= 20 ? "met" : "not met"}).`,
    base && top
      ? `- Per-page cost at 100× ≤ 1.5× the per-page cost at 1×: **${f(top.perPageMs, 2)} ms vs ${f(base.perPageMs, 2)} ms = ${f(top.perPageMs / base.perPageMs, 2)}×** (${top.perPageMs <= 1.5 * base.perPageMs ? "met" : "not met"}).`
      : "- Per-page scaling: not measured in this run (needs --scales 1,…,100).",
    `- Chart render median ≤ 5 ms: **${f(realRow.chartMedianMs, 2)} ms** on the real dataset (${realRow.chartMedianMs <= 5 ? "met" : "not met"}).`,
    "",
    "## Lighthouse (real site, loopback, Debian Chromium)",
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
    `Astro build of the real site (7 MDX articles), median of three: unified + remark-gfm **${f(markdown.unifiedS, 2)} s**, Astro's default processor **${f(markdown.defaultS, 2)} s** (${f(((markdown.unifiedS - markdown.defaultS) / markdown.defaultS) * 100, 0)}% difference).`,
    "",
    "## Search: the first query",
    "",
    `Loading \`/search/?q=${search.query}\` cold on loopback fetches **${f(search.totalBytes / 1024, 1)} KB** in ${search.requests} requests (uncompressed bodies; a host that compresses sends less): JavaScript ${f(search.jsBytes / 1024, 1)} KB (our search script, Pagefind and its worker), WebAssembly ${f(search.wasmBytes / 1024, 1)} KB, index, filters and result fragments ${f(search.indexBytes / 1024, 1)} KB, the rest the page itself, the icon and chart thumbnails. Results are on screen **${f(search.firstResultsMs)} ms** after navigation starts (median of five cold loads). No other page loads any JavaScript.`,
    "",
  ];
  return lines.join("\n");
}

mkdirSync(join(ROOT, "bench"), { recursive: true });
await main();
