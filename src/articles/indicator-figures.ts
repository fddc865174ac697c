// Indicator figures in articles: <Indicator id="…" /> quotes a monitor indicator's headline value, and
// <Indicator id="…" row="…" /> one line of its breakdown, as the monitor published them for the article's pinned
// release, linked to the indicator's page pinned to that release. The text is the published `display`, never
// recomputed, so an article and the monitor cannot disagree. The component, the reference check, the header's count
// of revised figures and the list of records cited all read a figure here.
import { INDICATORS } from "../indicators/index.ts";
import type { RecordRef } from "../indicators/types.ts";
import type { RenderedIndicator } from "../render/indicators.ts";
import { paths } from "../lib/urls.ts";

/** An <Indicator>'s attributes as written. */
export interface IndicatorSpec {
  id?: string;
  /** The label of one row of the indicator's breakdown, exactly as the monitor prints it; the headline value without it. */
  row?: string;
}

const SPEC_ATTRIBUTES = ["id", "row"] as const;

/**
 * An indicator as published for a release, or null where the release has no value for it. The site passes
 * `indicatorAt` (the archived copy, which the pinned page shows); tests pass indicators rendered from fixture releases.
 */
export type IndicatorLookup = (id: string, version: string) => RenderedIndicator | null;

export interface IndicatorFigure {
  /** What the article prints: the headline's or the row's `display`. */
  text: string;
  /** The indicator's page pinned to the release, which shows this value forever. */
  path: string;
  /** The indicator (and row) with the working behind the value, for the link's title. */
  title: string;
  /** The records the value rests on: the row's when a row is quoted, else the indicator's. */
  inputs: RecordRef[];
}

/** The spec as the author wrote it, for error messages. */
function written(spec: IndicatorSpec): string {
  return `<Indicator${spec.id === undefined ? "" : ` id="${spec.id}"`}${spec.row === undefined ? "" : ` row="${spec.row}"`}>`;
}

/** An <Indicator>'s figure at one release; throws naming `where` (the article file), the attribute and the problem. */
export function indicatorFigure(spec: IndicatorSpec, version: string, where: string, at: IndicatorLookup): IndicatorFigure {
  const here = `${where}: ${written(spec)}`;
  const unknown = Object.keys(spec).filter((k) => !(SPEC_ATTRIBUTES as readonly string[]).includes(k));
  if (unknown.length) throw new Error(`${here}: unknown attribute ${unknown.map((k) => `${k}="…"`).join(", ")}; use ${SPEC_ATTRIBUTES.join(", ")}`);
  const known = INDICATORS.map((i) => i.id);
  if (!spec.id) throw new Error(`${here}: give id="…", one of ${known.join(", ")}`);
  const registered = INDICATORS.find((i) => i.id === spec.id);
  if (!registered) throw new Error(`${here}: id="${spec.id}" is not an indicator; known ids: ${known.join(", ")}`);
  const indicator = at(registered.id, version);
  if (!indicator)
    throw new Error(
      `${here}: id="${spec.id}" has no value at dataset v${version} (the monitor publishes it from v${registered.since}, where the release has its inputs); pin a release that has one`,
    );
  const path = paths.indicatorPinned(indicator.id, version);
  if (spec.row === undefined)
    return {
      text: indicator.display,
      path,
      title: `${indicator.title}: ${indicator.working} (dataset v${version})`,
      inputs: indicator.inputs.map((i) => i.ref),
    };
  const row = indicator.rows.find((r) => r.label === spec.row);
  if (!row)
    throw new Error(
      `${here}: row="${spec.row}" is not a row of ${indicator.id} at dataset v${version}; its rows: ${indicator.rows.map((r) => `"${r.label}"`).join(", ")}`,
    );
  return { text: row.display, path, title: `${indicator.title}, ${row.label}: ${row.working} (dataset v${version})`, inputs: row.inputs };
}

/**
 * What an <Indicator> reads in a later release, or "no longer published" where the monitor no longer has the value or
 * the row. The component's revision mark and the article header's count both read this, so they cannot disagree.
 */
export function indicatorLatestText(spec: IndicatorSpec, version: string, at: IndicatorLookup): string {
  try {
    return indicatorFigure(spec, version, "", at).text;
  } catch {
    return "no longer published";
  }
}
