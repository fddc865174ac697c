// Takes screenshots of pages at phone and desktop widths, light and dark, for a person to look at.
// Usage: node scripts/screenshots.mjs <outDir> <path> [path…]   (serves dist/ on a loopback port)
import { chromium } from "playwright-core";
import { startStaticServer } from "../tests/e2e/static-server.mjs";
import { mkdirSync } from "node:fs";

const [outDir = "/tmp/shots", ...pages] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const server = await startStaticServer("dist");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"] });
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
await browser.close();
server.close();
