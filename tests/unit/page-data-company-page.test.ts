// A company's page on the fixture: its kicker, lede, search names, summary, flows legend, metrics in order,
// financing, articles and structured data, word for word.
import { describe, expect, it } from "vitest";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import type { Article } from "../../src/articles/entries.ts";
import { SITE_URL } from "../../src/site.config.ts";

// Page data reads the dataset named by this variable when first imported (see page-data.test.ts).
const siteDataDir = process.env.CIRCULARITY_DATA_DIR;
process.env.CIRCULARITY_DATA_DIR = FIXTURE_DATA;
const { companyPage } = await import("../../src/page-data/company-page.ts");
if (siteDataDir === undefined) delete process.env.CIRCULARITY_DATA_DIR;
else process.env.CIRCULARITY_DATA_DIR = siteDataDir;

const fixture = loadReleases(FIXTURE_DATA).current;
const entity = (id: string) => fixture.dataset.entities.find((e) => e.id === id)!;
const article = (id: string, companies: string[]) => ({ id, data: { title: `Title of ${id}`, companies } }) as unknown as Article;

describe("a company's page", () => {
  it("heads the page with ticker and country, the description and every alias, without a doubled full stop", () => {
    const page = companyPage(fixture, entity("openai"), []);
    expect(page.kicker).toBe("Company record · US");
    expect(page.lede).toBe("Developer of ChatGPT and the GPT models. Also known as OpenAI Group PBC, ChatGPT.");
    expect(page.searchNames).toBe("OpenAI; OpenAI Group PBC; ChatGPT");
    expect(companyPage(fixture, entity("nvidia"), []).kicker).toBe("Company record · NVDA · US");
    expect(companyPage(fixture, entity("nvidia"), []).searchNames).toBe("Nvidia; NVIDIA Corporation; NVDA");
    expect(companyPage(fixture, entity("lucent-customers"), []).kicker).toBe("Company record");
    // A release with supply-chain layers (schema 1.27) names each company's, since the loop tests turn on it.
    expect(companyPage(fixture, { ...entity("nvidia"), layer: "hardware" }, []).kicker).toBe("Company record · NVDA · US · Supply chain: hardware");
    expect(companyPage(fixture, { ...entity("openai"), layer: "model" }, []).kicker).toBe("Company record · US · Supply chain: model makers");
    expect(companyPage(fixture, entity("coreweave"), []).lede).toBe("A GPU cloud provider (neocloud) backed by Nvidia.");
    expect(companyPage(fixture, { ...entity("coreweave"), aliases: ["CoreWeave, Inc."] }, []).lede).toBe(
      "A GPU cloud provider (neocloud) backed by Nvidia. Also known as CoreWeave, Inc.",
    );
    expect(page.feed).toEqual({ title: "Circularity: OpenAI", path: "companies/openai/feed.xml" });
  });

  it("sums money in and out by basis, naming the deal types on each side", () => {
    const page = companyPage(fixture, entity("amd"), []);
    expect(page.summary.headers).toEqual(["committed", "up to", "reported", "estimated"]);
    expect(page.summary.rows.map((r) => [r.label, r.types])).toEqual([
      ["In (received)", "Chip purchase"],
      ["Out (paid, invested, committed)", "Warrants"],
    ]);
    expect(page.summary.rows[1]!.cells).toEqual(["$0", "$0", "$0", "$34B"]);
    // Each type once, in the order the deals come.
    expect(companyPage(fixture, entity("openai"), []).summary.rows[0]!.types).toBe("Equity, Warrants");
  });

  it("lists each deal once, newest first, with the counterparty on the other side", () => {
    const page = companyPage(fixture, entity("amd"), []);
    expect(page.deals.map((d) => [d.deal.id, d.direction, d.counterparty.text, d.type, d.counted])).toEqual([
      ["amd-openai-2025-10", "out", "OpenAI", "Warrants", true],
      ["openai-amd-2025-10", "in", "OpenAI", "Chip purchase", true],
    ]);
    expect(page.deals[0]!.date.path).toBe("deals/amd-openai-2025-10/");
  });

  it("names the flows chart's two colours after the company, and its caption after the release", () => {
    const page = companyPage(fixture, entity("amd"), []);
    expect(page.flows.legend.map((l) => l.label)).toEqual(["into AMD", "out of AMD"]);
    expect(page.flows.legend[0]!.color).not.toBe(page.flows.legend[1]!.color);
    expect(page.flows.caption).toBe(`Active deals with a disclosed amount in dataset v${fixture.version}. Undisclosed deals are listed below.`);
  });

  it("orders the company's own metrics by measure, then period, saying when each was stated", () => {
    const openai = companyPage(fixture, entity("openai"), []);
    expect(openai.metrics.map((m) => m.id)).toEqual([
      "openai-cash-burn-2025-h1",
      "openai-revenue-2025-h1",
      "openai-valuation-2025-03-31",
      "openai-valuation-2025-10-02",
    ]);
    expect(openai.metrics[1]!.label).toBe("Revenue (2025-H1)");
    const amd = companyPage(fixture, entity("amd"), []);
    expect(amd.metrics.map((m) => m.label)).toEqual(["Revenue (2025, stated Feb 3, 2026)"]);
  });

  it("links its financing, and the articles that name it", () => {
    const page = companyPage(fixture, entity("coreweave"), [article("about-coreweave", ["coreweave"]), article("elsewhere", ["amd"])]);
    expect(page.financing).toEqual([
      { text: "CoreWeave's senior notes due 2030 (test record)", path: "financing/#coreweave-notes-2025-05", amount: "$2B", date: "May 21, 2025" },
    ]);
    expect(page.articles).toEqual([{ text: "Title of about-coreweave", path: "articles/about-coreweave/" }]);
  });

  it("describes itself to search engines as a corporation, or an organisation, with its ticker where it has one", () => {
    expect(companyPage(fixture, entity("nvidia"), []).jsonLd).toEqual({
      "@context": "https://schema.org",
      "@type": "Corporation",
      name: "Nvidia",
      alternateName: ["NVIDIA Corporation"],
      description: "Designer of the GPUs most AI models are trained on.",
      tickerSymbol: "NVDA",
      url: `${SITE_URL}/companies/nvidia/`,
    });
    const customers = companyPage(fixture, entity("lucent-customers"), []).jsonLd;
    expect(customers["@type"]).toBe("Organization");
    expect(customers).not.toHaveProperty("tickerSymbol");
  });
});
