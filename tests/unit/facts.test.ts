// The words a <Fact> puts in an article: each field of a deal, a financing record and a metric, in both formats, read
// from the fixture release. These are the figures readers quote, so each expected string is written out in full.
import { beforeEach, describe, expect, it } from "vitest";
import { dealFieldText, factText, factWraps, financingFieldText, revisedFigureCount, DEAL_FIELDS, FINANCING_FIELDS } from "../../src/articles/facts.ts";
import { articleRefs } from "../../src/articles/refs.ts";
import { revisedFiguresText } from "../../src/page-data/article-page.ts";
import { formatMetricValue as metricText } from "../../src/dataset/labels.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";
import type { Dataset, Metric } from "../../src/schemas/dataset.ts";

let dataset: Dataset;
beforeEach(() => {
  dataset = loadReleases(FIXTURE_DATA).releases.find((r) => r.version === "1.1.0")!.dataset;
});
const deal = (id: string) => dataset.deals.find((d) => d.id === id)!;
const both = (text: (format: "short" | "long") => string) => [text("short"), text("long")];

describe("<Fact deal field>", () => {
  it("shows an amount with its basis: up to, estimated, reported, committed and undisclosed", () => {
    expect(both((f) => dealFieldText(deal("nvidia-openai-2025-09"), "amount", dataset, f))).toEqual(["up to $100B", "up to $100 billion"]);
    expect(both((f) => dealFieldText(deal("amd-openai-2025-10"), "amount", dataset, f))).toEqual(["~$34B (estimated)", "~$34 billion (estimated)"]);
    expect(both((f) => dealFieldText(deal("amazon-openai-2025-12"), "amount", dataset, f))).toEqual(["$10B (reported)", "$10 billion (reported)"]);
    expect(both((f) => dealFieldText(deal("nvidia-coreweave-2025-09"), "amount", dataset, f))).toEqual(["$6.3B", "$6.3 billion"]);
    expect(both((f) => dealFieldText(deal("openai-nvidia-2025-09"), "amount", dataset, f))).toEqual(["undisclosed", "undisclosed"]);
  });

  it("shows the bare dollar figure for field usd, and refuses a deal with no amount", () => {
    expect(both((f) => dealFieldText(deal("nvidia-openai-2025-09"), "usd", dataset, f))).toEqual(["$100B", "$100 billion"]);
    expect(both((f) => dealFieldText(deal("amd-openai-2025-10"), "usd", dataset, f))).toEqual(["$34B", "$34 billion"]);
    expect(() => dealFieldText(deal("openai-nvidia-2025-09"), "usd", dataset)).toThrow(
      'deal "openai-nvidia-2025-09" has no disclosed amount, so field="usd" has nothing to show',
    );
  });

  it("dates a deal to the precision it is known to", () => {
    expect(both((f) => dealFieldText(deal("nvidia-openai-2025-09"), "date", dataset, f))).toEqual(["Sep 22, 2025", "September 22, 2025"]);
    expect(both((f) => dealFieldText(deal("nvidia-coreweave-2025-09"), "date", dataset, f))).toEqual(["Sep 2025", "September 2025"]);
    expect(both((f) => dealFieldText(deal("lucent-lucent-customers-1999"), "date", dataset, f))).toEqual(["1999", "1999"]);
  });

  it("names the parties by their entity names, the investor first", () => {
    expect(dealFieldText(deal("openai-amazon-2025-11"), "from", dataset)).toBe("OpenAI");
    expect(dealFieldText(deal("openai-amazon-2025-11"), "to", dataset)).toBe("Amazon (AWS)");
    expect(dealFieldText(deal("lucent-lucent-customers-1999"), "to", dataset)).toBe("Lucent's carrier customers (aggregate)");
    // A party the release does not name (only possible in a hand-made record) shows its id rather than nothing.
    expect(dealFieldText({ ...deal("openai-amazon-2025-11"), to: "nobody-co" }, "to", dataset)).toBe("nobody-co");
    expect(dealFieldText(deal("amd-openai-2025-10"), "title", dataset, "long")).toBe("AMD's warrant for OpenAI");
  });

  it("shows power and term, and names the deal that has neither", () => {
    expect(dealFieldText(deal("openai-nvidia-2025-09"), "gw", dataset)).toBe("10 GW");
    expect(dealFieldText(deal("openai-amazon-2025-11"), "term", dataset)).toBe("7 years");
    expect(() => dealFieldText(deal("nvidia-openai-2025-09"), "gw", dataset)).toThrow('deal "nvidia-openai-2025-09" has no compute.gw');
    expect(() => dealFieldText(deal("nvidia-openai-2025-09"), "term", dataset)).toThrow('deal "nvidia-openai-2025-09" has no termYears');
  });

  it("lets words wrap and keeps figures and dates whole", () => {
    expect(DEAL_FIELDS.filter(factWraps)).toEqual(["from", "to", "title"]);
  });

  it("knows every field the component accepts", () => {
    expect(DEAL_FIELDS).toEqual(["amount", "usd", "date", "from", "to", "title", "gw", "term"]);
  });
});

describe("<Fact financing field>", () => {
  const record = () => dataset.financing.find((f) => f.id === "coreweave-notes-2025-05")!;

  it("shows amount, date, provider, borrower and title", () => {
    expect(both((f) => financingFieldText(record(), "amount", dataset, f))).toEqual(["$2B", "$2 billion"]);
    expect(both((f) => financingFieldText(record(), "usd", dataset, f))).toEqual(["$2B", "$2 billion"]);
    expect(both((f) => financingFieldText(record(), "date", dataset, f))).toEqual(["May 21, 2025", "May 21, 2025"]);
    expect(financingFieldText(record(), "from", dataset)).toBe("Nvidia");
    expect(financingFieldText(record(), "to", dataset)).toBe("CoreWeave");
    expect(financingFieldText(record(), "title", dataset)).toBe("CoreWeave's senior notes due 2030 (test record)");
  });

  it("says undisclosed for a record with no amount, and refuses usd and the deal-only fields", () => {
    const undisclosed = { ...record(), amount: null };
    expect(financingFieldText(undisclosed, "amount", dataset)).toBe("undisclosed");
    expect(() => financingFieldText(undisclosed, "usd", dataset)).toThrow(
      'financing "coreweave-notes-2025-05" has no disclosed amount, so field="usd" has nothing to show',
    );
    expect(() => financingFieldText(record(), "gw", dataset)).toThrow(
      'financing "coreweave-notes-2025-05": field="gw" applies to deals only; use one of amount, usd, date, from, to, title',
    );
    expect(() => financingFieldText(record(), "term", dataset)).toThrow('field="term" applies to deals only');
    expect(FINANCING_FIELDS).toEqual(["amount", "usd", "date", "from", "to", "title"]);
  });
});

describe("<Fact metric>", () => {
  const metric = (unit: Metric["unit"], value: number) =>
    ({
      id: "m",
      entity: "openai",
      metric: "revenue",
      period: "2025",
      unit,
      value,
      basis: "committed",
      source: { publisher: "p", title: "t", date: "2026-01-01", url: "https://example.org/" },
    }) as Metric;

  it("shows dollars short and long, percentages and gigawatts", () => {
    expect(both((f) => metricText(metric("usd", 13e9), f))).toEqual(["$13B", "$13 billion"]);
    expect(both((f) => metricText(metric("percent", 27.5), f))).toEqual(["27.5%", "27.5%"]);
    expect(both((f) => metricText(metric("gw", 1.2), f))).toEqual(["1.2 GW", "1.2 GW"]);
  });

  it("shows share counts in words and prices per share to the cent (schema 1.26)", () => {
    expect(metricText(metric("shares", 160e6))).toBe("160 million shares");
    expect(metricText(metric("shares", 1.63e9))).toBe("1.63 billion shares");
    expect(metricText(metric("shares", 12_500))).toBe("12,500 shares");
    expect(metricText(metric("usd-per-share", 600))).toBe("$600 a share");
    expect(metricText(metric("usd-per-share", 203.7))).toBe("$203.70 a share");
  });

  it("shows a price-index level as published, never as money or a share (schema 1.55)", () => {
    expect(both((f) => metricText(metric("index", 335.123), f))).toEqual(["335.123", "335.123"]);
    expect(metricText(metric("index", 178.3))).toBe("178.3");
  });
});

describe("figures a later release revised", () => {
  // In the fixture, 1.1.0 revises one deal's amount (openai-coreweave-2025-03: $11.9B to $12B) and no other figure.
  const releases = () => loadReleases(FIXTURE_DATA).releases;
  const count = (body: string) => {
    const [first, second] = releases();
    return revisedFigureCount(articleRefs(body), first!, second!, "x.mdx");
  };

  it("reads a <Fact> as the component prints it, and nothing for a record the release lacks", () => {
    const [first, second] = releases();
    expect(factText({ deal: "openai-coreweave-2025-03" }, first!.dataset)).toBe("$11.9B");
    expect(factText({ deal: "openai-coreweave-2025-03", format: "long" }, second!.dataset)).toBe("$12 billion");
    expect(factText({ deal: "nvidia-coreweave-2025-09", field: "date" }, second!.dataset)).toBe("Sep 2025");
    expect(factText({ metric: "openai-revenue-2025-h1" }, second!.dataset)).toBe(
      metricText(second!.dataset.metrics.find((m) => m.id === "openai-revenue-2025-h1")!),
    );
    expect(factText({ deal: "no-such-deal" }, second!.dataset)).toBeUndefined();
  });

  it("counts each revised figure where it appears, facts and computed figures alike, and no unchanged one", () => {
    expect(count(`<Fact deal="nvidia-openai-2025-09" /> <Fact deal="openai-amazon-2025-11" />`)).toBe(0);
    // A field the revision did not touch reads the same.
    expect(count(`<Fact deal="openai-coreweave-2025-03" field="date" />`)).toBe(0);
    expect(count(`<Fact deal="openai-coreweave-2025-03" /> and again <Fact deal="openai-coreweave-2025-03" format="long" />`)).toBe(2);
    expect(count(`<Computed sum="deal:openai-coreweave-2025-03 deal:nvidia-coreweave-2025-09" /> <Fact deal="nvidia-openai-2025-09" />`)).toBe(1);
  });

  it("counts nothing when the text pins the current release", () => {
    const [, second] = releases();
    expect(revisedFigureCount(articleRefs(`<Fact deal="openai-coreweave-2025-03" />`), second!, second!, "x.mdx")).toBe(0);
  });

  it("words the header's count", () => {
    expect(revisedFiguresText(0)).toBe("it changes none of the figures quoted here");
    expect(revisedFiguresText(1)).toBe("the one figure it revised is marked in the text");
    expect(revisedFiguresText(3)).toBe("the 3 figures it revised are marked in the text");
  });
});
