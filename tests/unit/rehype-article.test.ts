// The article HTML fixes: wide tables become labelled cards on a phone, and adjacent footnote markers get commas.
// Trees are written as remark-rehype produces them from GFM tables and footnote references.
import { describe, expect, it } from "vitest";
import type { Element, ElementContent, Root } from "hast";
import rehypeArticle, { CARD_CELL_CHARS, CARD_COLUMNS, FIGURE_CHARS } from "../../src/articles/rehype-article.ts";

const text = (value: string) => ({ type: "text" as const, value });
const el = (tagName: string, children: ElementContent[] = [], properties: Element["properties"] = {}): Element => ({
  type: "element",
  tagName,
  properties,
  children,
});

function table(headers: ElementContent[][], rows: string[][]): Element {
  return el("table", [
    el("thead", [
      el(
        "tr",
        headers.map((h) => el("th", h)),
      ),
    ]),
    el(
      "tbody",
      rows.map((r) => el("tr", [text("\n"), ...r.map((c) => el("td", [text(c)]))])),
    ),
  ]);
}
const run = (...children: Element[]): Root => {
  const tree: Root = { type: "root", children };
  rehypeArticle()(tree);
  return tree;
};
const cells = (t: Element) =>
  (t.children[1] as Element).children
    .filter((r): r is Element => r.type === "element")
    .map((r) => r.children.filter((c): c is Element => c.type === "element").map((c) => c.properties.dataLabel));
const marker = (n: number): Element => el("sup", [el("a", [text(String(n))], { href: `#user-content-fn-${n}`, dataFootnoteRef: true })]);
const supText = (s: ElementContent) =>
  (s as Element).children.map((c) => (c.type === "text" ? c.value : (c as Element).children.map((t) => (t as { value: string }).value).join(""))).join("");

describe("article tables on a phone", () => {
  it("labels every cell but the row's name with its column header, in a table of four or more columns", () => {
    expect(CARD_COLUMNS).toBe(4);
    const t = table(
      [[text("Test")], [text("In 1999–2001")], [el("em", [text("Evidence")]), text(" now")], [text(" Score ")]],
      [
        ["Lamont 1", "heavy", "some", "turning"],
        ["Lamont 2", "debt", "bonds", "partly"],
      ],
    );
    run(t);
    expect(t.properties.className).toEqual(["cards"]);
    expect(cells(t)).toEqual([
      [undefined, "In 1999–2001", "Evidence now", "Score"],
      [undefined, "In 1999–2001", "Evidence now", "Score"],
    ]);
  });

  it("keeps a table's own classes, and leaves a column with an empty header unlabelled", () => {
    const t = table([[text("Row")], [], [text("B")], [text("C")]], [["r", "x", "y", "z"]]);
    t.properties.className = ["wide"];
    run(el("div", [t]));
    expect(t.properties.className).toEqual(["wide", "cards"]);
    expect(cells(t)).toEqual([[undefined, undefined, "B", "C"]]);
  });

  it("makes cards of a three-column table only when a cell is too long to sit beside two others on a phone", () => {
    expect(CARD_CELL_CHARS).toBe(40);
    const long = table([[text("Question")], [text("Test")], [text("Score")]], [["Is it a bubble?", "Issuance", "x".repeat(40)]]);
    const short = table([[text("Quarter")], [text("Gain")], [text("Round")]], [["Q1 2025", "$3.3B", "y".repeat(39)]]);
    const twoColumns = table([[text("Who")], [text("Amount")]], [["z".repeat(80), "$1T"]]);
    run(long, short, twoColumns);
    expect(long.properties.className).toEqual(["cards"]);
    expect(cells(long)).toEqual([[undefined, "Test", "Score"]]);
    expect(short.properties.className).toBeUndefined();
    expect(twoColumns.properties.className).toBeUndefined();
  });

  // A cell of figures is wide on the page although its Markdown holds little text: "up to $60B over 5 years, as AMD
  // told Reuters" is two components and 27 characters of text, which alone would keep a table too wide for a phone.
  it("counts a figure component in a cell as the figure it will print", () => {
    const figure = { type: "mdxJsxTextElement", name: "Fact", attributes: [], children: [] } as unknown as ElementContent;
    const cell = (...children: ElementContent[]) => el("td", children);
    const withFigures = el("table", [
      el("thead", [el("tr", [el("th", [text("")]), el("th", [text("OpenAI")]), el("th", [text("Meta")])])]),
      el("tbody", [el("tr", [cell(text("What the customer buys")), cell(figure), cell(figure, text(" over "), figure, text(", as AMD told Reuters"))])]),
    ]);
    expect(" over ".length + ", as AMD told Reuters".length).toBeLessThan(CARD_CELL_CHARS);
    expect(" over ".length + ", as AMD told Reuters".length + 2 * FIGURE_CHARS).toBeGreaterThanOrEqual(CARD_CELL_CHARS);
    run(withFigures);
    expect(withFigures.properties.className).toEqual(["cards"]);
  });

  it("fails, naming the file and the column, when a card table's header holds a figure its label could not print", () => {
    const figure = { type: "mdxJsxTextElement", name: "Fact", attributes: [], children: [] } as unknown as ElementContent;
    const rows = [["Everything", "$49B", "23%", "x"]];
    const inHeader = table([[text("Money")], [text("Amount")], [text("Share of revenue ("), figure, text(")")], [text("Note")]], rows);
    const tree: Root = { type: "root", children: [inHeader] };
    expect(() => rehypeArticle()(tree, { path: "content/articles/a.mdx" })).toThrow(
      'content/articles/a.mdx: the header "Share of revenue (<figure>)" of a table that becomes cards',
    );
    // In the first column's header, which no card prints, or in a table that stays a grid, a figure is fine.
    const inFirst = table([[figure], [text("Amount")], [text("Share")], [text("Note")]], rows);
    const grid = table([[text("Money")], [text("Share ("), figure, text(")")]], [["Everything", "23%"]]);
    expect(() => run(inFirst, grid)).not.toThrow();
    expect(inFirst.properties.className).toEqual(["cards"]);
  });

  it("leaves a narrower table, or one with no header row, as a grid", () => {
    const narrow = table([[text("A")], [text("B")], [text("C")]], [["1", "2", "3"]]);
    const headless = el("table", [
      el("tbody", [
        el(
          "tr",
          ["a", "b", "c", "d"].map((c) => el("td", [text(c)])),
        ),
      ]),
    ]);
    run(narrow, headless);
    expect(narrow.properties.className).toBeUndefined();
    expect(cells(narrow)).toEqual([[undefined, undefined, undefined]]);
    expect(headless.properties.className).toBeUndefined();
  });
});

describe("footnote markers side by side", () => {
  it("puts a comma before each marker that follows another directly, so ³⁴⁵ does not read as 345", () => {
    const p = el("p", [text("The balance:"), marker(3), marker(4), marker(5), text(" and later"), marker(6)]);
    run(p);
    const sups = p.children.filter((c) => c.type === "element");
    expect(sups.map(supText)).toEqual(["3", ",4", ",5", "6"]);
  });

  it("separates markers anywhere in the tree, and leaves other superscripts alone", () => {
    const cell = el("td", [marker(1), marker(2)]);
    const plain = el("p", [el("sup", [text("2")]), el("sup", [text("3")]), marker(7), el("sup", [text("x")])]);
    run(el("table", [el("tbody", [el("tr", [cell])])]), plain);
    expect(cell.children.map(supText)).toEqual(["1", ",2"]);
    expect(plain.children.map(supText)).toEqual(["2", "3", "7", "x"]);
  });

  it("keeps every table's header row out of the search index, and its body in", () => {
    const wide = table([[text("Counterparty")], [text("Amount")], [text("Basis")], [text("When")]], [["OpenAI", "$30B", "Committed", "later"]]);
    const narrow = table([[text("Year")], [text("Value")]], [["2025", "1"]]);
    run(wide, narrow);
    for (const t of [wide, narrow]) {
      expect((t.children[0] as Element).properties.dataPagefindIgnore).toBe("");
      expect((t.children[1] as Element).properties.dataPagefindIgnore).toBeUndefined();
    }
  });
});
