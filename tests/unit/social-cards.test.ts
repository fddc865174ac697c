// Social cards: which pages get their own, what they say, and that they stay 1.91:1 and bounded in number.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadReleases, type Release } from "../../src/dataset/load.ts";
import { CARD_LIMIT, companyCardImage, dealCard, dealCardImage, siteCard, socialCards } from "../../src/page-data/social-cards.ts";
import { CARD, socialCardSvg, wrapLines } from "../../src/render/social-card.ts";
import { indexedPng } from "../../src/render/png.ts";
import { textWidth } from "../../src/charts/text-width.ts";

const site = loadReleases(join(import.meta.dirname, "..", "..", "data")).current;

/** The site's release with every deal copied until there are more than the card limit allows. */
function crowded(): Release {
  const dataset = structuredClone(site.dataset);
  const copies = Math.ceil((CARD_LIMIT.deal + 1) / dataset.deals.length);
  dataset.deals = Array.from({ length: copies }, (_, c) => site.dataset.deals.map((d) => ({ ...d, id: c ? `${d.id}-copy${c}` : d.id }))).flat();
  return { ...site, version: "9.9.9-crowded", dataset };
}

describe("social cards", () => {
  it("gives every deal and company of the real dataset a card of its own, at 1.91:1", () => {
    const cards = socialCards(site, []);
    for (const deal of site.dataset.deals) expect(dealCardImage(site, deal).path, deal.id).toBe(`cards/deal/${deal.id}.png`);
    const coreweave = site.dataset.entities.find((e) => e.id === "coreweave")!;
    expect(companyCardImage(site, coreweave).path).toBe("cards/company/coreweave.png");
    for (const c of cards) expect(c.width / c.height, `${c.kind}/${c.id}`).toBeCloseTo(CARD.width / CARD.height, 2);
    expect(CARD.width / CARD.height).toBeCloseTo(1.91, 2);
    const keys = cards.map((c) => `${c.kind}/${c.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("stops at the limit, keeping the largest deals, and gives the rest the site's card", () => {
    const release = crowded();
    const cards = socialCards(release, []).filter((c) => c.kind === "deal");
    expect(cards.length).toBe(CARD_LIMIT.deal);
    const smallest = [...release.dataset.deals].sort((a, b) => (a.amount?.usd ?? -1) - (b.amount?.usd ?? -1))[0]!;
    expect(dealCardImage(release, smallest).path).toBe(`cards/${siteCard(release).kind}/circularity.png`);
    const largest = [...release.dataset.deals].sort((a, b) => (b.amount?.usd ?? -1) - (a.amount?.usd ?? -1))[0]!;
    expect(dealCardImage(release, largest).path).toBe(`cards/deal/${largest.id}.png`);
  });

  it("puts the deal's title, amount and parties on its card", () => {
    const deal = site.dataset.deals.find((d) => d.amount && d.amount.basis === "reported")!;
    const card = dealCard(site, deal);
    expect(card.content.title).toBe(deal.title);
    expect(card.content.lines[0]).toMatch(/\(reported\) · /);
    const svg = socialCardSvg(card.content);
    expect(svg).toContain(`width="${CARD.width}" height="${CARD.height}"`);
    expect(svg).toContain("Deal record");
  });

  it("wraps a long title to its line limit, ending the last line in an ellipsis, never wider than the card", () => {
    const title = "An exceptionally long deal title that goes on and on about a multi-year cloud contract and its warrants and backstops";
    const lines = wrapLines(title, 600, 58, true, 3);
    expect(lines.length).toBe(3);
    expect(lines.at(-1)!.endsWith("…")).toBe(true);
    for (const l of lines) expect(textWidth(l, 58, true)).toBeLessThanOrEqual(600);
    expect(wrapLines("Short", 600, 58, true, 3)).toEqual(["Short"]);
  });

  it("encodes an indexed PNG with the image's size and palette, and refuses more colours than a palette holds", () => {
    const rgba = new Uint8Array(4 * 3 * 2).fill(255);
    rgba.set([0x16, 0x18, 0x1d, 255], 4);
    const png = Buffer.from(indexedPng(rgba, 3, 2));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([3, 2, 8, 3]);
    const plte = png.indexOf("PLTE");
    expect(png.readUInt32BE(plte - 4)).toBe(6); // two colours
    const noisy = new Uint8Array(4 * 300);
    for (let i = 0; i < 300; i++) noisy.set([(i % 16) * 17, (Math.floor(i / 16) % 16) * 17, Math.floor(i / 256) * 17, 255], i * 4);
    expect(() => indexedPng(noisy, 300, 1)).toThrow(/more than 256 colours/);
  });
});
