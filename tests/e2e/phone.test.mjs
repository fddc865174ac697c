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
  for (const path of ["/deals/", "/deals/type/equity/by/amount/", "/companies/nvidia/"]) {
    it(`${path}: the page does not scroll sideways and each amount is within the screen`, async () => {
      const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
      await page.goto(site.server.url + path, { waitUntil: "networkidle" });
      const result = await page.evaluate(() => {
        const amounts = [...document.querySelectorAll("table.cards td.amount")].slice(0, 25);
        for (const a of amounts) a.scrollIntoView();
        return {
          overflow: document.documentElement.scrollWidth - window.innerWidth,
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
      assert.deepEqual(result.offscreen, []);
      assert.ok(result.labelled, "each amount says it is the amount");
      assert.deepEqual(result.mislabelled, []);
      await page.close();
    });
  }
});

describe("linked chart marks", () => {
  it("show their title as a readout line while focused from the keyboard, and hide it otherwise", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.server.url + "/charts/top-funders/", { waitUntil: "networkidle" });
    const link = page.locator(".chart-wide svg a[href]").first();
    const tip = link.locator(".focus-tip");
    assert.equal(await tip.evaluate((t) => getComputedStyle(t).visibility), "hidden");
    await page.keyboard.press("Tab");
    await link.focus();
    assert.equal(await tip.evaluate((t) => getComputedStyle(t).visibility), "visible");
    const title = await link.evaluate((a) => a.querySelector("title").textContent.trim());
    assert.equal((await tip.textContent()).replace(/\s+/g, " ").trim(), title.replace(/\s+/g, " "));
    await page.close();
  });
});
