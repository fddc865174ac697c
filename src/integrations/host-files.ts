// After the pages are built: writes _headers and _redirects, and fails the build on any broken internal link.
import type { AstroIntegration } from "astro";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { headersFile, redirectsFile } from "../lib/host-files.ts";
import { brokenLinks, formatBrokenLinks } from "../build/link-check.ts";

export function hostFiles(): AstroIntegration {
  return {
    name: "circularity:host-files",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeFileSync(join(out, "_headers"), headersFile());
        writeFileSync(join(out, "_redirects"), redirectsFile());
        logger.info("wrote _headers and _redirects");
        // A broken internal link fails the build, naming the page and the link.
        const broken = brokenLinks(out);
        if (broken.length) throw new Error(formatBrokenLinks(broken));
        logger.info("every internal link resolves");
      },
    },
  };
}
