// A Frictionless Data Package descriptor per release: what a data tool (pandas, R, frictionless) needs to read the
// release's files with their types, licence and version, without reading the site.
import type { Release } from "../dataset/load.ts";
import { DEAL_CSV_COLUMNS, schemaFields } from "../dataset/export.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";
import { SITE } from "../site.config.ts";
import { INDICATORS } from "../indicators/index.ts";
import { indicatorVersions } from "../render/indicators.ts";
import { evidenceThroughText } from "../lib/dates.ts";
import { compareVersions } from "../lib/semver.ts";
import { BASES, DEAL_TYPES } from "../dataset/selectors.ts";
import { BASIS_EXPLANATION, BASIS_LABEL } from "../dataset/labels.ts";
import { ERA_LABEL, TYPE_LABEL } from "../charts/theme.ts";

type Column = (typeof DEAL_CSV_COLUMNS)[number];

/** Each CSV column: its Table Schema type and the schema field its meaning comes from. */
const COLUMNS: Record<Column, { type: "string" | "number" | "date"; field: string; required?: boolean }> = {
  id: { type: "string", field: "id", required: true },
  title: { type: "string", field: "title", required: true },
  announced: { type: "date", field: "announced", required: true },
  datePrecision: { type: "string", field: "datePrecision" },
  from: { type: "string", field: "from", required: true },
  to: { type: "string", field: "to", required: true },
  type: { type: "string", field: "type", required: true },
  amountUsd: { type: "number", field: "amount.usd" },
  amountBasis: { type: "string", field: "amount.basis" },
  amountOriginal: { type: "string", field: "amount.original" },
  computeGw: { type: "number", field: "compute.gw" },
  computeChips: { type: "string", field: "compute.chips" },
  termYears: { type: "number", field: "termYears" },
  status: { type: "string", field: "status", required: true },
  era: { type: "string", field: "era", required: true },
  supersededBy: { type: "string", field: "supersededBy" },
  sources: { type: "string", field: "sources", required: true },
  notes: { type: "string", field: "notes" },
};

/** The codes of the coded columns, each with what it means, as the site words them (one home: dataset/labels.ts, charts/theme.ts). */
const CODE_LABELS: Partial<Record<Column, Record<string, string>>> = {
  amountBasis: Object.fromEntries(BASES.map((b) => [b, `${BASIS_LABEL[b]}: ${BASIS_EXPLANATION[b]}`])),
  type: Object.fromEntries(DEAL_TYPES.map((t) => [t, TYPE_LABEL[t]])),
  era: Object.fromEntries(Object.entries(ERA_LABEL)),
};

/** Descriptors keep their published bytes: code labels are written only into releases after 1.3.0. */
function labelsCodes(release: Release): boolean {
  return compareVersions(release.version, "1.3.0") > 0;
}

export function datapackage(release: Release) {
  const meaning = new Map(schemaFields("deals").map((f) => [f.name, f.description]));
  return {
    profile: "data-package",
    name: `circularity-${release.version.replaceAll(".", "-")}`,
    title: `${SITE.name} dataset v${release.version}`,
    // Descriptors of releases before 1.3.0 keep their bytes: only a release that records its evidence date states it.
    description: `${SITE.description} Released ${release.released}${release.dataset.evidenceThrough ? `, ${evidenceThroughText(release)}` : ""}. ${release.notes}`,
    version: release.version,
    created: `${release.released}T00:00:00Z`,
    homepage: absoluteUrl(paths.data()),
    licenses: [{ name: "CC-BY-4.0", path: SITE.contentLicence.url, title: "Creative Commons Attribution 4.0" }],
    contributors: [{ title: SITE.publisher, role: "publisher", path: absoluteUrl("") }],
    keywords: ["AI", "circular deals", "vendor financing", "OpenAI", "Nvidia", "telecom bubble"],
    resources: [
      {
        profile: "tabular-data-resource",
        name: "deals",
        title: "Deals, one row per record",
        description: "Every deal in the release; sources are a JSON array in the sources column.",
        path: absoluteUrl(paths.dataDownload(release.version, "csv")),
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        schema: {
          fields: DEAL_CSV_COLUMNS.map((name) => {
            const codes = labelsCodes(release) ? CODE_LABELS[name] : undefined;
            return {
              name,
              type: COLUMNS[name].type,
              description: `${meaning.get(COLUMNS[name].field) ?? ""}${
                codes
                  ? ` Codes: ${Object.entries(codes)
                      .map(([code, label]) => `${code} = ${label}`)
                      .join("; ")}.`
                  : ""
              }`,
              ...(COLUMNS[name].required || codes
                ? { constraints: { ...(COLUMNS[name].required ? { required: true } : {}), ...(codes ? { enum: Object.keys(codes) } : {}) } }
                : {}),
            };
          }),
          primaryKey: "id",
        },
      },
      {
        profile: "data-resource",
        name: "release",
        title: "The whole release: entities, deals, metrics, financing, removals and revisions",
        description: `The released file byte for byte; SHA-256 ${release.sha256}. Its JSON Schema is ${absoluteUrl(paths.schema())}.`,
        path: absoluteUrl(paths.dataDownload(release.version, "json")),
        format: "json",
        mediatype: "application/json",
        encoding: "utf-8",
        hash: `sha256:${release.sha256}`,
      },
      // The monitor's indicators pinned to this release (from 1.3.0 on; older descriptors keep their bytes).
      ...INDICATORS.filter((i) => indicatorVersions(i.id).includes(release.version)).map((i) => ({
        profile: "data-resource",
        name: `indicator-${i.id}`,
        title: `Indicator: ${i.title}`,
        description: `${i.question} ${i.formula}. The value, its breakdown, its inputs with their evidence and its history, as pinned to this release.`,
        path: absoluteUrl(paths.indicatorPinnedDownload(i.id, release.version, "json")),
        format: "json",
        mediatype: "application/json",
        encoding: "utf-8",
      })),
    ],
  };
}

/** The descriptor file as served at /data/<version>/datapackage.json (pinned: its bytes never change once published). */
export function datapackageFile(release: Release): string {
  return JSON.stringify(datapackage(release), null, 2) + "\n";
}
