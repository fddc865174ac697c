// The debt and share sales behind the loops: the financing layer's disclosed dollars, by instrument.
import type { IndicatorModule } from "./types.ts";
import { financingByInstrument } from "../dataset/selectors.ts";
import { INSTRUMENT_LABEL } from "../dataset/labels.ts";
import { formatUsd } from "../lib/money.ts";
import { sumWorking } from "./records.ts";

const indicator: IndicatorModule = {
  id: "debt-behind-the-loops",
  since: "1.3.0",
  title: "The money borrowed and raised behind the loops",
  question: "How much outside money (bonds, loans, lease vehicles, guarantees, share sales) finances the deals?",
  definition:
    "The disclosed US dollars of the financing records: bonds, bank and private-credit loans, lease and special-purpose vehicles, guarantees and share or convertible sales that pay for the deals' data centres, chips and stakes. Cancelled financings are left out; a lender is not a customer, so none of this money is part of a loop. Undisclosed amounts are left out, not counted as zero.",
  formula: "sum of disclosed financing amounts, not cancelled, by instrument",
  unit: "usd",
  rowLabel: "Instrument",
  compute(dataset) {
    const items = dataset.financing.filter((f) => f.status !== "cancelled" && f.amount);
    if (!items.length) return null;
    const rows = financingByInstrument(items).map(({ instrument, items: mine }) => {
      const usd = mine.reduce((s, f) => s + f.amount!.usd, 0);
      return {
        label: INSTRUMENT_LABEL[instrument],
        value: usd,
        working: `${mine.length} record${mine.length === 1 ? "" : "s"}: ${formatUsd(usd)}`,
        inputs: mine.map((f) => `financing:${f.id}` as const),
      };
    });
    const total = rows.reduce((s, r) => s + r.value, 0);
    return { value: total, working: sumWorking(rows.map((r) => r.value)), rows, inputs: items.map((f) => `financing:${f.id}` as const) };
  },
};

export default indicator;
