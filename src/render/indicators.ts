// Indicators as pages and files show them: the value from one release, its inputs with their evidence, and its
// history (at every release that has its inputs, and at each quarter-end of this release). A release's indicator is
// frozen in archive/indicators/ by `npm run charts:archive`: what its pinned URL shows forever.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Dataset, SourceKind } from "../schemas/dataset.ts";
import type { Release } from "../dataset/load.ts";
import { getHistory, releaseByVersion } from "../dataset/index.ts";
import { datasetAsOf, releaseQuarterEnds } from "../dataset/as-of.ts";
import { dealEvidence, SOURCE_KINDS } from "../dataset/evidence.ts";
import { METRIC_LABEL } from "../dataset/labels.ts";
import { compareVersions } from "../lib/semver.ts";
import { INDICATORS, requireIndicator, type IndicatorModule } from "../indicators/index.ts";
import { formatIndicator } from "../indicators/records.ts";
import type { IndicatorUnit, RecordRef } from "../indicators/types.ts";
import * as Plot from "@observablehq/plot";
import { plotToSvg, type RenderedSvg } from "./plot-to-svg.ts";
import { baseStyle, PALETTE, RENDITION_WIDTH, twoLineAxisMargin } from "../charts/theme.ts";

export const INDICATOR_ARCHIVE_DIR = resolve(process.env.CIRCULARITY_INDICATOR_ARCHIVE_DIR ?? "archive/indicators");
/** Format of an archived indicator; a later change of shape gets a new number, and old files stay readable. */
export const INDICATOR_FORMAT = 1 as const;

export interface IndicatorInput {
  ref: RecordRef;
  /** The record's title or its metric and period, as readers see it. */
  label: string;
  /** Its strongest source. */
  evidence: SourceKind | "ungraded";
}

export interface RenderedIndicator {
  format: typeof INDICATOR_FORMAT;
  id: string;
  version: string;
  title: string;
  question: string;
  definition: string;
  formula: string;
  unit: IndicatorUnit;
  value: number;
  display: string;
  working: string;
  rows: { label: string; value: number; display: string; working: string; inputs: RecordRef[]; note?: string }[];
  inputs: IndicatorInput[];
  /** How many input records rest on each kind of source, strongest first. */
  evidence: { kind: SourceKind | "ungraded"; records: number }[];
  /** The value at this release and every earlier one that has the inputs (computed now from those frozen releases). */
  releases: { version: string; value: number; display: string }[];
  /** The value as this release records each quarter-end: the indicator's path through time. */
  asOf: { date: string; value: number; display: string }[];
}

/** The strongest source of the record a ref names, and how it reads. */
function describeInput(ref: RecordRef, dataset: Dataset): IndicatorInput {
  const [kind, id] = ref.split(":") as ["deal" | "metric" | "financing", string];
  if (kind === "metric") {
    const m = dataset.metrics.find((x) => x.id === id)!;
    const entity = dataset.entities.find((e) => e.id === m.entity)?.name ?? m.entity;
    return { ref, label: `${entity}: ${METRIC_LABEL[m.metric].toLowerCase()}, ${m.period}`, evidence: m.source.kind ?? "ungraded" };
  }
  const record = kind === "deal" ? dataset.deals.find((x) => x.id === id)! : dataset.financing.find((x) => x.id === id)!;
  return { ref, label: record.title, evidence: dealEvidence(record) };
}

export function indicatorPublishedIn(indicator: IndicatorModule, version: string): boolean {
  return compareVersions(indicator.since, version) <= 0;
}

/** An indicator computed from one release, with its history: the uncached computation the archive freezes. */
export function renderIndicatorUncached(indicator: IndicatorModule, release: Release, releases: readonly Release[]): RenderedIndicator | null {
  const result = indicator.compute(release.dataset);
  if (!result) return null;
  const show = (value: number) => formatIndicator(value, indicator.unit);
  const inputs = result.inputs.map((ref) => describeInput(ref, release.dataset));
  const evidence = [...SOURCE_KINDS, "ungraded" as const]
    .map((kind) => ({ kind, records: inputs.filter((i) => i.evidence === kind).length }))
    .filter((e) => e.records > 0);
  // Every release up to this one that has the inputs, also those before the indicator was first published.
  const history = releases
    .filter((r) => compareVersions(r.version, release.version) <= 0)
    .flatMap((r) => {
      const v = r.version === release.version ? result : indicator.compute(r.dataset);
      return v ? [{ version: r.version, value: v.value, display: show(v.value) }] : [];
    });
  const asOf = releaseQuarterEnds(release.dataset, release.released).flatMap((date) => {
    const v = indicator.compute(datasetAsOf(release.dataset, date));
    return v ? [{ date, value: v.value, display: show(v.value) }] : [];
  });
  return {
    format: INDICATOR_FORMAT,
    id: indicator.id,
    version: release.version,
    title: indicator.title,
    question: indicator.question,
    definition: indicator.definition,
    formula: indicator.formula,
    unit: indicator.unit,
    value: result.value,
    display: show(result.value),
    working: result.working,
    rows: result.rows.map((r) => ({
      label: r.label,
      value: r.value,
      display: show(r.value),
      working: r.working,
      inputs: r.inputs,
      ...(r.note ? { note: r.note } : {}),
    })),
    inputs,
    evidence,
    releases: history,
    asOf,
  };
}

export function indicatorArchivePath(id: string, version: string, dir = INDICATOR_ARCHIVE_DIR): string {
  return join(dir, id, `v${version}.json`);
}

/** The archived text of an indicator at a release, byte for byte (what its pinned JSON serves). */
export function readArchivedIndicatorText(id: string, version: string, dir = INDICATOR_ARCHIVE_DIR): string | undefined {
  const path = indicatorArchivePath(id, version, dir);
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

/** Writes the archive entry if there is none; returns false when one already exists (it is never replaced). */
export function writeArchivedIndicator(indicator: RenderedIndicator, dir = INDICATOR_ARCHIVE_DIR): boolean {
  const path = indicatorArchivePath(indicator.id, indicator.version, dir);
  if (existsSync(path)) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(indicator, null, 1) + "\n");
  return true;
}

const cache = new Map<string, RenderedIndicator | null>();

/**
 * An indicator as published for a release: the archived copy when there is one (pinned URLs never change), else
 * computed from the release. Null where the release lacks its inputs.
 */
export function indicatorAt(id: string, version: string): RenderedIndicator | null {
  const key = `${id}@${version}`;
  if (!cache.has(key)) {
    const archived = readArchivedIndicatorText(id, version);
    const indicator = requireIndicator(id);
    cache.set(
      key,
      archived
        ? (JSON.parse(archived) as RenderedIndicator)
        : indicatorPublishedIn(indicator, version)
          ? renderIndicatorUncached(indicator, releaseByVersion(version), getHistory().releases)
          : null,
    );
  }
  return cache.get(key)!;
}

/** The releases at which an indicator has a published (pinned) value, oldest first. */
export function indicatorVersions(id: string): string[] {
  return getHistory()
    .releases.map((r) => r.version)
    .filter((v) => indicatorAt(id, v) !== null);
}

/** Every indicator on the current release, in the monitor's order (those the release can compute). */
export function currentIndicators(): RenderedIndicator[] {
  const { version } = getHistory().current;
  return INDICATORS.map((i) => indicatorAt(i.id, version)).filter((i): i is RenderedIndicator => i !== null);
}

const historySvgs = new Map<string, RenderedSvg | null>();

/** The indicator's path through time as this release records it: a small line chart, drawn once per rendition. */
export function indicatorHistorySvg(indicator: RenderedIndicator, compact: boolean): RenderedSvg | null {
  const key = `${indicator.id}@${indicator.version}@${compact}`;
  if (!historySvgs.has(key)) historySvgs.set(key, drawHistory(indicator, compact));
  return historySvgs.get(key)!;
}

function drawHistory(indicator: RenderedIndicator, compact: boolean): RenderedSvg | null {
  if (indicator.asOf.length < 2) return null;
  const data = indicator.asOf.map((p) => ({ date: new Date(p.date), value: p.value, display: p.display, label: p.date }));
  const last = data.at(-1)!;
  const alt = `${indicator.title}, as dataset v${indicator.version} records each quarter-end from ${data[0]!.label} to ${last.label}: ${indicator.asOf.map((p) => `${p.date} ${p.display}`).join("; ")}.`;
  return plotToSvg(
    {
      width: compact ? RENDITION_WIDTH.phone : RENDITION_WIDTH.desktop,
      height: compact ? 200 : 240,
      marginLeft: 64,
      marginRight: compact ? 40 : 60,
      marginTop: 24,
      marginBottom: twoLineAxisMargin(compact),
      style: baseStyle(compact),
      x: { type: "utc", label: null, ticks: compact ? 3 : 6 },
      y: { label: null, grid: true, ticks: 4, zero: true, tickFormat: (v: number) => formatIndicator(v, indicator.unit) },
      marks: [
        Plot.ruleY([0]),
        Plot.line(data, { x: "date", y: "value", stroke: PALETTE.blue, strokeWidth: 2, curve: "step-after" }),
        Plot.dot(data, { x: "date", y: "value", fill: PALETTE.blue, r: 3, title: (d: (typeof data)[number]) => `${d.label}: ${d.display}` }),
        Plot.text([last], { x: "date", y: "value", text: "display", dy: -12, fill: "currentColor", fontWeight: 600 }),
      ],
    },
    `indicator-${indicator.id}-${compact ? "n" : "w"}`,
    alt,
  );
}
