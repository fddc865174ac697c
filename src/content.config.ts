// The articles collection: MDX files under content/articles (a fixture folder in tests), and their frozen earlier versions.
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { articleCollectionSchema, articleVersionTitle } from "./schemas/article.ts";
import { ARTICLES_DIR as base } from "./site.config.ts";
import { documentTitle } from "./lib/page-title.ts";

const articleSchema = articleCollectionSchema((title, version) => documentTitle(articleVersionTitle(title, version)));

export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: "[^_]*.mdx", base }),
    schema: articleSchema,
  }),
  /** Earlier versions of revised articles, frozen as published: <slug>/v<n>.mdx, hash-locked in versions.lock.json. */
  articleVersions: defineCollection({
    loader: glob({ pattern: "*/v+([0-9]).mdx", base }),
    schema: articleSchema,
  }),
};
