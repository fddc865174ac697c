// The AI era's loops against what chance makes: networks of the same density rewired at random, several ways. The records'
// count beside the 5th–95th percentile band and mean of the random runs. (The timing test against shuffled dates stays
// in the text: it reruns the loop derivation hundreds of times, too slow to chart on a dataset many times this size.)
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import { PALETTE, barRows, compactBarLabels, horizontalBarFrame } from "./theme.ts";
import { dealIdsOf } from "./data.ts";
import { loopsByRewiring, type LoopsByRewiring } from "../dataset/loops.ts";
import { activeDeals, entityLayers } from "../dataset/selectors.ts";
import { href, paths } from "../lib/urls.ts";

interface Row {
  test: string;
  /** How chance was made: the network rewired, or the dates shuffled. */
  method: string;
  records: number;
  mean: number;
  low: number;
  high: number;
}

const RECORDS_COLOR = PALETTE.blue;
const CHANCE_COLOR = PALETTE.grey;
const REWIRED = "Deals rewired at random, each company keeping how many others it pays and is paid by";
const REWIRED_PAIRS = "Deals rewired at random, each company also keeping its two-way pairs";
const REWIRED_KINDS = "Deals rewired at random, money put in swapped only with money put in and purchases with purchases";
const REWIRED_LAYERS = "Deals rewired at random, each swapped only with a deal between the same two supply-chain layers";
const REWIRED_LAYERS_PAIRS = "Deals rewired at random between the same supply-chain layers, with the two-way pairs left where they are";

/** "27 · chance 12.0 (9–15)": what each row's end says. */
function valueLabel(d: Row): string {
  return `${d.records} · chance ${d.mean.toFixed(1)} (${d.low}–${d.high})`;
}

const chart: ChartModule<Row> = {
  id: "loops-against-chance",
  since: "1.25.1",
  title: "Circles against chance",
  subtitle: "AI-era loops in the records (dot) against networks of the same density rewired at random: 5th–95th percentile band and mean (tick)",
  caption:
    "Each row sets a count from the records against the same count in hundreds of random versions of them. Rewired networks keep every company's number of deals, so they show the circles density alone makes; one chain row also keeps every two-way pair, so it tests only the chains, and another keeps money and purchases apart, so every company keeps how many it funds and buys from. From release 1.27.0, the rows with layers kept also keep how many deals run between each two layers of the supply chain (hardware, clouds, model makers, capital), since a layered industry has few cycles whatever anyone intends. Four-company cycles, which the site's loop rule leaves out, test that limit. A dot outside the band is more (or less) than chance. The records follow headline deals, which favours pairs, and one announced package usually became two records.",
  sourceNote:
    "Derived by Circularity from the deal dataset: loopsByRewiring, 300 runs for each way of rewiring (fewer on a far larger dataset), fixed seed. Superseded and cancelled deals excluded.",
  build(dataset) {
    const era = "ai-2020s" as const;
    const rewired = loopsByRewiring(dataset.deals, era);
    const kept = loopsByRewiring(dataset.deals, era, { keep: "pairs" });
    const kinds = loopsByRewiring(dataset.deals, era, { keep: "kinds" });
    const row = (test: string, method: string, r: LoopsByRewiring, size: 2 | 3 | 4): Row => ({
      test,
      method,
      records: r.actual[size],
      mean: r.mean[size],
      low: r.low[size],
      high: r.high[size],
    });
    // Supply-chain layers came with schema 1.27; a release without them shows the rows it can.
    const layers = entityLayers(dataset);
    const layered = layers && loopsByRewiring(dataset.deals, era, { keep: "layers", layers });
    const layeredInPlace = layers && loopsByRewiring(dataset.deals, era, { keep: "layers-pairs-in-place", layers });
    const data: Row[] = [
      row("Pairs", REWIRED, rewired, 2),
      ...(layered ? [row("Pairs, layers kept", REWIRED_LAYERS, layered, 2)] : []),
      row("Chains of three", REWIRED, rewired, 3),
      row("Chains, pairs kept", REWIRED_PAIRS, kept, 3),
      row("Chains, funders and buyers kept", REWIRED_KINDS, kinds, 3),
      ...(layered && layeredInPlace
        ? [row("Chains, layers kept", REWIRED_LAYERS, layered, 3), row("Chains, layers and pairs kept", REWIRED_LAYERS_PAIRS, layeredInPlace, 3)]
        : []),
      row("Rings of four", REWIRED, rewired, 4),
    ];
    const one = (v: unknown) => (v as number).toFixed(1);
    return {
      data,
      columns: [
        { key: "test", label: "Count" },
        { key: "records", label: "In the records", numeric: true },
        { key: "mean", label: "By chance: mean", numeric: true, format: one },
        { key: "low", label: "5th percentile", numeric: true },
        { key: "high", label: "95th percentile", numeric: true },
        { key: "method", label: "How chance was made" },
      ],
      rowKey: (r) => r.test,
      rowLink: () => href(paths.loops()),
      dealIds: dealIdsOf(activeDeals(dataset.deals).filter((d) => d.era === era)),
      legend: [
        { label: "In the records", color: RECORDS_COLOR, shape: "swatch" },
        { label: "By chance: 5th–95th percentile", color: CHANCE_COLOR, shape: "line" },
        { label: "By chance: mean", color: "currentColor", shape: "line" },
      ],
      plot: ({ width, compact }) => {
        const names = data.map((d) => d.test);
        const byName = new Map(data.map((d) => [d.test, d]));
        // On a phone the values go with the name above each row, since there is no room beside it.
        const rows = barRows({ width, compact }, names, { row: 34, phoneName: (n) => `${n}: ${valueLabel(byName.get(n)!)}` });
        const max = Math.max(...data.map((d) => Math.max(d.records, d.high)));
        // Room on the right for the longest label on desktop; on a phone the label goes under the row's name.
        const marginRight = compact ? 16 : 200;
        // The marks sit in the middle of the part of each row below its name (the whole row on desktop).
        const mid = rows.inset / 2;
        return {
          ...horizontalBarFrame(rows, names, {
            marginLeft: 120,
            marginRight,
            extraHeight: compact ? 56 : 40,
            x: { label: null, ticks: compact ? 4 : 8, grid: true, axis: "top", domain: [0, Math.ceil(max * 1.08)] },
          }),
          marks: [
            Plot.ruleY(data, {
              y: "test",
              x1: "low",
              x2: "high",
              stroke: CHANCE_COLOR,
              strokeWidth: 10,
              dy: mid,
              title: (d: Row) => `${d.test}: by chance ${d.low}–${d.high} (5th–95th percentile), mean ${d.mean.toFixed(1)}`,
            }),
            Plot.tickX(data, { y: "test", x: "mean", stroke: "currentColor", strokeWidth: 2, insetTop: rows.inset + 4, insetBottom: 4 }),
            Plot.dot(data, {
              y: "test",
              x: "records",
              r: 6,
              fill: RECORDS_COLOR,
              stroke: "currentColor",
              strokeWidth: 1,
              dy: mid,
              title: (d: Row) => `${d.test}: ${d.records} in the records`,
            }),
            compact
              ? null
              : Plot.text(data, { y: "test", x: () => Math.ceil(max * 1.08), text: valueLabel, textAnchor: "start", dx: 12, fill: "currentColor" }),
            compactBarLabels(names, rows),
          ],
        };
      },
    };
  },
  alt(spec) {
    return `Dot-and-band chart of the AI era's loops against chance. ${spec.data
      .map((d) => `${d.test}: ${d.records} in the records, against ${d.mean.toFixed(1)} by chance (${d.low}–${d.high}; ${d.method.toLowerCase()})`)
      .join(". ")}.`;
  },
};

export default chart;
