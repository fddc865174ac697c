// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { unified } from "@astrojs/markdown-remark";
import remarkGfm from "remark-gfm";
import { SITE_URL, BASE_PATH } from "./src/site.config.ts";

// GFM comes from remark-gfm (the design card's choice), so the built-in GFM switch is off:
// tables, footnotes, strikethrough and autolinks all pass through the one plugin.
const markdownProcessor = unified({ gfm: false, remarkPlugins: [remarkGfm] });

export default defineConfig({
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: "always",
  outDir: process.env.CIRCULARITY_OUT_DIR ?? "./dist",
  // Test builds of fixture sites keep their own content cache, so entries never leak between sites.
  cacheDir: process.env.CIRCULARITY_CACHE_DIR ?? "./node_modules/.astro",
  build: { format: "directory", inlineStylesheets: "always" },
  compressHTML: true,
  devToolbar: { enabled: false },
  markdown: { processor: markdownProcessor },
  integrations: [mdx(), sitemap({ filter: (page) => !page.includes("/embed/") })],
});
