import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { startStaticServer } from "../tests/e2e/static-server.mjs";
const server = await startStaticServer("dist");
const article = /<link>https?:\/\/[^<]*?(\/articles\/[^<]+)<\/link>/.exec(readFileSync("dist/rss.xml", "utf8"))[1];
const targets = process.argv[2] ? Object.fromEntries(process.argv.slice(2).map((p) => [p.replace(/\W+/g, "-"), p])) : { home: "/", article, chart: "/charts/who-funds-whom/", deals: "/deals/", company: "/companies/coreweave/" };
for (const [name, path] of Object.entries(targets)) {
  const out = `/tmp/lh-${name}.json`;
  const code = await new Promise((done) => spawn("node_modules/.bin/lighthouse", [server.url + path, "--quiet", "--output=json", `--output-path=${out}`, "--only-categories=performance,accessibility,best-practices,seo", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"], { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" }, stdio: "inherit" }).on("exit", done));
  if (code !== 0) { console.log(name, "failed", code); continue; }
  const rep = JSON.parse(readFileSync(out, "utf8"));
  const scores = Object.fromEntries(Object.entries(rep.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
  const failing = Object.values(rep.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable" && a.scoreDisplayMode !== "manual").map((a) => `${a.id}:${a.score}`);
  console.log(name, JSON.stringify(scores), failing.slice(0, 8).join(" "));
}
server.close();
