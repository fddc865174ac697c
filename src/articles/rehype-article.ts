// Three fixes to the HTML an article's Markdown becomes, for readers on phones, of footnotes and of search results.
// - A table of four or more columns, or of three with long cells, becomes one card per row on a phone (class
//   "cards"): each cell carries its column's name in data-label, which the stylesheet prints before it (the first
//   cell, the row's name, heads the card). Scrolling sideways hid the last columns, where a scorecard keeps its
//   verdict. Narrower tables still fit a 360 px screen and keep their grid.
// - Footnote markers side by side ("³⁴⁵", which reads as note 345) are separated by commas ("³,⁴,⁵").
// - A table's header row is left out of the search index: Pagefind runs header cells together ("AmountBasis"), and a
//   snippet of column names tells a searcher nothing. The body cells, which say something, stay indexed.
import type { Element, ElementContent, Root, RootContent } from "hast";

/** Tables with at least this many columns become cards on a phone… */
export const CARD_COLUMNS = 4;
/** …and so do tables of three columns with a cell this long, which would not fit a phone's width beside two others. */
export const CARD_CELL_CHARS = 40;

/** Whether a table of this many columns, whose longest body cell has this many characters, becomes cards on a phone. */
export function isCardTable(columns: number, longestCell: number): boolean {
  return columns >= CARD_COLUMNS || (columns === CARD_COLUMNS - 1 && longestCell >= CARD_CELL_CHARS);
}

const isElement = (node: RootContent | ElementContent | undefined, tag?: string): node is Element =>
  node?.type === "element" && (tag === undefined || node.tagName === tag);

const childElements = (node: Element, tag: string) => node.children.filter((c): c is Element => isElement(c, tag));

/**
 * How many characters a figure component (<Fact>, <Computed>, <Count>, <Indicator>) is taken to print. It renders after
 * this plugin runs, so its text is not here yet; counted as nothing, a table of figures ("up to $60B over 5 years")
 * looked narrow enough for a phone and was clipped there. Ten is a typical figure ("$32.6B at", "Feb 24, 2026"; an
 * indicator's "55%" or "5.9 years").
 */
export const FIGURE_CHARS = 10;

/** The text of a node as a reader sees it (a header cell may hold links or emphasis), a figure component counted as FIGURE_CHARS. */
function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  if ((node.type as string) === "mdxJsxTextElement" || (node.type as string) === "mdxJsxFlowElement") return "x".repeat(FIGURE_CHARS);
  return "";
}

const isFigure = (node: ElementContent): boolean =>
  (node.type as string) === "mdxJsxTextElement" || (node.type as string) === "mdxJsxFlowElement" || (node.type === "element" && node.children.some(isFigure));

function cardTable(table: Element, where: string): void {
  const headRow = childElements(table, "thead").flatMap((head) => childElements(head, "tr"))[0];
  if (!headRow) return;
  const headers = childElements(headRow, "th");
  const labels = headers.map((th) => textOf(th).trim());
  const rows = childElements(table, "tbody").flatMap((body) => childElements(body, "tr"));
  const longest = Math.max(0, ...rows.flatMap((row) => childElements(row, "td").map((td) => textOf(td).trim().length)));
  if (!isCardTable(labels.length, longest)) return;
  // A card's labels are attribute text, printed by the stylesheet; a figure renders after this plugin, so in a label
  // it would print as the placeholder its width was counted with. Say so instead of showing a reader "xxxxxxxxxx".
  const withFigure = headers.findIndex((th, i) => i > 0 && th.children.some(isFigure));
  if (withFigure > 0)
    throw new Error(
      `${where}: the header "${labels[withFigure]!.replace("x".repeat(FIGURE_CHARS), "<figure>")}" of a table that becomes cards on a phone holds a figure component, which a card's label cannot print; put the figure in the first column or the caption`,
    );
  const classes = table.properties.className;
  table.properties.className = [...(Array.isArray(classes) ? classes.map(String) : []), "cards"];
  for (const row of rows) {
    childElements(row, "td").forEach((td, i) => {
      // The first cell names the row and heads its card, so it needs no label; nor does a column with an empty header.
      if (i > 0 && labels[i]) td.properties.dataLabel = labels[i];
    });
  }
}

const isFootnoteMarker = (node: RootContent | ElementContent | undefined): node is Element =>
  isElement(node, "sup") && node.children.some((a) => isElement(a, "a") && a.properties.dataFootnoteRef !== undefined);

function separateMarkers(parent: Root | Element): void {
  parent.children.forEach((node, i) => {
    if (isFootnoteMarker(node) && isFootnoteMarker(parent.children[i - 1])) node.children.unshift({ type: "text", value: "," });
  });
}

function visit(parent: Root | Element, where: string): void {
  separateMarkers(parent);
  for (const node of parent.children) {
    if (!isElement(node)) continue;
    if (node.tagName === "table") {
      cardTable(node, where);
      for (const head of childElements(node, "thead")) head.properties.dataPagefindIgnore = "";
    }
    visit(node, where);
  }
}

/** The rehype plugin (astro.config.mjs adds it to the MDX pipeline). */
export default function rehypeArticle() {
  return (tree: Root, file?: { path?: string }) => visit(tree, file?.path ?? "an MDX page");
}
