// The derived circular loops ranked by the disclosed money flowing along their edges.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Deal } from "../schemas/dataset.ts";
import { ERA_COLOR, ERA_LABEL, COMPACT_BAR_INSET, compactBarLabels, usdTick, horizontalBarFrame, shortName } from "./theme.ts";
import { dealIdsOf, entityName } from "./data.ts";
import { derivedLoops } from "../dataset/loops.ts";
import { formatUsd } from "../lib/money.ts";
import { href, paths } from "../lib/urls.ts";

interface Row {
  loop: string;
  path: string;
  /** The path with short names, for the chart's row labels. */
  label: string;
  era: Deal["era"];
  grossUsd: number;
  roundTripUsd: number | null;
  hops: number;
}

const LIMIT = 15;

const chart: ChartModule<Row> = {
  id: "largest-loops",
  since: "1.0.0",
  title: "The biggest circles",
  subtitle: `Circular loops derived from the deals (money that returns to where it started), top ${LIMIT} by disclosed dollars on their edges`,
  caption:
    "A loop is a cycle in the graph of money flows: A funds B and B, directly or through others, pays A. The outlined bar is the sum of disclosed dollars on every edge; where all edges are disclosed, the solid bar inside it shows the most that could go all the way round (the smallest edge).",
  sourceNote: "Derived by Circularity from the deal dataset; loops of up to three companies. Superseded and cancelled deals excluded.",
  build(dataset) {
    const loops = derivedLoops(dataset.deals).slice(0, LIMIT);
    const data: Row[] = loops.map((l) => {
      const names = [...l.entities, l.entities[0]!].map((id) => entityName(dataset, id));
      return {
        loop: l.id,
        path: names.join(" → "),
        label: names.map((n) => shortName(n)).join(" → "),
        era: l.era,
        grossUsd: l.grossUsd,
        roundTripUsd: l.roundTripUsd,
        hops: l.entities.length,
      };
    });
    return {
      data,
      columns: [
        { key: "path", label: "Loop" },
        { key: "era", label: "Era", format: (v) => ERA_LABEL[v as Deal["era"]] },
        { key: "grossUsd", label: "Disclosed on edges", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "roundTripUsd", label: "Can go round", numeric: true, format: (v) => (v === null ? "—" : formatUsd(v as number)) },
        { key: "hops", label: "Companies", numeric: true },
      ],
      rowKey: (r) => r.loop,
      dealIds: dealIdsOf(loops.flatMap((l) => l.edges.flatMap((e) => e.deals))),
      legend: [...new Set(data.map((d) => d.era))].map((e) => ({ label: ERA_LABEL[e], color: ERA_COLOR[e] })),
      plot: ({ width, compact }) => {
        const link = (d: Row) => `${href(paths.loops())}#loop-${d.loop}`;
        return {
          ...horizontalBarFrame(
            { width, compact },
            data.map((d) => d.label),
            { marginLeft: 300, marginRight: 60, x: { label: null, tickFormat: usdTick, ticks: compact ? 2 : 5, grid: true, axis: "top" } },
          ),
          color: { domain: Object.keys(ERA_COLOR), range: Object.values(ERA_COLOR) },
          marks: [
            // An outline rather than a pale tint: a tint of the era colour falls below 3:1 on the dark page. The fill is
            // invisible but keeps the whole bar a hover and click target.
            Plot.barX(data, {
              x: "grossUsd",
              y: "label",
              stroke: "era",
              strokeWidth: 2,
              fill: "era",
              fillOpacity: 0,
              insetTop: (compact ? COMPACT_BAR_INSET : 0) + 1,
              insetBottom: 1,
              insetRight: 1,
              href: link,
              title: (d: Row) => `${d.path}: ${formatUsd(d.grossUsd)} on its edges`,
            }),
            Plot.barX(
              data.filter((d) => d.roundTripUsd !== null),
              {
                x: "roundTripUsd",
                y: "label",
                fill: "era",
                insetTop: compact ? COMPACT_BAR_INSET + 6 : 7,
                insetBottom: compact ? 5 : 7,
                href: link,
                title: (d: Row) => `${d.path}: ${formatUsd(d.roundTripUsd!)} can go all the way round`,
              },
            ),
            Plot.text(data, {
              x: "grossUsd",
              y: "label",
              text: (d: Row) => formatUsd(d.grossUsd),
              textAnchor: "start",
              dx: 5,
              dy: compact ? 9 : 0,
              fill: "currentColor",
            }),
            Plot.ruleX([0]),
            compactBarLabels(
              data.map((d) => d.label),
              compact,
              undefined,
              (label) => link(data.find((d) => d.label === label)!),
            ),
          ],
        };
      },
    };
  },
  alt(spec) {
    return `Bar chart of the ${spec.data.length} largest derived circular loops by disclosed dollars on their edges: ${spec.data
      .slice(0, 5)
      .map((d) => `${d.path} ${formatUsd(d.grossUsd)}`)
      .join("; ")}.`;
  },
};

export default chart;
