// An indicator as its page, its JSON and its archive show it: the value and how it reads, each input record named and
// graded, the history a reader sees (earlier releases, quarter-ends), the frozen archive copy, and the small history
// chart with its text alternative. Worked on the fixture releases, with a probe indicator for the cases the real
// indicators do not reach (a breakdown note, a metric input, a release without the inputs).
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadReleases, type Release } from "../../src/dataset/load.ts";
import { requireIndicator, type IndicatorModule } from "../../src/indicators/index.ts";
import { formatIndicator } from "../../src/indicators/records.ts";
import { datasetAsOf } from "../../src/dataset/as-of.ts";
import {
  INDICATOR_ARCHIVE_DIR,
  INDICATOR_FORMAT,
  indicatorArchivePath,
  indicatorAt,
  indicatorHistorySvg,
  readArchivedIndicatorText,
  renderIndicatorUncached,
  writeArchivedIndicator,
  type RenderedIndicator,
} from "../../src/render/indicators.ts";
import { RENDITION_WIDTH, PALETTE } from "../../src/charts/theme.ts";
import { FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";

const { releases, current } = loadReleases(FIXTURE_DATA);
const first = releases[0]!; // 1.0.0: eleven deals, no financing, ungraded sources
const firmness = requireIndicator("firmness");
const debt = requireIndicator("debt-behind-the-loops");

/**
 * An indicator whose value is the number of deals (in percent, so it reads "11%"), whose inputs are every metric, the
 * first deal and every financing record, and whose breakdown has one row with a note and one without. It has no
 * value for a dataset without metrics.
 */
const probe: IndicatorModule = {
  id: "probe",
  since: "1.0.0",
  title: "Probe & count",
  question: "How many deals?",
  definition: "The number of deals.",
  formula: "count of deals",
  unit: "percent",
  rowLabel: "Part",
  compute(dataset) {
    if (!dataset.metrics.length) return null;
    return {
      value: dataset.deals.length,
      working: `${dataset.deals.length} deals`,
      rows: [
        { label: "with a caveat", value: 1.25, working: "one", inputs: [`deal:${dataset.deals[0]!.id}`], note: "read with care" },
        { label: "plain", value: 40, working: "forty", inputs: [] },
      ],
      inputs: [
        ...dataset.metrics.map((m) => `metric:${m.id}` as const),
        `deal:${dataset.deals[0]!.id}` as const,
        ...dataset.financing.map((f) => `financing:${f.id}` as const),
      ],
    };
  },
};

/** A release of the fixture with its dataset changed, as a release the code has not seen. */
function variant(release: Release, version: string, change: (d: Release["dataset"]) => void): Release {
  const dataset = structuredClone(release.dataset);
  change(dataset);
  return { ...release, version, dataset };
}

describe("an indicator's value, inputs and evidence", () => {
  it("carries the indicator's words, its value and breakdown each formatted in its unit, and its format number", () => {
    const r = renderIndicatorUncached(firmness, current, releases)!;
    const result = firmness.compute(current.dataset)!;
    expect(r).toMatchObject({
      format: INDICATOR_FORMAT,
      id: "firmness",
      version: "1.1.0",
      title: firmness.title,
      question: firmness.question,
      definition: firmness.definition,
      formula: firmness.formula,
      unit: "percent",
      value: result.value,
      display: formatIndicator(result.value, "percent"),
      working: result.working,
    });
    expect(INDICATOR_FORMAT).toBe(1);
    expect(r.rows).toStrictEqual(
      result.rows.map((row) => ({
        label: row.label,
        value: row.value,
        display: formatIndicator(row.value, "percent"),
        working: row.working,
        inputs: row.inputs,
      })),
    );
    // The fixture's numbers, as a reader reads them.
    expect(r.rows.map((row) => [row.label, row.display])).toEqual([
      ["committed", "20%"],
      ["up to", "33%"],
      ["reported", "36%"],
      ["estimated", "11%"],
    ]);
  });

  it("keeps a breakdown row's note only where the row has one", () => {
    const r = renderIndicatorUncached(probe, current, releases)!;
    expect(r.rows).toStrictEqual([
      { label: "with a caveat", value: 1.25, display: "1.3%", working: "one", inputs: ["deal:nvidia-openai-2025-09"], note: "read with care" },
      { label: "plain", value: 40, display: "40%", working: "forty", inputs: [] },
    ]);
    expect(Object.keys(r.rows[1]!)).not.toContain("note");
  });

  it("names each input as readers see it: a deal or financing by its title, a metric by company, measure and period", () => {
    const r = renderIndicatorUncached(probe, current, releases)!;
    expect(r.inputs).toEqual([
      { ref: "metric:openai-revenue-2025-h1", label: "OpenAI: revenue, 2025-H1", evidence: "press" },
      { ref: "metric:openai-cash-burn-2025-h1", label: "OpenAI: cash burn, 2025-H1", evidence: "press" },
      { ref: "metric:openai-valuation-2025-03-31", label: "OpenAI: valuation, 2025-03-31", evidence: "press" },
      { ref: "metric:openai-valuation-2025-10-02", label: "OpenAI: valuation, 2025-10-02", evidence: "press" },
      { ref: "metric:amd-revenue-2025", label: "AMD: revenue, 2025", evidence: "company" },
      { ref: "deal:nvidia-openai-2025-09", label: "Nvidia's letter of intent to invest in OpenAI", evidence: "aggregator" },
      { ref: "financing:coreweave-notes-2025-05", label: "CoreWeave's senior notes due 2030 (test record)", evidence: "company" },
    ]);
  });

  it("grades an ungraded metric or deal as ungraded, and names a metric's company by its id when the company is not listed", () => {
    const r = renderIndicatorUncached(probe, first, releases)!;
    expect(r.inputs.map((i) => i.evidence)).toEqual(["ungraded", "ungraded", "ungraded", "ungraded", "ungraded"]);
    expect(r.evidence).toEqual([{ kind: "ungraded", records: 5 }]);
    const orphan = variant(current, "1.1.1", (d) => {
      d.metrics[0]!.entity = "unlisted-co";
    });
    expect(renderIndicatorUncached(probe, orphan, [...releases, orphan])!.inputs[0]!.label).toBe("unlisted-co: revenue, 2025-H1");
  });

  it("counts the inputs on each kind of source, strongest first, leaving out kinds no input rests on", () => {
    expect(renderIndicatorUncached(probe, current, releases)!.evidence).toEqual([
      { kind: "company", records: 2 },
      { kind: "press", records: 4 },
      { kind: "aggregator", records: 1 },
    ]);
    expect(renderIndicatorUncached(firmness, current, releases)!.evidence).toEqual([
      { kind: "press", records: 2 },
      { kind: "aggregator", records: 6 },
    ]);
    expect(renderIndicatorUncached(debt, current, releases)!.evidence).toEqual([{ kind: "company", records: 1 }]);
  });

  it("has no value where the release lacks the inputs", () => {
    expect(renderIndicatorUncached(debt, first, releases)).toBeNull();
    expect(
      renderIndicatorUncached(
        probe,
        variant(first, "1.0.1", (d) => (d.metrics = [])),
        releases,
      ),
    ).toBeNull();
  });
});

describe("an indicator's history", () => {
  it("gives the value at this release and each earlier one, computed from that release", () => {
    const r = renderIndicatorUncached(probe, current, releases)!;
    expect(r.releases).toEqual([
      { version: "1.0.0", value: 11, display: "11%" },
      { version: "1.1.0", value: 12, display: "12%" },
    ]);
    const f = renderIndicatorUncached(firmness, current, releases)!;
    expect(f.releases).toEqual(
      releases.map((rel) => {
        const value = firmness.compute(rel.dataset)!.value;
        return { version: rel.version, value, display: formatIndicator(value, "percent") };
      }),
    );
    expect(f.releases.map((x) => x.display)).toEqual(["29%", "20%"]);
  });

  it("never shows a later release in an earlier one's history", () => {
    const r = renderIndicatorUncached(probe, first, releases)!;
    expect(r.version).toBe("1.0.0");
    expect(r.releases).toEqual([{ version: "1.0.0", value: 11, display: "11%" }]);
  });

  it("leaves out the releases and quarter-ends that lack the inputs, instead of showing a gap as a value", () => {
    const r = renderIndicatorUncached(debt, current, releases)!;
    // Release 1.0.0 has no financing; the one bond was announced on 2025-05-21.
    expect(r.releases).toEqual([{ version: "1.1.0", value: 2e9, display: "$2B" }]);
    expect(r.asOf).toEqual(["2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31"].map((date) => ({ date, value: 2e9, display: "$2B" })));
  });

  it("gives the value as this release records each quarter-end, from its first AI-era deal to its release date", () => {
    const r = renderIndicatorUncached(firmness, current, releases)!;
    const dates = ["2024-12-31", "2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31"];
    expect(r.asOf).toEqual(
      dates.map((date) => {
        const value = firmness.compute(datasetAsOf(current.dataset, date))!.value;
        return { date, value, display: formatIndicator(value, "percent") };
      }),
    );
    expect(r.asOf.map((p) => p.display)).toEqual(["100%", "100%", "100%", "18%", "30%", "30%"]);
  });
});

describe("the indicator archive", () => {
  const tempArchive = () => mkdtempSync(join(tmpdir(), "circularity-indicators-"));

  it("keeps each release's copy at <dir>/<id>/v<version>.json, by default under archive/indicators", () => {
    expect(indicatorArchivePath("firmness", "1.3.0", "/a/b")).toBe(join("/a/b", "firmness", "v1.3.0.json"));
    expect(INDICATOR_ARCHIVE_DIR).toBe(resolve(process.env.CIRCULARITY_INDICATOR_ARCHIVE_DIR ?? "archive/indicators"));
    if (!process.env.CIRCULARITY_INDICATOR_ARCHIVE_DIR) expect(INDICATOR_ARCHIVE_DIR).toBe(resolve("archive/indicators"));
    expect(indicatorArchivePath("firmness", "1.3.0")).toBe(join(INDICATOR_ARCHIVE_DIR, "firmness", "v1.3.0.json"));
  });

  it("writes a copy once, as indented JSON ending in a newline, and never replaces it", () => {
    // An archive folder not made yet: writing makes it.
    const dir = join(tempArchive(), "archive", "indicators");
    const r = renderIndicatorUncached(firmness, current, releases)!;
    expect(writeArchivedIndicator(r, dir)).toBe(true);
    const path = join(dir, "firmness", "v1.1.0.json");
    const text = readFileSync(path, "utf8");
    expect(text).toBe(JSON.stringify(r, null, 1) + "\n");
    expect(text.startsWith('{\n "format": 1,\n "id": "firmness",\n "version": "1.1.0",')).toBe(true);
    expect(JSON.parse(text)).toEqual(r);

    const changed: RenderedIndicator = { ...r, display: "changed" };
    expect(writeArchivedIndicator(changed, dir)).toBe(false);
    expect(readFileSync(path, "utf8")).toBe(text);
  });

  it("reads an archived copy back byte for byte, and nothing where there is none", () => {
    const dir = tempArchive();
    const r = renderIndicatorUncached(debt, current, releases)!;
    writeArchivedIndicator(r, dir);
    const text = readArchivedIndicatorText("debt-behind-the-loops", "1.1.0", dir);
    expect(typeof text).toBe("string");
    expect(text).toBe(readFileSync(join(dir, "debt-behind-the-loops", "v1.1.0.json"), "utf8"));
    expect(readArchivedIndicatorText("debt-behind-the-loops", "1.0.0", dir)).toBeUndefined();
    expect(existsSync(join(dir, "debt-behind-the-loops", "v1.0.0.json"))).toBe(false);
  });

  it("serves the site's archived copy for a pinned release, the same copy each time it is asked for", () => {
    const text = readArchivedIndicatorText("firmness", "1.3.0");
    expect(text).toBe(readFileSync(join(INDICATOR_ARCHIVE_DIR, "firmness", "v1.3.0.json"), "utf8"));
    const pinned = indicatorAt("firmness", "1.3.0");
    expect(pinned).toEqual(JSON.parse(text!));
    expect(indicatorAt("firmness", "1.3.0")).toBe(pinned);
    expect(indicatorAt("firmness", "1.2.0")).toBeNull();
  });
});

describe("an indicator's history chart", () => {
  const r = renderIndicatorUncached(firmness, current, releases)!;
  const expectedAlt =
    "How firm the money is, as dataset v1.1.0 records each quarter-end from 2024-12-31 to 2026-03-31: " +
    "2024-12-31 100%; 2025-03-31 100%; 2025-06-30 100%; 2025-09-30 18%; 2025-12-31 30%; 2026-03-31 30%.";

  it("is drawn only where there are two quarter-ends or more to join", () => {
    expect(indicatorHistorySvg({ ...r, id: "none", asOf: [] }, false)).toBeNull();
    expect(indicatorHistorySvg({ ...r, id: "one", asOf: r.asOf.slice(0, 1) }, true)).toBeNull();
    const two = indicatorHistorySvg({ ...r, id: "two", asOf: r.asOf.slice(2, 4) }, true)!;
    expect(two).not.toBeNull();
    expect(two.svg).toContain(
      'aria-label="How firm the money is, as dataset v1.1.0 records each quarter-end from 2025-06-30 to 2025-09-30: 2025-06-30 100%; 2025-09-30 18%."',
    );
  });

  it("draws the phone and desktop renditions at their own sizes, each scoped to the indicator", () => {
    const narrow = indicatorHistorySvg(r, true)!;
    const wide = indicatorHistorySvg(r, false)!;
    expect([narrow.width, narrow.height]).toEqual([RENDITION_WIDTH.phone, 200]);
    expect([wide.width, wide.height]).toEqual([RENDITION_WIDTH.desktop, 240]);
    expect(narrow.svg).toContain('class="indicator-firmness-n"');
    expect(wide.svg).toContain('class="indicator-firmness-w"');
    // Drawn once per rendition: asking again gives the same drawing.
    expect(indicatorHistorySvg(r, true)).toBe(narrow);
    expect(indicatorHistorySvg(r, false)).toBe(wide);
  });

  it("says every point in its text alternative, and names each dot by its date and value", () => {
    for (const compact of [true, false]) {
      const { svg } = indicatorHistorySvg(r, compact)!;
      expect(svg).toContain(`aria-label="${expectedAlt}"`);
      expect(svg).toContain('role="img"');
      expect([...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1])).toEqual(r.asOf.map((p) => `${p.date}: ${p.display}`));
      expect(svg.match(/<circle r="3"/g)).toHaveLength(r.asOf.length);
    }
  });

  it("labels its value axis in the indicator's unit from zero, without axis titles", () => {
    const { svg } = indicatorHistorySvg(r, true)!;
    const yTicks = [...svg.matchAll(/<text transform="translate\(64,[\d.]+\)" y="0\.32em">([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(yTicks).toEqual(["0%", "20%", "40%", "60%", "80%", "100%"]);
    // A light grid line at each value tick.
    expect(svg).toMatch(/<g stroke-opacity="0\.1" stroke="currentColor" aria-hidden="true">(<line [^>]*\/>){6}<\/g>/);
    expect(svg).not.toMatch(/>\s*(date|value)\b/);
    expect(svg).not.toContain("↑");
    expect(svg).not.toContain("→");
    // Dates on the time axis read as months and years.
    expect(svg).toMatch(/<tspan y="0\.71em" x="0">Jan<\/tspan><tspan dy="1em" x="0">2025<\/tspan>/);
  });

  it("draws a zero line, a blue stepped line through the points, and the latest value above the last point", () => {
    const { svg } = indicatorHistorySvg(r, true)!;
    // Zero sits at the foot of the plot: the "0%" tick's position.
    const zeroY = /<text transform="translate\(64,([\d.]+)\)" y="0\.32em">0%<\/text>/.exec(svg)![1];
    expect(svg).toContain(`<g stroke="currentColor"><line y2="${zeroY}" y1="${zeroY}" x2="260" x1="64" /></g>`);
    const line = new RegExp(`<g [^>]*stroke-width="2" stroke="${PALETTE.blue}" fill="none"><path d="([^"]*)" /></g>`).exec(svg);
    expect(line).not.toBeNull();
    // A step holds each value until the next quarter-end: every vertical move happens at a point's date.
    const points = line![1]!
      .slice(1)
      .split("L")
      .map((p) => p.split(",").map(Number) as [number, number]);
    expect(points).toHaveLength(2 * r.asOf.length - 1);
    for (let i = 1; i < points.length; i += 2) {
      expect(points[i]![1]).toBe(points[i - 1]![1]); // across at the old value
      expect(points[i + 1]![0]).toBe(points[i]![0]); // then up or down at the new date
    }
    expect(svg).toMatch(new RegExp(`<g fill="${PALETTE.blue}"><circle r="3"`));
    const last = r.asOf.at(-1)!;
    expect(svg).toMatch(
      new RegExp(`<g transform="translate\\(0,-12\\)" font-weight="600"><text transform="translate\\(260,[\\d.]+\\)" y="0\\.32em">${last.display}</text></g>`),
    );
  });

  it("formats the axis in each indicator's own unit", () => {
    const d = renderIndicatorUncached(debt, current, releases)!;
    const { svg } = indicatorHistorySvg(d, false)!;
    const yTicks = [...svg.matchAll(/<text transform="translate\(64,[\d.]+\)" y="0\.32em">([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(yTicks[0]).toBe("$0");
    expect(yTicks.at(-1)).toBe("$2B");
    expect(svg).toContain('class="indicator-debt-behind-the-loops-w"');
  });
});
