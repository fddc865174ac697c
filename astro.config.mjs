// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { unified } from "@astrojs/markdown-remark";
import remarkGfm from "remark-gfm";
import { SITE_URL, BASE_PATH } from "./src/site.config.ts";
import { hostFiles } from "./src/build/integration.ts";
import rehypeArticle from "./src/articles/rehype-article.ts";

// GFM comes from remark-gfm (the design card's choice), so the built-in GFM switch is off:
// tables, footnotes, strikethrough and autolinks all pass through the one plugin.
// CIRCULARITY_MARKDOWN=default switches to Astro's built-in processor, only so `npm run bench` can compare the two
// (it renders GFM too, but ignores remark plugins).
// rehypeArticle turns wide tables into cards on a phone and separates adjacent footnote markers.
const markdownProcessor =
  process.env.CIRCULARITY_MARKDOWN === "default" ? undefined : unified({ gfm: false, remarkPlugins: [remarkGfm], rehypePlugins: [rehypeArticle] });

export default defineConfig({
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: "always",
  outDir: process.env.CIRCULARITY_OUT_DIR ?? "./dist",
  // Test builds of fixture sites keep their own content cache, so entries never leak between sites.
  cacheDir: process.env.CIRCULARITY_CACHE_DIR ?? "./node_modules/.astro",
  build: { format: "directory", inlineStylesheets: "never" },
  compressHTML: true,
  devToolbar: { enabled: false },
  markdown: markdownProcessor ? { processor: markdownProcessor } : {},
  // Strict CSP in a <meta> on every page, with hashes for the inline styles and scripts Astro emits.
  // Inline style *attributes* (legend swatches, Plot's SVG sizing) are allowed; inline scripts never are.
  // frame-ancestors cannot live in a <meta>: it is in public/_headers (see src/lib/headers.ts).
  security: {
    csp: {
      algorithm: "SHA-256",
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: "attribute" }] },
    },
  },
  // hostFiles runs last so its link check sees the sitemap the sitemap integration writes.
  integrations: [mdx(), sitemap({ filter: (page) => !page.includes("/embed/") }), hostFiles()],
});
