// After the pages are built: writes _headers and _redirects, fails the build on any broken internal link, and
// builds the search index (set CIRCULARITY_PAGEFIND=off to skip it, as the benchmark does to time it apart).
import type { AstroIntegration } from "astro";
import { publishedCharts } from "../render/charts.ts";
import { currentIndicators } from "../render/indicators.ts";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { headersFile, redirectsFile } from "./host-files.ts";
import { brokenLinks, formatBrokenLinks } from "./link-check.ts";
import { preloadSearchFiles, writeSearchIndex } from "./search-index.ts";
import { currentRelease } from "../dataset/index.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";

/** Each live chart and indicator page names its version pinned to the current release as the one to cite. */
function citeAs() {
  const { version } = currentRelease();
  return [
    ...publishedCharts().map((c) => ({ path: paths.chart(c.id), url: absoluteUrl(paths.chartPinned(c.id, version)) })),
    ...currentIndicators().map((i) => ({ path: paths.indicator(i.id), url: absoluteUrl(paths.indicatorPinned(i.id, version)) })),
  ];
}

export function hostFiles(): AstroIntegration {
  return {
    name: "circularity:after-build",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeFileSync(join(out, "_headers"), headersFile(citeAs()));
        writeFileSync(join(out, "_redirects"), redirectsFile());
        logger.info("wrote _headers and _redirects");
        // A broken internal link fails the build, naming the page and the link.
        const broken = brokenLinks(out);
        if (broken.length) throw new Error(formatBrokenLinks(broken));
        logger.info("every internal link resolves");
        if (process.env.CIRCULARITY_PAGEFIND !== "off") {
          const { pages, ms } = await writeSearchIndex(out);
          logger.info(`pagefind: indexed ${pages} pages in ${Math.round(ms)} ms`);
          logger.info(`search page preloads ${preloadSearchFiles(out).join(", ")}`);
        }
      },
    },
  };
}
