// The articles collection: MDX files under content/articles (a fixture folder in tests).
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { articleSchema } from "./schemas/article.ts";

const base = process.env.CIRCULARITY_CONTENT_DIR ?? "./content/articles";

export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: "**/[^_]*.mdx", base }),
    schema: articleSchema,
  }),
};
