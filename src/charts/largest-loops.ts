// The derived circular loops ranked by what can go round: the smallest leg, at face value and on committed figures.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Deal } from "../schemas/dataset.ts";
import { ERA_COLOR, ERA_LABEL, barRows, barValueAxis, compactBarLabels, horizontalBarFrame, shortName } from "./theme.ts";
import { dealIdsOf, entityName } from "./data.ts";
import { derivedLoops, type Loop } from "../dataset/loops.ts";
import { formatUsd } from "../lib/money.ts";
import { href, paths } from "../lib/urls.ts";

interface Row {
  loop: string;
  path: string;
  /** The path with short names, for the chart's row labels. */
  label: string;
  era: Deal["era"];
  /** At most this much can travel the whole loop: its smallest leg at face value; null when a leg is undisclosed. */
  roundTripUsd: number | null;
  /** The smallest leg on committed figures alone. */
  firmRoundTripUsd: number | null;
  /** Context only: the sum of disclosed dollars on every leg. */
  grossUsd: number;
  /** The legs this loop shares with other loops, so their money is not added up twice. */
  sharedLegs: string;
  hops: number;
}

const LIMIT = 15;

/** What the bar's end says: the face value and how much of it is firm, or that a leg is undisclosed. */
function valueLabel(d: Row): string {
  if (d.roundTripUsd === null) return "a leg undisclosed";
  const firm = !d.firmRoundTripUsd ? "none firm" : d.firmRoundTripUsd === d.roundTripUsd ? "all firm" : `${formatUsd(d.firmRoundTripUsd)} firm`;
  return `${formatUsd(d.roundTripUsd)} · ${firm}`;
}

function sharedLegs(loop: Loop, name: (id: string) => string): string {
  return loop.edges
    .filter((e) => e.otherLoops > 0)
    .map((e) => `${name(e.from)} → ${name(e.to)} (in ${e.otherLoops + 1} loops)`)
    .join("; ");
}

const chart: ChartModule<Row> = {
  id: "largest-loops",
  since: "1.0.0",
  title: "The biggest circles",
  subtitle: `Circular loops derived from the deals, top ${LIMIT} by what can go all the way round (the smallest leg)`,
  caption:
    "A loop is a cycle in the graph of money flows: A funds B and B, directly or through others, pays A. No dollar can travel further round a loop than its smallest leg, so loops are ranked by that leg: the outlined bar at face value (ceilings and press reports included), the solid bar on committed figures alone. Loops with an undisclosed leg come last, with no bar. The sum of all legs is in the table as context only: it adds multi-year contracts to one-off stakes. Several loops share a leg (the table names them), so the bars must not be added up.",
  sourceNote: "Derived by Circularity from the deal dataset; loops of up to three companies. Superseded and cancelled deals excluded.",
  build(dataset) {
    const loops = derivedLoops(dataset.deals).slice(0, LIMIT);
    const name = (id: string) => entityName(dataset, id);
    const data: Row[] = loops.map((l) => {
      const names = [...l.entities, l.entities[0]!].map(name);
      return {
        loop: l.id,
        path: names.join(" → "),
        // A pair reads "Amazon ⇄ OpenAI"; a three-company loop spells out its way back.
        label: l.entities.length === 2 ? l.entities.map((id) => shortName(name(id))).join(" ⇄ ") : names.map((n) => shortName(n)).join(" → "),
        era: l.era,
        roundTripUsd: l.roundTripUsd,
        firmRoundTripUsd: l.firmRoundTripUsd,
        grossUsd: l.grossUsd,
        sharedLegs: sharedLegs(l, name),
        hops: l.entities.length,
      };
    });
    const usdOrUnknown = (v: unknown) => (v === null ? "undisclosed leg" : v === 0 ? "none" : formatUsd(v as number));
    return {
      data,
      columns: [
        { key: "path", label: "Loop" },
        { key: "era", label: "Era", format: (v) => ERA_LABEL[v as Deal["era"]] },
        { key: "roundTripUsd", label: "Can go round (face value)", numeric: true, format: usdOrUnknown },
        { key: "firmRoundTripUsd", label: "Can go round (committed only)", numeric: true, format: usdOrUnknown },
        { key: "grossUsd", label: "Sum of legs (context)", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "sharedLegs", label: "Legs shared with other loops", format: (v) => (v as string) || "none" },
        { key: "hops", label: "Companies", numeric: true },
      ],
      rowKey: (r) => r.loop,
      rowLink: (r) => `${href(paths.loops())}#loop-${r.loop}`,
      dealIds: dealIdsOf(loops.flatMap((l) => l.edges.flatMap((e) => e.deals))),
      legend: [...new Set(data.map((d) => d.era))].map((e) => ({ label: ERA_LABEL[e], color: ERA_COLOR[e] })),
      plot: ({ width, compact }) => {
        const link = (d: Row) => `${href(paths.loops())}#loop-${d.loop}`;
        const priced = data.filter((d) => d.roundTripUsd !== null);
        const max = Math.max(...priced.map((d) => d.roundTripUsd!));
        const bars = barRows(
          { width, compact },
          data.map((d) => d.label),
        );
        return {
          ...horizontalBarFrame(
            bars,
            data.map((d) => d.label),
            {
              marginLeft: 300,
              marginRight: compact ? 12 : 130,
              x: {
                ...barValueAxis(compact, max, undefined, {
                  labels: priced.map((d) => ({ value: d.roundTripUsd!, text: valueLabel(d) })),
                  width,
                  marginRight: 12,
                }),
                ticks: compact ? 3 : 4,
              },
            },
          ),
          color: { domain: Object.keys(ERA_COLOR), range: Object.values(ERA_COLOR) },
          marks: [
            // An outline rather than a pale tint: a tint of the era colour falls below 3:1 on the dark page. The fill is
            // invisible but keeps the whole bar a hover and click target.
            Plot.barX(priced, {
              x: "roundTripUsd",
              y: "label",
              stroke: "era",
              strokeWidth: 2,
              fill: "era",
              fillOpacity: 0,
              insetTop: bars.inset + 1,
              insetBottom: 1,
              insetRight: 1,
              href: link,
              title: (d: Row) => `${d.path}: ${formatUsd(d.roundTripUsd!)} can go round at face value; ${formatUsd(d.grossUsd)} on its legs in all`,
            }),
            Plot.barX(
              priced.filter((d) => d.firmRoundTripUsd),
              {
                x: "firmRoundTripUsd",
                y: "label",
                fill: "era",
                insetTop: bars.inset + (compact ? 6 : 7),
                insetBottom: compact ? 5 : 7,
                href: link,
                title: (d: Row) => `${d.path}: ${formatUsd(d.firmRoundTripUsd!)} can go round on committed figures`,
              },
            ),
            Plot.text(data, {
              x: (d: Row) => d.roundTripUsd ?? 0,
              y: "label",
              text: valueLabel,
              textAnchor: "start",
              dx: 5,
              dy: bars.valueDy,
              fill: "currentColor",
            }),
            Plot.ruleX([0]),
            compactBarLabels(
              data.map((d) => d.label),
              bars,
              (label) => link(data.find((d) => d.label === label)!),
            ),
          ],
        };
      },
    };
  },
  alt(spec) {
    const priced = spec.data.filter((d) => d.roundTripUsd !== null);
    return `Bar chart of the ${spec.data.length} largest derived circular loops by what can go all the way round (the smallest leg); ${priced.length} have every leg disclosed: ${priced
      .slice(0, 5)
      .map((d) => `${d.path} ${valueLabel(d)}`)
      .join("; ")}.`;
  },
};

export default chart;
