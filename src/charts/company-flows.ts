// The small chart on each company page: disclosed dollars to and from each counterparty. Not in the registry:
// it is parameterised by company and has no permalink of its own.
import * as Plot from "@observablehq/plot";
import type { PlotOptions } from "@observablehq/plot";
import type { Dataset } from "../schemas/dataset.ts";
import { activeDeals, dealsByEntity } from "../dataset/selectors.ts";
import { PALETTE, RENDITION_WIDTH, baseStyle, marginForNames, shortName, usdTick } from "./theme.ts";
import { entityName } from "./data.ts";
import { formatUsd } from "../lib/money.ts";
import { href, paths } from "../lib/urls.ts";

export interface CompanyFlowRow {
  /** Entity id of the counterparty, for the link to its page. */
  counterpartyId: string;
  counterparty: string;
  direction: "in" | "out";
  usd: number;
}

export function companyFlowRows(dataset: Dataset, entityId: string): CompanyFlowRow[] {
  const totals = new Map<string, CompanyFlowRow>();
  // From the per-entity index rather than a pass over every deal, which made company pages grow with the dataset. A deal
  // from the company to itself is in both lists; it counts once, as money in.
  const { incoming, outgoing } = dealsByEntity(dataset.deals, entityId);
  for (const d of activeDeals([...incoming, ...outgoing.filter((o) => o.to !== entityId)])) {
    if (!d.amount) continue;
    const direction = d.to === entityId ? "in" : "out";
    const otherId = direction === "in" ? d.from : d.to;
    const other = entityName(dataset, otherId);
    const key = `${direction}/${other}`;
    const row = totals.get(key) ?? { counterpartyId: otherId, counterparty: other, direction, usd: 0 };
    row.usd += d.amount.usd;
    totals.set(key, row);
  }
  return [...totals.values()].sort((a, b) => b.usd - a.usd || a.counterparty.localeCompare(b.counterparty) || a.direction.localeCompare(b.direction));
}

export function companyFlowPlot(rows: CompanyFlowRow[], companyName: string, compact: boolean): PlotOptions {
  const order = [...new Set(rows.map((r) => r.counterparty))];
  return {
    width: compact ? RENDITION_WIDTH.phone : RENDITION_WIDTH.desktop,
    height: 50 + order.length * (compact ? 24 : 26),
    marginLeft: marginForNames(compact ? order.map(shortName) : order, compact, compact ? 100 : 170),
    marginRight: 56,
    style: baseStyle(compact),
    x: { label: null, tickFormat: (d: number) => usdTick(Math.abs(d)), ticks: compact ? 3 : 6, grid: true, axis: "top" },
    y: { label: null, domain: order, tickFormat: (n: string) => (compact ? shortName(n) : n) },
    marks: [
      Plot.barX(rows, {
        x: (r: CompanyFlowRow) => (r.direction === "in" ? r.usd : -r.usd),
        y: "counterparty",
        fill: (r: CompanyFlowRow) => (r.direction === "in" ? PALETTE.blue : PALETTE.orange),
        href: (r: CompanyFlowRow) => href(paths.company(r.counterpartyId)),
        title: (r: CompanyFlowRow) =>
          `${r.direction === "in" ? `${r.counterparty} → ${companyName}` : `${companyName} → ${r.counterparty}`}: ${formatUsd(r.usd)}`,
      }),
      Plot.ruleX([0]),
    ],
  };
}
