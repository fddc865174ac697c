// Counts in articles: how many records or loops of the pinned release meet a stated filter, so that "42 loops, 10
// with a round trip" is counted by the same code as the loops page and never typed by hand and left behind when a
// release adds records. <Count of="loops" roundTrip="true" />, <Count of="deals" era="ai-2020s" evidence="filing" />.
import { formatUsd } from "../lib/money.ts";
import type { Dataset, Deal, SourceKind } from "../schemas/dataset.ts";
import { Era } from "../schemas/dataset.ts";
import { SOURCE_KINDS, dealEvidence, isPrimary, sourceKindsByUrl, strongestKind, type Evidence } from "../dataset/evidence.ts";
import { activeDeals, entityLayers } from "../dataset/selectors.ts";
import { circulationByRewiring, maxCirculation, suppliersMoneyIn } from "../dataset/circulation.ts";
import {
  LOOP_ORDERS,
  MAX_LOOP_LENGTH,
  PACKAGE_DAYS,
  packageLegs,
  withoutLegs,
  REWIRING_KEEPS,
  derivedLoops,
  loopsByRewiring,
  pairDollars,
  type PackageRule,
  timingByChance,
  type Loop,
  type LoopsByRewiring,
  type RewiringKeep,
  type TouchingCounts,
  type TimingByChance,
} from "../dataset/loops.ts";

export const COUNT_OF = ["entities", "deals", "metrics", "financing", "loops"] as const;
export type CountOf = (typeof COUNT_OF)[number];

export interface CountSpec {
  of: CountOf;
  /** Deals and loops: "ai-2020s" or "telecom-1990s". */
  era?: string;
  /**
   * Deals, metrics and financing: the record's strongest source kind, "ungraded", or "primary" (filing, company or wire).
   * Loops: "primary" only, counting loops in which every leg has a deal resting on a filing, company statement or wire.
   */
  evidence?: string;
  /** Deals: "true" counts only deals that enter totals (not superseded, not cancelled). */
  active?: string;
  /** Loops: how many companies, "2" or "3". */
  size?: string;
  /**
   * Loops: "true" counts only loops whose every leg has a disclosed amount; "firm" only those whose every leg has a
   * committed amount, so that something can go round on figures the parties gave (firmRoundTripUsd above zero).
   */
  roundTrip?: string;
  /** Loops: their timing result, one or more of LOOP_ORDERS separated by spaces ("money-first together"). */
  order?: string;
  /**
   * Loops, with `era` and `order`: instead of the count in the records, what chance gives when the era's deal dates are
   * shuffled (timingByChance): "mean", or the 5th ("low") or 95th ("high") percentile.
   */
  chance?: string;
  /**
   * Loops, with `order`: the timing test's package window in days ("7"): announcements at most that far apart count as
   * one package. Leave it out for the site's rule, the same day. Applies to the records and to `chance`.
   * With `without="packages"`: the set-aside rule's window instead ("0" for the same day; leave it out for PACKAGE_DAYS),
   * to show how the result depends on it.
   */
  window?: string;
  /**
   * Loops, with `era` and `size`: instead of the count in the records, how many loops of that size the era's deals make
   * when rewired at random, every company keeping how many others it pays and is paid by (loopsByRewiring): "mean", or
   * the 5th ("low") or 95th ("high") percentile; "actual" is the records' own count on the same edges, the only way to
   * count cycles of four, which the loop rule leaves out; "at-least" and "at-most", the share of random networks with at
   * least (at most) as many loops as the records, printed as a whole percent: how rare the records' count is by chance.
   */
  rewired?: string;
  /**
   * Loops, with `rewired` and `size`: "packages" takes out one leg of every two-company package, a pair whose first deals
   * each way were announced together (loopsByRewiring's `packages`), before counting, in the records and in the random
   * networks alike, so the count asks whether the pairs the parties did not announce together are commoner than chance;
   * `rewired="packages"` counts those packages. "any-packages" calls a pair a package when any deal one way and any deal
   * the other way were announced together (loopsByRewiring's packageRule "any"), not only its first deals.
   */
  without?: string;
  /**
   * Loops, with `rewired`: what else the random networks keep (loopsByRewiring's `keep`): "pairs", the pairs that run
   * both ways, moved only as pairs; "pairs-in-place", the same pairs left where they are; "kinds", each company's numbers
   * of money-in and purchase edges; "layers", the number of edges between each two supply-chain layers (schema 1.27);
   * "layers-pairs-in-place", both of the last two.
   */
  keep?: string;
  /** Loops: only those with every one of these companies (ids separated by spaces). */
  includes?: string;
  /**
   * Loops, with `rewired` and `era`: instead of loops of one size, the loops of two or three companies that include any
   * of these companies (ids separated by spaces), in the records ("actual") or in the rewired networks.
   */
  touching?: string;
  /** Loops: only those with none of these companies (ids separated by spaces). */
  excludes?: string;
  /**
   * Loops, with `era`, `size="2"` and `without`: instead of a count, the disclosed dollars (face value) on the era's
   * pairs that are packages ("in-packages") or are not ("outside"), by that package rule (pairDollars).
   */
  dollars?: string;
  /**
   * Loops, with `era`: instead of a count, the era's money that can go round in cycles of any length (maxCirculation):
   * "share" of its disclosed dollars, "usd" circulating, or "total" disclosed; with "-committed" ("share-committed"), on
   * committed amounts only. With `counted="suppliers"`, only the money hardware makers and clouds put into others
   * (stakes, loans, warrants, backstops) is weighed, how much of it can come back; with `without`, one leg of each
   * two-company package is taken out first (within PACKAGE_DAYS); with `evidence="primary"`, only deals resting on a
   * filing, a company statement or a wire story count; with `rewired` ("mean", "low", "high", "at-least"), the share
   * when the era's edges are rewired at random, each keeping its dollars (circulationByRewiring).
   */
  circulation?: string;
  /** Loops, with `circulation`: "suppliers" weighs only the money hardware makers and clouds put into other companies. */
  counted?: string;
}

/** Which filters apply to which records: any other combination fails, so a filter is never silently ignored. */
const FILTERS: Record<CountOf, readonly (keyof CountSpec)[]> = {
  entities: [],
  deals: ["era", "evidence", "active"],
  metrics: ["evidence"],
  financing: ["evidence"],
  loops: [
    "era",
    "size",
    "roundTrip",
    "order",
    "chance",
    "window",
    "rewired",
    "keep",
    "without",
    "includes",
    "excludes",
    "evidence",
    "touching",
    "dollars",
    "circulation",
    "counted",
  ],
};

const EVIDENCE_VALUES = [...SOURCE_KINDS, "ungraded", "primary"] as const;
/** Packages by their first deals each way, or by any deal each way (loopsByRewiring's packageRule). */
const WITHOUT = ["packages", "any-packages"] as const;
function packageRuleOf(without: string | undefined): PackageRule | undefined {
  return without === undefined ? undefined : without === "any-packages" ? "any" : "first";
}
/** The package rule's window in words ("within 7 days", or "on the same day" at 0), for every description that names it. */
function packageWindowWords(days: number): string {
  return days === 0 ? "on the same day" : `within ${days} days`;
}
/** What a rewired count reports: the records' own count, the random networks' mean or percentiles, or how often they match the records. */
const REWIRED_STATS = ["mean", "low", "high", "actual", "at-least", "at-most", "packages"] as const;
/** What a circulation count reports: its share of the era's disclosed dollars, the dollars, or the era's total; each at face value or committed only. */
const CIRCULATION_STATS = ["share", "usd", "total", "share-committed", "usd-committed", "total-committed"] as const;

export interface CountedFigure {
  value: number;
  /** The count as printed: a whole number, or a mean by chance to one decimal place. */
  text: string;
  /** What was counted, in words, for the figure's title: "AI-era deals whose strongest source is a filing". */
  description: string;
}

export function countRecords(spec: CountSpec, dataset: Dataset, where: string, loops?: readonly Loop[]): CountedFigure {
  const attrs = Object.entries(spec)
    .map(([k, v]) => `${k}="${v}"`)
    .join(" ");
  const fail = (message: string): never => {
    throw new Error(`${where}: <Count ${attrs}>: ${message}`);
  };
  if (!COUNT_OF.includes(spec.of)) fail(`unknown of="${spec.of}"; use ${COUNT_OF.join(", ")}`);
  const allowed = FILTERS[spec.of];
  const unknown = Object.keys(spec).filter((k) => k !== "of" && !allowed.includes(k as keyof CountSpec));
  if (unknown.length) fail(`${unknown.join(", ")} does not apply to ${spec.of}${allowed.length ? `; use ${allowed.join(", ")}` : ""}`);
  if (spec.circulation !== undefined || spec.counted !== undefined) return circulationFigure(spec, dataset, fail);
  const flag = (name: "active" | "roundTrip") => {
    const v = spec[name];
    if (v !== undefined && v !== "true" && !(name === "roundTrip" && v === "firm"))
      fail(`${name} takes "true"${name === "roundTrip" ? ' or "firm"' : ""} only (leave it out to count all)`);
    return v === "true" || v === "firm";
  };
  if (spec.era !== undefined && !Era.options.includes(spec.era as Deal["era"])) fail(`unknown era "${spec.era}"; use ${Era.options.join(", ")}`);
  if (spec.evidence !== undefined && !(EVIDENCE_VALUES as readonly string[]).includes(spec.evidence))
    fail(`unknown evidence "${spec.evidence}"; use ${EVIDENCE_VALUES.join(", ")}`);
  if (spec.size !== undefined && !["2", "3", "4"].includes(spec.size)) fail(`size takes "2" or "3" (or "4" with rewired)`);
  if (spec.size === "4" && spec.rewired === undefined) fail(`size="4" is counted only against rewired networks: the loop rule stops at three companies`);
  const orders = spec.order === undefined ? undefined : spec.order.trim().split(/\s+/);
  const badOrder = orders?.find((o) => !(LOOP_ORDERS as readonly string[]).includes(o));
  if (badOrder !== undefined) fail(`unknown order "${badOrder}"; use one or more of ${LOOP_ORDERS.join(", ")}`);
  if (spec.chance !== undefined) {
    if (!["mean", "low", "high"].includes(spec.chance)) fail(`chance takes "mean", "low" or "high"`);
    if (spec.era === undefined || orders === undefined) fail(`chance needs era="…" and order="…": dates are shuffled within one era`);
    if (spec.roundTrip !== undefined) fail(`chance counts loops whatever their amounts: leave out roundTrip`);
  }
  const windowDays = spec.window === undefined ? 0 : Number(spec.window);
  // The set-aside rule's window (with without="packages"), or the timing test's (with order): one attribute, two rules.
  const packageWindow = spec.without !== undefined && spec.window !== undefined ? windowDays : undefined;
  if (spec.window !== undefined) {
    if (spec.without !== undefined) {
      if (!/^(0|[1-9][0-9]?)$/.test(spec.window)) fail(`window takes a number of days from 0 to 99 (leave it out for ${PACKAGE_DAYS})`);
    } else {
      if (!/^[1-9][0-9]?$/.test(spec.window)) fail(`window takes a number of days from 1 to 99 (leave it out for the same day)`);
      if (orders === undefined) fail(`window changes the timing result or the package rule: add order="…" or without="packages"`);
    }
  }
  if (spec.rewired !== undefined) {
    if (!(REWIRED_STATS as readonly string[]).includes(spec.rewired)) fail(`rewired takes ${REWIRED_STATS.map((k) => `"${k}"`).join(", ")}`);
    if (spec.era === undefined) fail(`rewired needs era="…": each era's network is rewired on its own`);
    if ((spec.size === undefined) === (spec.touching === undefined)) fail(`rewired needs size="…" or touching="…" (not both)`);
    if (spec.touching !== undefined && spec.rewired.startsWith("at-"))
      fail(`rewired="${spec.rewired}" is counted for one size of loop: use size="…", not touching`);
    const other = (["roundTrip", "order", "chance", "window", "includes", "excludes"] as const).filter(
      (k) => spec[k] !== undefined && !(k === "window" && packageWindow !== undefined),
    );
    if (other.length) fail(`rewired counts loops whatever their amounts, dates and companies: leave out ${other.join(", ")}`);
  }
  if (spec.of === "loops" && spec.evidence !== undefined && spec.evidence !== "primary")
    fail(`loops take evidence="primary" only (every leg has a deal resting on a filing, a company statement or a wire story)`);
  if (spec.touching !== undefined && spec.rewired === undefined)
    fail(`touching applies only to rewired networks: add rewired="…" (use includes for the records alone)`);
  if (spec.keep !== undefined && spec.rewired === undefined) fail(`keep applies only to rewired networks: add rewired="…"`);
  if (spec.without !== undefined && !(WITHOUT as readonly string[]).includes(spec.without)) fail(`without takes "packages" or "any-packages"`);
  if (spec.rewired === "packages" && spec.without === undefined) fail(`rewired="packages" counts the pairs set aside: add without="packages"`);
  if (spec.dollars !== undefined) {
    if (!["in-packages", "outside"].includes(spec.dollars)) fail(`dollars takes "in-packages" or "outside"`);
    if (spec.era === undefined || spec.size !== "2" || spec.without === undefined)
      fail(`dollars sums the pairs of one era by a package rule: add era="…", size="2" and without="packages" or "any-packages"`);
    const other = (["roundTrip", "order", "chance", "rewired", "keep", "includes", "excludes", "evidence", "touching"] as const).filter(
      (k) => spec[k] !== undefined,
    );
    if (other.length) fail(`dollars sums every pair's disclosed amounts: leave out ${other.join(", ")}`);
  } else if (spec.without !== undefined && (spec.rewired === undefined || spec.touching !== undefined))
    fail(`without applies only to rewired counts of one size: add rewired="…" and size="…"`);
  if (spec.keep !== undefined && !(REWIRING_KEEPS as readonly string[]).includes(spec.keep))
    fail(`keep takes ${REWIRING_KEEPS.map((k) => `"${k}"`).join(", ")}`);
  if (spec.keep?.startsWith("layers") && !entityLayers(dataset))
    fail(`keep="${spec.keep}" needs the entities' supply-chain layers, which this release does not have (schema 1.27 added them)`);
  const companies = (name: "includes" | "excludes" | "touching") => {
    const ids = spec[name]?.trim().split(/\s+/);
    const unknownId = ids?.find((id) => !dataset.entities.some((e) => e.id === id));
    if (unknownId !== undefined) fail(`${name}: no entity "${unknownId}" in this release`);
    return ids;
  };
  const includes = companies("includes");
  const touching = companies("touching");
  const excludes = companies("excludes");

  // Built once per dataset: an article with many counts would otherwise rebuild the grade map for each.
  const kinds = cached(dataset, "kinds", () => sourceKindsByUrl(dataset));
  const graded = (evidence: Evidence) =>
    spec.evidence === undefined || (spec.evidence === "primary" ? isPrimary(evidence) : evidence === (spec.evidence as SourceKind | "ungraded"));
  const eraWords = spec.era === "ai-2020s" ? "AI-era " : spec.era === "telecom-1990s" ? "telecom-era " : "";
  const evidenceWords =
    spec.evidence === undefined
      ? ""
      : spec.evidence === "primary"
        ? " whose strongest source is a filing, a company statement or a wire story"
        : spec.evidence === "ungraded"
          ? " with no graded source"
          : ` whose strongest source is ${{ filing: "a filing", company: "a company statement", wire: "a wire story", press: "other press", aggregator: "an aggregator" }[spec.evidence as SourceKind]}`;

  switch (spec.of) {
    case "entities":
      return whole(dataset.entities.length, "entities");
    case "deals": {
      const active = flag("active");
      const deals = (active ? activeDeals(dataset.deals) : dataset.deals).filter(
        (d) => (spec.era === undefined || d.era === spec.era) && graded(dealEvidence(d, kinds)),
      );
      return whole(deals.length, `${active ? "active " : ""}${eraWords}deals${evidenceWords}`);
    }
    case "metrics":
      return whole(dataset.metrics.filter((m) => graded(strongestKind([m.source], kinds))).length, `metrics${evidenceWords}`);
    case "financing":
      return whole(dataset.financing.filter((f) => graded(dealEvidence(f, kinds))).length, `financing records${evidenceWords}`);
    case "loops": {
      if (spec.dollars !== undefined) {
        const packageRule = packageRuleOf(spec.without)!;
        const days = packageWindow ?? PACKAGE_DAYS;
        const split = cached(dataset, `pair-dollars/${spec.era}/${packageRule}/${days}`, () =>
          pairDollars(dataset.deals, spec.era as Deal["era"], { packageRule, packageDays: days }),
        );
        const inside = spec.dollars === "in-packages";
        const value = inside ? split.inPackages : split.outside;
        return {
          value,
          text: formatUsd(value),
          description: `disclosed dollars, at face value, on ${eraWords}pairs ${inside ? "that are" : "that are not"} packages (${packageRule === "any" ? "some deal each way" : "their first deals each way"} announced ${packageWindowWords(days)})`,
        };
      }
      const windowWords = windowDays && packageWindow === undefined ? `, counting announcements up to ${windowDays} days apart as one package` : "";
      // Rewired with evidence="primary": the network of the deals resting on a filing, a company statement or a wire
      // story alone, rewired and counted as the whole one is.
      const firmOnly = spec.rewired !== undefined && spec.evidence === "primary";
      const firmWords = firmOnly ? " (only those resting on a filing, a company statement or a wire story)" : "";
      if (spec.rewired !== undefined && touching !== undefined) {
        const keep = spec.keep as RewiringKeep | undefined;
        const t = rewiredOf(dataset, spec.era as Deal["era"], { keep, firmOnly, touching }).touching!;
        const stat = spec.rewired as keyof TouchingCounts;
        const which = {
          actual: "in the records",
          mean: "on average when rewired at random",
          low: "at the 5th percentile when rewired at random",
          high: "at the 95th percentile when rewired at random",
        }[stat];
        return {
          value: t[stat],
          text: stat === "mean" ? t.mean.toFixed(1) : String(t[stat]),
          description: `${eraWords}loops of two or three companies that include ${touching.join(" or ")}${firmWords}, ${which}`,
        };
      }
      if (spec.rewired !== undefined) {
        const size = Number(spec.size) as 2 | 3 | 4;
        const keep = spec.keep as RewiringKeep | undefined;
        const packageRule = packageRuleOf(spec.without);
        const rewired = rewiredOf(dataset, spec.era as Deal["era"], { keep, firmOnly, packageRule, packageDays: packageWindow });
        const days = packageWindow ?? PACKAGE_DAYS;
        const within = packageWindowWords(days);
        const whichDeals = packageRule === "any" ? "in which some deal each way was" : "whose first deals each way were";
        const packageWords = packageRule
          ? `, with one leg taken out of each of the era's ${rewired.setAside} pairs ${whichDeals} announced together (${within})`
          : "";
        if (spec.rewired === "packages")
          return whole(
            rewired.setAside ?? 0,
            `${eraWords}pairs ${whichDeals} announced together (${within}, or in the same month where only the month is known)${firmWords}`,
          );
        if (spec.rewired === "actual")
          return whole(
            rewired.actual[size],
            `${eraWords}cycles of ${size} companies among the era's company-to-company deals as recorded${firmWords}${packageWords}, the count the rewired networks are set against`,
          );
        if (spec.rewired === "at-least" || spec.rewired === "at-most") {
          const share = rewired[spec.rewired === "at-least" ? "atLeast" : "atMost"][size];
          return {
            value: share,
            text: `${Math.round(share * 100)}%`,
            description: `share of ${rewired.runs} random rewirings of the era's deals${firmWords}${packageWords} (every company keeping how many others it pays and is paid by${KEEP_WORDS[keep ?? "none"]}) with ${spec.rewired === "at-least" ? "at least" : "at most"} as many ${eraWords}loops of ${size} companies as the records' ${rewired.actual[size]}`,
          };
        }
        const value = rewired[spec.rewired as "mean" | "low" | "high"][size];
        const which = { mean: "on average", low: "at the 5th percentile", high: "at the 95th percentile" }[spec.rewired as "mean" | "low" | "high"];
        return {
          value,
          text: spec.rewired === "mean" ? value.toFixed(1) : String(value),
          description: `${eraWords}loops of ${size} companies when the era's deals${firmWords}${packageWords} are rewired at random, every company keeping how many others it pays and is paid by${KEEP_WORDS[keep ?? "none"]} (${which}, ${rewired.runs} runs)`,
        };
      }
      if (spec.chance !== undefined) {
        const byChance = chanceOf(dataset, spec.era as Deal["era"], spec.size === undefined ? undefined : Number(spec.size), windowDays);
        const stat = byChance[spec.chance as "mean" | "low" | "high"];
        const value = orders!.reduce((sum, o) => sum + stat[o as keyof typeof stat], 0);
        const which = { mean: "on average", low: "at the 5th percentile", high: "at the 95th percentile" }[spec.chance as "mean" | "low" | "high"];
        return {
          value,
          text: spec.chance === "mean" ? value.toFixed(1) : String(value),
          description: `${eraWords}loops${spec.size === undefined ? "" : ` of ${spec.size} companies`} whose timing result is ${orders!.join(" or ")}${windowWords} when the era's deal dates are shuffled at random (${which}, ${byChance.runs} runs)`,
        };
      }
      const roundTrip = flag("roundTrip");

      const counted = (windowDays ? windowedLoops(dataset, windowDays) : (loops ?? derivedLoops(dataset.deals))).filter(
        (l) =>
          (spec.era === undefined || l.era === spec.era) &&
          (spec.size === undefined || l.entities.length === Number(spec.size)) &&
          (!roundTrip || l.roundTripUsd !== null) &&
          (spec.roundTrip !== "firm" || (l.firmRoundTripUsd ?? 0) > 0) &&
          (orders === undefined || orders.includes(l.order)) &&
          (includes === undefined || includes.every((id) => l.entities.includes(id))) &&
          (excludes === undefined || !excludes.some((id) => l.entities.includes(id))) &&
          (spec.evidence === undefined || l.edges.every((e) => e.deals.some((d) => isPrimary(dealEvidence(d, kinds))))),
      );
      const parts = [
        spec.size === undefined ? "" : `of ${spec.size} companies`,
        spec.roundTrip === "firm" ? "with a round trip on committed figures alone" : roundTrip ? "with a round trip" : "",
        orders ? `whose timing result is ${orders.join(" or ")}${windowWords}` : "",
        includes ? `with ${includes.join(" and ")}` : "",
        excludes ? `without ${excludes.join(" or ")}` : "",
        spec.evidence ? "whose every leg has a deal resting on a filing, a company statement or a wire story" : "",
      ].filter(Boolean);
      return whole(counted.length, `${eraWords}loops${parts.length ? ` ${parts.join(", ")}` : ""}`);
    }
  }
}

function whole(value: number, description: string): CountedFigure {
  return { value, text: String(value), description };
}

/** Shuffling is slow, so each setting is run once per dataset in a build (rewiring keeps its own answers: loopsByRewiring). */
const estimateCache = new WeakMap<Dataset, Map<string, unknown>>();
function cached<T>(dataset: Dataset, key: string, compute: () => T): T {
  const byKey = estimateCache.get(dataset) ?? new Map<string, unknown>();
  estimateCache.set(dataset, byKey);
  if (!byKey.has(key)) byKey.set(key, compute());
  return byKey.get(key) as T;
}
function chanceOf(dataset: Dataset, era: Deal["era"], size: number | undefined, packageDays: number): TimingByChance {
  return cached(dataset, `chance/${era}/${size ?? "all"}/${packageDays}`, () => timingByChance(dataset.deals, era, { size, packageDays }));
}
/** What a rewired network keeps, beyond each company's numbers of deals, in the words a figure's description uses. */
const KEEP_WORDS: Record<RewiringKeep | "none", string> = {
  none: "",
  pairs: " and its two-way pairs",
  "pairs-in-place": ", with the two-way pairs left where they are",
  kinds: ", split into money put in and purchases",
  layers: ", between the same supply-chain layers",
  "layers-pairs-in-place": ", between the same supply-chain layers, with the two-way pairs left where they are",
};
function rewiredOf(
  dataset: Dataset,
  era: Deal["era"],
  {
    keep,
    firmOnly,
    touching,
    packageRule,
    packageDays,
  }: { keep?: RewiringKeep; firmOnly: boolean; touching?: readonly string[]; packageRule?: PackageRule; packageDays?: number },
): LoopsByRewiring {
  // One deals list per release and choice, so loopsByRewiring's cache (kept per list) serves every count that asks.
  const deals = firmOnly
    ? cached(dataset, "firm-deals", () => {
        const kinds = cached(dataset, "kinds", () => sourceKindsByUrl(dataset));
        return dataset.deals.filter((d) => isPrimary(dealEvidence(d, kinds)));
      })
    : dataset.deals;
  return loopsByRewiring(deals, era, {
    keep,
    touching,
    layers: cached(dataset, "layers", () => entityLayers(dataset)),
    ...(packageRule ? { packages: "set-aside" as const, packageRule, ...(packageDays === undefined ? {} : { packageDays }) } : {}),
  });
}
function windowedLoops(dataset: Dataset, packageDays: number): Loop[] {
  return cached(dataset, `loops/${packageDays}`, () => derivedLoops(dataset.deals, MAX_LOOP_LENGTH, packageDays));
}

/** <Count of="loops" circulation="…">: the era's money that can go round (see CountSpec.circulation), checked and worked out. */
function circulationFigure(spec: CountSpec, dataset: Dataset, fail: (message: string) => never): CountedFigure {
  const stat = spec.circulation;
  if (stat === undefined) return fail(`counted applies only to circulation: add circulation="…"`);
  if (!(CIRCULATION_STATS as readonly string[]).includes(stat)) fail(`circulation takes ${CIRCULATION_STATS.map((k) => `"${k}"`).join(", ")}`);
  if (spec.era === undefined) fail(`circulation needs era="…": each era's money is weighed on its own`);
  const other = (Object.keys(spec) as (keyof CountSpec)[]).filter(
    (k) => !["of", "era", "circulation", "counted", "without", "evidence", "rewired", "keep"].includes(k),
  );
  if (other.length) fail(`circulation weighs every deal of the era whatever its loop: leave out ${other.join(", ")}`);
  if (spec.counted !== undefined && spec.counted !== "suppliers") fail(`counted takes "suppliers" only`);
  if (spec.without !== undefined && !(WITHOUT as readonly string[]).includes(spec.without)) fail(`without takes "packages" or "any-packages"`);
  if (spec.evidence !== undefined && spec.evidence !== "primary") fail(`circulation takes evidence="primary" only`);
  const layers = spec.counted ? entityLayers(dataset) : undefined;
  if (spec.counted && !layers) fail(`counted="suppliers" needs the entities' supply-chain layers, which this release does not have (schema 1.27 added them)`);
  const era = spec.era as Deal["era"];
  const committed = stat.endsWith("-committed");
  const basis = committed ? "committed" : "face";
  const measure = stat.replace("-committed", "") as "share" | "usd" | "total";
  const eraWords = era === "ai-2020s" ? "AI-era" : "telecom-era";
  const onWhat = committed ? "committed amounts only" : "every disclosed amount at face value";

  const kinds = cached(dataset, "kinds", () => sourceKindsByUrl(dataset));
  let deals: readonly Deal[] = spec.evidence ? dataset.deals.filter((d) => isPrimary(dealEvidence(d, kinds))) : dataset.deals;
  const packageRule = packageRuleOf(spec.without);
  if (packageRule) {
    deals = withoutLegs(deals, era, packageLegs(deals, era, PACKAGE_DAYS, packageRule));
  }
  const suppliers = layers ? suppliersMoneyIn(layers) : undefined;
  const key = `circulation/${era}/${basis}/${spec.counted ?? "all"}/${spec.without ?? "-"}/${spec.evidence ?? "-"}`;
  const whose = spec.counted ? `the money hardware makers and clouds put into other companies on ${eraWords} deals` : `${eraWords} deals`;
  const limits = [
    spec.evidence ? "deals resting on a filing, a company statement or a wire story only" : "",
    packageRule
      ? `one leg of each two-company package taken out (${packageRule === "any" ? "some deal each way" : "their first deals each way"} announced ${packageWindowWords(PACKAGE_DAYS)})`
      : "",
  ]
    .filter(Boolean)
    .map((w) => `, ${w}`)
    .join("");
  if (spec.keep !== undefined && spec.rewired === undefined) fail(`keep applies only to rewired networks: add rewired="…"`);
  if (spec.rewired !== undefined) {
    if (!["mean", "low", "high", "at-least"].includes(spec.rewired)) fail(`with circulation, rewired takes "mean", "low", "high" or "at-least"`);
    if (measure !== "share") fail(`rewired compares shares: use circulation="share" or "share-committed"`);
    if (spec.keep !== undefined && spec.keep !== "layers") fail(`with circulation, keep takes "layers" only`);
    const byLayer = spec.keep === "layers" ? entityLayers(dataset) : undefined;
    if (spec.keep === "layers" && !byLayer)
      fail(`keep="layers" needs the entities' supply-chain layers, which this release does not have (schema 1.27 added them)`);
    const chance = cached(dataset, `circulation-chance/${key}/${spec.keep ?? "-"}`, () =>
      circulationByRewiring(deals, era, basis, { ...(suppliers ? { counted: suppliers } : {}), ...(byLayer ? { layers: byLayer } : {}) }),
    );
    const stat = spec.rewired === "at-least" ? "atLeast" : (spec.rewired as "mean" | "low" | "high");
    const value = chance[stat];
    const which =
      spec.rewired === "at-least"
        ? `share of ${chance.runs} random rewirings in which at least as much can circulate as in the records (${Math.round(chance.actual * 100)}%)`
        : `${{ mean: "on average", low: "at the 5th percentile", high: "at the 95th percentile" }[spec.rewired as "mean" | "low" | "high"]}, over ${chance.runs} random rewirings`;
    return {
      value,
      text: `${Math.round(value * 100)}%`,
      description: `share of ${whose} (${onWhat}${limits}) that can run in cycles when the era's company-to-company edges are rewired at random, every company keeping how many others it pays and is paid by and every edge its dollars${byLayer ? ", each swapped only with an edge between the same two supply-chain layers" : ""}: ${which}`,
    };
  }
  const c = cached(dataset, key, () => maxCirculation(deals, era, basis, suppliers));
  if (measure === "total") return { value: c.totalUsd, text: formatUsd(c.totalUsd), description: `disclosed dollars of ${whose}, ${onWhat}${limits}` };
  if (measure === "usd")
    return {
      value: c.circulatingUsd,
      text: formatUsd(c.circulatingUsd),
      description: `the most of ${whose} (${onWhat}${limits}) that can run in cycles of any length, counted on every edge it crosses`,
    };
  return {
    value: c.share,
    text: `${Math.round(c.share * 100)}%`,
    description: `share of the ${formatUsd(c.totalUsd)} of ${whose} (${onWhat}${limits}) that can run in cycles of any length: ${formatUsd(c.circulatingUsd)}`,
  };
}
