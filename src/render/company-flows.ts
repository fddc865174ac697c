// A company's flows chart, rendered like every other chart (both renditions, alt text), once per company.
import type { Dataset, Entity } from "../schemas/dataset.ts";
import { companyFlowPlot, companyFlowRows } from "../charts/company-flows.ts";
import { formatUsd } from "../lib/money.ts";
import { plotToSvg } from "./plot-to-svg.ts";

export interface CompanyFlowsChart {
  rows: ReturnType<typeof companyFlowRows>;
  alt: string;
  /** Empty when the company has no disclosed flows. */
  wide: string;
  narrow: string;
}

export function companyFlowsChart(dataset: Dataset, entity: Entity): CompanyFlowsChart {
  const rows = companyFlowRows(dataset, entity.id);
  const alt = `Bar chart of disclosed dollars between ${entity.name} and its counterparties: ${rows
    .slice(0, 6)
    .map((r) => `${r.direction === "in" ? "from" : "to"} ${r.counterparty} ${formatUsd(r.usd)}`)
    .join("; ")}.`;
  if (!rows.length) return { rows, alt, wide: "", narrow: "" };
  return {
    rows,
    alt,
    wide: plotToSvg(companyFlowPlot(rows, entity.name, false), `flows-${entity.id}-w`, alt).svg,
    narrow: plotToSvg(companyFlowPlot(rows, entity.name, true), `flows-${entity.id}-n`, alt).svg,
  };
}
