// What each social card says, word for word, and its size: the text a shared link shows before anyone clicks.
import { describe, expect, it } from "vitest";
import { loadReleases, type Release } from "../../src/dataset/load.ts";
import {
  articleCard,
  cardImage,
  chartCard,
  companyCard,
  companyCardImage,
  dealCard,
  dealCardImage,
  indicatorCard,
  monitorCard,
  siteCard,
  socialCards,
  CARD_LIMIT,
} from "../../src/page-data/social-cards.ts";
import { SITE, SITE_URL } from "../../src/site.config.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

const fixture = loadReleases(FIXTURE_DATA).current;
const host = new URL(SITE_URL).host;

describe("each card's words", () => {
  it("says a deal's amount, type, parties, date, status and evidence; a replaced or ungraded one says so", () => {
    const deal = fixture.dataset.deals.find((d) => d.id === "amd-openai-2025-10")!;
    expect(dealCard(fixture, deal)).toEqual({
      kind: "deal",
      id: "amd-openai-2025-10",
      width: 600,
      height: 314,
      content: {
        kicker: "Deal record",
        title: deal.title,
        lines: ["~$34B (estimated) · warrants · AMD → OpenAI", "Announced Oct 6, 2025 · signed · other press"],
        site: host,
      },
    });
    const replaced = { ...deal, supersededBy: "x", sources: deal.sources.map(({ kind: _k, ...s }) => s) };
    expect(dealCard(fixture, replaced).content.lines[1]).toBe("Announced Oct 6, 2025 · superseded");
  });

  it("counts a company's deals and loops, singular for one", () => {
    const nvidia = fixture.dataset.entities.find((e) => e.id === "nvidia")!;
    const card = companyCard(fixture, nvidia);
    const deals = fixture.dataset.deals.filter((d) => d.from === "nvidia" || d.to === "nvidia").length;
    expect(card).toMatchObject({ kind: "company", id: "nvidia", width: 600, height: 314 });
    expect(card.content.kicker).toBe("Company");
    expect(card.content.title).toBe("Nvidia");
    expect(card.content.lines[0]).toMatch(new RegExp(`^${deals} deals · (1 circular loop|\\d+ circular loops)$`));
    expect(card.content.lines[0]).not.toMatch(/^\d+ deals · 1 circular loops$/);
    expect(card.content.lines[1]).toMatch(new RegExp(`^Dataset v${fixture.version.replaceAll(".", "\\.")}, `));
    const amd = fixture.dataset.entities.find((e) => e.id === "amd")!;
    expect(companyCard(fixture, amd).content.lines[0]).toBe("2 deals · 1 circular loop");
  });

  it("gives the site, an article, a chart, an indicator and the monitor large cards with their own kickers", () => {
    expect(siteCard(fixture)).toMatchObject({
      kind: "site",
      id: "circularity",
      width: 1200,
      height: 628,
      content: { kicker: "Research", title: SITE.tagline, site: host },
    });
    expect(siteCard(fixture).content.lines).toEqual([expect.stringMatching(new RegExp(`^Dataset v${fixture.version.replaceAll(".", "\\.")}, `))]);
    const article = articleCard({ id: "an-article", data: { title: "A title", description: "A description." } } as never);
    expect(article).toEqual({
      kind: "article",
      id: "an-article",
      width: 1200,
      height: 628,
      content: { kicker: "Analysis", title: "A title", lines: ["A description."], site: host },
    });
    const wide = { svg: "<svg/>", width: 720, height: 400 };
    expect(chartCard({ id: "c", title: "A chart", wide })).toEqual({
      kind: "chart",
      id: "c",
      width: 1200,
      height: 628,
      content: { kicker: "Chart", title: "A chart", lines: [], chart: wide, site: host },
    });
    expect(indicatorCard({ id: "i", title: "An indicator", display: "15%", version: "1.2.3" }).content).toEqual({
      kicker: "Monitor",
      title: "An indicator",
      lines: ["15%", "Dataset v1.2.3"],
      site: host,
    });
    expect(
      monitorCard([
        { title: "One", display: "1%" },
        { title: "Two", display: "2%" },
        { title: "Three", display: "3%" },
      ]),
    ).toEqual({
      kind: "monitor",
      id: "monitor",
      width: 1200,
      height: 628,
      content: { kicker: "Monitor", title: "How circular is AI financing?", lines: ["One: 1%", "Two: 2%"], site: host },
    });
  });

  it("declares its image by path, size and a text alternative of kicker and title", () => {
    expect(cardImage(siteCard(fixture))).toEqual({ path: "cards/site/circularity.png", width: 1200, height: 628, alt: `Research: ${SITE.tagline}` });
  });
});

describe("which deals and companies get a card", () => {
  /** The fixture with the limits' worth of deals and companies exceeded by a small, known margin. */
  function crowded(): Release {
    const dataset = structuredClone(fixture.dataset);
    const base = dataset.deals.find((d) => d.id === "openai-amd-2025-10")!;
    const extra = Array.from({ length: CARD_LIMIT.deal }, (_, i) => ({
      ...base,
      id: `filler-${String(i).padStart(4, "0")}`,
      amount: null,
      announced: "1990-01-01",
    }));
    dataset.deals.push(...extra);
    return { ...fixture, version: "9.9.9-cards", dataset };
  }

  it("ranks deals by amount, then date, then id, and companies by how many deals they are in", () => {
    const release = crowded();
    const cards = socialCards(release, []).filter((c) => c.kind === "deal");
    expect(cards).toHaveLength(CARD_LIMIT.deal);
    // Every disclosed deal outranks every undisclosed one; among the undisclosed, newer first (the fillers are older than every fixture deal), then by id.
    for (const deal of fixture.dataset.deals) expect(dealCardImage(release, deal).path, deal.id).toBe(`cards/deal/${deal.id}.png`);
    expect(
      dealCardImage(
        release,
        release.dataset.deals.find((d) => d.id === "filler-0000")!,
      ).path,
    ).toBe("cards/deal/filler-0000.png");
    const lastIn = CARD_LIMIT.deal - fixture.dataset.deals.length - 1;
    expect(
      dealCardImage(
        release,
        release.dataset.deals.find((d) => d.id === `filler-${String(lastIn).padStart(4, "0")}`)!,
      ).path,
    ).toMatch(/^cards\/deal\//);
    expect(
      dealCardImage(
        release,
        release.dataset.deals.find((d) => d.id === `filler-${String(lastIn + 1).padStart(4, "0")}`)!,
      ).path,
    ).toBe("cards/site/circularity.png");
    const companies = socialCards(fixture, []).filter((c) => c.kind === "company");
    const dealCount = (id: string) => fixture.dataset.deals.filter((d) => d.from === id || d.to === id).length;
    const counts = companies.map((c) => dealCount(c.id));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.every((n) => n > 0)).toBe(true);
    expect(companies[0]!.id).toBe("openai");
    const nobody = { ...fixture.dataset.entities[0]!, id: "nobody" };
    expect(companyCardImage(fixture, nobody).path).toBe("cards/site/circularity.png");
  });
});
