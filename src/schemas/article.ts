// Frontmatter schema for articles in content/articles.
import { z } from "astro/zod";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const articleSchema = z.strictObject({
  /** Headline. */
  title: z.string().min(1).max(120),
  /** One- or two-sentence dek shown under the title and in feeds. */
  description: z.string().min(20).max(300),
  /** First publication date. */
  published: z.coerce.date(),
  /** Date of the last substantive revision. */
  updated: z.coerce.date().optional(),
  /** Bylines. */
  authors: z.array(z.string().min(1)).min(1),
  /** Lowercase kebab-case topic tags. */
  tags: z.array(z.string().regex(KEBAB, "tags are lowercase kebab-case")).min(1),
  /** Entity ids the article is about, for related links and search filters. */
  companies: z.array(z.string().regex(KEBAB)).default([]),
  /** The dataset version the article's figures are pinned to. */
  dataset: z.string().regex(/^\d+\.\d+\.\d+$/, "dataset must be a released version like 1.0.0"),
  /** The article's version: 1 as first published, raised by one at each substantive revision. */
  version: z.number().int().min(1).default(1),
  /** One note per revision, "what changed and why", for versions 2 … version. */
  revisions: z
    .array(
      z.strictObject({
        version: z.number().int().min(2),
        date: z.coerce.date(),
        note: z.string().min(20),
      }),
    )
    .default([]),
  /** The site's lead article (its verdict): the home page lists it first, whatever its date. */
  lead: z.boolean().default(false),
  /** Drafts are built in dev only. */
  draft: z.boolean().default(false),
});
