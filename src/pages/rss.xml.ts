// /rss.xml: every published article, newest first.
import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { SITE } from "../site.config.ts";
import { publishedArticles } from "../articles/collection.ts";
import { absoluteUrl, href, paths } from "../lib/urls.ts";
import { FEED_STYLESHEET } from "../page-data/feeds.ts";

export const GET: APIRoute = async () => {
  const articles = await publishedArticles();
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: absoluteUrl(),
    items: articles.map((a) => ({
      title: a.data.title,
      description: a.data.description,
      pubDate: a.data.published,
      link: absoluteUrl(paths.article(a.id)),
      categories: a.data.tags,
      author: a.data.authors.join(", "),
    })),
    customData: "<language>en-us</language>",
    stylesheet: href(FEED_STYLESHEET),
  });
};
