// What each AI lab's investors paid for a dollar of its revenue: the price of the lab's existing shares at each round
// or share sale, over the revenue run rate it had reached. If suppliers who buy into a lab pay for the sale as well as
// the shares, their rounds should stand out as a rising multiple; this chart is that test, lab by lab.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import { dealIdsIn } from "./data.ts";
import type { Dataset } from "../schemas/dataset.ts";
import { PALETTE, baseStyle, twoLineAxisMargin } from "./theme.ts";
import { formatUsd } from "../lib/money.ts";
import { termIds, termListValue } from "../dataset/terms.ts";
import { href, paths } from "../lib/urls.ts";

export type Lab = "openai" | "anthropic";

export const LAB_LABEL: Record<Lab, string> = { openai: "OpenAI", anthropic: "Anthropic" };
const LAB_COLOR: Record<Lab, string> = { openai: PALETTE.orange, anthropic: PALETTE.blue };
const LABS = Object.keys(LAB_LABEL) as Lab[];

/**
 * The prices: each round or share sale that set a value on a lab's shares, with the round's new money to take off a
 * post-money valuation (an existing holder's stake is marked at the value before the money). Which run rates go with a
 * price is not chosen here: one rule (runRatesAround) takes the lab's last run rate on or before the price's date and
 * its first on or after, because the labs publish run rates irregularly and the multiple at the price lies between.
 */
export const PRICES: readonly {
  key: string;
  lab: Lab;
  label: string;
  /** The day the price was set (the announcement). */
  date: string;
  /** The valuation record, less the new money (`less`) when the valuation is post-money. */
  price: string;
  less?: string;
  paidBy: string;
}[] = [
  {
    key: "openai-2025-10",
    lab: "openai",
    label: "Sale of employees' shares, Oct 2025",
    date: "2025-10-02",
    price: "metric:openai-valuation-2025-10-02",
    paidBy: "Thrive, SoftBank, Dragoneer, MGX, T. Rowe Price",
  },
  {
    key: "openai-2026-02",
    lab: "openai",
    label: "Round, Feb 2026 (closed 31 Mar at the same price)",
    date: "2026-02-27",
    price: "metric:openai-valuation-2026-02-27",
    paidBy: "Amazon, Nvidia, SoftBank; at the close also a16z, D. E. Shaw, MGX, TPG, T. Rowe Price and others",
  },
  {
    key: "anthropic-2025-09",
    lab: "anthropic",
    label: "Series F, Sep 2025",
    date: "2025-09-02",
    price: "metric:anthropic-valuation-2025-09",
    less: "deal:anthropic-series-f-anthropic-2025-09",
    paidBy: "Led by ICONIQ",
  },
  {
    key: "anthropic-2025-11",
    lab: "anthropic",
    label: "Price reported with the pledges, Nov 2025",
    date: "2025-11-18",
    price: "metric:anthropic-valuation-2025-11-18",
    paidBy: "Microsoft and Nvidia pledges (reported price)",
  },
  {
    key: "anthropic-2026-02",
    lab: "anthropic",
    label: "Series G, Feb 2026",
    date: "2026-02-12",
    price: "metric:anthropic-valuation-2026-02-12",
    less: "deal:anthropic-series-g-anthropic-2026-02",
    paidBy: "Led by GIC and Coatue; part of Microsoft's and Nvidia's pledges",
  },
  {
    key: "anthropic-2026-05",
    lab: "anthropic",
    label: "Series H, May 2026",
    date: "2026-05-28",
    price: "metric:anthropic-valuation-2026-05-28",
    less: "deal:anthropic-series-h-anthropic-2026-05",
    paidBy: "Led by Altimeter, Dragoneer, Greenoaks and Sequoia",
  },
];

export interface Row {
  key: string;
  lab: Lab;
  label: string;
  date: string;
  /** The value of the lab's existing shares at the price, US dollars. */
  priceUsd: number;
  /** The last run rate on or before the price's date, and the multiple on it. */
  runRateBeforeUsd: number;
  runRateBeforeAsOf: string;
  multipleBefore: number;
  /** The first run rate on or after the price's date (the same one when the lab stated it with the round). */
  runRateAfterUsd: number;
  runRateAfterAsOf: string;
  multipleAfter: number;
  paidBy: string;
  /** The records the row is worked from, space-separated. */
  records: string;
}

const idsOf = (list: string) => termIds(list, "lab-revenue-multiples");

const DAY = 86_400_000;

/** The day a record period stands for: a month ("2025-08", "by August") counts as its last day. */
export function periodDay(period: string): string {
  const [y, m, d] = period.split("-").map(Number) as [number, number, number | undefined];
  return d === undefined ? new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) : period;
}

/** A lab's run-rate records, oldest first, with the day each stands for. */
function runRates(dataset: Dataset, lab: Lab) {
  return dataset.metrics
    .filter((m) => m.entity === lab && m.metric === "revenue-run-rate" && m.unit === "usd")
    .map((m) => ({ id: m.id, period: m.period, day: periodDay(m.period), usd: m.value }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
}

/**
 * The run rates around a price: the lab's last on or before its date and its first on or after (of two on the same
 * day, the later-listed id). Either is missing when the lab published none on that side.
 */
export function runRatesAround(dataset: Dataset, lab: Lab, date: string) {
  const rates = runRates(dataset, lab);
  return { before: rates.filter((r) => r.day <= date).at(-1), after: rates.find((r) => r.day >= date) };
}

/** The x domain: the first price's date less a month to the last's plus a month. */
function dateRange(data: readonly Row[]): [Date, Date] {
  const times = data.map((d) => Date.parse(`${d.date}T00:00:00Z`));
  return [new Date(Math.min(...times) - 45 * DAY), new Date(Math.max(...times) + 45 * DAY)];
}

const oneDecimal = (v: number) => Math.round(v * 10) / 10;

export function multipleRows(dataset: Dataset): Row[] {
  return PRICES.map((p) => {
    const where = `lab-revenue-multiples, ${LAB_LABEL[p.lab]} ${p.label}`;
    const priceUsd = termListValue(p.price, dataset, where, p.less);
    if (priceUsd <= 0) throw new Error(`${where}: the new money takes the price to zero or below`);
    const { before, after } = runRatesAround(dataset, p.lab, p.date);
    if (!before || !after) throw new Error(`${where}: the dataset has no ${LAB_LABEL[p.lab]} run rate ${before ? "on or after" : "on or before"} ${p.date}`);
    return {
      key: p.key,
      lab: p.lab,
      label: p.label,
      date: p.date,
      priceUsd,
      runRateBeforeUsd: before.usd,
      runRateBeforeAsOf: before.period,
      multipleBefore: oneDecimal(priceUsd / before.usd),
      runRateAfterUsd: after.usd,
      runRateAfterAsOf: after.period,
      multipleAfter: oneDecimal(priceUsd / after.usd),
      paidBy: p.paidBy,
      records: [...new Set([...idsOf(p.less ? `${p.price} ${p.less}` : p.price), before.id, after.id])].join(" "),
    };
  });
}

/** "38.5× to 25×", or "25×" when one run rate serves both sides. */
export function multipleText(row: Pick<Row, "multipleBefore" | "multipleAfter">): string {
  const f = (v: number) => `${v.toFixed(1)}×`;
  return row.multipleBefore === row.multipleAfter ? f(row.multipleBefore) : `${f(row.multipleBefore)} to ${f(row.multipleAfter)}`;
}

const chart: ChartModule<Row> = {
  id: "lab-revenue-multiples",
  since: "1.42.0",
  title: "What the AI labs' investors paid for a dollar of revenue",
  subtitle: "Value of each lab's existing shares at each price, as a multiple of its revenue run rate just before and just after",
  caption:
    'Each price is the value of the shares that existed before the new money, which is what a holder marks its stake at. The labs publish run rates irregularly, so each price is set against the last run rate on or before its date (the upper end) and the first on or after it (the lower end); the multiple at the price lies between. Some run rates are floors ("over $5 billion"), so multiples on them are ceilings. OpenAI states run rates net of payments to partners and Anthropic gross, so compare each lab with itself.',
  sourceNote: "Circularity metric and deal records for each price, each round's new money and each run rate; each record cites its own sources.",
  build(dataset) {
    const data = multipleRows(dataset);
    const day = (d: Row) => new Date(`${d.date}T00:00:00Z`);
    const top = Math.max(...data.map((d) => d.multipleBefore));
    return {
      data,
      columns: [
        { key: "lab", label: "Lab", format: (v) => LAB_LABEL[v as Lab] },
        { key: "label", label: "Price" },
        { key: "date", label: "Date" },
        { key: "priceUsd", label: "Existing shares worth", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "runRateBeforeUsd", label: "Run rate before", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "runRateBeforeAsOf", label: "as of" },
        { key: "multipleBefore", label: "Multiple on it", numeric: true, format: (v) => `${(v as number).toFixed(1)}×` },
        { key: "runRateAfterUsd", label: "Run rate after", numeric: true, format: (v) => formatUsd(v as number) },
        { key: "runRateAfterAsOf", label: "as of" },
        { key: "multipleAfter", label: "Multiple on it", numeric: true, format: (v) => `${(v as number).toFixed(1)}×` },
        { key: "paidBy", label: "Paid by" },
        { key: "records", label: "Records" },
      ],
      rowKey: (r) => r.key,
      rowLink: (r) => {
        const deal = dealIdsIn(r.records, dataset)[0];
        return deal ? href(paths.deal(deal)) : null;
      },
      dealIds: [...new Set(data.flatMap((r) => dealIdsIn(r.records, dataset)))].sort(),
      legend: LABS.filter((l) => data.some((d) => d.lab === l)).map((l) => ({ label: LAB_LABEL[l], color: LAB_COLOR[l], shape: "line" as const })),
      plot: ({ width, compact }) => ({
        width,
        height: compact ? 300 : 360,
        marginLeft: 44,
        marginRight: compact ? 24 : 40,
        marginBottom: twoLineAxisMargin(compact),
        marginTop: 28,
        style: baseStyle(compact),
        // A month's margin either side, so the first and last labels clear the axis and the frame.
        x: { type: "utc", label: null, ticks: compact ? 3 : 6, domain: dateRange(data) },
        y: { label: null, tickFormat: (d: number) => `${d}×`, grid: true, ticks: 5, zero: true, domain: [0, Math.ceil(top / 10) * 10 + 5] },
        color: { domain: LABS, range: LABS.map((l) => LAB_COLOR[l]) },
        marks: [
          Plot.ruleY([0]),
          // Each price as a bar from the multiple on the run rate after it up to the one on the run rate before it.
          Plot.ruleX(data, { x: day, y1: "multipleAfter", y2: "multipleBefore", stroke: "lab", strokeWidth: 4 }),
          Plot.dot(data, {
            x: day,
            y: "multipleBefore",
            fill: "lab",
            r: 4,
            title: (d: Row) => `${LAB_LABEL[d.lab]}, ${d.label}: ${formatUsd(d.priceUsd)}, ${multipleText(d)} revenue`,
          }),
          Plot.dot(data, { x: day, y: "multipleAfter", fill: "lab", r: 4 }),
          // The upper end's value above each bar; the lower end's below it on the desktop rendition only, where prices
          // a few days apart (the labs' February rounds) are far enough apart for both. The table has every value.
          // A price with one run rate on both sides (stated with the round) is labelled below its dot, clear of the
          // lower labels of a bar beside it.
          Plot.text(
            data.filter((d) => d.multipleAfter !== d.multipleBefore),
            { x: day, y: "multipleBefore", text: (d: Row) => `${d.multipleBefore.toFixed(0)}×`, dy: -11, fill: "currentColor", fontWeight: 600 },
          ),
          Plot.text(
            data.filter((d) => d.multipleAfter === d.multipleBefore),
            { x: day, y: "multipleBefore", text: (d: Row) => `${d.multipleBefore.toFixed(0)}×`, dy: 13, fill: "currentColor", fontWeight: 600 },
          ),
          ...(compact
            ? []
            : [
                Plot.text(
                  data.filter((d) => d.multipleAfter !== d.multipleBefore),
                  { x: day, y: "multipleAfter", text: (d: Row) => `${d.multipleAfter.toFixed(0)}×`, dy: 13, fill: "currentColor", fontWeight: 600 },
                ),
              ]),
        ],
      }),
    };
  },
  alt(spec) {
    if (!spec.data.length) return "Chart of the AI labs' prices as a multiple of revenue: nothing is plotted.";
    const lines = LABS.filter((l) => spec.data.some((d) => d.lab === l)).map(
      (l) =>
        `${LAB_LABEL[l]}: ${spec.data
          .filter((d) => d.lab === l)
          .map(
            (d) =>
              `${d.label}, ${formatUsd(d.priceUsd)}, ${multipleText(d)} the run rate (${formatUsd(d.runRateBeforeUsd)} as of ${d.runRateBeforeAsOf}${d.runRateAfterAsOf === d.runRateBeforeAsOf ? "" : `; ${formatUsd(d.runRateAfterUsd)} as of ${d.runRateAfterAsOf}`})`,
          )
          .join("; ")}`,
    );
    return `Chart of each AI lab's existing shares at each price as a multiple of its revenue run rate, from the run rate just before the price to the one just after. ${lines.join(". ")}.`;
  },
};

export default chart;
