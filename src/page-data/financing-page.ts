// What /financing/ shows: a contents list, a summary of the financing layer by instrument and lender type, the
// borrowers chart, and every record by instrument with its terms, the deals it pays for and its sources.
import type { Release } from "../dataset/load.ts";
import type { Entity, Financing } from "../schemas/dataset.ts";
import { entityNamer, financingByInstrument } from "../dataset/selectors.ts";
import { dealEvidence, SOURCE_KIND_LABEL } from "../dataset/evidence.ts";
import { AMOUNT_TEXT_NAMES_BASIS, BASIS_LABEL, formatAmount, INSTRUMENT_EXPLANATION, INSTRUMENT_LABEL, LENDER_TYPE_LABEL } from "../dataset/labels.ts";
import { EntityKind as EntityKindSchema } from "../schemas/dataset.ts";
import { formatUsd } from "../lib/money.ts";
import { formatDate } from "../lib/dates.ts";
import { paths } from "../lib/urls.ts";
import { currentChart, publishedCharts } from "../render/charts.ts";

const BORROWERS_CHART = "financing-by-borrower";

/** Money and count for a set of records: cancelled ones are listed but not counted, undisclosed ones counted not summed. */
function tally(items: readonly Financing[]) {
  const live = items.filter((f) => f.status !== "cancelled");
  const usd = live.reduce((s, f) => s + (f.amount?.usd ?? 0), 0);
  const undisclosed = live.filter((f) => !f.amount).length;
  return {
    count: live.length,
    usd,
    /** "$246B" over "31 records, 1 undisclosed"; empty where there are none. */
    lines: live.length
      ? [
          usd ? formatUsd(usd) : "undisclosed",
          `${live.length} record${live.length === 1 ? "" : "s"}${undisclosed && usd ? `, ${undisclosed} undisclosed` : ""}`,
        ]
      : [],
  };
}

export function financingPage(release: Release) {
  const { dataset } = release;
  const name = entityNamer(dataset);
  const kindOf = new Map(dataset.entities.map((e) => [e.id, e.kind]));
  const groups = financingByInstrument(dataset.financing);
  const lenderTypes = EntityKindSchema.options.filter((k) => dataset.financing.some((f) => kindOf.get(f.provider) === k));
  const byLender = (items: readonly Financing[], kind: Entity["kind"]) => items.filter((f) => kindOf.get(f.provider) === kind);
  const deals = new Map(dataset.deals.map((d) => [d.id, d]));
  const all = tally(dataset.financing);
  // The borrowers chart, where the release publishes it (releases before it have no page for it to link to).
  const chart = publishedCharts().some((c) => c.id === BORROWERS_CHART) ? currentChart(BORROWERS_CHART) : undefined;
  return {
    title: "How the deals are financed",
    description: `The ${dataset.financing.length} bonds, loans, vehicles, guarantees and share sales that pay for the AI deals, each with its sources.`,
    path: paths.financing(),
    lede: `The deals record who pays whom. This layer records where that money is raised: ${dataset.financing.length} bonds, loans, lease and special-purpose vehicles, guarantees and share sales in dataset v${release.version}, ${formatUsd(all.usd)} of disclosed amounts (cancelled ones left out).`,
    chart,
    contents: [
      { text: "Summary by instrument and lender", anchor: "summary" },
      ...(chart ? [{ text: "Who borrows", anchor: "borrowers" }] : []),
      ...groups.map((g) => ({ text: `${INSTRUMENT_LABEL[g.instrument]} (${g.items.length})`, anchor: `instrument-${g.instrument}` })),
    ],
    summary: {
      caption: "Disclosed amounts and number of records, by instrument and by who provides the money; cancelled records are left out, undisclosed ones counted",
      headers: [...lenderTypes.map((k) => LENDER_TYPE_LABEL[k]), "All"],
      rows: [
        ...groups.map((g) => ({
          label: INSTRUMENT_LABEL[g.instrument],
          anchor: `instrument-${g.instrument}`,
          cells: [...lenderTypes.map((k) => tally(byLender(g.items, k)).lines), tally(g.items).lines],
        })),
        { label: "All", anchor: undefined, cells: [...lenderTypes.map((k) => tally(byLender(dataset.financing, k)).lines), all.lines] },
      ],
      /** The sums behind the cells, for tests: instrument × lender type, and the totals. */
      usd: Object.fromEntries(groups.map((g) => [g.instrument, Object.fromEntries(lenderTypes.map((k) => [k, tally(byLender(g.items, k)).usd]))])),
      totalUsd: all.usd,
    },
    sections: groups.map(({ instrument, items }) => ({
      id: `instrument-${instrument}`,
      heading: `${INSTRUMENT_LABEL[instrument]} (${items.length})`,
      explanation: INSTRUMENT_EXPLANATION[instrument],
      items: items.map((f) => {
        const evidence = dealEvidence(f);
        return {
          id: f.id,
          title: f.title,
          date: { datetime: f.announced, text: formatDate(f.announced, f.datePrecision) },
          parties: `${name(f.provider)} → ${name(f.borrower)}${f.beneficiary ? ` (for ${name(f.beneficiary)})` : ""}`,
          amount: formatAmount(f.amount),
          basis: f.amount && !AMOUNT_TEXT_NAMES_BASIS[f.amount.basis] ? BASIS_LABEL[f.amount.basis] : undefined,
          status: f.status,
          evidence: evidence === "ungraded" ? "not graded" : SOURCE_KIND_LABEL[evidence],
          terms: f.terms ? `${f.terms}${f.termYears ? `; ${f.termYears} years` : ""}.` : undefined,
          paysFor: f.relatedDeals.map((id) => ({ text: deals.get(id)?.title ?? id, path: paths.deal(id) })),
          notes: f.notes,
          sources: f.sources,
        };
      }),
    })),
  };
}
export type FinancingPageData = ReturnType<typeof financingPage>;
