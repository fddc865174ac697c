// What /loops/ shows: every derived loop by era, ranked by what can go round, each leg with its deals and the other
// loops that run along it.
import type { Release } from "../dataset/load.ts";
import { loopsOf } from "../dataset/index.ts";
import { entityLayers, entityNamer } from "../dataset/selectors.ts";
import { MAX_LOOP_LENGTH, PACKAGE_DAYS, loopLabel, loopsByRewiring, pairDollars, passesTimingTest, type Loop, type LoopOrder } from "../dataset/loops.ts";
import { formatAmount, loopMoneyText } from "../dataset/labels.ts";
import { ERA_LABEL, TYPE_LABEL } from "../charts/theme.ts";
import { paths } from "../lib/urls.ts";
import { formatDate } from "../lib/dates.ts";
import { formatUsd } from "../lib/money.ts";
import { requireChart } from "../charts/index.ts";
import { chartPublishedIn } from "../render/charts.ts";

const ERAS = ["ai-2020s", "telecom-1990s"] as const;

export function loopsPage(release: Release) {
  const name = entityNamer(release.dataset);
  const loops = loopsOf(release);
  const withRoundTrip = loops.filter((l) => l.roundTripUsd !== null).length;
  const inOrder = loops.filter(passesTimingTest).length;
  return {
    title: "Circular loops",
    description: `All ${loops.length} circular loops derived from the deal dataset, ranked by what can go all the way round.`,
    path: paths.loops(),
    lede: `A loop is a cycle in the graph of money flows: a company funds another which, directly or through others, pays it back. Loops are derived from the deal records on every build, never typed by hand. There are ${loops.length} in dataset v${release.version}, of up to ${MAX_LOOP_LENGTH} companies each; ${withRoundTrip} have a disclosed amount on every leg, and ${inOrder} pass the timing test the rule leaves out: money went in before, or on the same day as, the purchases that return it (a deal that replaced an earlier promise, such as a stake that replaced a letter of intent, is dated from that promise, on either side).`,
    density: densityNote(release),
    /** The loops against chance chart exists from the release it was first published for (its `since`). */
    showChanceChart: chartPublishedIn(requireChart("loops-against-chance", "the loops page"), release.version),
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
            // The date, to its known precision, so a reader can check the timing test against the deals themselves.
            deals: e.deals.map((d) => ({
              text: `${TYPE_LABEL[d.type].toLowerCase()}, ${formatAmount(d.amount)}, ${formatDate(d.announced, d.datePrecision)}`,
              path: paths.deal(d.id),
            })),
            shared: e.otherLoops > 0 ? `also a leg of ${e.otherLoops} other loop${e.otherLoops === 1 ? "" : "s"}` : undefined,
          })),
        })),
      };
    }),
  };
}
/**
 * Whether the loops are more than a dense network's chance circles: the AI era's deals rewired at random, every company
 * keeping how many others it pays and is paid by (loopsByRewiring), against the loops in the records; and the chains
 * again with every two-way pair held fixed, since packages recorded as two deals make pairs by construction. The verdict
 * in words follows the numbers: outside the 5th–95th percentile band is commoner or rarer, inside it is chance.
 */
export function densityNote(release: Release): string[] {
  const r = loopsByRewiring(release.dataset.deals, "ai-2020s");
  const kept = loopsByRewiring(release.dataset.deals, "ai-2020s", { keep: "pairs" });
  const one = (n: number) => n.toFixed(1);
  const against = (actual: number, low: number, high: number) =>
    ({ above: "commoner than density explains", below: "rarer than density explains", within: "about as common as density alone makes them" })[
      bandPosition(actual, low, high)
    ];
  const density = `Is that more than any dense network would show? Rewiring the AI era's deals at random ${r.runs} times, each company keeping how many others it pays and is paid by, gives on average ${one(r.mean[2])} loops of two companies (5th to 95th percentile ${r.low[2]}–${r.high[2]}) and ${one(r.mean[3])} of three (${r.low[3]}–${r.high[3]}); the records have ${r.actual[2]} and ${r.actual[3]}. Holding every two-way pair fixed, it gives ${one(kept.mean[3])} loops of three (${kept.low[3]}–${kept.high[3]}). Direct supplier–customer loops are ${against(r.actual[2], r.low[2], r.high[2])}; chains through a third company, with the pairs held fixed, are ${against(kept.actual[3], kept.low[3], kept.high[3])}.`;
  // One paragraph per test, so a reader on a phone meets each result on its own.
  const layers = entityLayers(release.dataset);
  return [density, layeredNote(release, layers), packagesNote(release, layers), anyDealPackagesNote(release)].filter((p): p is string => p !== undefined);
}

/** Where the records' count sits against the random networks' 5th–95th percentile band: every verdict in words follows it. */
function bandPosition(actual: number, low: number, high: number): "above" | "below" | "within" {
  return actual > high ? "above" : actual < low ? "below" : "within";
}
type Layers = ReturnType<typeof entityLayers>;

/**
 * Whether the pairs beyond chance are anything but the packages the parties announced: a package recorded as two deals
 * is a pair by construction, so one leg of each is taken out and the rest set against random networks of what is left.
 */
function packagesNote(release: Release, layers: Layers): string | undefined {
  const r = loopsByRewiring(release.dataset.deals, "ai-2020s", { packages: "set-aside" });
  if (!r.setAside) return undefined;
  const layered = layers ? loopsByRewiring(release.dataset.deals, "ai-2020s", { packages: "set-aside", keep: "layers", layers }) : undefined;
  const beyond =
    bandPosition(r.actual[2], r.low[2], r.high[2]) === "above" ||
    (layered !== undefined && bandPosition(layered.actual[2], layered.low[2], layered.high[2]) === "above");
  return `Of the records' pairs, ${r.setAside} began as one announcement: their first deals each way were announced within ${PACKAGE_DAYS} days of each other, or in the same month where only the month is known. A package recorded as two deals is a pair by construction, so take out one leg of each: the other ${r.actual[2]} pairs stand against ${r.mean[2].toFixed(1)} by chance (${r.low[2]}–${r.high[2]})${layered ? ` and ${layered.mean[2].toFixed(1)} with the layers kept (${layered.low[2]}–${layered.high[2]})` : ""}: ${beyond ? "pairs beyond the announced packages are still commoner than chance." : "beyond the announced packages, pairs are no commoner than chance."}`;
}

/**
 * The package rule read broadly, and where the dollars are. The first-deals rule misses a pair that began with a small
 * stake and later became a stake-for-purchase package, so the same test under the any-deal rule shows how much turns on
 * the rule; counting connections treats $100M like $30B, so the disclosed dollars on the pairs are split the same way.
 * Both are only as complete as the announcements: a purchase no one announced is not in the records.
 */
function anyDealPackagesNote(release: Release): string | undefined {
  const first = loopsByRewiring(release.dataset.deals, "ai-2020s", { packages: "set-aside" });
  if (!first.setAside) return undefined;
  const any = loopsByRewiring(release.dataset.deals, "ai-2020s", { packages: "set-aside", packageRule: "any" });
  const pairs = (any.setAside ?? 0) + any.actual[2];
  const dollarsAny = pairDollars(release.dataset.deals, "ai-2020s", { packageRule: "any" });
  const dollarsFirst = pairDollars(release.dataset.deals, "ai-2020s");
  const total = dollarsAny.inPackages + dollarsAny.outside;
  const dollars =
    total > 0
      ? ` Of the ${formatUsd(total)} disclosed on the pairs' deals (face value, every ceiling counted in full), ${formatUsd(dollarsAny.inPackages)} is on packages by this rule (${dollarsAny.outside > 0 ? `leaving ${formatUsd(dollarsAny.outside)} on the other pairs` : "the other pairs' deals disclosed no amount"}) and ${formatUsd(dollarsFirst.inPackages)} by the first deals alone.`
      : "";
  const verdict = { above: "more than chance gives", below: "fewer than chance gives", within: "within what chance gives" }[
    bandPosition(any.actual[2], any.low[2], any.high[2])
  ];
  return `The first deals are a strict test of a package: a pair that began with a small stake and later became a stake-for-purchase deal fails it. Calling a pair a package when any deal one way and any deal the other way were announced together, ${any.setAside} of the ${pairs} pairs are packages, and the other ${any.actual[2]} stand against ${any.mean[2].toFixed(1)} by chance (${any.low[2]}–${any.high[2]}), ${verdict}.${dollars} Both counts see only what was announced: a purchase made without an announcement is not in the records, so pairs outside the packages may be undercounted.`;
}

/**
 * The strictest test, where the release has supply-chain layers (schema 1.27): a layered industry has few cycles
 * whatever anyone intends, so random networks that keep how many deals run between each two layers set the lowest bar.
 */
function layeredNote(release: Release, layers: Layers): string | undefined {
  if (!layers) return undefined;
  const r = loopsByRewiring(release.dataset.deals, "ai-2020s", { keep: "layers", layers });
  const inPlace = loopsByRewiring(release.dataset.deals, "ai-2020s", { keep: "layers-pairs-in-place", layers });
  return `Keeping also how many deals run between each two layers of the supply chain (hardware makers, clouds, model makers, capital) gives ${r.mean[2].toFixed(1)} loops of two (${r.low[2]}–${r.high[2]}) and, with the two-way pairs left where they are, ${inPlace.mean[3].toFixed(1)} of three (${inPlace.low[3]}–${inPlace.high[3]}): the records' pairs are ${bandPosition(r.actual[2], r.low[2], r.high[2])} that range and their chains ${bandPosition(inPlace.actual[3], inPlace.low[3], inPlace.high[3])} it.`;
}

/** What each timing result means, in the words the loops page prints beside each loop. */
export const TIMING_TEXT: Record<LoopOrder, string> = {
  "money-first": "Timing test: passed. Money went in first; the purchases that return it came later.",
  together: "Timing test: passed. Money went in and the purchases that return it were announced on the same day.",
  unknown: "Timing test: cannot tell. The order turns on dates known only to the month or year.",
  "purchase-first": "Timing test: not passed. Money went in only after the purchases on the other legs.",
  "no-pair": "Timing test: not passed. This loop is not money in one way and purchases back: purchases both ways, or money both ways.",
};

export function timingText(loop: Pick<Loop, "order">): string {
  return TIMING_TEXT[loop.order];
}

export type LoopsPageData = ReturnType<typeof loopsPage>;
