// Earnings from the loop: the gains investors booked on their stakes in the labs they sell to, against net income.
import type { IndicatorModule, IndicatorRow } from "./types.ts";
import { entityNamer } from "../dataset/selectors.ts";
import { formatUsd } from "../lib/money.ts";
import { latestMetric, metricRef, percentOf } from "./records.ts";

/** Suppliers that hold stakes in the labs buying from them, and report gains on those stakes. */
export const LOOP_INVESTORS = ["amazon", "google", "nvidia", "microsoft"] as const;

const indicator: IndicatorModule = {
  id: "earnings-from-the-loop",
  since: "1.3.0",
  title: "Earnings from the loop",
  question: "How much of the big suppliers' profit comes from marking up their stakes in the labs that buy from them?",
  definition:
    "For each supplier that holds a stake in an AI lab it sells to (Amazon and Alphabet in Anthropic; Nvidia in OpenAI, xAI and others; Microsoft in OpenAI), the gains it booked on equity stakes in its latest quarter with both figures, as a share of its net income for the same quarter. The gains are accounting marks, mostly set by the labs' latest funding rounds, not cash. Each company reports them differently: Amazon names its Anthropic gain; Alphabet and Nvidia report all gains on equity securities, which include stakes outside the loops; Microsoft reports its share of OpenAI's result. The headline adds the quarters up.",
  formula: "Σ gains on equity stakes ÷ Σ net income, each supplier's latest quarter with both",
  unit: "percent",
  rowLabel: "Supplier",
  compute(dataset) {
    const name = entityNamer(dataset);
    const pairs = LOOP_INVESTORS.flatMap((investor) => {
      // The newest quarter for which the supplier has both a gain and a positive net income on record.
      const pair = dataset.metrics
        .filter((m) => m.entity === investor && m.metric === "equity-gain")
        .map((gain) => ({ investor, gain, income: latestMetric(dataset, investor, "net-income", (m) => m.period === gain.period) }))
        .filter((p) => p.income && p.income.value > 0)
        .sort((a, b) => (b.gain.stated ?? "").localeCompare(a.gain.stated ?? "") || b.gain.period.localeCompare(a.gain.period))[0];
      return pair ? [{ ...pair, income: pair.income! }] : [];
    });
    if (!pairs.length) return null;
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    const gains = pairs.map((p) => p.gain.value);
    const incomes = pairs.map((p) => p.income.value);
    const rows: IndicatorRow[] = pairs.map(({ investor, gain, income }) => ({
      label: `${name(investor)}, ${gain.period}`,
      value: percentOf(gain.value, income.value),
      working: `${formatUsd(gain.value)} ÷ ${formatUsd(income.value)}`,
      inputs: [metricRef(gain), metricRef(income)],
      note: gain.notes?.split(/(?<=\.)\s/)[0],
    }));
    return {
      value: percentOf(sum(gains), sum(incomes)),
      working: `(${gains.map(formatUsd).join(" + ")}) ÷ (${incomes.map(formatUsd).join(" + ")})`,
      rows,
      inputs: rows.flatMap((r) => r.inputs),
    };
  },
};

export default indicator;
