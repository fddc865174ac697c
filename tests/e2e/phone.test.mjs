// On a 360 px phone, tables read as cards: nothing runs off to the right and every amount is on screen.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { openSite } from "./browser.mjs";

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

describe("tables at 360 px", () => {
  for (const path of ["/deals/", "/deals/type/equity/by/newest/", "/companies/nvidia/", "/companies/microsoft/"]) {
    it(`${path}: neither the page nor a table scrolls sideways, and each amount is within the screen`, async () => {
      const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
      await page.goto(site.server.url + path, { waitUntil: "networkidle" });
      const result = await page.evaluate(() => {
        const amounts = [...document.querySelectorAll("table.cards td.amount")].slice(0, 25);
        for (const a of amounts) a.scrollIntoView();
        return {
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          // A table wider than its scrolling box hides columns off to the right (the company summary once did).
          boxed: [...document.querySelectorAll(".table-scroll")]
            .filter((box) => box.scrollWidth > box.clientWidth + 1)
            .map((box) => box.querySelector("caption")?.textContent.trim() ?? box.querySelector("th")?.textContent.trim()),
          count: amounts.length,
          offscreen: amounts
            .filter((a) => a.getBoundingClientRect().right > window.innerWidth || a.getBoundingClientRect().width === 0)
            .map((a) => a.textContent),
          labelled: amounts.every((a) => getComputedStyle(a, "::before").content.includes("Amount")),
          // Every card line is named after its column's header (the names live in the stylesheet).
          mislabelled: [...document.querySelectorAll("table.cards")].flatMap((table) => {
            const names = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
            const row = table.querySelector("tbody tr");
            return [...(row?.children ?? [])]
              .map((td, i) => [getComputedStyle(td, "::before").content, `"${names[i]}: "`])
              .filter(([label, expected]) => label !== expected)
              .map(([label, expected]) => `${label} instead of ${expected}`);
          }),
        };
      });
      assert.ok(result.count > 0, "no amounts found");
      assert.ok(result.overflow <= 0, `page is ${result.overflow} px wider than the screen`);
      assert.deepEqual(result.boxed, [], "tables that scroll sideways inside their box");
      assert.deepEqual(result.offscreen, []);
      assert.ok(result.labelled, "each amount says it is the amount");
      assert.deepEqual(result.mislabelled, []);
      await page.close();
    });
  }
});

describe("the deals table", () => {
  for (const width of [1280, 360]) {
    it(`at ${width} px hides no column: every cell of the first rows is on screen, inside the page's column`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(site.server.url + "/deals/", { waitUntil: "networkidle" });
      const result = await page.evaluate(() => {
        const table = document.querySelector("table.deals-table");
        const container = table.closest(".container");
        const style = getComputedStyle(container);
        const right = container.getBoundingClientRect().right - parseFloat(style.paddingRight);
        const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
        const rows = [...table.querySelectorAll("tbody tr")].slice(0, 20);
        return {
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          tableRight: table.getBoundingClientRect().right - right,
          headers,
          hidden: rows.flatMap((tr) =>
            [...tr.children]
              .map((td, i) => ({ i, box: td.getBoundingClientRect(), text: td.textContent.trim() }))
              .filter(({ box, text }) => text && (box.width === 0 || box.right > right + 0.5 || box.left < 0))
              .map(({ i, text }) => `${headers[i]}: ${text}`),
          ),
        };
      });
      assert.deepEqual(result.headers, ["Announced", "Deal", "From", "To", "Type", "Amount", "Evidence", "Status", "Era"]);
      assert.ok(result.overflow <= 0, `page is ${result.overflow} px wider than the screen`);
      assert.ok(result.tableRight <= 0.5, `table runs ${result.tableRight} px past the page's column`);
      assert.deepEqual(result.hidden, []);
      await page.close();
    });
  }

  it("keeps its header in view while a reader scrolls down the rows (desktop)", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.server.url + "/deals/", { waitUntil: "networkidle" });
    await page.evaluate(() => window.scrollTo(0, 3000));
    const top = await page.evaluate(() => document.querySelector("table.deals-table thead th").getBoundingClientRect().top);
    assert.ok(Math.abs(top) <= 1, `header is at ${top} px, not stuck to the top`);
    await page.close();
  });
});

describe("linked chart marks", () => {
  it("stay out of the Tab order, and show their title as a readout line on hover", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.server.url + "/charts/top-funders/", { waitUntil: "networkidle" });
    const links = page.locator(".chart-wide svg a[href]");
    assert.ok((await links.count()) > 0);
    assert.deepEqual([...new Set(await links.evaluateAll((as) => as.map((a) => a.getAttribute("tabindex"))))], ["-1"]);
    const link = links.first();
    const tip = link.locator(".focus-tip");
    assert.equal(await tip.evaluate((t) => getComputedStyle(t).visibility), "hidden");
    // Hover the bar itself (the link's box also spans its hidden readout, under other marks).
    await link.locator("rect").first().hover();
    assert.equal(await tip.evaluate((t) => getComputedStyle(t).visibility), "visible");
    const title = await link.evaluate((a) => a.querySelector("title").textContent.trim());
    assert.equal((await tip.textContent()).replace(/\s+/g, " ").trim(), title.replace(/\s+/g, " "));
    // The keyboard route to the same records: the chart's data table links them.
    const tableLinks = await page.$$eval(".chart table a[href]", (as) => as.length);
    await page.close();
    assert.ok(tableLinks > 0, "the chart's data table carries no links");
  });
});

describe("the keyboard", () => {
  /** Presses Tab until `done` holds for the focused element; returns how many presses it took (or Infinity). */
  async function tabsUntil(page, done, limit = 40) {
    for (let n = 1; n <= limit; n++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(done)) return n;
    }
    return Infinity;
  }
  const onArticle = () => {
    const a = document.activeElement;
    return a?.tagName === "A" && /^\/articles\/[^/]+\/$/.test(new URL(a.href).pathname);
  };

  it("reaches the first article on the home page in three presses by the skip link, and never stops inside a chart", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.server.url + "/", { waitUntil: "networkidle" });
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), "#main");
    await page.keyboard.press("Enter");
    const viaSkip = 2 + (await tabsUntil(page, onArticle));
    await page.goto(site.server.url + "/", { waitUntil: "networkidle" });
    const plain = await tabsUntil(page, onArticle);
    let inChart = 0;
    for (let n = 0; n < 60; n++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => !!document.activeElement.closest("svg"))) inChart++;
    }
    await page.close();
    assert.ok(viaSkip <= 3, `${viaSkip} presses by the skip link`);
    assert.ok(plain <= 15, `${plain} Tab presses from the top of the page`);
    assert.equal(inChart, 0, "Tab stopped inside a chart's drawing");
  });
});
