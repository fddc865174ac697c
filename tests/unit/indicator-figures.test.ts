// What an <Indicator> puts in an article: the monitor's value (or one row of it) as published for the article's pinned
// release, linked to the indicator pinned there; the errors an author gets for a bad one; and how the article's other
// readers of its figures (the reference check, the header's count of revised figures, the records it cites) see it.
// Worked on the fixture releases, where firmness reads 29% in 1.0.0 and 20% in 1.1.0, and on the site's archive.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadReleases, type Release } from "../../src/dataset/load.ts";
import { requireIndicator } from "../../src/indicators/index.ts";
import { indicatorAt, renderIndicatorUncached, type RenderedIndicator } from "../../src/render/indicators.ts";
import { indicatorFigure, indicatorLatestText, type IndicatorLookup } from "../../src/articles/indicator-figures.ts";
import { articleRefs, assertRefsExist } from "../../src/articles/refs.ts";
import { revisedFigureCount, revisingVersion } from "../../src/articles/facts.ts";
import { quotedRecords } from "../../src/articles/quoted-evidence.ts";
import { typedFigures } from "../../src/articles/typed-figures.ts";
import { strongestKind } from "../../src/dataset/evidence.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

const { releases } = loadReleases(FIXTURE_DATA);
const [first, second] = releases as [Release, Release];

/**
 * The monitor as it would be published for `list`'s releases. The fixture releases predate every indicator's `since`,
 * so the site's indicatorAt has nothing for them; rendered directly, firmness has a value in both.
 */
function lookupOver(list: readonly Release[]): IndicatorLookup {
  const rendered = new Map<string, RenderedIndicator | null>();
  return (id, version) => {
    const key = `${id}@${version}`;
    if (!rendered.has(key)) {
      const release = list.find((r) => r.version === version);
      rendered.set(key, release ? renderIndicatorUncached(requireIndicator(id), release, list) : null);
    }
    return rendered.get(key)!;
  };
}
const at = lookupOver(releases);

describe("<Indicator> figures", () => {
  it("prints the indicator's headline as rendered for the pinned release, linked to its pinned page, titled with its working", () => {
    const rendered = at("firmness", "1.1.0")!;
    const figure = indicatorFigure({ id: "firmness" }, "1.1.0", "content/articles/x.mdx", at);
    expect(figure.text).toBe("20%");
    expect(figure.text).toBe(rendered.display);
    expect(figure.path).toBe("monitor/firmness/v1.1.0/");
    expect(figure.title).toBe(`${rendered.title}: ${rendered.working} (dataset v1.1.0)`);
    expect(figure.inputs).toEqual(rendered.inputs.map((i) => i.ref));
    expect(indicatorFigure({ id: "firmness" }, "1.0.0", "x.mdx", at).text).toBe("29%");
  });

  it("prints a named row of the breakdown, with that row's working and only that row's records", () => {
    const rendered = at("firmness", "1.1.0")!;
    const row = rendered.rows.find((r) => r.label === "reported")!;
    const figure = indicatorFigure({ id: "firmness", row: "reported" }, "1.1.0", "x.mdx", at);
    expect(figure.text).toBe("36%");
    expect(figure.text).toBe(row.display);
    expect(figure.path).toBe("monitor/firmness/v1.1.0/");
    expect(figure.title).toBe(`${rendered.title}, reported: ${row.working} (dataset v1.1.0)`);
    expect(figure.inputs).toEqual(["deal:amazon-openai-2025-12", "deal:anthropic-amazon-2026-04"]);
  });

  it("prints what the site's archive publishes for a release, headline and row", () => {
    const archived = JSON.parse(readFileSync("archive/indicators/vendor-financing-intensity/v1.54.2.json", "utf8")) as RenderedIndicator;
    expect(indicatorFigure({ id: "vendor-financing-intensity" }, "1.54.2", "x.mdx", indicatorAt).text).toBe(archived.display);
    const row = archived.rows[0]!;
    expect(indicatorFigure({ id: "vendor-financing-intensity", row: row.label }, "1.54.2", "x.mdx", indicatorAt).text).toBe(row.display);
  });

  it("fails naming the file, the attribute and the problem: unknown id, no value at the release, unknown row or attribute", () => {
    const figure =
      (spec: Record<string, string>, version = "1.1.0") =>
      () =>
        indicatorFigure(spec, version, "content/articles/x.mdx", at);
    expect(figure({ id: "no-such" })).toThrow(
      'content/articles/x.mdx: <Indicator id="no-such">: id="no-such" is not an indicator; known ids: vendor-financing-intensity, backlog-concentration, earnings-from-the-loop, promises-vs-revenue, firmness, debt-behind-the-loops',
    );
    expect(figure({ id: "debt-behind-the-loops" }, "1.0.0")).toThrow(
      'content/articles/x.mdx: <Indicator id="debt-behind-the-loops">: id="debt-behind-the-loops" has no value at dataset v1.0.0 (the monitor publishes it from v1.3.0, where the release has its inputs); pin a release that has one',
    );
    expect(figure({ id: "firmness", row: "Committed" })).toThrow(
      'content/articles/x.mdx: <Indicator id="firmness" row="Committed">: row="Committed" is not a row of firmness at dataset v1.1.0; its rows: "committed", "up to", "reported", "estimated"',
    );
    expect(figure({ id: "firmness", field: "value" })).toThrow('content/articles/x.mdx: <Indicator id="firmness">: unknown attribute field="…"; use id, row');
    expect(figure({})).toThrow('content/articles/x.mdx: <Indicator>: give id="…", one of vendor-financing-intensity,');
  });

  it("reads a later release's value, or says it is no longer published", () => {
    expect(indicatorLatestText({ id: "firmness", row: "up to" }, "1.1.0", at)).toBe("33%");
    expect(indicatorLatestText({ id: "firmness", row: "gone" }, "1.1.0", at)).toBe("no longer published");
    expect(indicatorLatestText({ id: "firmness" }, "1.1.0", () => null)).toBe("no longer published");
  });

  it("names the release whose monitor first printed something else, for the revised mark", () => {
    const reads = (spec: { id: string; row?: string }) => (_: unknown, version: string) => indicatorFigure(spec, version, "x.mdx", at).text;
    expect(revisingVersion(releases, "1.0.0", reads({ id: "firmness" }))).toBe("1.1.0");
    // A release whose monitor reads the same is passed over.
    const unchanged = [first, { ...first, version: "1.0.1" }, second];
    const over = lookupOver(unchanged);
    expect(revisingVersion(unchanged, "1.0.0", (_, version) => indicatorFigure({ id: "firmness" }, version, "x.mdx", over).text)).toBe("1.1.0");
  });
});

describe("<Indicator> in an article's references", () => {
  it("finds every <Indicator> as written, in order, whatever the quotes or attribute order", () => {
    const refs = articleRefs(
      `A <Indicator id="firmness" /> b <Indicator row='up to' id="firmness"/> c\n<Indicator id="vendor-financing-intensity" row="Nvidia, fiscal 2026" />`,
    );
    expect(refs.indicators).toEqual([{ id: "firmness" }, { row: "up to", id: "firmness" }, { id: "vendor-financing-intensity", row: "Nvidia, fiscal 2026" }]);
    expect(articleRefs(`<Fact deal="a" />`).indicators).toEqual([]);
  });

  it("lists every unknown indicator id and row in the one problem list, naming the file", () => {
    const body = [
      '<Fact deal="nope-deal" />',
      '<Indicator id="firmness" /> <Indicator id="nope-indicator" />',
      '<Indicator id="firmness" row="up to" /> <Indicator id="firmness" row="nope row" />',
    ].join("\n");
    const check = () => assertRefsExist("content/articles/x.mdx", articleRefs(body), second.dataset, "1.1.0", [], {}, at);
    expect(check).toThrow(
      [
        "content/articles/x.mdx:",
        '  - unknown deal id "nope-deal" in <Fact deal="nope-deal" /> (not in dataset v1.1.0)',
        '  - dataset v1.1.0: <Indicator id="nope-indicator">: id="nope-indicator" is not an indicator; known ids: vendor-financing-intensity, backlog-concentration, earnings-from-the-loop, promises-vs-revenue, firmness, debt-behind-the-loops',
        '  - dataset v1.1.0: <Indicator id="firmness" row="nope row">: row="nope row" is not a row of firmness at dataset v1.1.0; its rows: "committed", "up to", "reported", "estimated"',
      ].join("\n"),
    );
    expect(() => assertRefsExist("x.mdx", articleRefs('<Indicator id="firmness" row="up to" />'), second.dataset, "1.1.0", [], {}, at)).not.toThrow();
  });

  it("counts an indicator figure as revised where a later release's monitor prints something else, and not otherwise", () => {
    const count = (body: string, list: readonly Release[], lookup = at) => revisedFigureCount(articleRefs(body), list[0]!, list.at(-1)!, "x.mdx", lookup);
    // Firmness reads 29% in 1.0.0 and 20% in 1.1.0, and its "up to" row 49%, then 33%.
    expect(count(`<Indicator id="firmness" /> and <Indicator id="firmness" row="up to" />`, releases)).toBe(2);
    expect(count(`<Indicator id="firmness" /> <Fact deal="openai-coreweave-2025-03" />`, releases)).toBe(2);
    const same = [first, { ...first, version: "1.0.1" }];
    expect(count(`<Indicator id="firmness" /> <Indicator id="firmness" row="committed" />`, same, lookupOver(same))).toBe(0);
    // A value the current monitor no longer publishes is marked too.
    const gone: IndicatorLookup = (id, version) => (version === "1.0.0" ? at(id, version) : null);
    expect(count(`<Indicator id="firmness" />`, releases, gone)).toBe(1);
  });

  it("quotes the indicator's input records (a row's alone when a row is named), once each, graded in the pinned release", () => {
    const dataset = structuredClone(second.dataset);
    const quoted = (body: string) => quotedRecords(articleRefs(body), { version: "1.1.0", dataset }, at);
    const grade = (id: string) => strongestKind(dataset.deals.find((d) => d.id === id)!.sources);
    expect(quoted(`<Indicator id="firmness" row="up to" />`)).toEqual([
      { kind: "deal", id: "nvidia-openai-2025-09", evidence: grade("nvidia-openai-2025-09") },
    ]);
    const all = quoted(`<Fact deal="amd-openai-2025-10" /> <Indicator id="firmness" /> <Indicator id="firmness" row="up to" />`);
    expect(all.map((r) => `${r.kind}:${r.id}`)).toEqual([
      "deal:amd-openai-2025-10",
      ...at("firmness", "1.1.0")!
        .inputs.map((i) => i.ref)
        .filter((r) => r !== "deal:amd-openai-2025-10"),
    ]);
    expect(all).toHaveLength(8);
    // Graded from the pinned release's sources, as every quoted record is.
    dataset.deals.find((d) => d.id === "nvidia-openai-2025-09")!.sources.forEach((s) => (s.kind = "press"));
    expect(quoted(`<Indicator id="firmness" row="up to" />`)[0]!.evidence).toBe("press");
    // A broken figure is left to the reference check.
    expect(quoted(`<Indicator id="nope" />`)).toEqual([]);
  });

  it("is not a figure typed by hand, whatever its row label says", () => {
    expect(typedFigures(`It stood at <Indicator id="firmness" row="deals over $1B, 50% stakes" />.`)).toEqual([]);
  });
});
