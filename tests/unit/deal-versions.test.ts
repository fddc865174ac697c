// Per-version deal URLs: a page only for a record content a later release revised, every other version's URL a
// redirect to the page that shows its content, and never a version URL that leads nowhere.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadReleases, type Release } from "../../src/dataset/load.ts";
import { dealRuns } from "../../src/dataset/record-versions.ts";
import { dealVersionRedirects, frozenDealPages, frozenNote } from "../../src/page-data/deal-versions.ts";
import { stableJson } from "../../src/dataset/diff.ts";

const { releases } = loadReleases(join(import.meta.dirname, "..", "..", "data"));

/** Three releases of one deal: added, unchanged, revised. */
function history(): Release[] {
  const [a] = releases;
  const deal = structuredClone(a!.dataset.deals[0]!);
  const at = (version: string, notes: string): Release => ({ ...a!, version, dataset: { ...a!.dataset, deals: [{ ...deal, notes }] } });
  return [at("1.0.0", "first"), at("1.1.0", "first"), at("1.2.0", "second")];
}

describe("deal version pages", () => {
  it("groups identical consecutive versions into runs and marks the newest content current", () => {
    const runs = dealRuns(history()).values().next().value!;
    expect(runs.map((r) => [r.first, r.versions, r.current])).toEqual([
      ["1.0.0", ["1.0.0", "1.1.0"], false],
      ["1.2.0", ["1.2.0"], true],
    ]);
  });

  it("writes a page for the revised content only, and redirects every other version to the page showing it", () => {
    const h = history();
    const id = h[0]!.dataset.deals[0]!.id;
    expect(frozenDealPages(h).map((p) => [p.id, p.run.first])).toEqual([[id, "1.0.0"]]);
    expect(dealVersionRedirects(h)).toEqual([
      { from: `deals/${id}/v1.1.0/`, to: `deals/${id}/v1.0.0/` },
      { from: `deals/${id}/v1.2.0/`, to: `deals/${id}/` },
    ]);
    const [page] = frozenDealPages(h);
    expect(frozenNote(page!.run, page!.next)).toBe(
      "This is the record as releases v1.0.0 to v1.1.0 held it. Release v1.2.0 revised it; the live page shows the record now.",
    );
  });

  it("gives every version of every deal in the real history exactly one destination, showing that version's content", () => {
    const pages = new Map(frozenDealPages(releases).map((p) => [`deals/${p.id}/v${p.run.first}/`, p.run.deal]));
    const redirects = new Map(dealVersionRedirects(releases).map((r) => [r.from, r.to]));
    const current = releases.at(-1)!;
    for (const release of releases)
      for (const deal of release.dataset.deals) {
        const url = `deals/${deal.id}/v${release.version}/`;
        expect(pages.has(url) !== redirects.has(url), url).toBe(true);
        const to = redirects.get(url) ?? url;
        const shown = to === `deals/${deal.id}/` ? current.dataset.deals.find((d) => d.id === deal.id) : pages.get(to);
        expect(stableJson(shown), url).toBe(stableJson(deal));
      }
  });
});
