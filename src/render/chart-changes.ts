// What changed in a chart's plotted rows between two dataset versions, by row key.
import type { RenderedChart } from "./chart-render.ts";
import { diffRecords, type ListDiff } from "../dataset/diff.ts";

export function chartChanges(previous: RenderedChart | undefined, current: RenderedChart): ListDiff | null {
  if (!previous) return null;
  const flatten = (c: RenderedChart) => c.rows.map((r) => ({ key: r.key, ...r.value }));
  return diffRecords(flatten(previous), flatten(current), (r) => r.key);
}
