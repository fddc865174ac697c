// Writes _headers and _redirects into the build output once the pages are built.
import type { AstroIntegration } from "astro";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { headersFile, redirectsFile } from "../lib/host-files.ts";

export function hostFiles(): AstroIntegration {
  return {
    name: "circularity:host-files",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeFileSync(join(out, "_headers"), headersFile());
        writeFileSync(join(out, "_redirects"), redirectsFile());
        logger.info("wrote _headers and _redirects");
      },
    },
  };
}
