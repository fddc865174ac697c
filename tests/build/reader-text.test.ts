// Words a reader would see twice on a built page: an amount's basis printed by the figure and typed or added again
// beside it ("up to up to $100B", "$2B (reported) (reported)", "up to $4B (up to)"). Both happened: an article typed
// "up to" before a ceiling, and the financing page added the basis word after amounts that already carry it.
// Frozen article versions (/articles/<slug>/v<n>/) keep the text they were published with, errors included.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { htmlPages } from "../helpers/html.ts";

/** The text a reader sees, roughly: scripts, styles and tags removed, entities for quotes decoded, spaces collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/\s+/g, " ");
}

/** Every basis said twice in a text, with a little context; quoted words (a revision note citing the old text) excepted. */
export function basisSaidTwice(text: string): string[] {
  const patterns = [/up to up to\b/gi, /\((reported|estimated)\)\s*\(\1\)/g, /up to ~?\$[\d.,]+\s*(?:[BMT]|billion|million|trillion)?\s*\(up to\)/g];
  return patterns.flatMap((re) =>
    [...text.matchAll(re)]
      .filter((m) => !/"[^"]*$/.test(text.slice(Math.max(0, m.index - 40), m.index)))
      .map((m) => text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20).trim()),
  );
}

describe("a basis said once", () => {
  it("finds each doubled form, and leaves a quotation of the old text alone", () => {
    expect(basisSaidTwice("Nvidia would invest up to up to $100 billion in equity")).toHaveLength(1);
    expect(basisSaidTwice("IREN → IREN · $2B (reported) (reported) · closed")).toHaveLength(1);
    expect(basisSaidTwice("Nvidia → OpenAI · up to $4B (up to) · announced")).toHaveLength(1);
    expect(basisSaidTwice('Corrected a doubled word: it read "up to up to $100 billion". No figure changed.')).toEqual([]);
    expect(basisSaidTwice("up to $4B · $2B (reported) · $3B (committed)")).toEqual([]);
  });

  const dist = "dist";
  it.skipIf(!existsSync(dist))("holds on every built page but frozen article versions", () => {
    const pages = htmlPages(dist).filter((p) => !/^articles\/[^/]+\/v\d+\//.test(p));
    const found = pages.flatMap((p) => basisSaidTwice(visibleText(readFileSync(join(dist, p), "utf8"))).map((t) => `${p}: ${t}`));
    expect(found).toEqual([]);
  });
});
