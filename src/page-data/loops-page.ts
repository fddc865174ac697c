// What /loops/ shows: every derived loop by era, ranked by what can go round, each leg with its deals and the other
// loops that run along it.
import type { Release } from "../dataset/load.ts";
import { loopsOf } from "../dataset/index.ts";
import { entityNamer } from "../dataset/selectors.ts";
import { MAX_LOOP_LENGTH, MONEY_IN_TYPES, loopLabel, moneyFirst, type Loop } from "../dataset/loops.ts";
import { formatAmount, loopMoneyText } from "../dataset/labels.ts";
import { ERA_LABEL, TYPE_LABEL } from "../charts/theme.ts";
import { paths } from "../lib/urls.ts";

const ERAS = ["ai-2020s", "telecom-1990s"] as const;

export function loopsPage(release: Release) {
  const name = entityNamer(release.dataset);
  const loops = loopsOf(release);
  const withRoundTrip = loops.filter((l) => l.roundTripUsd !== null).length;
  const inOrder = loops.filter(moneyFirst).length;
  return {
    title: "Circular loops",
    description: `All ${loops.length} circular loops derived from the deal dataset, ranked by what can go all the way round.`,
    path: paths.loops(),
    lede: `A loop is a cycle in the graph of money flows: a company funds another which, directly or through others, pays it back. Loops are derived from the deal records on every build, never typed by hand. There are ${loops.length} in dataset v${release.version}, of up to ${MAX_LOOP_LENGTH} companies each; ${withRoundTrip} have a disclosed amount on every leg, and ${inOrder} pass the timing test the rule leaves out: money went in first and a purchase came back on or after it.`,
    // Where the timing test is explained and its counts argued (the methods article owns the rule's rationale).
    timingNote: { text: "How the timing test works", path: paths.article("methods-dataset-and-loops") },
    sections: ERAS.map((era) => {
      const inEra = loops.filter((l) => l.era === era);
      return {
        id: `loops-${era}`,
        heading: `${ERA_LABEL[era]}: ${inEra.length} loops`,
        loops: inEra.map((l) => ({
          anchor: `loop-${l.id}`,
          label: loopLabel(l, name),
          money: loopMoneyText(l),
          timing: timingText(l),
          legs: l.edges.map((e) => ({
            from: { text: name(e.from), path: paths.company(e.from) },
            to: { text: name(e.to), path: paths.company(e.to) },
            deals: e.deals.map((d) => ({ text: `${TYPE_LABEL[d.type].toLowerCase()}, ${formatAmount(d.amount)}`, path: paths.deal(d.id) })),
            shared: e.otherLoops > 0 ? `also a leg of ${e.otherLoops} other loop${e.otherLoops === 1 ? "" : "s"}` : undefined,
          })),
        })),
      };
    }),
  };
}
/** The loop's result in the timing test (moneyFirst), and why it fails where it does. */
export function timingText(loop: Loop): string {
  if (moneyFirst(loop)) return "Timing test: passed. Money went in first and a purchase came back on or after it.";
  const putsMoneyIn = loop.edges.some((e) => e.deals.some((d) => MONEY_IN_TYPES.includes(d.type)));
  return putsMoneyIn
    ? "Timing test: not passed. The money went in only after the purchases on the other legs."
    : "Timing test: not passed. No leg puts money in: every deal is a purchase or a partnership.";
}

export type LoopsPageData = ReturnType<typeof loopsPage>;
