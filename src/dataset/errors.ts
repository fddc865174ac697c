// A dataset problem a person can act on: which file, which record, which field, what was expected.

export interface Problem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** The record's id, or its list position when it has no readable id. */
  record?: string;
  /** Dotted field path inside the record, e.g. "amount.usd". */
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.record && `record "${p.record}"`, p.field && `field "${p.field}"`].filter(Boolean).join(", ");
  return `${p.file}${where ? `: ${where}` : ""}: ${p.message}`;
}

export class DatasetError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      `The dataset is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` + problems.map((p) => `  - ${formatProblem(p)}`).join("\n"),
    );
    this.name = "DatasetError";
    this.problems = problems;
  }
}
