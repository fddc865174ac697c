// GFM tables in articles must not align columns: remark-gfm writes an alignment as an inline style
// (style="text-align:right"), which the site's strict HTML rules reject on every page that prints the article. The
// check runs on the source, so the author learns the file and line before a build fails on a page far from the cause.

export interface AlignedTable {
  line: number;
  text: string;
}

// A delimiter row: cells of three or more dashes, each with an optional colon on either side, between pipes.
const DELIMITER_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** The delimiter rows of GFM tables that align a column (":---", "---:", ":---:"), outside fenced code. */
export function alignedTableColumns(source: string): AlignedTable[] {
  const found: AlignedTable[] = [];
  let fenced = false;
  source.split("\n").forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    else if (!fenced && DELIMITER_ROW.test(text) && text.includes(":")) found.push({ line: i + 1, text: text.trim() });
  });
  return found;
}

/** Throws naming the file and each line whose table aligns a column. */
export function assertNoAlignedColumns(file: string, source: string): void {
  const found = alignedTableColumns(source);
  if (found.length)
    throw new Error(
      `${file}: a table aligns a column, which the build writes as an inline style the HTML rules reject; ` +
        `use plain dashes ("---") in the row under the header:\n` +
        found.map((f) => `  line ${f.line}: ${f.text}`).join("\n"),
    );
}
