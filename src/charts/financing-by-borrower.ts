// Who borrows to build for the loops: disclosed financing by borrower and instrument.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import type { Dataset, Financing, FinancingInstrument } from "../schemas/dataset.ts";
import { INSTRUMENT_COLOR, barEndLabels, barValueAxis, barInset, compactBarLabels, horizontalBarFrame, barRows } from "./theme.ts";
import { entityName } from "./data.ts";
import { FinancingInstrument as Instruments } from "../schemas/dataset.ts";
import { INSTRUMENT_LABEL } from "../dataset/labels.ts";
import { formatUsd } from "../lib/money.ts";
import { href, paths } from "../lib/urls.ts";

interface Row {
  borrowerId: string;
  borrower: string;
  instrument: FinancingInstrument;
  usd: number;
  records: number;
  /** Records of this borrower and instrument with no disclosed amount. */
  undisclosed: number;
  /** "3 committed, 1 reported": how firm the summed amounts are. */
  bases: string;
  ids: string;
}

const INSTRUMENTS = Instruments.options;

/** Vehicle names are long legal names: the chart drops the legal suffix and any parenthesis (the table keeps the ids). */
export function borrowerLabel(name: string): string {
  return name
    .replace(/\s*\(.*?\)\s*/g, " ")
    .replace(/,?\s+(LLC|L\.P\.|Inc\.?|Ltd\.?)$/, "")
    .trim();
}

/** Financing that still stands: cancelled records are kept in the dataset but no longer finance anything. */
export function activeFinancing(dataset: Dataset): Financing[] {
  return dataset.financing.filter((f) => f.status !== "cancelled");
}

const chart: ChartModule<Row> = {
  id: "financing-by-borrower",
  since: "1.2.0",
  title: "Who borrows to build for the loops",
  subtitle: "Disclosed bonds, loans, vehicles, guarantees and share sales recorded in the dataset, by borrower and instrument",
  caption:
    "A borrower is whoever owes the money: a company, or a vehicle or site developer set up to hold the data centre. Lenders and bond buyers are not customers, so none of this closes a loop; each record is tied to the deals whose spending it pays for. Amounts mix firm figures, ceilings, our estimates and press reports (the table gives the basis), and records without a disclosed amount are counted, not summed.",
  sourceNote: "Circularity financing records; each cites its own sources. Cancelled financing excluded.",
  build(dataset) {
    const items = activeFinancing(dataset);
    const cells = new Map<string, Financing[]>();
    for (const f of items) cells.set(`${f.borrower}|${f.instrument}`, [...(cells.get(`${f.borrower}|${f.instrument}`) ?? []), f]);
    const data: Row[] = [...cells.entries()].map(([key, list]) => {
      const [borrowerId, instrument] = key.split("|") as [string, FinancingInstrument];
      const priced = list.filter((f) => f.amount);
      const bases = new Map<string, number>();
      for (const f of priced) bases.set(f.amount!.basis, (bases.get(f.amount!.basis) ?? 0) + 1);
      return {
        borrowerId,
        borrower: borrowerLabel(entityName(dataset, borrowerId)),
        instrument,
        usd: priced.reduce((s, f) => s + f.amount!.usd, 0),
        records: list.length,
        undisclosed: list.length - priced.length,
        bases: [...bases.entries()].map(([b, n]) => `${n} ${b}`).join(", ") || "none disclosed",
        ids: list.map((f) => f.id).join(" "),
      };
    });
    const totals = new Map<string, number>();
    for (const r of data) totals.set(r.borrower, (totals.get(r.borrower) ?? 0) + r.usd);
    const order = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
    data.sort((a, b) => order.indexOf(a.borrower) - order.indexOf(b.borrower) || INSTRUMENTS.indexOf(a.instrument) - INSTRUMENTS.indexOf(b.instrument));
    const idOf = new Map(data.map((d) => [d.borrower, d.borrowerId]));
    const link = (name: string) => href(paths.company(idOf.get(name)!));
    const present = INSTRUMENTS.filter((i) => data.some((d) => d.instrument === i));
    const labels = order.map((name) => {
      const rows = data.filter((d) => d.borrower === name);
      const undisclosed = rows.reduce((s, r) => s + r.undisclosed, 0);
      const usd = totals.get(name)!;
      return { name, usd, text: [usd ? formatUsd(usd) : "", undisclosed ? `${undisclosed} undisclosed` : ""].filter(Boolean).join(" + ") };
    });
    return {
      data,
      columns: [
        { key: "borrower", label: "Borrower" },
        { key: "instrument", label: "Instrument", format: (v) => INSTRUMENT_LABEL[v as FinancingInstrument] },
        { key: "usd", label: "Disclosed USD", numeric: true, disclosedSum: true, format: (v) => formatUsd(v as number) },
        { key: "bases", label: "Basis of the amounts" },
        { key: "undisclosed", label: "Undisclosed records", numeric: true },
        { key: "ids", label: "Records" },
      ],
      rowKey: (r) => `${r.borrowerId}/${r.instrument}`,
      rowLink: (r) => href(paths.financingRecord(r.ids.split(" ")[0]!)),
      dealIds: [...new Set(items.flatMap((f) => f.relatedDeals))].sort(),
      legend: present.map((i) => ({ label: INSTRUMENT_LABEL[i], color: INSTRUMENT_COLOR[i] })),
      plot: ({ width, compact }) => {
        const bars = barRows({ width, compact }, order);
        return {
          ...horizontalBarFrame(bars, order, {
            marginLeft: 180,
            marginRight: compact ? 12 : 110,
            extraHeight: 50,
            // Four ticks on desktop: the plot is narrow beside the long borrower names, and five crowd past $100B.
            x: {
              ...barValueAxis(compact, Math.max(...labels.map((d) => d.usd)), undefined, {
                labels: labels.map((d) => ({ value: d.usd, text: d.text })),
                width,
                marginRight: 12,
              }),
              ticks: compact ? 3 : 4,
            },
          }),
          color: { domain: [...INSTRUMENTS], range: INSTRUMENTS.map((i) => INSTRUMENT_COLOR[i]) },
          marks: [
            Plot.barX(
              data.filter((d) => d.usd > 0),
              Plot.stackX({
                x: "usd",
                y: "borrower",
                fill: "instrument",
                order: [...INSTRUMENTS],
                ...barInset(bars),
                href: (d: Row) => href(paths.financingRecord(d.ids.split(" ")[0]!)),
                title: (d: Row) => `${d.borrower}, ${INSTRUMENT_LABEL[d.instrument].toLowerCase()}: ${formatUsd(d.usd)} (${d.bases})`,
              }),
            ),
            barEndLabels(labels, { x: "usd", y: "name", text: "text" }, bars),
            Plot.ruleX([0]),
            compactBarLabels(order, bars, link),
          ],
        };
      },
    };
  },
  alt(spec) {
    const totals = new Map<string, number>();
    for (const r of spec.data) totals.set(r.borrower, (totals.get(r.borrower) ?? 0) + r.usd);
    const top = [...totals.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([name, usd]) => `${name} ${formatUsd(usd)}`);
    return `Stacked bar chart of disclosed financing for ${totals.size} borrowers, split by instrument. Largest: ${top.join("; ")}.`;
  },
};

export default chart;
