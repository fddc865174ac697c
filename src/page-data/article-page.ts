// What an article's page shows around its text: headings for the contents, related reading, the social card,
// the dataset release it is pinned to, its versions, its citation and structured data.
import { articleCard, cardImage } from "./social-cards.ts";
import type { MarkdownHeading } from "astro";
import { currentRelease, releaseByVersion } from "../dataset/index.ts";
import { entitiesById } from "../dataset/selectors.ts";
import { tagLabel } from "../dataset/labels.ts";
import { evidenceThroughText, formatDate } from "../lib/dates.ts";
import { articleFile, isoDate, readingMinutes, refsOf, relatedArticles, type Article, type FrozenArticle } from "../articles/entries.ts";
import { computeFigure, type ComputedFigure } from "../articles/computed.ts";
import { quotedRecords } from "../articles/quoted-evidence.ts";
import { revisedFigureCount } from "../articles/facts.ts";
import { recordPath, recordPathOfId } from "./record-paths.ts";
import type { Dataset } from "../schemas/dataset.ts";
import { articleVersionTitle } from "../schemas/article.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";
import type { CitableWork } from "../lib/cite.ts";
import { SITE } from "../site.config.ts";

/** Where the text is shown: the live URL, the current version's pinned URL, or an earlier, frozen version. */
export type ArticleView = "live" | "pinned" | "frozen";

export interface ArticleVersionEntry {
  version: number;
  /** ISO date the version was published: first publication for v1, the revision's date after that. */
  date: string;
  /** "What changed and why"; none for v1. */
  note?: string;
  path: string;
}

const RECORD_GROUPS = [
  { kind: "deal", one: "deal record", many: "deal records", label: "Deals" },
  { kind: "financing", one: "financing record", many: "financing records", label: "Financing" },
  { kind: "metric", one: "company figure", many: "company figures", label: "Company figures" },
] as const;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Records cited": every record the text quotes, by <Fact> or as an input of <Computed> or <Indicator> (the same list
 * `check:articles` grades), grouped by kind with links to where each is shown, and how many charts it embeds.
 */
function recordsCited(refs: ReturnType<typeof refsOf>, release: { version: string; dataset: Dataset }) {
  const { dataset } = release;
  const quoted = quotedRecords(refs, release);
  const groups = RECORD_GROUPS.map((g) => ({ ...g, ids: quoted.filter((r) => r.kind === g.kind).map((r) => r.id) })).filter((g) => g.ids.length > 0);
  const parts = [...groups.map((g) => count(g.ids.length, g.one, g.many)), ...(refs.charts.length ? [count(refs.charts.length, "chart", "charts")] : [])];
  return {
    refsSummary: parts.length ? `${parts.join(", ")}.` : "No records quoted.",
    recordGroups: groups.map((g) => ({ label: g.label, links: g.ids.map((id) => ({ text: id, path: recordPath(`${g.kind}:${id}`, dataset) })) })),
  };
}

/** The article's computed figures, once each, in order of first use, with links to their inputs. */
function computedFigures(shown: Article | FrozenArticle, dataset: Dataset): (ComputedFigure & { links: { id: string; path: string }[] })[] {
  const figures = new Map<string, ComputedFigure>();
  for (const spec of refsOf(shown).computed) {
    const f = computeFigure(spec, dataset, articleFile(shown));
    if (!figures.has(f.key)) figures.set(f.key, f);
  }
  return [...figures.values()].map((f) => ({ ...f, links: f.inputs.map((id) => ({ id, path: recordPathOfId(id, dataset) })) }));
}

/** How to cite one version of an article: its own date, its pinned URL and its dataset version. */
export function articleCitation(id: string, data: Article["data"], version: ArticleVersionEntry): CitableWork {
  return {
    kind: "article",
    id,
    title: data.title,
    authors: data.authors,
    issued: version.date,
    url: absoluteUrl(version.path),
    datasetVersion: data.dataset,
    evidenceThrough: releaseByVersion(data.dataset).evidenceThrough,
    sweptThrough: releaseByVersion(data.dataset).sweptThrough,
    version: version.version,
  };
}

/** Every version of an article, oldest first. */
export function articleVersions(article: Article): ArticleVersionEntry[] {
  const revisions = [...article.data.revisions].sort((a, b) => a.version - b.version);
  return [
    { version: 1, date: isoDate(article.data.published), path: paths.articleVersion(article.id, 1) },
    ...revisions.map((r) => ({ version: r.version, date: isoDate(r.date), note: r.note, path: paths.articleVersion(article.id, r.version) })),
  ];
}

/** What an article list shows of each article: first published, last updated (when revised), length, tags, dek. */
export function articleListItems(articles: readonly Article[], names: ReadonlyMap<string, { name: string }>) {
  return articles.map((a) => {
    const latest = articleVersions(a).at(-1)!;
    const published = isoDate(a.data.published);
    return {
      title: a.data.title,
      path: paths.article(a.id),
      published: { datetime: published, text: formatDate(published, "day", "long") },
      updated: latest.version > 1 ? { datetime: latest.date, text: formatDate(latest.date, "day", "long"), version: latest.version } : undefined,
      minutes: readingMinutes(a),
      tags: a.data.tags.map((t) => ({ text: tagLabel(t, names), path: paths.tag(t) })),
      description: a.data.description,
    };
  });
}

/** What the header says a later release did to the text's figures: how many it revised, or that it changed none. */
export function revisedFiguresText(count: number): string {
  if (count === 0) return "it changes none of the figures quoted here";
  return count === 1 ? "the one figure it revised is marked in the text" : `the ${count} figures it revised are marked in the text`;
}

/**
 * Page data for one article view. `shown` is the text rendered (the live article, or a frozen earlier version of
 * it); `article` is the live article, which owns the URL, the version history and the related reading.
 */
export function articlePage(
  shown: Article | FrozenArticle,
  article: Article,
  all: readonly Article[],
  headings: readonly MarkdownHeading[],
  view: ArticleView,
) {
  const { data } = shown;
  const versions = articleVersions(article);
  const version = view === "frozen" ? Number(shown.id.split("/v").at(-1)) : article.data.version;
  const thisVersion = versions.find((v) => v.version === version)!;
  const livePath = paths.article(article.id);
  const path = view === "live" ? livePath : thisVersion.path;
  const published = isoDate(article.data.published);
  const refs = refsOf(shown);
  // A shared article unfurls to its own card: its title and summary at 1.91:1.
  const image = cardImage(articleCard(article));
  const citation = articleCitation(article.id, data, thisVersion);
  const index = all.findIndex((a) => a.id === article.id);
  const pinnedRelease = releaseByVersion(data.dataset);
  const laterRelease = view === "frozen" || data.dataset === currentRelease().version ? undefined : currentRelease();
  const names = entitiesById(currentRelease().dataset);
  const day = (iso: string) => ({ datetime: iso, text: formatDate(iso, "day", "long") });
  const link = (a: Article) => ({ text: a.data.title, path: paths.article(a.id) });
  const tags = data.tags.map((t) => ({ text: tagLabel(t, names), path: paths.tag(t) }));
  return {
    data,
    view,
    path,
    /** The live article's URL, canonical for the current version's pinned copy. */
    livePath,
    published,
    updated: version > 1 ? thisVersion.date : undefined,
    version,
    versions,
    currentVersion: versions.at(-1)!,
    /** What MDX components need to know while rendering the text. */
    locals: { file: articleFile(shown), dataset: data.dataset, frozen: view === "frozen" },
    /** The page's <title>: a pinned or frozen copy names its version. */
    pageTitle: view === "live" ? data.title : articleVersionTitle(data.title, version),
    /** Pinned copies of the current version point search engines at the live address. */
    canonicalPath: view === "pinned" ? livePath : undefined,
    noindex: view === "pinned",
    /** Pagefind filters of the live article (pinned and frozen copies are not indexed). */
    filters: view === "live" ? ["type:article", `year:${published.slice(0, 4)}`, ...data.companies.map((c) => `company:${names.get(c)?.name ?? c}`)] : [],
    dates: {
      published: day(published),
      updated: version > 1 ? day(thisVersion.date) : undefined,
      thisVersion: day(thisVersion.date),
      current: day(versions.at(-1)!.date),
    },
    byline: data.authors.join(", "),
    pinnedRelease,
    pinnedDataset: {
      version: data.dataset,
      released: day(pinnedRelease.released),
      evidence: evidenceThroughText(pinnedRelease),
    },
    /** A newer release than the one this text pins, if any, and how many of the text's figures it reads differently
     * (each marked where it appears). */
    laterRelease: laterRelease && {
      version: laterRelease.version,
      path: `${paths.data()}#v${laterRelease.version}`,
      revised: revisedFiguresText(revisedFigureCount(refs, pinnedRelease, laterRelease, articleFile(shown))),
    },
    tags,
    /** The tags as search reads them: a page whose title and topics hold every word of a query is ranked first. */
    searchTopics: tags.map((t) => t.text).join("; "),
    versionList: versions.map((v) => ({
      text: `Version ${v.version}`,
      path: v.path,
      current: v.version === version,
      date: day(v.date),
      note: v.note ? `: ${v.note}` : ": first published.",
    })),
    ...recordsCited(refs, pinnedRelease),
    relatedLinks: relatedArticles(article, [...all]).map(link),
    newerLink: all[index - 1] && link(all[index - 1]!),
    olderLink: all[index + 1] && link(all[index + 1]!),
    readingMinutes: readingMinutes(shown),
    computed: computedFigures(shown, releaseByVersion(data.dataset).dataset),
    toc: headings.filter((h) => h.depth === 2 && h.slug !== "footnote-label"),
    refs,
    image,
    citation,
    risPath: paths.articleRis(article.id),
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "Article",
      headline: data.title,
      description: data.description,
      datePublished: published,
      dateModified: thisVersion.date,
      version: String(version),
      author: data.authors.map((name) => ({ "@type": "Organization", name })),
      publisher: { "@type": "Organization", name: SITE.publisher },
      mainEntityOfPage: absoluteUrl(view === "frozen" ? path : livePath),
      keywords: data.tags.join(", "),
      license: SITE.contentLicence.url,
      isBasedOn: absoluteUrl(paths.dataDownload(data.dataset, "json")),
      ...(image ? { image: absoluteUrl(image.path) } : {}),
    },
  };
}

export type ArticlePageData = ReturnType<typeof articlePage>;
