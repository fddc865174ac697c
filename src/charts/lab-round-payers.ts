// Who paid the prices the labs' investors mark their stakes at: each 2026 round of OpenAI and Anthropic, split by payer.
import * as Plot from "@observablehq/plot";
import type { ChartModule } from "./types.ts";
import { dealIdsIn } from "./data.ts";
import type { Dataset } from "../schemas/dataset.ts";
import { PALETTE, stackedBarPlot } from "./theme.ts";
import { formatUsd } from "../lib/money.ts";
import { parseTerms, termIds, termListValue, termsInRelease } from "../dataset/terms.ts";
import { recordSources, strongestKind } from "../dataset/evidence.ts";
import { href, paths } from "../lib/urls.ts";

export type Payer = "suppliers-at-price" | "suppliers-conditional" | "suppliers-earlier" | "others";
/** How far a segment is known: the rounds disclose totals, and which part of a pledge came in is sometimes not said. */
export type Bound = "stated" | "at most" | "at least";

export const PAYER_LABEL: Record<Payer, string> = {
  "suppliers-at-price": "Suppliers, at the round's price",
  "suppliers-conditional": "Suppliers, at the round's price, due only on conditions",
  "suppliers-earlier": "Suppliers, committed earlier at a lower price",
  others: "Other investors",
};

const PAYER_COLOR: Record<Payer, string> = {
  "suppliers-at-price": PALETTE.orange,
  "suppliers-conditional": PALETTE.brown,
  "suppliers-earlier": PALETTE.purple,
  others: PALETTE.blue,
};

const PAYERS = Object.keys(PAYER_LABEL) as Payer[];

/**
 * The rounds and which records hold each payer's money. Which investors in a round also sell to the lab is a
 * judgement the dataset cannot make from its fields (a round is one record; the suppliers' parts are records of their
 * own), so it is written here once, with the reason for each bound, and every amount still comes from the dataset.
 */
export const ROUNDS: readonly {
  key: string;
  label: string;
  /** The post-money valuation the round priced the lab at, as a record term (src/dataset/terms.ts). */
  price: string;
  /** The round's total, when one record states it; otherwise the parts are the total. */
  total?: string;
  /** Each supplier part: a sum of record terms, less any (a part already counted elsewhere). */
  suppliers: {
    payer: Exclude<Payer, "others">;
    terms: string;
    less?: string;
    bound: Bound;
    who: string;
    /** A conditional part that is paid at the round's price once this deal's amount is committed (the condition met). */
    settledBy?: { deal: string; who: string };
    /**
     * A firmer reading of the part, from the first release in which its record rests on a filing that says who paid
     * what at which price: earlier releases keep the reading their evidence allowed, as their archived charts show it.
     */
    readFrom?: { record: string; payer: Exclude<Payer, "others">; terms: string; bound: Bound; who: string; othersWho: string };
  }[];
  /** The others' record, when there is one; otherwise they are the total less the suppliers. */
  others?: string;
  othersWho: string;
}[] = [
  {
    key: "anthropic-2026-02",
    label: "Anthropic Series G, Feb 2026",
    price: "metric:anthropic-valuation-2026-02-12",
    total: "deal:anthropic-series-g-anthropic-2026-02",
    // Anthropic said the round included "a portion" of Microsoft's and Nvidia's pledges, without saying how much.
    suppliers: [
      {
        payer: "suppliers-at-price",
        terms: "deal:microsoft-anthropic-2025-11 deal:nvidia-anthropic-2025-11",
        bound: "at most",
        who: "Microsoft, Nvidia (a portion of their pledges)",
      },
    ],
    othersWho: "Led by GIC and Coatue; includes MGX, whose sum was not disclosed",
  },
  {
    key: "anthropic-2026-05",
    label: "Anthropic Series H, May 2026",
    price: "metric:anthropic-valuation-2026-05-28",
    total: "deal:anthropic-series-h-anthropic-2026-05",
    // Anthropic counted $15B of hyperscalers' earlier commitments in the round, $5B of it Amazon's; until Amazon's 10-Q
    // (1.58.0) said that $5B bought Series H shares, the $15B was read as the clouds' April money at February's price.
    suppliers: [
      {
        payer: "suppliers-earlier",
        terms: "metric:amazon-customer-financing-2026-04-20-anthropic-initial metric:google-customer-financing-2026-04-24-anthropic-initial",
        bound: "stated",
        who: "Amazon, Google (April commitments)",
        readFrom: {
          record: "metric:amazon-customer-financing-2026-q2-anthropic-series-h",
          payer: "suppliers-at-price",
          terms: "metric:amazon-customer-financing-2026-q2-anthropic-series-h",
          bound: "stated",
          who: "Amazon (Series H shares, by its 10-Q)",
          othersWho:
            "Led by Altimeter, Dragoneer, Greenoaks and Sequoia; includes the rest of the hyperscalers' earlier commitments Anthropic counted in the round (unnamed), and Micron, Samsung, SK hynix, MGX and Blackstone, whose sums were not disclosed",
        },
      },
    ],
    othersWho: "Led by Altimeter, Dragoneer, Greenoaks and Sequoia; includes Micron, Samsung, SK hynix, MGX and Blackstone, whose sums were not disclosed",
  },
  {
    key: "openai-2026-03",
    label: "OpenAI, Feb–Mar 2026",
    price: "metric:openai-valuation-2026-03-31",
    // Amazon's $50B is $15B at the closing and the rest payable on a listing or another event its filing redacts.
    suppliers: [
      {
        payer: "suppliers-at-price",
        terms: "deal:nvidia-openai-2026-02 deal:softbank-openai-2026-02 metric:amazon-customer-financing-2026-03-31-openai-funded",
        bound: "stated",
        who: "Amazon (its first part), Nvidia, SoftBank",
      },
      {
        payer: "suppliers-conditional",
        // Until 1.48.0 one record held all $50B; from it the conditional $35B has its own, and the first holds the $15B.
        terms: "deal:amazon-openai-2026-02 deal:amazon-openai-2026-02-conditional",
        less: "metric:amazon-customer-financing-2026-03-31-openai-funded",
        bound: "stated",
        who: "Amazon (the rest of its commitment, due on a listing or another event)",
        // Amazon's 10-Q for the quarter to June 2026 says the rest was paid by the end of July (1.57.0 on).
        settledBy: { deal: "amazon-openai-2026-02-conditional", who: "Amazon (the rest of its commitment, paid by July 2026)" },
      },
    ],
    others: "deal:openai-2026-round-investors-openai-2026-03",
    othersWho: "Co-led by a16z, D. E. Shaw, MGX, TPG and T. Rowe Price; includes Microsoft and MGX, whose sums were not disclosed",
  },
];

// A settling deal must be one of its own part's records: a misspelt id would otherwise leave the part conditional forever.
for (const round of ROUNDS)
  for (const s of round.suppliers)
    if (s.settledBy && !termIds(s.terms, "lab-round-payers").includes(s.settledBy.deal))
      throw new Error(`lab-round-payers: "${round.label}" is settled by ${s.settledBy.deal}, which is not one of its part's records`);
    else if (s.readFrom && !termIds(s.readFrom.terms, "lab-round-payers").includes(termIds(s.readFrom.record, "lab-round-payers")[0]!))
      throw new Error(`lab-round-payers: "${round.label}" is re-read from ${s.readFrom.record}, which is not one of its reading's records`);

export interface Row {
  roundKey: string;
  round: string;
  payer: Payer;
  usd: number;
  bound: Bound;
  who: string;
  /** The round's price after the money, as a label. */
  price: string;
  /** The records the amount comes from, space-separated. */
  records: string;
}

const idsOf = (list: string) => termIds(list, "lab-round-payers");

/** Whether a record is in the release and its strongest source is a filing: the evidence a firmer reading waits for. */
function restsOnFiling(record: string, dataset: Dataset): boolean {
  const [term] = parseTerms(record, "lab-round-payers");
  const sources = recordSources(term!.kind, term!.id, dataset);
  return !!sources && strongestKind(sources) === "filing";
}

export function roundPayerRows(dataset: Dataset): Row[] {
  return ROUNDS.flatMap((round) => {
    const where = `lab-round-payers, ${round.label}`;
    const price = `${formatUsd(termListValue(round.price, dataset, where))} after the money`;
    // A part whose firmer reading rests on a filing in this release takes it, and the others' description with it.
    const firmer = (s: (typeof round.suppliers)[number]) => (s.readFrom && restsOnFiling(s.readFrom.record, dataset) ? s.readFrom : undefined);
    const reread = round.suppliers.map((s) => ({ ...s, ...firmer(s) }));
    const othersWho = round.suppliers.map(firmer).find(Boolean)?.othersWho ?? round.othersWho;
    const parts: Row[] = reread.map((s) => {
      // A record added later (Amazon's conditional $35B, split out in 1.48.0) counts from its release on.
      const terms = termsInRelease(s.terms, dataset, where);
      const settled = s.settledBy && dataset.deals.find((d) => d.id === s.settledBy!.deal)?.amount?.basis === "committed";
      return {
        roundKey: round.key,
        round: round.label,
        payer: settled ? "suppliers-at-price" : s.payer,
        usd: termListValue(terms, dataset, where, s.less),
        bound: s.bound,
        who: settled ? s.settledBy!.who : s.who,
        price,
        // A part less something (Amazon's pledge less its conditional money) names both records it is worked from.
        records: idsOf(s.less ? `${terms} ${s.less}` : terms).join(" "),
      };
    });
    const negative = parts.find((p) => p.usd < 0);
    if (negative) throw new Error(`lab-round-payers: a supplier part of "${round.label}" (${negative.records}) comes out below zero`);
    const supplied = parts.reduce((a, p) => a + p.usd, 0);
    const othersUsd = round.others ? termListValue(round.others, dataset, where) : termListValue(round.total!, dataset, where) - supplied;
    if (othersUsd < 0) throw new Error(`lab-round-payers: the suppliers' parts of "${round.label}" exceed the round's total`);
    const atMost = parts.some((p) => p.bound === "at most");
    parts.push({
      roundKey: round.key,
      round: round.label,
      payer: "others",
      usd: othersUsd,
      // Others are the total less the suppliers: a ceiling on the suppliers is a floor on the others.
      bound: atMost ? "at least" : "stated",
      who: othersWho,
      price,
      records: idsOf(round.others ?? round.total!).join(" "),
    });
    return parts;
  });
}

/** "at most $15B", "$50B": an amount with its bound, as the table and the text alternative say it. */
export function boundedUsd(row: Pick<Row, "usd" | "bound">): string {
  return row.bound === "stated" ? formatUsd(row.usd) : `${row.bound} ${formatUsd(row.usd)}`;
}

/** The share of a round a segment is, in whole percent. */
export function shareOfRound(rows: readonly Row[], row: Row): number {
  const total = rows.filter((r) => r.roundKey === row.roundKey).reduce((a, r) => a + r.usd, 0);
  return Math.round((row.usd / total) * 100);
}

const chart: ChartModule<Row> = {
  id: "lab-round-payers",
  since: "1.40.0",
  title: "Who paid the AI labs' 2026 round prices",
  subtitle: "Money in each 2026 round of Anthropic and OpenAI, by who paid it, US dollars",
  caption:
    "A supplier sells the lab chips, cloud or data centres. In OpenAI's round the suppliers paid most of the money at the new price; in Anthropic's, investors other than its suppliers paid at least half in February, and in May the suppliers' known part was the clouds' money Anthropic counted in the round (until Amazon's 10-Q, read as bought earlier at February's price). Some other investors would count as suppliers but did not disclose their sums (the table names them), so the suppliers' parts are what is known, not everything suppliers paid.",
  sourceNote: "Circularity deal and metric records for each round and each supplier's part; each record cites its own sources.",
  build(dataset) {
    const data = roundPayerRows(dataset);
    const order = ROUNDS.map((r) => r.label);
    const totals = ROUNDS.map((round) => {
      const usd = data.filter((d) => d.roundKey === round.key).reduce((a, r) => a + r.usd, 0);
      return { round: round.label, usd, text: `${formatUsd(usd)} at ${formatUsd(termListValue(round.price, dataset, "lab-round-payers"))}` };
    });
    return {
      data,
      columns: [
        { key: "round", label: "Round" },
        { key: "price", label: "Price" },
        { key: "payer", label: "Paid by", format: (v) => PAYER_LABEL[v as Payer] },
        { key: "usd", label: "Amount", numeric: true, format: (_v, r) => boundedUsd(r) },
        { key: "bound", label: "Bound", format: (v) => (v === "stated" ? "as stated" : (v as string)) },
        { key: "who", label: "Who" },
        { key: "records", label: "Records" },
      ],
      rowKey: (r) => `${r.roundKey}/${r.payer}`,
      rowLink: (r) => {
        const deal = dealIdsIn(r.records, dataset)[0];
        return deal ? href(paths.deal(deal)) : null;
      },
      dealIds: [...new Set(data.flatMap((r) => dealIdsIn(r.records, dataset)))].sort(),
      legend: PAYERS.filter((p) => data.some((d) => d.payer === p)).map((p) => ({ label: PAYER_LABEL[p], color: PAYER_COLOR[p] })),
      plot: (layout) =>
        stackedBarPlot(layout, {
          data,
          order,
          y: "round",
          fill: "payer",
          parts: PAYERS,
          colors: PAYERS.map((p) => PAYER_COLOR[p]),
          totals,
          marginLeft: 180,
          marginRight: 130,
          title: (d) => `${d.round}, ${PAYER_LABEL[d.payer].toLowerCase()}: ${boundedUsd(d)} (${d.who})`,
        }),
    };
  },
  alt(spec) {
    const rounds = [...new Set(spec.data.map((d) => d.round))].map((round) => {
      const rows = spec.data.filter((d) => d.round === round);
      const total = rows.reduce((a, r) => a + r.usd, 0);
      return `${round}, ${formatUsd(total)} at ${rows[0]!.price}: ${rows.map((r) => `${PAYER_LABEL[r.payer].toLowerCase()} ${boundedUsd(r)} (${shareOfRound(spec.data, r)}%)`).join(", ")}`;
    });
    return `Stacked bar chart of who paid each 2026 round of Anthropic and OpenAI. ${rounds.join(". ")}.`;
  },
};

export default chart;
