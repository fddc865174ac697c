// The signature chart: companies on a circle, arrows for money flows sized by dollars, loop edges highlighted.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Dataset } from "../schemas/dataset.ts";
import { PALETTE, baseStyle, shortName } from "./theme.ts";
import { dealIdsOf, entityName } from "./data.ts";
import { activeDeals, dealsInEra } from "../dataset/selectors.ts";
import { derivedLoops } from "../dataset/loops.ts";
import { formatUsd } from "../lib/money.ts";

interface Row {
  from: string;
  to: string;
  fromName: string;
  toName: string;
  usd: number;
  undisclosedDeals: number;
  deals: number;
  inLoop: boolean;
}

interface Node {
  id: string;
  name: string;
  x: number;
  y: number;
}

const NODES_WIDE = 16;

/** Long names would run off the circle; cut at a word boundary. */
function clip(name: string, max: number): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max).replace(/\s+\S*$/, "");
  return `${cut}…`;
}
const LABEL_GROUPS = [
  { test: (n: Node) => Math.abs(n.x) < 0.2 && n.y > 0, textAnchor: "middle", dy: -8 },
  { test: (n: Node) => Math.abs(n.x) < 0.2 && n.y <= 0, textAnchor: "middle", dy: 14 },
  { test: (n: Node) => Math.abs(n.x) >= 0.2 && n.x > 0, textAnchor: "start", dy: 0 },
  { test: (n: Node) => Math.abs(n.x) >= 0.2 && n.x < 0, textAnchor: "end", dy: 0 },
] as const;
const NODES_COMPACT = 12;

/** Entities ranked by disclosed money in and out, so the circle shows the busiest part of the graph. */
function rankedEntities(dataset: Dataset): string[] {
  const volume = new Map<string, number>();
  const count = new Map<string, number>();
  for (const d of dealsInEra(activeDeals(dataset.deals), "ai-2020s")) {
    for (const id of [d.from, d.to]) {
      volume.set(id, (volume.get(id) ?? 0) + (d.amount?.usd ?? 0));
      count.set(id, (count.get(id) ?? 0) + 1);
    }
  }
  return [...volume.keys()].sort((a, b) => volume.get(b)! - volume.get(a)! || count.get(b)! - count.get(a)! || a.localeCompare(b));
}

/** Places nodes clockwise from the top; order by rank keeps the heaviest flows spread around. */
export function circleLayout(ids: string[], dataset: Dataset): Node[] {
  return ids.map((id, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / ids.length;
    // Rounded so that the layout is exact and free of -0 and 6e-17 artefacts.
    const round = (v: number) => Math.round(v * 1000) / 1000 || 0;
    return { id, name: entityName(dataset, id), x: round(Math.cos(angle)), y: round(-Math.sin(angle)) };
  });
}

const chart: ChartModule<Row> = {
  id: "who-funds-whom",
  title: "Who funds whom",
  subtitle: "Money flows between the most active companies in AI-era deals; arrow width shows disclosed US dollars, red arrows are part of a circular loop of two or three companies",
  caption:
    "Read an arrow as “pays, invests in or finances”. Red arrows belong to a loop of two or three companies in which money comes back to where it started, such as Nvidia investing in OpenAI while OpenAI buys Nvidia systems. Thin dashed arrows are deals with no disclosed amount.",
  sourceNote: "Circularity deal dataset; loops derived from it. Superseded and cancelled deals excluded.",
  build(dataset) {
    const ranked = rankedEntities(dataset);
    const members = new Set(ranked.slice(0, NODES_WIDE));
    const deals = dealsInEra(activeDeals(dataset.deals), "ai-2020s").filter((d) => members.has(d.from) && members.has(d.to));
    const loopEdges = new Set(derivedLoops(dataset.deals).flatMap((l) => l.edges.map((e) => `${e.from}>${e.to}`)));
    const pairs = new Map<string, Row>();
    for (const d of deals) {
      const key = `${d.from}>${d.to}`;
      const row = pairs.get(key) ?? { from: d.from, to: d.to, fromName: entityName(dataset, d.from), toName: entityName(dataset, d.to), usd: 0, undisclosedDeals: 0, deals: 0, inLoop: loopEdges.has(key) };
      row.usd += d.amount?.usd ?? 0;
      row.undisclosedDeals += d.amount ? 0 : 1;
      row.deals += 1;
      pairs.set(key, row);
    }
    const data = [...pairs.values()].sort((a, b) => b.usd - a.usd || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
    const maxUsd = Math.max(1, ...data.map((d) => d.usd));
    return {
      data,
      columns: [
        { key: "fromName", label: "From" },
        { key: "toName", label: "To" },
        { key: "usd", label: "Disclosed USD", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "deals", label: "Deals", numeric: true },
        { key: "undisclosedDeals", label: "Of which undisclosed", numeric: true },
        { key: "inLoop", label: "In a loop", format: (v) => (v ? "yes" : "no") },
      ],
      rowKey: (r) => `${r.from}>${r.to}`,
      dealIds: dealIdsOf(deals),
      legend: [
        { label: "part of a loop", color: PALETTE.red, shape: "line" },
        { label: "other flow", color: PALETTE.grey, shape: "line" },
        { label: "undisclosed amount", color: PALETTE.grey, shape: "dash" },
      ],
      plot: ({ width, compact }) => {
        const ids = ranked.slice(0, compact ? NODES_COMPACT : NODES_WIDE);
        const nodes = circleLayout(ids, dataset);
        const at = new Map(nodes.map((n) => [n.id, n]));
        const shown = data.filter((d) => at.has(d.from) && at.has(d.to));
        const w = (d: Row) => (d.usd ? 1 + (compact ? 7 : 10) * Math.sqrt(d.usd / maxUsd) : 1);
        const arrow = (rows: Row[], extra: Record<string, unknown>) =>
          Plot.arrow(rows, {
            x1: (d: Row) => at.get(d.from)!.x,
            y1: (d: Row) => at.get(d.from)!.y,
            x2: (d: Row) => at.get(d.to)!.x,
            y2: (d: Row) => at.get(d.to)!.y,
            bend: 18,
            strokeWidth: w,
            stroke: (d: Row) => (d.inLoop ? PALETTE.red : PALETTE.grey),
            strokeOpacity: 0.8,
            insetStart: 8,
            insetEnd: 10,
            headLength: compact ? 7 : 9,
            title: (d: Row) => `${d.fromName} → ${d.toName}: ${d.usd ? formatUsd(d.usd) : "undisclosed"} in ${d.deals} deal${d.deals === 1 ? "" : "s"}${d.inLoop ? " (part of a loop)" : ""}`,
            ...extra,
          });
        const pad = compact ? 1.3 : 1.22;
        return {
          width,
          height: Math.round(width / (compact ? 1.32 : 1.6)),
          margin: 0,
          style: baseStyle(compact),
          // Wide: a wider than tall frame leaves room for names beside the circle; units stay square in pixels.
          x: { domain: [-pad * (compact ? 1.32 : 1.6), pad * (compact ? 1.32 : 1.6)], axis: null },
          y: { domain: [-pad, pad], axis: null },
          stroke: { type: "identity" },
          marks: [
            arrow(shown.filter((d) => d.usd > 0), {}),
            arrow(shown.filter((d) => d.usd === 0), { strokeDasharray: "3,3" }),
            Plot.dot(nodes, { x: "x", y: "y", r: compact ? 5 : 6, fill: "currentColor", title: "name" }),
            // Plot takes text anchors and offsets as constants, so labels are drawn in four groups by position.
            ...LABEL_GROUPS.map(({ test, textAnchor, dy }) =>
              Plot.text(nodes.filter(test), {
                x: (n: Node) => n.x * 1.1,
                y: (n: Node) => n.y * 1.1,
                text: (n: Node) => clip(compact ? shortName(n.name) : n.name, compact ? 14 : 20),
                textAnchor,
                dy,
                fill: "currentColor",
                fontWeight: 600,
              }),
            ),
          ],
        };
      },
    };
  },
  alt(spec) {
    const loops = spec.data.filter((d) => d.inLoop);
    const names = [...new Set(spec.data.flatMap((d) => [d.fromName, d.toName]))];
    return `Network diagram of ${names.length} companies placed on a circle with ${spec.data.length} money flows between them; ${loops.length} flows are part of a circular loop. Largest flows: ${spec.data.slice(0, 5).map((d) => `${d.fromName} to ${d.toName} ${formatUsd(d.usd)}`).join("; ")}.`;
  },
};

export default chart;
