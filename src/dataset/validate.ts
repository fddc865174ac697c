// Turns the text of one dataset file into a trusted Dataset, or a list of Problems naming record and field.
import type { z } from "zod";
import { Dataset } from "../schemas/dataset.ts";
import type { Problem } from "./errors.ts";

type ParseResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

export function parseDatasetText(text: string, file: string): ParseResult {
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
  return problems.length ? { ok: false, problems } : { ok: true, dataset: parsed.data };
}

/** JSON.parse reports a character offset; readers need a line and column. */
function describeJsonError(error: Error, text: string): string {
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

const LIST_LABEL: Record<string, string> = { entities: "entity", deals: "deal", metrics: "metric" };

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
  duplicates("entity", data.entities.map((e) => e.id));
  duplicates("deal", data.deals.map((d) => d.id));
  duplicates("metric", data.metrics.map((m) => m.id));

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
  return problems;
}
