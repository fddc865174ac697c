// Reading built pages: parse dist/ HTML with linkedom and list files.
import { parseHTML } from "linkedom";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { allFiles } from "../../src/build/link-check.ts";

export { allFiles };

export function page(dist: string, path: string): Document {
  const file = join(dist, path.replace(/^\//, ""), path.endsWith(".html") ? "" : "index.html");
  if (!existsSync(file)) throw new Error(`no page at ${path} (${file})`);
  return parseHTML(readFileSync(file, "utf8")).document as unknown as Document;
}

/** The page's <head> alone, parsed: for checks of its meta tags over thousands of pages, without parsing their charts. */
export function pageHead(dist: string, path: string): Document {
  const file = join(dist, path.replace(/^\//, ""), path.endsWith(".html") ? "" : "index.html");
  const text = readFileSync(file, "utf8");
  const end = text.indexOf("</head>");
  if (end < 0) throw new Error(`no </head> in ${path} (${file})`);
  return parseHTML(`${text.slice(0, end)}</head><body></body></html>`).document as unknown as Document;
}

export function html(dist: string, path: string): string {
  return readFileSync(join(dist, path.replace(/^\//, ""), "index.html"), "utf8");
}

export function exists(dist: string, path: string): boolean {
  return existsSync(join(dist, path.replace(/^\//, "")));
}

export function htmlPages(dist: string): string[] {
  return allFiles(dist).filter((f) => f.endsWith(".html"));
}

// Attributes whose values name or point at ids: kept verbatim when pages are compared, so two pages only stand for
// each other if every id and every in-page reference is the same.
const ID_ATTRIBUTES = /(\s(?:id|for|headers|aria-labelledby|aria-describedby|aria-controls)="[^"]*"|\shref="#[^"]*")/;

/**
 * The page's markup with every digit outside id attributes and heading tags turned into 0. Two pages with the same key
 * are the same elements, attributes and text apart from the figures, release numbers and dates they show (a record's
 * page at two releases, a chart's copies as of two quarters), and HTML's rules do not turn on those: a markup check of
 * one holds for the other. Ids and heading levels do matter to the rules (duplicates, skipped levels), so they stay.
 */
export function markupKey(html: string): string {
  return html
    .split(ID_ATTRIBUTES)
    .map((part, i) => (i % 2 ? part : part.replace(/(?<!<\/?h)\d/g, "0")))
    .join("");
}

/** One page for each distinct markupKey among `files` (paths under `dist`), with the pages each one stands for. */
export function distinctMarkup(dist: string, files: string[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const file of files) {
    const key = markupKey(readFileSync(join(dist, file), "utf8"));
    const group = byKey.get(key);
    if (group) group.push(file);
    else byKey.set(key, [file]);
  }
  return new Map([...byKey.values()].map((group) => [group[0]!, group]));
}
