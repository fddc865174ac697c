// Checks a coverage sweep against the working dataset: a complete company × month grid whose findings resolve.
import { CoverageSweep } from "../schemas/coverage.ts";
import type { Dataset } from "../schemas/dataset.ts";
import type { Problem } from "./errors.ts";

/** Every month from "2025-01" to "2026-07", inclusive. */
export function monthsBetween(from: string, through: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    if (month > through) return months;
    months.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

export function coverageProblems(raw: unknown, dataset: Dataset, file: string): Problem[] {
  const parsed = CoverageSweep.safeParse(raw);
  if (!parsed.success)
    return parsed.error.issues.map((issue) => ({
      file,
      record: issue.path[0] === "cells" && typeof issue.path[1] === "number" ? `cell ${issue.path[1]}` : undefined,
      field: issue.path.slice(issue.path[0] === "cells" ? 2 : 0).join(".") || undefined,
      message: issue.message,
    }));
  const sweep = parsed.data;
  const problems: Problem[] = [];
  const entities = new Set(dataset.entities.map((e) => e.id));
  const records = new Set([...dataset.deals, ...dataset.financing, ...dataset.metrics].map((r) => r.id));
  const months = monthsBetween(sweep.from, sweep.through);
  const seen = new Set<string>();
  for (const cell of sweep.cells) {
    const record = `cell ${cell.company} ${cell.month}`;
    if (!entities.has(cell.company)) problems.push({ file, record, field: "company", message: `unknown entity id "${cell.company}"` });
    if (!months.includes(cell.month)) problems.push({ file, record, field: "month", message: `outside the sweep (${sweep.from} to ${sweep.through})` });
    if (seen.has(`${cell.company} ${cell.month}`)) problems.push({ file, record, message: "listed twice" });
    seen.add(`${cell.company} ${cell.month}`);
    if (cell.searched !== (cell.query !== ""))
      problems.push({ file, record, field: "query", message: "a searched cell names its query; an unsearched one has none" });
    cell.found.forEach((id, i) => {
      if (!records.has(id)) problems.push({ file, record, field: `found.${i}`, message: `no deal, financing or metric "${id}" in the working dataset` });
    });
  }
  // A grid with holes would read as "searched, nothing found" where nobody looked.
  for (const company of new Set(sweep.cells.map((c) => c.company)))
    for (const month of months)
      if (!seen.has(`${company} ${month}`))
        problems.push({ file, record: `cell ${company} ${month}`, message: "missing: list every month of the sweep for each company, searched or not" });
  return problems;
}
