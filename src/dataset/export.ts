// Flat CSV of a release (one row per deal, sources joined) and the published JSON Schema.
import { csvFormat, csvParse } from "d3-dsv";
import { z } from "zod";
import { Dataset, type Deal } from "../schemas/dataset.ts";

export const DEAL_CSV_COLUMNS = [
  "id",
  "title",
  "announced",
  "datePrecision",
  "from",
  "to",
  "type",
  "amountUsd",
  "amountBasis",
  "amountOriginal",
  "computeGw",
  "computeChips",
  "termYears",
  "status",
  "era",
  "supersededBy",
  "sources",
  "notes",
] as const;

export function dealsToCsv(deals: readonly Deal[]): string {
  return (
    csvFormat(
      deals.map((d) => ({
        id: d.id,
        title: d.title,
        announced: d.announced,
        datePrecision: d.datePrecision,
        from: d.from,
        to: d.to,
        type: d.type,
        amountUsd: d.amount ? String(d.amount.usd) : "",
        amountBasis: d.amount?.basis ?? "",
        amountOriginal: d.amount?.original ?? "",
        computeGw: d.compute?.gw !== undefined ? String(d.compute.gw) : "",
        computeChips: d.compute?.chips ?? "",
        termYears: d.termYears !== undefined ? String(d.termYears) : "",
        status: d.status,
        era: d.era,
        supersededBy: d.supersededBy ?? "",
        sources: JSON.stringify(d.sources),
        notes: d.notes,
      })),
      [...DEAL_CSV_COLUMNS],
    ) + "\n"
  );
}

/** Reads the CSV back into deal records: the round-trip the tests check. */
export function dealsFromCsv(text: string): Deal[] {
  return csvParse(text).map((r) => {
    const deal: Record<string, unknown> = {
      id: r.id,
      title: r.title,
      announced: r.announced,
      datePrecision: r.datePrecision,
      from: r.from,
      to: r.to,
      type: r.type,
      amount: r.amountUsd ? { usd: Number(r.amountUsd), basis: r.amountBasis, ...(r.amountOriginal ? { original: r.amountOriginal } : {}) } : null,
      status: r.status,
      era: r.era,
      sources: JSON.parse(r.sources ?? "[]"),
      notes: r.notes ?? "",
    };
    if (r.computeGw || r.computeChips)
      deal.compute = { ...(r.computeGw ? { gw: Number(r.computeGw) } : {}), ...(r.computeChips ? { chips: r.computeChips } : {}) };
    if (r.termYears) deal.termYears = Number(r.termYears);
    if (r.supersededBy) deal.supersededBy = r.supersededBy;
    return deal as Deal;
  });
}

export function datasetJsonSchema(): unknown {
  return z.toJSONSchema(Dataset, { io: "input" });
}

export interface SchemaField {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** Human-readable field list for one record list ("entities", "deals", "metrics"), from the JSON Schema. */
export function schemaFields(list: "entities" | "deals" | "metrics" | "financing" | "removed" | "revisions"): SchemaField[] {
  const schema = datasetJsonSchema() as { properties: Record<string, { items: JsonNode }> };
  const item = schema.properties[list]!.items;
  return flatten(item, "");
}

export interface JsonNode {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  properties?: Record<string, JsonNode>;
  required?: string[];
  anyOf?: JsonNode[];
  items?: JsonNode;
  format?: string;
}

function flatten(node: JsonNode, prefix: string): SchemaField[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const name = prefix + key;
    const objectChild = child.properties ? child : child.anyOf?.find((c) => c.properties);
    const row: SchemaField = { name, type: typeOf(child), required: required.has(key), description: child.description ?? objectChild?.description ?? "" };
    return objectChild ? [row, ...flatten(objectChild, `${name}.`)] : [row];
  });
}

/** How the schema table names a JSON Schema node's type: enums and constants spelt out, nullable as "or null". */
export function typeOf(node: JsonNode): string {
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.anyOf) return node.anyOf.map(typeOf).join(" or ");
  if (node.type === "array") return `array of ${node.items ? typeOf(node.items) : "values"}`;
  if (node.properties) return "object";
  return [node.type ?? "value", node.format].filter(Boolean).join(" ");
}

/** The tidy tables every release is published as, one CSV each (data/README.md, "CSV downloads"). */
export const TIDY_TABLES = ["deals", "companies", "metrics", "financing", "sources"] as const;
export type TidyTable = (typeof TIDY_TABLES)[number];

/**
 * A release as tidy tables: one row per record, ids with names beside them, codes as in the data, undisclosed
 * amounts blank, and no JSON in any cell (each source is a row of `sources`, joined by list and record id).
 */
export function tidyTable(dataset: Dataset, table: TidyTable): string {
  const name = new Map(dataset.entities.map((e) => [e.id, e.name]));
  const n = (v: number | undefined) => (v === undefined ? "" : String(v));
  /** A party's id and, beside it, its name: "from", "fromName". */
  const party = (column: string, id: string | undefined) => ({ [column]: id ?? "", [`${column}Name`]: id ? (name.get(id) ?? "") : "" });
  /** An amount as two cells, blank when undisclosed. */
  const amount = (a: Deal["amount"]) => ({ amountUsd: n(a?.usd), amountBasis: a?.basis ?? "" });
  /** What every dated record starts with: its id, title and date with the date's precision. */
  const head = (r: Pick<Deal, "id" | "title" | "announced" | "datePrecision">) => ({
    id: r.id,
    title: r.title,
    announced: r.announced,
    datePrecision: r.datePrecision,
  });
  const rows: Record<string, string>[] = (() => {
    switch (table) {
      case "deals":
        return dataset.deals.map((d) => ({
          ...head(d),
          ...party("from", d.from),
          ...party("to", d.to),
          type: d.type,
          ...amount(d.amount),
          amountOriginal: d.amount?.original ?? "",
          computeGw: n(d.compute?.gw),
          computeChips: d.compute?.chips ?? "",
          termYears: n(d.termYears),
          status: d.status,
          era: d.era,
          supersededBy: d.supersededBy ?? "",
          sources: String(d.sources.length),
          notes: d.notes,
        }));
      case "companies":
        return dataset.entities.map((e) => ({
          id: e.id,
          name: e.name,
          kind: e.kind,
          ticker: e.ticker ?? "",
          country: e.country ?? "",
          aliases: e.aliases.join("; "),
          description: e.description,
        }));
      case "metrics":
        return dataset.metrics.map((m) => ({
          id: m.id,
          ...party("entity", m.entity),
          metric: m.metric,
          period: m.period,
          stated: m.stated ?? "",
          value: String(m.value),
          unit: m.unit,
          basis: m.basis,
          notes: m.notes ?? "",
        }));
      case "financing":
        return dataset.financing.map((f) => ({
          ...head(f),
          instrument: f.instrument,
          ...party("provider", f.provider),
          ...party("borrower", f.borrower),
          ...party("beneficiary", f.beneficiary),
          ...amount(f.amount),
          termYears: n(f.termYears),
          terms: f.terms ?? "",
          status: f.status,
          relatedDeals: f.relatedDeals.join(" "),
          notes: f.notes ?? "",
        }));
      case "sources": {
        const lists = [
          ["deals", dataset.deals],
          ["metrics", dataset.metrics.map((m) => ({ id: m.id, sources: [m.source] }))],
          ["financing", dataset.financing],
        ] as const;
        return lists.flatMap(([list, records]) =>
          (records as readonly { id: string; sources: Deal["sources"] }[]).flatMap((r) =>
            r.sources.map((s, i) => ({
              list,
              record: r.id,
              position: String(i + 1),
              kind: s.kind ?? "",
              publisher: s.publisher,
              via: s.via ?? "",
              title: s.title,
              date: s.date,
              url: s.url,
              gradeNote: s.gradeNote ?? "",
            })),
          ),
        );
      }
    }
  })();
  return csvFormat(rows) + "\n";
}
