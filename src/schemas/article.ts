// Frontmatter schema for articles in content/articles.
import { z } from "astro/zod";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** html-validate's long-title limit ("long-title" in .htmlvalidate.json), which every page's <title> must meet. */
export const PAGE_TITLE_MAX = 130;

/** The <title> text of a pinned or frozen copy of an article, which names its version. */
export function articleVersionTitle(title: string, version: number): string {
  return `${title} (version ${version})`;
}

/**
 * How long a page's <title> is as html-validate measures it: its HTML source, where Astro writes an apostrophe as
 * &#39;.
 */
export function pageTitleSourceLength(pageTitle: string): number {
  return pageTitle.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;").length;
}

export const articleSchema = z.strictObject({
  /** Headline; it must fit every page's <title> (articleCollectionSchema checks it). */
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

/**
 * The schema the content collections use: the fields above, and a title that fits the <title> of its copy pinned to
 * the version the file declares (so a frozen text is never held to a later version's number). `pageTitleOf` is how
 * the site writes that <title> (passed in, since schemas import nothing), so the build fails here rather than in
 * html-validate.
 */
export function articleCollectionSchema(pageTitleOf: (title: string, version: number) => string) {
  return articleSchema.superRefine((article, ctx) => {
    const pageTitle = pageTitleOf(article.title, article.version);
    const length = pageTitleSourceLength(pageTitle);
    if (length > PAGE_TITLE_MAX)
      ctx.addIssue({
        code: "custom",
        path: ["title"],
        message: `title too long for a page title: ${length} characters on the version ${article.version} page (with "${pageTitle.slice(article.title.length).trim()}" and apostrophes written as &#39;), at most ${PAGE_TITLE_MAX}`,
      });
  });
}
