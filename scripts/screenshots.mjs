// Takes screenshots of pages at phone and desktop widths, light and dark, for a person to look at.
// Usage: node scripts/screenshots.mjs <outDir> <path> [path…]   (serves dist/ on a loopback port)
import { openSite } from "../tests/e2e/browser.mjs";
import { mkdirSync } from "node:fs";

const [outDir = "/tmp/shots", ...pages] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const site = await openSite("dist");
const { browser, server } = site;
for (const path of pages.length ? pages : ["/"]) {
  for (const width of [360, 1280]) {
    for (const scheme of ["light", "dark"]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(server.url + path, { waitUntil: "networkidle" });
      const name = `${path.replace(/[^a-z0-9]+/gi, "_") || "home"}-${width}-${scheme}.png`;
      await page.screenshot({ path: `${outDir}/${name}`, fullPage: true });
      await page.close();
    }
  }
}
await site.close();
