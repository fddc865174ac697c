// Atom 1.0 (RFC 4287) documents from plain entries: the site's feeds of releases and of each company's records.

export interface AtomEntry {
  /** A permanent, unique URI for the entry. */
  id: string;
  title: string;
  /** ISO date or date-time. */
  updated: string;
  link: string;
  /** Plain text; escaped here. */
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  /** The feed's own URL. */
  self: string;
  /** The HTML page it follows. */
  alternate: string;
  author: string;
  rights: string;
  entries: AtomEntry[];
  /** An XSL stylesheet a browser applies when a reader opens the feed, so it reads as a page, not raw XML. */
  stylesheet?: string;
}

export function atomXml(feed: AtomFeed): string {
  const stamp = (d: string) => (d.length === 10 ? `${d}T00:00:00Z` : d);
  const updated =
    feed.entries
      .map((e) => stamp(e.updated))
      .sort()
      .at(-1) ?? "1970-01-01T00:00:00Z";
  const entries = feed.entries.map(
    (e) =>
      `  <entry>\n    <id>${esc(e.id)}</id>\n    <title>${esc(e.title)}</title>\n    <updated>${stamp(e.updated)}</updated>\n    <link rel="alternate" type="text/html" href="${esc(e.link)}"/>\n    <summary type="text">${esc(e.summary)}</summary>\n  </entry>`,
  );
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    ...(feed.stylesheet ? [`<?xml-stylesheet type="text/xsl" href="${esc(feed.stylesheet)}"?>`] : []),
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <id>${esc(feed.id)}</id>`,
    `  <title>${esc(feed.title)}</title>`,
    `  <subtitle>${esc(feed.subtitle)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${esc(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${esc(feed.alternate)}"/>`,
    `  <author><name>${esc(feed.author)}</name></author>`,
    `  <rights>${esc(feed.rights)}</rights>`,
    ...entries,
    `</feed>`,
    "",
  ].join("\n");
}

function esc(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}
