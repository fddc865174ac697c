// One deal for unit tests, with every required field: an equity stake with a committed amount (or none), dated by a
// counter so successive deals fall on different days unless a test dates them.
import type { Deal } from "../../src/schemas/dataset.ts";

let n = 0;
export function testDeal(from: string, to: string, usd: number | null, extra: Partial<Deal> = {}): Deal {
  n += 1;
  return {
    id: `${from}-${to}-${n}`,
    title: `${from} to ${to}`,
    announced: `2025-01-${String((n % 28) + 1).padStart(2, "0")}`,
    datePrecision: "day",
    from,
    to,
    type: "equity",
    amount: usd === null ? null : { usd, basis: "committed" },
    status: "signed",
    era: "ai-2020s",
    sources: [{ publisher: "Test", title: "Test", date: "2025", url: "https://example.org/" }],
    notes: "",
    ...extra,
  };
}
