// Viewport-sized screenshots at an anchor, for looking at one part of a long page.
// Usage: node scripts/shot-at.mjs <outDir> <path#anchor> [path#anchor…]   (serves dist/ on a loopback port)
import { openSite } from "../tests/e2e/browser.mjs";
import { mkdirSync } from "node:fs";

const [outDir = "/tmp/shots", ...targets] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const site = await openSite("dist");
for (const target of targets) {
  for (const width of [360, 1280]) {
    for (const scheme of ["light", "dark"]) {
      const page = await site.browser.newPage({ viewport: { width, height: 1000 }, colorScheme: scheme });
      await page.goto(site.server.url + target, { waitUntil: "networkidle" });
      await page.screenshot({ path: `${outDir}/${target.replace(/[^a-z0-9]+/gi, "_")}-${width}-${scheme}.png` });
      await page.close();
    }
  }
}
await site.close();
