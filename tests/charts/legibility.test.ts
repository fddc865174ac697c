// Every chart as readers get it: each mark at 3:1 on the light and the dark page, text at 12 px or more as shown,
// no text off the canvas, and links only to pages the site builds.
import { describe, expect, it } from "vitest";
import { CHARTS } from "../../src/charts/index.ts";
import { companyFlowPlot, companyFlowRows } from "../../src/charts/company-flows.ts";
import { renderUncached } from "../../src/render/chart-render.ts";
import { plotToSvg } from "../../src/render/plot-to-svg.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { activeEntities, DEAL_TYPES } from "../../src/dataset/selectors.ts";
import { derivedLoops } from "../../src/dataset/loops.ts";
import { href, paths } from "../../src/lib/urls.ts";
import { chartTestRelease, FIXTURE_DATA } from "../helpers/dataset-fixtures.ts";
import { THEMES, composite, contrast, fontSizes, links, paints, parseColour, textOffCanvas, type Paint } from "./svg-audit.ts";

const { current } = loadReleases(FIXTURE_DATA);
const dataset = current.dataset;

/**
 * Neither rendition is shown smaller than drawn where it is meant to be shown: the phone one (300 px, NARROW) fills a
 * phone's column or a 320 px host's embed frame, both wider; the desktop one is shown at up to its own width.
 */
const SHOWN_AT = { narrow: 1, wide: 1 };
const MIN_TEXT_PX = 12;

interface Rendition {
  name: string;
  /** The dataset it was drawn from, for the links it may make. */
  dataset: typeof dataset;
  svg: string;
  width: number;
  height: number;
  scale: number;
}

const renditions: Rendition[] = CHARTS.flatMap((chart) => {
  const release = chartTestRelease(chart);
  const r = renderUncached(chart, release.dataset, release.version);
  return [
    { name: `${chart.id} (desktop)`, ...r.wide, scale: SHOWN_AT.wide, dataset: release.dataset },
    { name: `${chart.id} (phone)`, ...r.narrow, scale: SHOWN_AT.narrow, dataset: release.dataset },
  ];
});
// The company pages' flow chart is drawn outside the registry; check it for every company that has one.
for (const entity of activeEntities(dataset)) {
  const rows = companyFlowRows(dataset, entity.id);
  if (!rows.length) continue;
  for (const compact of [false, true]) {
    const r = plotToSvg(companyFlowPlot(rows, entity.name, compact), `flows-${entity.id}`, "flows");
    renditions.push({ name: `company-flows ${entity.id} (${compact ? "phone" : "desktop"})`, ...r, scale: compact ? SHOWN_AT.narrow : SHOWN_AT.wide, dataset });
  }
}

/**
 * Paints that need not stand out from the page on their own, each with its reason:
 * - gridlines: Plot draws them in the text colour at 10% opacity, a faint reading aid behind the data, not a mark;
 * - white text: it is drawn on a bar, so it is checked against the bars' colours instead of the page.
 */
function exemptFromPage(p: Paint): "grid" | "on-bar" | null {
  if (p.element === "line" && p.channel === "stroke" && p.colour === "currentColor" && p.alpha <= 0.1) return "grid";
  if (p.element === "text" && p.channel === "fill" && p.alpha === 1 && p.colour !== "currentColor" && parseColour(p.colour).every((c) => c === 255))
    return "on-bar";
  return null;
}

describe("chart legibility", () => {
  it.each(renditions.map((r) => [r.name, r] as const))("%s: every mark has 3:1 contrast on the light and the dark page", (_name, r) => {
    const failures: string[] = [];
    const all = paints(r.svg);
    const barColours = [
      ...new Set(all.filter((p) => p.element === "rect" && p.channel === "fill" && p.alpha === 1 && p.colour !== "currentColor").map((p) => p.colour)),
    ];
    for (const p of all) {
      const exempt = exemptFromPage(p);
      if (exempt === "grid") continue;
      for (const theme of THEMES) {
        const background = parseColour(theme.background);
        const colour = parseColour(p.colour === "currentColor" ? theme.text : p.colour);
        if (exempt === "on-bar") {
          for (const bar of barColours) {
            const ratio = contrast(colour, parseColour(bar));
            if (ratio < 3) failures.push(`${p.where} ${p.channel} ${p.colour} on bar ${bar}: ${ratio.toFixed(2)}`);
          }
          continue;
        }
        const seen = composite(colour, p.alpha, background);
        const ratio = contrast(seen, background);
        if (ratio < 3) failures.push(`${p.where} ${p.channel} ${p.colour}${p.alpha < 1 ? ` at ${p.alpha}` : ""} on ${theme.name}: ${ratio.toFixed(2)}`);
      }
    }
    expect([...new Set(failures)]).toEqual([]);
  });

  it.each(renditions.map((r) => [r.name, r] as const))(`%s: text is ${MIN_TEXT_PX} px or more as shown`, (_name, r) => {
    const small = fontSizes(r.svg).filter((t) => !(t.size * r.scale >= MIN_TEXT_PX - 0.01));
    expect(small.map((t) => `"${t.text}" at ${t.size} px`)).toEqual([]);
  });

  it.each(renditions.map((r) => [r.name, r] as const))("%s: no text runs off the canvas or is cut short", (_name, r) => {
    expect(textOffCanvas(r.svg, r.width, r.height)).toEqual([]);
    expect(
      fontSizes(r.svg)
        .filter((t) => t.text.includes("…"))
        .map((t) => t.text),
    ).toEqual([]);
  });

  it.each(renditions.map((r) => [r.name, r] as const))("%s: links go only to deal, company, loop, deal-type and financing entries that exist", (_name, r) => {
    const data = r.dataset;
    const known = new Set([
      ...data.deals.map((d) => href(paths.deal(d.id))),
      ...activeEntities(data).map((e) => href(paths.company(e.id))),
      ...derivedLoops(data.deals).map((l) => `${href(paths.loops())}#loop-${l.id}`),
      ...DEAL_TYPES.filter((t) => data.deals.some((d) => d.type === t)).map((t) => href(`deals/type/${t}/`)),
      ...data.financing.map((f) => `${href(paths.financing())}#${f.id}`),
    ]);
    expect(links(r.svg).filter((l) => !known.has(l))).toEqual([]);
  });

  it("links every table row of a chart with linked marks to a record that exists (the keyboard's route)", () => {
    for (const chart of CHARTS) {
      const release = chartTestRelease(chart);
      const r = renderUncached(chart, release.dataset, release.version);
      const markLinks = new Set([...links(r.wide.svg), ...links(r.narrow.svg)]);
      if (!markLinks.size) continue;
      const tableLinks = r.table.links ?? [];
      expect(tableLinks.length, `${chart.id}: one link per table row`).toBe(r.table.rows.length);
      expect(tableLinks.filter(Boolean).length, `${chart.id}: some rows linked`).toBeGreaterThan(0);
      // The same pages the marks reach: a record, company, loop, deal type or financing entry that exists (a row with
      // no bar, such as an undisclosed loan, still links to its record).
      const data = release.dataset;
      const known = new Set([
        ...markLinks,
        ...data.deals.map((d) => href(paths.deal(d.id))),
        ...activeEntities(data).map((e) => href(paths.company(e.id))),
        ...data.financing.map((f) => `${href(paths.financing())}#${f.id}`),
      ]);
      expect(
        tableLinks.filter((l) => l !== null && !known.has(l)),
        `${chart.id}: table links to pages that do not exist`,
      ).toEqual([]);
    }
  });

  it("links the marks of the charts that have a page per mark", () => {
    for (const id of ["who-funds-whom", "largest-loops", "deal-timeline", "top-recipients", "top-funders", "compute-by-supplier", "cumulative-commitments"]) {
      const r = renderUncached(
        CHARTS.find((c) => c.id === id)!,
        dataset,
        current.version,
      );
      expect(links(r.wide.svg).length, id).toBeGreaterThan(0);
      expect(links(r.narrow.svg).length, id).toBeGreaterThan(0);
    }
  });
});

describe("the audit itself", () => {
  it("composites a translucent mark over the page before measuring", () => {
    // The old largest-loops bar: blue at 45% opacity passes nowhere.
    const blue = parseColour("#2b6cb0");
    for (const theme of THEMES) expect(contrast(composite(blue, 0.45, parseColour(theme.background)), parseColour(theme.background))).toBeLessThan(3);
    expect(paints('<svg><g fill="#2b6cb0" fill-opacity="0.45"><rect/></g></svg>')).toEqual([
      { where: "<rect>", element: "rect", channel: "fill", colour: "#2b6cb0", alpha: 0.45 },
    ]);
  });

  it("multiplies group opacity and ignores invisible paint", () => {
    expect(paints('<svg><g opacity="0.5"><circle fill="red" fill-opacity="0.5" stroke="none"/></g></svg>').map((p) => p.alpha)).toEqual([0.25]);
    expect(paints('<svg><rect fill="#2b6cb0" fill-opacity="0" stroke="#2b6cb0"/></svg>').map((p) => p.channel)).toEqual(["stroke"]);
  });
});

// The fixture keeps names short; the real release has the long ones readers see ("Meta El Paso data-center financing
// vehicle", four-company loops), so every chart is also drawn from the site's own latest release.
describe("chart legibility on the site's latest release", () => {
  const site = loadReleases("data").current;
  it.each(CHARTS.map((c) => [c.id, c] as const))("%s: no text runs off either canvas", (_id, chart) => {
    const r = renderUncached(chart, site.dataset, site.version);
    expect(textOffCanvas(r.wide.svg, r.wide.width, r.wide.height), "desktop").toEqual([]);
    expect(textOffCanvas(r.narrow.svg, r.narrow.width, r.narrow.height), "phone").toEqual([]);
  });
});
