// Every kind of page in Chromium: no axe violations, no console errors, no request to another origin, no JS where none belongs.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { openSite, visit } from "./browser.mjs";

// Newest release by version number, not by string (1.10.0 is newer than 1.9.0).
const byVersion = (a, b) =>
  a
    .split(".")
    .map(Number)
    .reduce((order, n, i) => order || n - Number(b.split(".")[i]), 0);
const release = Object.keys(JSON.parse(readFileSync("data/releases.lock.json", "utf8")))
  .sort(byVersion)
  .at(-1);
const firstArticle = readFileSync("dist/rss.xml", "utf8").match(/<link>https?:\/\/[^<]*?(\/articles\/[^<]+)<\/link>/)[1];
const PAGES = [
  ["home", "/"],
  ["article", firstArticle],
  ["articles index", "/articles/"],
  ["chart", "/charts/who-funds-whom/"],
  ["pinned chart", `/charts/who-funds-whom/v${release}/`],
  ["chart gallery", "/charts/"],
  ["embed", "/embed/charts/who-funds-whom/"],
  ["deals", "/deals/"],
  ["deal", "/deals/openai-amazon-2025-11/"],
  ["company", "/companies/nvidia/"],
  ["loops", "/loops/"],
  ["data", "/data/"],
  ["monitor", "/monitor/"],
  ["indicator", "/monitor/backlog-concentration/"],
  ["pinned indicator", `/monitor/vendor-financing-intensity/v${release}/`],
  ["search with a query", "/search/?q=backstop"],
  ["not found", "/no-such-page/"],
];

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

for (const scheme of ["light", "dark"]) {
  describe(`pages in the ${scheme} theme`, () => {
    for (const [name, path] of PAGES) {
      it(`${name} (${path}) has no axe violations, console errors or third-party requests`, async () => {
        const { page, context, problems } = await visit(site.browser, site.server.url + path, { colorScheme: scheme });
        try {
          const results = await new AxeBuilder({ page }).analyze();
          const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target})`);
          assert.deepEqual(violations, [], `axe found violations on ${path}`);
          const expected404 =
            name === "not found" ? problems.filter((p) => !/HTTP 404: .*no-such-page/.test(p) && !/Failed to load resource.*404/.test(p)) : problems;
          assert.deepEqual(expected404, [], `problems on ${path}`);
        } finally {
          await context.close();
        }
      });
    }
  });
}

describe("weight", () => {
  it("embed runs only its inline height reporter and fetches no script", async () => {
    const { page, context } = await visit(site.browser, site.server.url + "/embed/charts/who-funds-whom/");
    const scripts = await page.evaluate(() =>
      [...document.scripts].filter((s) => s.type !== "application/ld+json").map((s) => ({ src: s.src, text: s.textContent })),
    );
    const jsRequests = await page.evaluate(() => performance.getEntriesByType("resource").filter((r) => /\.m?js($|\?)/.test(r.name)).length);
    await context.close();
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0].src, "");
    assert.match(scripts[0].text, /circularity:embed-height/);
    assert.equal(jsRequests, 0);
  });

  for (const [name, path] of PAGES.filter(([n]) =>
    ["home", "article", "chart", "pinned chart", "deal", "company", "data", "monitor", "indicator"].includes(n),
  )) {
    it(`${name} loads no JavaScript`, async () => {
      const { page, context } = await visit(site.browser, site.server.url + path);
      const scripts = await page.evaluate(() => [...document.scripts].filter((s) => s.type !== "application/ld+json").length);
      const jsRequests = await page.evaluate(() => performance.getEntriesByType("resource").filter((r) => /\.m?js($|\?)/.test(r.name)).length);
      await context.close();
      assert.equal(scripts, 0);
      assert.equal(jsRequests, 0);
    });
  }
});

describe("legible text", () => {
  for (const [name, path] of PAGES.filter(([n]) => ["article", "chart", "pinned chart", "deal", "company", "data", "monitor", "indicator"].includes(n))) {
    it(`${name}: every line of text outside the charts is at least 12 px`, async () => {
      const { page, context } = await visit(site.browser, site.server.url + path);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((el) => !el.closest("svg") && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
          .filter((el) => el.getClientRects().length > 0 && parseFloat(getComputedStyle(el).fontSize) < 12)
          .map((el) => `${el.tagName.toLowerCase()} ${getComputedStyle(el).fontSize}: ${el.textContent.trim().slice(0, 40)}`),
      );
      await context.close();
      assert.deepEqual(small, [], `${path} has text under 12 px`);
    });
  }
});

describe("phone layout", () => {
  for (const [name, path] of PAGES.filter(([n]) =>
    ["home", "article", "chart", "deal", "company", "data", "deals", "monitor", "indicator", "pinned indicator"].includes(n),
  )) {
    it(`${name} does not scroll sideways at 360 px`, async () => {
      const { page, context } = await visit(site.browser, site.server.url + path, { viewport: { width: 360, height: 800 } });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await context.close();
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the screen`);
    });
  }
});

describe("printing an article", () => {
  it("prints light whatever the screen theme, starts with the page's address and dataset, and keeps legend keys as drawn marks", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: "dark" });
    await page.goto(site.server.url + "/charts/who-funds-whom/", { waitUntil: "networkidle" });
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => ({
      line: getComputedStyle(document.querySelector(".print-line")).display !== "none" ? document.querySelector(".print-line").textContent : "",
      background: getComputedStyle(document.body).backgroundColor,
      color: getComputedStyle(document.querySelector("h1")).color,
      keys: [...document.querySelectorAll(".legend svg.key")].filter((k) => k.querySelector("rect, path, line")).length,
    }));
    assert.match(printed.line, /\/charts\/who-funds-whom\/ · dataset v\d+\.\d+\.\d+, evidence through/);
    assert.equal(printed.background, "rgb(255, 255, 255)");
    assert.equal(printed.color, "rgb(0, 0, 0)");
    assert.ok(printed.keys > 0, "legend keys are SVG marks");
    await page.emulateMedia({ media: "screen" });
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".print-line")).display), "none");
    await page.close();
  });
});
