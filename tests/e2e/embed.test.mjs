// The embed snippet, pasted into a page on another origin, shows the whole figure with no inner scrollbar.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { openSite } from "./browser.mjs";
import { SITE_URL } from "../../src/site.config.ts";

let site;
let host;
const snippets = new Map();

/** The snippet exactly as a chart page offers it, pointed at the loopback copy of the site. */
function snippetFor(id) {
  const { document } = parseHTML(readFileSync(`dist/charts/${id}/index.html`, "utf8"));
  const code = [...document.querySelectorAll("pre.cite code")].map((c) => c.textContent).find((t) => t.includes("<iframe"));
  assert.ok(code, `no embed snippet on /charts/${id}/`);
  return code.replaceAll(new URL(SITE_URL).origin, site.server.url);
}

before(async () => {
  site = await openSite();
  for (const id of ["who-funds-whom", "deal-timeline"]) snippets.set(id, snippetFor(id));
  // A host page on another origin (another port), with some prose around the embed, as a blog would have.
  host = await new Promise((resolve) => {
    const server = createServer((req, res) => {
      const id = new URL(req.url, "http://x").searchParams.get("id");
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>host</title></head><body style="margin:8px;font-family:serif"><p>A host article.</p>${snippets.get(id)}<p>After the embed.</p></body></html>`,
      );
    });
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }));
  });
});
after(async () => {
  host?.close();
  await site?.close();
});

describe("the embed snippet in a host page", () => {
  for (const id of ["who-funds-whom", "deal-timeline"]) {
    for (const width of [360, 640, 1000]) {
      it(`${id} at ${width} px: the frame fits the whole figure, with the site's own rendition for that width`, async () => {
        const page = await site.browser.newPage({ viewport: { width, height: 800 } });
        await page.goto(`${host.url}/?id=${id}`, { waitUntil: "networkidle" });
        const iframe = page.locator("iframe[data-circularity-embed]");
        await iframe.scrollIntoViewIfNeeded();
        const frame = await (await iframe.elementHandle()).contentFrame();
        await frame.waitForSelector("figure.chart");
        // The frame is resized by message from the embed: give it a moment to settle, then measure.
        const needed = () => frame.evaluate(() => document.documentElement.scrollHeight);
        for (let i = 0; i < 50 && Math.abs((await iframe.boundingBox()).height - (await needed())) > 1; i++) await page.waitForTimeout(100);
        const box = await iframe.boundingBox();
        const inside = await frame.evaluate(() => ({
          scrollHeight: document.documentElement.scrollHeight,
          innerHeight: window.innerHeight,
          wide: getComputedStyle(document.querySelector(".chart-wide")).display !== "none",
          source: [...document.querySelectorAll(".chart-meta")].some((p) => p.getBoundingClientRect().bottom <= window.innerHeight),
        }));
        assert.ok(inside.scrollHeight <= inside.innerHeight + 1, `inner scrollbar: content ${inside.scrollHeight} px in a ${inside.innerHeight} px frame`);
        assert.ok(box.height - inside.scrollHeight <= 24, `frame ${box.height} px is much taller than its content ${inside.scrollHeight} px`);
        assert.ok(inside.source, "the source line is inside the frame");
        assert.equal(inside.wide, width >= 660, "phone rendition below 40rem, desktop above");
        await page.close();
      });
    }
  }
});
