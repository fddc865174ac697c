// Turns the text of one dataset file into a trusted Dataset, or a list of Problems naming record and field.
import type { z } from "zod";
import { Dataset, type Source } from "../schemas/dataset.ts";
import { diffRecords } from "./diff.ts";
import { activeDeals } from "./selectors.ts";
import type { Problem } from "./errors.ts";

type ParseResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

export interface ParseOptions {
  /** Releases from 1.1.0 on, and the working copy, must grade every source. */
  requireSourceKinds?: boolean;
  /**
   * Releases from 1.3.0 on, and the working copy: one grading rule (a site's pages graded one way unless "via" or
   * "gradeNote" says why), and the date of the newest evidence recorded and respected.
   */
  requireSchema13?: boolean;
}

export function parseDatasetText(text: string, file: string, options: ParseOptions = {}): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ file, message: describeJsonError(error as Error, text) }] };
  }
  const parsed = Dataset.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => issueToProblem(issue, raw, file)) };
  }
  const problems = integrityProblems(parsed.data, file);
  if (options.requireSourceKinds) problems.push(...sourceKindProblems(parsed.data, file));
  if (options.requireSchema13) problems.push(...schema13Problems(parsed.data, file));
  return problems.length ? { ok: false, problems } : { ok: true, dataset: parsed.data };
}

/** JSON.parse reports a character offset (Node 20) or a line and column (newer V8); readers need a line and column. */
export function describeJsonError(error: Error, text: string): string {
  const position = /position (\d+)/.exec(error.message);
  const explicit = /line (\d+) column (\d+)/.exec(error.message);
  let line: number | undefined;
  let column: number | undefined;
  if (explicit) {
    line = Number(explicit[1]);
    column = Number(explicit[2]);
  } else if (position) {
    const before = text.slice(0, Number(position[1]));
    line = before.split("\n").length;
    column = before.length - before.lastIndexOf("\n");
  } else if (/end of JSON input/i.test(error.message)) {
    const lines = text.split("\n");
    line = lines.length;
    column = (lines.at(-1) ?? "").length + 1;
  }
  const reason = error.message.replace(/\s*\(line \d+ column \d+\)/, "").replace(/ in JSON at position \d+.*/, "");
  return `malformed JSON${line ? ` at line ${line}, column ${column}` : ""}: ${reason}`;
}

const LIST_LABEL: Record<string, string> = {
  entities: "entity",
  deals: "deal",
  metrics: "metric",
  financing: "financing",
  removed: "removal",
  revisions: "revision",
};

function issueToProblem(issue: z.core.$ZodIssue, raw: unknown, file: string): Problem {
  const path = issue.path.map(String);
  const [list, index, ...rest] = path;
  if (list && index !== undefined && list in LIST_LABEL && /^\d+$/.test(index)) {
    const record = (raw as Record<string, unknown[]>)[list]?.[Number(index)] as { id?: unknown } | undefined;
    const id = typeof record?.id === "string" && record.id ? record.id : `${list}[${index}]`;
    return { file, record: `${LIST_LABEL[list]} ${id}`, field: rest.join(".") || undefined, message: issueMessage(issue) };
  }
  return { file, field: path.join(".") || undefined, message: issueMessage(issue) };
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  return issue.message;
}

/** Checks a schema-valid dataset for what a schema cannot see: unique ids and references that resolve. */
export function integrityProblems(data: Dataset, file: string): Problem[] {
  const problems: Problem[] = [];
  const duplicates = (label: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push({ file, record: `${label} ${id}`, field: "id", message: `duplicate id "${id}"` });
      seen.add(id);
    }
  };
  duplicates(
    "entity",
    data.entities.map((e) => e.id),
  );
  duplicates(
    "deal",
    data.deals.map((d) => d.id),
  );
  duplicates(
    "metric",
    data.metrics.map((m) => m.id),
  );

  const entityIds = new Set(data.entities.map((e) => e.id));
  const dealIds = new Set(data.deals.map((d) => d.id));
  for (const deal of data.deals) {
    const record = `deal ${deal.id}`;
    for (const field of ["from", "to"] as const) {
      if (!entityIds.has(deal[field])) {
        problems.push({ file, record, field, message: `unknown entity id "${deal[field]}"` });
      }
    }
    if (deal.from === deal.to) problems.push({ file, record, field: "to", message: `"from" and "to" are the same entity` });
    if (deal.supersededBy !== undefined) {
      if (!dealIds.has(deal.supersededBy)) {
        problems.push({ file, record, field: "supersededBy", message: `unknown deal id "${deal.supersededBy}"` });
      } else if (deal.supersededBy === deal.id) {
        problems.push({ file, record, field: "supersededBy", message: "a deal cannot supersede itself" });
      }
    }
  }
  for (const metric of data.metrics) {
    if (!entityIds.has(metric.entity)) {
      problems.push({ file, record: `metric ${metric.id}`, field: "entity", message: `unknown entity id "${metric.entity}"` });
    }
  }
  duplicates(
    "financing",
    data.financing.map((f) => f.id),
  );
  for (const item of data.financing) {
    const record = `financing ${item.id}`;
    for (const field of ["provider", "borrower", "beneficiary"] as const) {
      const id = item[field];
      if (id !== undefined && !entityIds.has(id)) problems.push({ file, record, field, message: `unknown entity id "${id}"` });
    }
    if (item.provider === item.borrower)
      problems.push({ file, record, field: "borrower", message: `"provider" and "borrower" are the same entity: a financing needs two counterparties` });
    item.relatedDeals.forEach((id, i) => {
      if (!dealIds.has(id)) problems.push({ file, record, field: `relatedDeals.${i}`, message: `unknown deal id "${id}"` });
    });
  }
  problems.push(...layerProblems(data, file));
  const live: Record<string, Set<string>> = {
    entities: entityIds,
    deals: dealIds,
    metrics: new Set(data.metrics.map((m) => m.id)),
    financing: new Set(data.financing.map((f) => f.id)),
  };
  for (const removal of data.removed) {
    if (live[removal.list]?.has(removal.id)) {
      problems.push({
        file,
        record: `removal ${removal.id}`,
        field: "id",
        message: `"${removal.id}" is marked removed from ${removal.list} but is still listed there`,
      });
    }
  }
  return problems;
}

/**
 * Schema 1.27's supply-chain layers are all or nothing: a random network that keeps the layers (loopsByRewiring) needs
 * every company it rewires to have one, so once any entity has a layer every party to an active AI-era deal must.
 */
function layerProblems(data: Dataset, file: string): Problem[] {
  if (!data.entities.some((e) => e.layer !== undefined)) return [];
  const layered = new Set(data.entities.filter((e) => e.layer !== undefined).map((e) => e.id));
  const missing = new Map<string, string>();
  for (const deal of activeDeals(data.deals)) {
    if (deal.era !== "ai-2020s") continue;
    for (const id of [deal.from, deal.to]) if (!layered.has(id) && !missing.has(id)) missing.set(id, deal.id);
  }
  return [...missing].map(([id, dealId]) => ({
    file,
    record: `entity ${id}`,
    field: "layer",
    message: `has no layer, but other entities do and it is a party to the active AI-era deal "${dealId}": give it one of hardware, cloud, model, capital or other`,
  }));
}

/** From schema 1.1 every source says how strong it is, so a deal's evidence can be graded. */
function sourceKindProblems(data: Dataset, file: string): Problem[] {
  return sourcesOf(data)
    .filter(({ source }) => source.kind === undefined)
    .map(({ record, field, source }) => ({
      file,
      record,
      field: `${field}.kind`,
      message: `missing source kind: say whether "${source.url}" is a filing, company, wire, press or aggregator source`,
    }));
}

/** Every source in a dataset with the record and field that hold it, in file order. */
function sourcesOf(data: Dataset): { record: string; field: string; source: Source }[] {
  return [
    ...data.deals.flatMap((d) => d.sources.map((source, i) => ({ record: `deal ${d.id}`, field: `sources.${i}`, source }))),
    ...data.financing.flatMap((f) => f.sources.map((source, i) => ({ record: `financing ${f.id}`, field: `sources.${i}`, source }))),
    ...data.metrics.map((m) => ({ record: `metric ${m.id}`, field: "source", source: m.source })),
  ];
}

/** The site a page is on, as readers would name it: "www.reuters.com" and "reuters.com" are one site. */
export function sourceHost(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
}

/**
 * One grading rule (data/README.md, "Grading sources"): the kind grades the page cited, so pages of one site that
 * copy the same original ("via") are graded alike. A page graded differently from the rest of its site must say
 * why in "gradeNote"; a verbatim copy of another outlet names it in "via" and so is compared only with copies of it.
 */
export function gradingProblems(data: Dataset, file: string): Problem[] {
  const groups = new Map<string, { record: string; field: string; source: Source }[]>();
  for (const entry of sourcesOf(data)) {
    if (!entry.source.kind) continue;
    const key = `${sourceHost(entry.source.url)}\u0000${entry.source.via ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const problems: Problem[] = [];
  for (const [key, entries] of groups) {
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(e.source.kind!, (counts.get(e.source.kind!) ?? 0) + 1);
    if (counts.size < 2) continue;
    // The site's usual grade is the one most of its pages carry; the others must explain themselves.
    const usual = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const example = entries.find((e) => e.source.kind === usual)!;
    const [host, via] = key.split("\u0000");
    for (const e of entries) {
      if (e.source.kind === usual || e.source.gradeNote) continue;
      problems.push({
        file,
        record: e.record,
        field: `${e.field}.kind`,
        message: `${host}${via ? ` (via ${via})` : ""} is graded "${e.source.kind}" here but "${usual}" on ${example.record} (${example.field}): grade every page by the rule in data/README.md ("Grading sources"); a verbatim copy names its original in "via", and a page graded apart from its site says why in "gradeNote"`,
      });
    }
  }
  return problems;
}

/** What schema 1.3 adds to a release's obligations: one grading rule, and its evidence date. */
export function schema13Problems(data: Dataset, file: string): Problem[] {
  return [...gradingProblems(data, file), ...evidenceDateProblems(data, file)];
}

/** From schema 1.3 a release says how current its evidence is, and nothing in it may be newer than that. */
function evidenceDateProblems(data: Dataset, file: string): Problem[] {
  const through = data.evidenceThrough;
  if (!through) return [{ file, field: "evidenceThrough", message: 'missing: give the date of the newest reporting this release covers ("2026-07-10")' }];
  // A partial date ("2026-07") is newer only if its month or year is later.
  const later = (date: string) => date.slice(0, Math.min(date.length, through.length)) > through.slice(0, date.length);
  const problems: Problem[] = [];
  if (data.sweptThrough && data.sweptThrough > through)
    problems.push({
      file,
      field: "sweptThrough",
      message: `${data.sweptThrough} is after evidenceThrough ${through}: the sweep cannot run past the newest evidence`,
    });
  for (const { record, field, source } of sourcesOf(data)) {
    if (later(source.date))
      problems.push({
        file,
        record,
        field: `${field}.date`,
        message: `${source.date} is after evidenceThrough ${through}: move evidenceThrough forward, or fix the date`,
      });
  }
  for (const deal of data.deals) {
    if (later(deal.announced))
      problems.push({ file, record: `deal ${deal.id}`, field: "announced", message: `${deal.announced} is after evidenceThrough ${through}` });
  }
  return problems;
}

/** Fields of a deal whose change alters what a chart or an article shows: each change needs a reason. */
export const MATERIAL_DEAL_FIELDS = ["amount", "announced", "from", "to", "type", "status", "supersededBy"] as const;

/**
 * A release that revises what a deal says (amount, basis, date, parties, type, status) must say why, in a
 * revision entry for that version; an entry must name a record and fields that really changed.
 */
export function revisionProblems(previous: Dataset, next: Dataset, file: string, version: string): Problem[] {
  const problems: Problem[] = [];
  const mine = next.revisions.filter((r) => r.version === version);
  const lists = ["entities", "deals", "metrics", "financing"] as const;
  for (const list of lists) {
    const diff = diffRecords(previous[list] as { id: string }[], next[list] as { id: string }[], (r) => r.id);
    const changed = new Map(diff.changed.map((c) => [c.id, c.fields]));
    for (const entry of mine.filter((r) => r.list === list)) {
      const fields = changed.get(entry.id);
      if (!fields)
        problems.push({ file, record: `revision ${entry.id}`, field: "id", message: `names ${list} record "${entry.id}", which did not change in ${version}` });
      else {
        const unchanged = entry.fields.filter((f) => !fields.includes(f));
        if (unchanged.length)
          problems.push({
            file,
            record: `revision ${entry.id}`,
            field: "fields",
            message: `${unchanged.join(", ")} did not change in ${version} (changed: ${fields.join(", ")})`,
          });
      }
    }
    // A split names records the release adds, in the same list: an old figure that summed the record will sum them too.
    const added = new Set(diff.added);
    for (const entry of mine.filter((r) => r.list === list && r.splitInto))
      for (const part of entry.splitInto!)
        if (!added.has(part))
          problems.push({ file, record: `revision ${entry.id}`, field: "splitInto", message: `names ${list} record "${part}", which ${version} does not add` });
    if (list !== "deals") continue;
    for (const [id, fields] of changed) {
      const material = fields.filter((f) => (MATERIAL_DEAL_FIELDS as readonly string[]).includes(f));
      const explained = new Set(mine.filter((r) => r.list === "deals" && r.id === id).flatMap((r) => r.fields));
      const missing = material.filter((f) => !explained.has(f));
      if (missing.length) {
        problems.push({
          file,
          record: `deal ${id}`,
          field: missing.join(", "),
          message: `changed since the previous release without a reason: add { "list": "deals", "id": "${id}", "version": "${version}", "fields": [${missing.map((f) => `"${f}"`).join(", ")}], "reason": "…" } to "revisions"`,
        });
      }
    }
  }
  return problems;
}

/**
 * A record in the previous release must still be listed in the next, or be marked removed with a reason:
 * ids are cited by pinned pages and must never vanish silently.
 */
export function removalProblems(previous: Dataset, next: Dataset, file: string, previousVersion: string): Problem[] {
  const problems: Problem[] = [];
  const marked = new Set(next.removed.map((r) => `${r.list}:${r.id}`));
  const lists = { entities: "entity", deals: "deal", metrics: "metric", financing: "financing" } as const;
  for (const [list, label] of Object.entries(lists) as [keyof typeof lists, string][]) {
    const now = new Set(next[list].map((r) => r.id));
    for (const record of previous[list]) {
      if (!now.has(record.id) && !marked.has(`${list}:${record.id}`)) {
        problems.push({
          file,
          record: `${label} ${record.id}`,
          message: `was in release ${previousVersion} but is missing here: keep it, or list it under "removed" with { "list": "${list}", "id": "${record.id}", "since", "reason" }`,
        });
      }
    }
  }
  return problems;
}
