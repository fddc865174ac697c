// What Amazon's first-half 2026 profit was made of: its other income split as its 10-Q splits it, and its net income
// split into the Anthropic gains after the tax the 10-Q ties to them and everything else.
import { PALETTE } from "./theme.ts";
import { partBarChart, type PartBar, type PartRow } from "./part-bars.ts";

export type Part = "marks" | "notes" | "other-income" | "gains-after-tax" | "rest";

export const PART_LABEL: Record<Part, string> = {
  marks: "Marks on its Anthropic preferred stock",
  notes: "Earlier gains on Anthropic notes converted in Q1",
  "other-income": "Other items",
  "gains-after-tax": "The Anthropic gains, after the tax tied to them",
  rest: "Everything else",
};

const PART_COLOR: Record<Part, string> = {
  marks: PALETTE.orange,
  notes: PALETTE.purple,
  "other-income": PALETTE.grey,
  "gains-after-tax": PALETTE.red,
  rest: PALETTE.blue,
};

/** Each bar and the records its parts are worked from; the parts of a bar always add up to the bar's record. */
export const BARS: readonly PartBar<Part>[] = [
  {
    label: "Other income, before tax",
    parts: [
      { part: "marks", terms: "metric:amazon-equity-gain-2026-h1-anthropic-preferred-marks" },
      { part: "notes", terms: "metric:amazon-equity-gain-2026-h1-anthropic-notes-reclassified" },
      {
        part: "other-income",
        terms: "metric:amazon-equity-gain-2026-h1-anthropic",
        less: "metric:amazon-equity-gain-2026-h1-anthropic-preferred-marks metric:amazon-equity-gain-2026-h1-anthropic-notes-reclassified",
      },
    ],
  },
  {
    label: "Net income",
    parts: [
      // The after-tax gain less the other items: the 10-Q ties the tax to the Anthropic adjustments, not to them.
      {
        part: "gains-after-tax",
        terms:
          "metric:amazon-equity-gain-2026-h1-anthropic-after-tax metric:amazon-equity-gain-2026-h1-anthropic-preferred-marks metric:amazon-equity-gain-2026-h1-anthropic-notes-reclassified",
        less: "metric:amazon-equity-gain-2026-h1-anthropic",
      },
      {
        part: "rest",
        terms: "metric:amazon-net-income-2026-q1 metric:amazon-net-income-2026-q2 metric:amazon-equity-gain-2026-h1-anthropic",
        less: "metric:amazon-equity-gain-2026-h1-anthropic-after-tax metric:amazon-equity-gain-2026-h1-anthropic-preferred-marks metric:amazon-equity-gain-2026-h1-anthropic-notes-reclassified",
      },
    ],
  },
];

export type Row = PartRow<Part>;

const chart = partBarChart<Part>({
  id: "amazon-profit-from-marks",
  since: "1.58.0",
  title: "What Amazon's first-half 2026 profit was made of",
  subtitle: "Amazon's other income and net income, January to June 2026, by what its 10-Q says they came from, US dollars",
  caption:
    "Most of Amazon's first-half profit came from re-marking its shares in Anthropic, a customer of AWS, to the prices of Anthropic's funding rounds. The Anthropic gains after tax are our subtraction of the net discrete tax the 10-Q attributes primarily to the Anthropic adjustments; the other items are what the 10-Q's other income leaves once the two Anthropic parts are taken off, and are not in the net-income split.",
  sourceNote: "Amazon.com Form 10-Q for the quarter ended 30 June 2026 and its quarterly releases, as Circularity metric records.",
  bars: BARS,
  labels: PART_LABEL,
  colors: PART_COLOR,
  marginLeft: 170,
  altIntro: "Stacked bar chart of Amazon's profit in the first half of 2026.",
});

/** The chart's rows, read from a dataset (its unit tests read them). */
export const profitRows = chart.rows;

export default chart;
