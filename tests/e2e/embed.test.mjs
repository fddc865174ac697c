// The embed snippet in a host page on another origin: a plain HTML page embedding three charts, at 320, 640 and
// 1000 px, on a light and a dark host. The frame fits the whole figure with no scrollbar, chart text stays the size it
// was drawn at, the embed takes the theme the snippet asks for, and a click on a chart link navigates the top window.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { openSite } from "./browser.mjs";
import { SITE_URL } from "../../src/site.config.ts";

const CHARTS = ["who-funds-whom", "deal-timeline", "largest-loops"];
let site;
let host;
const snippets = new Map();

/** The iframe snippet exactly as a chart page offers it, pointed at the loopback copy of the site. */
function snippetFor(id, path = `charts/${id}/index.html`) {
  const { document } = parseHTML(readFileSync(`dist/${path}`, "utf8"));
  const code = [...document.querySelectorAll("pre.cite code")].map((c) => c.textContent).find((t) => t.includes("<iframe"));
  assert.ok(code, `no embed snippet on /${path}`);
  return code.replaceAll(new URL(SITE_URL).origin, site.server.url);
}

before(async () => {
  site = await openSite();
  for (const id of CHARTS) snippets.set(id, snippetFor(id));
  // A host page: prose around three embeds, as a blog post would have, on a white or a black page.
  host = await new Promise((resolve) => {
    const server = createServer((req, res) => {
      const url = new URL(req.url, "http://x");
      const dark = url.searchParams.get("host") === "dark";
      const theme = url.searchParams.get("theme") ?? "light";
      const body = CHARTS.map((id) => `<p>Before ${id}.</p>${snippets.get(id).replace("?theme=light", `?theme=${theme}`)}`).join("");
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>host</title></head><body style="margin:8px;font-family:serif;background:${dark ? "#000" : "#fff"};color:${dark ? "#eee" : "#111"}">${body}<p>After the embeds.</p></body></html>`,
      );
    });
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }));
  });
});
after(async () => {
  host?.close();
  await site?.close();
});

/** Waits for each frame to settle at the height its embed reports, then measures what the reader sees in it. */
async function measure(page, index) {
  const iframe = page.locator("iframe[data-circularity-embed]").nth(index);
  await iframe.scrollIntoViewIfNeeded();
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.waitForSelector("figure.chart");
  const needed = () => frame.evaluate(() => document.documentElement.scrollHeight);
  for (let i = 0; i < 50 && Math.abs((await iframe.boundingBox()).height - (await needed())) > 1; i++) await page.waitForTimeout(100);
  const box = await iframe.boundingBox();
  const inside = await frame.evaluate(() => {
    const svg = [...document.querySelectorAll(".chart svg")].find((s) => s.getBoundingClientRect().width > 0);
    const shown = svg.getBoundingClientRect().width / Number(svg.getAttribute("width"));
    const drawn = Number(/font-size:\s*([\d.]+)px/.exec(svg.getAttribute("style") ?? "")?.[1] ?? 10);
    return {
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
      wide: getComputedStyle(document.querySelector(".chart-wide")).display !== "none",
      textPx: drawn * shown,
      drawnPx: drawn,
      background: getComputedStyle(document.body).backgroundColor,
      source: [...document.querySelectorAll(".chart-meta")].some((p) => p.getBoundingClientRect().bottom <= window.innerHeight),
    };
  });
  return { box, inside, frame };
}

describe("three embeds in a host page", () => {
  for (const [hostTheme, theme] of [
    ["light", "light"],
    ["dark", "dark"],
  ]) {
    for (const width of [320, 640, 1000]) {
      it(`${hostTheme} host at ${width} px: every frame fits its figure, text at its drawn size, theme ${theme}`, async () => {
        // The reader's own setting is the opposite of the host's: the embed must follow the snippet, not the reader.
        const page = await site.browser.newPage({ viewport: { width, height: 900 }, colorScheme: hostTheme === "light" ? "dark" : "light" });
        await page.goto(`${host.url}/?host=${hostTheme}&theme=${theme}`, { waitUntil: "networkidle" });
        for (let i = 0; i < CHARTS.length; i++) {
          const { box, inside } = await measure(page, i);
          const what = `${CHARTS[i]} at ${width}`;
          assert.ok(inside.scrollHeight <= inside.innerHeight + 1, `${what}: inner scrollbar, content ${inside.scrollHeight} px in ${inside.innerHeight} px`);
          assert.ok(inside.scrollWidth <= inside.innerWidth, `${what}: content ${inside.scrollWidth} px wide in ${inside.innerWidth} px`);
          assert.ok(box.height - inside.scrollHeight <= 24, `${what}: frame ${box.height} px, content ${inside.scrollHeight} px`);
          assert.ok(inside.source, `${what}: the source line is inside the frame`);
          assert.equal(inside.wide, width >= 736, `${what}: phone rendition below 46rem, desktop above`);
          // Never enlarged and never shrunk: the frame picks the rendition drawn for its width (the phone one is 300 px,
          // so it fits a 320 px host), and the chart's type is the size it was drawn at.
          assert.ok(Math.abs(inside.textPx - inside.drawnPx) < 0.05, `${what}: text at ${inside.textPx.toFixed(1)} px, drawn at ${inside.drawnPx}`);
          assert.equal(inside.background, theme === "dark" ? "rgb(18, 20, 24)" : "rgb(255, 255, 255)", `${what}: theme`);
        }
        await page.close();
      });
    }
  }

  it("follows the reader's setting when the snippet asks for theme=auto", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 900 }, colorScheme: "dark" });
    await page.goto(`${host.url}/?theme=auto`, { waitUntil: "networkidle" });
    assert.equal((await measure(page, 0)).inside.background, "rgb(18, 20, 24)");
    await page.close();
  });

  it("sends a click on a chart link to the top window, not into the frame", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${host.url}/`, { waitUntil: "networkidle" });
    // The biggest-circles chart: its bars are links to the loops page.
    const { frame } = await measure(page, 2);
    const link = frame.locator('.chart-wide svg a[href^="/loops/"]').first();
    const target = await link.getAttribute("href");
    // Click the bar a reader sees: a loop's committed bar is drawn over its outline as a second link to the same place,
    // so the topmost link for the loop takes the click (the link's box also spans its hidden focus readout).
    const topmost = frame.locator(`.chart-wide svg a[href="${target}"]`).last();
    await Promise.all([page.waitForURL((u) => u.href.startsWith(site.server.url)), topmost.locator("rect").first().click()]);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, target);
    await page.close();
  });

  it("embeds the pinned chart from a pinned chart page, and the pinned embed names its version", async () => {
    const snippet = snippetFor("who-funds-whom", "charts/who-funds-whom/v1.3.0/index.html");
    assert.match(snippet, /\/embed\/charts\/who-funds-whom\/v1\.3\.0\/\?theme=light/);
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${site.server.url}/embed/charts/who-funds-whom/v1.3.0/?theme=light`, { waitUntil: "networkidle" });
    assert.match(await page.locator("p.small.muted").last().textContent(), /dataset v1\.3\.0/);
    await page.close();
  });
});
