// The signature chart: companies on a circle, arrows for money flows sized by dollars, loop edges highlighted.
import * as Plot from "@observablehq/plot";
import type { ChartModule, Layout } from "./types.ts";
import type { Dataset } from "../schemas/dataset.ts";
import { PALETTE, baseStyle, fontSize, shortName } from "./theme.ts";
import { textWidth, wrapWords } from "./text-width.ts";
import { dealIdsOf, entityName } from "./data.ts";
import { activeDeals, dealsInEra } from "../dataset/selectors.ts";
import { derivedLoops } from "../dataset/loops.ts";
import { formatUsd } from "../lib/money.ts";
import { href, paths } from "../lib/urls.ts";

interface Row {
  from: string;
  to: string;
  fromName: string;
  toName: string;
  usd: number;
  undisclosedDeals: number;
  deals: number;
  inLoop: boolean;
  /** The deals behind the arrow (not a table column): a single deal is linked from the arrow. */
  dealIdList: string[];
}

interface Node {
  id: string;
  name: string;
  x: number;
  y: number;
}

/** Both renditions draw the same companies: a phone shows every name the desktop does, wrapped rather than cut. */
const NODES = 16;

/** A node placed in pixels, with its name wrapped onto lines and set outside the ring. */
export interface PlacedNode extends Node {
  px: number;
  py: number;
  lines: string[];
  /** Where the label's anchor point is, and how the text hangs from it. */
  lx: number;
  ly: number;
  textAnchor: "start" | "middle" | "end";
  lineAnchor: "top" | "middle" | "bottom";
  /** The label's extent in pixels, for the collision check. */
  box: { x: number; y: number; width: number; height: number };
}

export interface NetworkLayout {
  width: number;
  height: number;
  dotRadius: number;
  lineHeight: number;
  nodes: PlacedNode[];
}

const LINE_HEIGHT = 1.15;

function boxesOverlap(a: PlacedNode["box"], b: PlacedNode["box"], pad = 2): boolean {
  return a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad;
}

/** Labels that overlap each other or another node's dot (empty when the layout is clean). */
export function labelCollisions(layout: NetworkLayout): string[] {
  const found: string[] = [];
  const { nodes, dotRadius: r } = layout;
  nodes.forEach((a, i) => {
    for (const b of nodes.slice(i + 1)) if (boxesOverlap(a.box, b.box)) found.push(`${a.name} / ${b.name}`);
    for (const b of nodes)
      if (b !== a && boxesOverlap(a.box, { x: b.px - r, y: b.py - r, width: 2 * r, height: 2 * r }, 1)) found.push(`${a.name} / dot of ${b.name}`);
  });
  return found;
}

/**
 * Places the ring in pixels: names wrap onto up to three lines, the ring's width is what the side labels leave, and
 * its height grows (an ellipse on a phone) until no two labels touch.
 */
export function networkLayout(ids: string[], dataset: Dataset, { width, compact }: Layout): NetworkLayout {
  const size = fontSize(compact);
  const lineHeight = size * LINE_HEIGHT;
  const dotRadius = compact ? 5 : 6;
  const gap = dotRadius + 5;
  // On a phone the side labels share the width with the ring: they wrap narrow enough to leave it 50 px either side.
  const maxLine = compact ? Math.min(92, width / 2 - gap - 4 - 50) : 168;
  const unit = circleLayout(ids, dataset).map((n) => {
    const lines = wrapWords(compact ? shortName(n.name) : n.name, maxLine, size, true);
    const w = Math.max(...lines.map((l) => textWidth(l, size, true)));
    const side = Math.abs(n.x) < 0.2 ? (n.y > 0 ? "top" : "bottom") : n.x > 0 ? "right" : "left";
    return { ...n, lines, w, h: lines.length * lineHeight, side };
  });
  const sideWidth = Math.max(0, ...unit.filter((n) => n.side === "left" || n.side === "right").map((n) => n.w));
  const topHeight = Math.max(0, ...unit.filter((n) => n.side === "top").map((n) => n.h));
  const bottomHeight = Math.max(0, ...unit.filter((n) => n.side === "bottom").map((n) => n.h));
  const rx = Math.min(compact ? 150 : 230, width / 2 - gap - sideWidth - 4);

  const place = (ry: number): NetworkLayout => {
    const cx = width / 2;
    const cy = 4 + topHeight + gap + ry;
    const nodes = unit.map((n): PlacedNode => {
      const px = cx + rx * n.x;
      const py = cy - ry * n.y;
      const at = {
        top: { lx: px, ly: py - gap, textAnchor: "middle", lineAnchor: "bottom", box: { x: px - n.w / 2, y: py - gap - n.h } },
        bottom: { lx: px, ly: py + gap, textAnchor: "middle", lineAnchor: "top", box: { x: px - n.w / 2, y: py + gap } },
        right: { lx: px + gap, ly: py, textAnchor: "start", lineAnchor: "middle", box: { x: px + gap, y: py - n.h / 2 } },
        left: { lx: px - gap, ly: py, textAnchor: "end", lineAnchor: "middle", box: { x: px - gap - n.w, y: py - n.h / 2 } },
      }[n.side as "top" | "bottom" | "right" | "left"];
      return {
        id: n.id,
        name: n.name,
        x: n.x,
        y: n.y,
        px,
        py,
        lines: n.lines,
        lx: at.lx,
        ly: at.ly,
        textAnchor: at.textAnchor as PlacedNode["textAnchor"],
        lineAnchor: at.lineAnchor as PlacedNode["lineAnchor"],
        box: { ...at.box, width: n.w, height: n.h },
      };
    });
    return { width, height: Math.ceil(cy + ry + gap + bottomHeight + 4), dotRadius, lineHeight, nodes };
  };
  // A phone is narrow: the ring starts as a tall ellipse to spread the arrows; either ring stretches until labels clear.
  let ry = compact ? Math.round(rx * 1.5) : Math.min(rx, 190);
  let layout = place(ry);
  while (labelCollisions(layout).length && ry < 2000) layout = place((ry += 6));
  return layout;
}

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

/** How many flows a phone lists before the drawing. */
const PHONE_FLOWS = 12;

const chart: ChartModule<Row> = {
  id: "who-funds-whom",
  since: "1.0.0",
  title: "Who funds whom",
  subtitle:
    "Money flows between the most active companies in AI-era deals; arrow width shows disclosed US dollars, red arrows are part of a circular loop of two or three companies",
  caption:
    "Read an arrow as “pays, invests in or finances”. Red arrows belong to a loop of two or three companies in which money comes back to where it started, such as Nvidia investing in OpenAI while OpenAI buys Nvidia systems. Thin dashed arrows are deals with no disclosed amount.",
  sourceNote: "Circularity deal dataset; loops derived from it. Superseded and cancelled deals excluded.",
  build(dataset) {
    const ranked = rankedEntities(dataset);
    const ids = ranked.slice(0, NODES);
    const members = new Set(ids);
    const deals = dealsInEra(activeDeals(dataset.deals), "ai-2020s").filter((d) => members.has(d.from) && members.has(d.to));
    const loopEdges = new Set(derivedLoops(dataset.deals).flatMap((l) => l.edges.map((e) => `${e.from}>${e.to}`)));
    const pairs = new Map<string, Row>();
    for (const d of deals) {
      const key = `${d.from}>${d.to}`;
      const row = pairs.get(key) ?? {
        from: d.from,
        to: d.to,
        fromName: entityName(dataset, d.from),
        toName: entityName(dataset, d.to),
        usd: 0,
        undisclosedDeals: 0,
        deals: 0,
        inLoop: loopEdges.has(key),
        dealIdList: [],
      };
      row.usd += d.amount?.usd ?? 0;
      row.dealIdList.push(d.id);
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
        { key: "usd", label: "Disclosed USD", numeric: true, disclosedSum: true, format: (v) => formatUsd(v as number) },
        { key: "deals", label: "Deals", numeric: true },
        { key: "undisclosedDeals", label: "Of which undisclosed", numeric: true },
        { key: "inLoop", label: "In a loop", format: (v) => (v ? "yes" : "no") },
      ],
      rowKey: (r) => `${r.from}>${r.to}`,
      rowLink: (r) => href(r.dealIdList.length === 1 ? paths.deal(r.dealIdList[0]!) : paths.company(r.from)),
      dealIds: dealIdsOf(deals),
      // A phone reads the network as its largest flows, ranked, the ones on a loop marked: the drawing follows.
      phoneList: {
        heading: `The ${Math.min(PHONE_FLOWS, data.filter((d) => d.usd > 0).length)} largest flows`,
        items: data
          .filter((d) => d.usd > 0)
          .slice(0, PHONE_FLOWS)
          .map((d) => ({
            label: `${shortName(d.fromName)} → ${shortName(d.toName)}`,
            value: `${formatUsd(d.usd)}${d.inLoop ? " · part of a loop" : ""}`,
            highlight: d.inLoop,
            path: d.dealIdList.length === 1 ? paths.deal(d.dealIdList[0]!) : paths.company(d.from),
          })),
      },
      legend: [
        { label: "part of a loop", color: PALETTE.red, shape: "line" },
        { label: "other flow", color: PALETTE.grey, shape: "line" },
        { label: "undisclosed amount", color: PALETTE.grey, shape: "dash" },
      ],
      plot: (layout) => {
        const { compact } = layout;
        const L = networkLayout(ids, dataset, layout);
        const at = new Map(L.nodes.map((n) => [n.id, n]));
        const shown = data.filter((d) => at.has(d.from) && at.has(d.to));
        const w = (d: Row) => (d.usd ? 1 + (compact ? 5 : 10) * Math.sqrt(d.usd / maxUsd) : 1);
        const company = (id: string) => href(paths.company(id));
        // One deal: its page; several: the payer's page, which lists them all.
        const arrowLink = (d: Row) => (d.dealIdList.length === 1 ? href(paths.deal(d.dealIdList[0]!)) : company(d.from));
        const arrow = (rows: Row[], extra: Record<string, unknown>) =>
          Plot.arrow(rows, {
            x1: (d: Row) => at.get(d.from)!.px,
            y1: (d: Row) => at.get(d.from)!.py,
            x2: (d: Row) => at.get(d.to)!.px,
            y2: (d: Row) => at.get(d.to)!.py,
            bend: 18,
            strokeWidth: w,
            // Opaque: at 80% opacity the red fell below 3:1 on the dark page and the grey below 3:1 on the light one.
            stroke: (d: Row) => (d.inLoop ? PALETTE.red : PALETTE.grey),
            insetStart: L.dotRadius + 2,
            insetEnd: L.dotRadius + 4,
            headLength: compact ? 7 : 9,
            href: arrowLink,
            title: (d: Row) =>
              `${d.fromName} → ${d.toName}: ${d.usd ? formatUsd(d.usd) : "undisclosed"} in ${d.deals} deal${d.deals === 1 ? "" : "s"}${d.inLoop ? " (part of a loop)" : ""}`,
            ...extra,
          });
        const groups = [...new Set(L.nodes.map((n) => `${n.textAnchor}/${n.lineAnchor}`))].sort();
        return {
          width: L.width,
          height: L.height,
          margin: 0,
          style: baseStyle(compact),
          // Pixel coordinates: the layout above has already placed every node and label.
          x: { domain: [0, L.width], range: [0, L.width], axis: null },
          y: { domain: [0, L.height], range: [0, L.height], axis: null },
          stroke: { type: "identity" },
          marks: [
            arrow(
              shown.filter((d) => d.usd > 0),
              {},
            ),
            arrow(
              shown.filter((d) => d.usd === 0),
              { strokeDasharray: "3,3" },
            ),
            Plot.dot(L.nodes, { x: "px", y: "py", r: L.dotRadius, fill: "currentColor", href: (n: PlacedNode) => company(n.id), title: "name" }),
            // Plot takes text and line anchors as constants, so labels are drawn in groups by how they hang.
            ...groups.map((g) => {
              const [textAnchor, lineAnchor] = g.split("/") as [PlacedNode["textAnchor"], PlacedNode["lineAnchor"]];
              return Plot.text(
                L.nodes.filter((n) => n.textAnchor === textAnchor && n.lineAnchor === lineAnchor),
                {
                  x: "lx",
                  y: "ly",
                  text: (n: PlacedNode) => n.lines.join("\n"),
                  textAnchor,
                  lineAnchor,
                  lineHeight: LINE_HEIGHT,
                  fill: "currentColor",
                  fontWeight: 600,
                  href: (n: PlacedNode) => company(n.id),
                  title: "name",
                },
              );
            }),
          ],
        };
      },
    };
  },
  alt(spec, dataset) {
    const loops = spec.data.filter((d) => d.inLoop);
    const names = rankedEntities(dataset)
      .slice(0, NODES)
      .map((id) => entityName(dataset, id));
    return `Network diagram of ${names.length} companies placed on a circle (${names.join(", ")}) with ${spec.data.length} money flows between them; ${loops.length} flows are part of a circular loop. Largest flows: ${spec.data
      .slice(0, 5)
      .map((d) => `${d.fromName} to ${d.toName} ${formatUsd(d.usd)}`)
      .join("; ")}.`;
  },
};

export default chart;
