// What Amazon has riding on Anthropic and OpenAI at 30 June 2026: its stakes and funding commitments (the 10-Q's own
// measure of what it could lose on the two), the part of its backlog the two labs' contracts would be if booked in
// full, and its shareholders' equity, all on one dollar scale.
import { PALETTE } from "./theme.ts";
import { partBarChart, type PartBar, type PartRow } from "./part-bars.ts";

export type Part = "anthropic-cash" | "anthropic-gains" | "openai" | "facility" | "lab-contracts" | "other-backlog" | "equity";

export const PART_LABEL: Record<Part, string> = {
  "anthropic-cash": "Cash paid into Anthropic",
  "anthropic-gains": "Gains booked on the Anthropic holdings",
  openai: "Stock in OpenAI, paid for or committed",
  facility: "Facility still open to Anthropic",
  "lab-contracts": "The two labs' AWS contracts, if booked in full",
  "other-backlog": "Rest of the backlog",
  equity: "Shareholders' equity",
};

const PART_COLOR: Record<Part, string> = {
  "anthropic-cash": PALETTE.blue,
  "anthropic-gains": PALETTE.orange,
  openai: PALETTE.purple,
  facility: PALETTE.teal,
  "lab-contracts": PALETTE.red,
  "other-backlog": PALETTE.grey,
  equity: PALETTE.green,
};

// Amazon's cash into Anthropic: $8.0B of notes (the three deals, 2023–2024 commitments paid through 2025) and the
// $10.0B of preferred stock bought in Q2 2026. Its holdings less that cash are the gains it has booked on them.
const ANTHROPIC_CASH =
  "deal:amazon-anthropic-2023-09 deal:amazon-anthropic-2024-03 deal:amazon-anthropic-2024-11 metric:amazon-customer-financing-2026-q2-anthropic";
const ANTHROPIC_HOLDINGS = "metric:amazon-anthropic-stake-2026-06-30-preferred-stock metric:amazon-anthropic-stake-2026-06-30-convertible-notes";
// OpenAI's first $38B contract (November 2025) and its $100B expansion, and Anthropic's more-than-$100B expansion.
const LAB_CONTRACTS = "deal:openai-amazon-2025-11 deal:openai-amazon-2026-02 deal:anthropic-amazon-2026-04";

export const BARS: readonly PartBar<Part>[] = [
  {
    label: "At stake in the two labs",
    parts: [
      { part: "anthropic-cash", terms: ANTHROPIC_CASH },
      { part: "anthropic-gains", terms: ANTHROPIC_HOLDINGS, less: ANTHROPIC_CASH },
      // Paid by the end of July: the $28.7B held at June and the $21.3B still committed then.
      { part: "openai", terms: "metric:amazon-customer-financing-2026-07-31-openai-funded" },
      { part: "facility", terms: "deal:amazon-anthropic-2026-04-milestones", less: "metric:amazon-customer-financing-2026-q2-anthropic-series-h" },
    ],
  },
  {
    label: "Backlog",
    parts: [
      { part: "lab-contracts", terms: LAB_CONTRACTS },
      { part: "other-backlog", terms: "metric:amazon-backlog-2026-06-30", less: LAB_CONTRACTS },
    ],
  },
  { label: "Shareholders' equity", parts: [{ part: "equity", terms: "metric:amazon-stockholders-equity-2026-06-30" }] },
];

export type Row = PartRow<Part>;

const chart = partBarChart<Part>({
  id: "amazon-two-labs-exposure",
  since: "1.59.0",
  title: "What Amazon has riding on Anthropic and OpenAI",
  subtitle: "Amazon's stakes in and commitments to the two labs, its backlog and its shareholders' equity, 30 June 2026, US dollars",
  caption:
    "The first bar is what Amazon's 10-Q says it could lose on the two labs: the carrying value of its investments and its future funding commitments. Its Anthropic holdings are split into the cash it paid and the gains it has booked on them; the OpenAI part counts stock bought by June and the rest of the commitment, paid in July. The backlog bar counts OpenAI's and Anthropic's AWS contracts as announced. Amazon does not say how much of its backlog they are, so that part is our estimate and could err either way: some may be delivered or not yet booked, while Anthropic's figure is a floor and its earlier AWS commitments are not counted.",
  sourceNote: "Amazon.com Forms 10-Q for the quarters ended 31 March and 30 June 2026; the companies' announcements of the contracts, as Circularity records.",
  bars: BARS,
  labels: PART_LABEL,
  colors: PART_COLOR,
  marginLeft: 160,
  altIntro: "Stacked bar chart of what Amazon has riding on Anthropic and OpenAI at 30 June 2026.",
});

/** The chart's rows, read from a dataset (its unit tests read them). */
export const exposureRows = chart.rows;

export default chart;
