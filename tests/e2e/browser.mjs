// Shared browser set-up for the e2e tests: Debian's Chromium through playwright-core, dist/ on loopback.
import { chromium } from "playwright-core";
import { startStaticServer } from "./static-server.mjs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export async function openSite(root = "dist") {
  const server = await startStaticServer(root);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Opens a page and records console errors, failed requests and any request that leaves loopback. */
export async function visit(browser, url, options = {}) {
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? "light", viewport: options.viewport ?? { width: 1280, height: 900 } });
  const page = await context.newPage();
  // CSP violations are reported as console errors too, but listening for the event itself is explicit.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
  });
  const problems = [];
  const origin = new URL(url).origin;
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("request", (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith("data:")) problems.push(`third-party request: ${u}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(url, { waitUntil: "networkidle" });
  return { page, context, problems };
}
