// Runs one Astro build in this process and reports its wall time and peak memory as JSON on the last line.
import { build } from "astro";

const started = performance.now();
await build({ root: process.cwd(), logLevel: "error" });
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS }));
