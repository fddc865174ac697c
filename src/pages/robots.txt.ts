// /robots.txt: everything may be crawled except embeds; points at the sitemap.
import type { APIRoute } from "astro";
import { absoluteUrl, href } from "../lib/urls.ts";

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\nDisallow: ${href("embed/")}\n\nSitemap: ${absoluteUrl("sitemap-index.xml")}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
