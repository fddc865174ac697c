// Citation strings for charts and articles in APA, BibTeX and CSL-JSON; all name the dataset version and a pinned URL.
import { SITE } from "../site.config.ts";
import { evidenceThroughText } from "./dates.ts";

export interface CitableWork {
  kind: "chart" | "article" | "deal" | "indicator";
  /** Stable id used for the BibTeX key and CSL id. */
  id: string;
  title: string;
  authors: string[];
  /** ISO date the cited version was published. */
  issued: string;
  /** Absolute URL that shows exactly what is cited. */
  url: string;
  datasetVersion: string;
  /** The date of the newest reporting that dataset version covers: a citation says how current its evidence is. */
  evidenceThrough: string;
  /** Where the pinned release's sweep stops, if earlier than evidenceThrough. */
  sweptThrough?: string | undefined;
  /** An article's version number (articles are revised; each version has its own pinned URL). */
  version?: number;
}

/**
 * A work the site publishes on one dataset release (a chart, a deal record, an indicator): by the site, issued on
 * the release's date, citing its version and how current its evidence is, at the URL that shows exactly that.
 */
export function releaseWork(
  kind: CitableWork["kind"],
  id: string,
  title: string,
  url: string,
  release: { version: string; released: string; evidenceThrough: string; sweptThrough?: string | undefined },
): CitableWork {
  return {
    kind,
    id,
    title,
    authors: [SITE.publisher],
    issued: release.released,
    url,
    datasetVersion: release.version,
    evidenceThrough: release.evidenceThrough,
    sweptThrough: release.sweptThrough,
  };
}

export interface Citations {
  apa: string;
  bibtex: string;
  cslJson: string;
  /** RIS, the format EndNote, Zotero and Mendeley import. */
  ris: string;
}

/** What Zotero's and Google Scholar's page readers take from <meta name="citation_*"> and Dublin Core tags. */
export interface CitationMeta {
  name: string;
  content: string;
}

export function citationsFor(work: CitableWork): Citations {
  const [year, month, day] = work.issued.split("-");
  const authors = work.authors.length ? work.authors : [SITE.publisher];
  const medium = work.kind === "chart" ? " [Chart]" : work.kind === "deal" ? " [Data set record]" : work.kind === "indicator" ? " [Indicator]" : "";
  const edition = work.version ? ` (Version ${work.version})` : "";
  const evidence = evidenceThroughText(work);
  const apa = `${apaAuthors(authors)} (${year}, ${monthName(Number(month))} ${Number(day)}). ${work.title}${edition}${medium}. ${SITE.name}, dataset v${work.datasetVersion} (${evidence}). ${work.url}`;
  const key = work.version ? `circularity-${work.id}-v${work.version}` : `circularity-${work.id}-${work.datasetVersion.replaceAll(".", "-")}`;
  const note = `${work.version ? `Version ${work.version}; d` : "D"}ataset version ${work.datasetVersion}, ${evidence}`;
  const bibtex = [
    `@misc{${key},`,
    `  author = {${authors.map((a) => `{${a}}`).join(" and ")}},`,
    `  title = {${work.title}${work.kind === "chart" ? " [Chart]" : ""}},`,
    `  year = {${year}},`,
    `  month = {${Number(month)}},`,
    `  howpublished = {${SITE.name}},`,
    `  note = {${note}},`,
    `  url = {${work.url}}`,
    `}`,
  ].join("\n");
  const csl = {
    id: key,
    type: work.kind === "chart" ? "figure" : work.kind === "deal" || work.kind === "indicator" ? "dataset" : "article",
    title: work.title,
    author: authors.map((literal) => ({ literal })),
    issued: { "date-parts": [[Number(year), Number(month), Number(day)]] },
    publisher: SITE.name,
    "container-title": SITE.name,
    version: work.version ? String(work.version) : work.datasetVersion,
    note,
    URL: work.url,
  };
  const ris = [
    `TY  - ${work.kind === "chart" ? "FIGURE" : work.kind === "deal" || work.kind === "indicator" ? "DATA" : "ELEC"}`,
    ...authors.map((a) => `AU  - ${a}`),
    `TI  - ${work.title}`,
    `PY  - ${year}`,
    `DA  - ${year}/${month}/${day}`,
    `PB  - ${SITE.name}`,
    `T2  - ${SITE.name}`,
    `ET  - ${note}`,
    `UR  - ${work.url}`,
    `N1  - Pinned to dataset version ${work.datasetVersion}; this URL keeps showing exactly what is cited.`,
    `ER  - `,
    "",
  ].join("\r\n");
  return { apa, bibtex, cslJson: JSON.stringify(csl), ris };
}

/** Highwire Press (citation_*) and Dublin Core tags for a citable page, as reference managers read them. */
export function citationMeta(work: CitableWork): CitationMeta[] {
  const authors = work.authors.length ? work.authors : [SITE.publisher];
  const date = work.issued.replaceAll("-", "/");
  return [
    { name: "citation_title", content: work.kind === "chart" ? `${work.title} [Chart]` : work.title },
    ...authors.map((a) => ({ name: "citation_author", content: a })),
    { name: "citation_publication_date", content: date },
    { name: "citation_date", content: date },
    { name: "citation_publisher", content: SITE.name },
    { name: "citation_technical_report_institution", content: SITE.name },
    { name: "citation_public_url", content: work.url },
    { name: "citation_abstract_html_url", content: work.url },
    { name: "citation_language", content: "en" },
    { name: "DC.title", content: work.title },
    ...authors.map((a) => ({ name: "DC.creator", content: a })),
    { name: "DC.date", content: work.issued },
    { name: "DC.publisher", content: SITE.name },
    { name: "DC.identifier", content: work.url },
    { name: "DC.type", content: work.kind === "chart" ? "Image" : work.kind === "deal" || work.kind === "indicator" ? "Dataset" : "Text" },
    { name: "DC.relation", content: `Dataset version ${work.datasetVersion}` },
    { name: "DC.rights", content: SITE.contentLicence.name },
  ];
}

function apaAuthors(authors: string[]): string {
  return authors.length === 1 ? `${authors[0]}.` : `${authors.slice(0, -1).join(", ")}, & ${authors.at(-1)}.`;
}

function monthName(m: number): string {
  return ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][m - 1] ?? "";
}
