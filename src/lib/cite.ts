// Citation strings for charts and articles in APA, BibTeX and CSL-JSON; all name the dataset version and a pinned URL.
import { SITE } from "../site.config.ts";

export interface CitableWork {
  kind: "chart" | "article";
  /** Stable id used for the BibTeX key and CSL id. */
  id: string;
  title: string;
  authors: string[];
  /** ISO date the cited version was published. */
  issued: string;
  /** Absolute URL that shows exactly what is cited. */
  url: string;
  datasetVersion: string;
}

export interface Citations {
  apa: string;
  bibtex: string;
  cslJson: string;
}

export function citationsFor(work: CitableWork): Citations {
  const [year, month, day] = work.issued.split("-");
  const authors = work.authors.length ? work.authors : [SITE.publisher];
  const medium = work.kind === "chart" ? " [Chart]" : "";
  const apa = `${apaAuthors(authors)} (${year}, ${monthName(Number(month))} ${Number(day)}). ${work.title}${medium}. ${SITE.name}, dataset v${work.datasetVersion}. ${work.url}`;
  const key = `circularity-${work.id}-${work.datasetVersion.replaceAll(".", "-")}`;
  const bibtex = [
    `@misc{${key},`,
    `  author = {${authors.map((a) => `{${a}}`).join(" and ")}},`,
    `  title = {${work.title}${work.kind === "chart" ? " [Chart]" : ""}},`,
    `  year = {${year}},`,
    `  month = {${Number(month)}},`,
    `  howpublished = {${SITE.name}},`,
    `  note = {Dataset version ${work.datasetVersion}},`,
    `  url = {${work.url}}`,
    `}`,
  ].join("\n");
  const csl = {
    id: key,
    type: work.kind === "chart" ? "figure" : "article",
    title: work.title,
    author: authors.map((literal) => ({ literal })),
    issued: { "date-parts": [[Number(year), Number(month), Number(day)]] },
    publisher: SITE.name,
    "container-title": SITE.name,
    version: work.datasetVersion,
    note: `Dataset version ${work.datasetVersion}`,
    URL: work.url,
  };
  return { apa, bibtex, cslJson: JSON.stringify(csl, null, 2) };
}

function apaAuthors(authors: string[]): string {
  return authors.length === 1 ? `${authors[0]}.` : `${authors.slice(0, -1).join(", ")}, & ${authors.at(-1)}.`;
}

function monthName(m: number): string {
  return ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][m - 1] ?? "";
}
