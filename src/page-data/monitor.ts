// What the monitor shows: the indicators on the current release, each indicator's page (live or pinned to a
// release) and its citation. Its API document is in api.ts and its feed in feeds.ts.
import { cardImage, indicatorCard, monitorCard, siteCard } from "./social-cards.ts";
import type { Release } from "../dataset/load.ts";
import { releaseByVersion } from "../dataset/index.ts";
import { formatIndicator } from "../indicators/records.ts";
import { currentIndicators, indicatorAt, indicatorHistorySvg, indicatorVersions, type RenderedIndicator } from "../render/indicators.ts";
import { isPrimary, SOURCE_KIND_LABEL } from "../dataset/evidence.ts";
import { releaseWork, type CitableWork } from "../lib/cite.ts";
import { evidenceThroughText, formatDate } from "../lib/dates.ts";
import { absoluteUrl, paths } from "../lib/urls.ts";

import { recordPath } from "./record-paths.ts";

export { recordPath };

/** How to cite an indicator at a release: always its pinned URL. */
export function indicatorCitation(indicator: RenderedIndicator, release: Release): CitableWork {
  return releaseWork("indicator", `indicator-${indicator.id}`, indicator.title, absoluteUrl(paths.indicatorPinned(indicator.id, indicator.version)), release);
}

/** One evidence line: "3 filings, 2 company statements, …" with the share of the inputs that is firm. */
function evidenceSummary(indicator: RenderedIndicator): { text: string; firmShare: number } {
  const total = indicator.evidence.reduce((s, e) => s + e.records, 0);
  const firm = indicator.evidence.filter((e) => isPrimary(e.kind)).reduce((s, e) => s + e.records, 0);
  const text = indicator.evidence.map((e) => `${e.records} ${e.kind === "ungraded" ? "not graded" : SOURCE_KIND_LABEL[e.kind].toLowerCase()}`).join(", ");
  return { text, firmShare: total ? (firm / total) * 100 : 0 };
}

export function monitorPage(release: Release) {
  return {
    image: cardImage(monitorCard(currentIndicators())),
    release: {
      version: release.version,
      released: formatDate(release.released, "day", "long"),
      evidence: evidenceThroughText(release),
    },
    indicators: currentIndicators().map((ind) => {
      const evidence = evidenceSummary(ind);
      return {
        id: ind.id,
        title: ind.title,
        question: ind.question,
        display: ind.display,
        working: ind.working,
        path: paths.indicator(ind.id),
        evidence: `${formatIndicator(evidence.firmShare, "percent")} of its ${ind.inputs.length} input records rest on a filing, a company statement or a wire story`,
        history: ind.asOf.length > 1 ? `${ind.asOf[0]!.display} at ${ind.asOf[0]!.date}, ${ind.display} now` : undefined,
      };
    }),
    feedPath: paths.monitorFeed(),
    netIssuance: netIssuanceGap(release),
  };
}

/**
 * Net issuance (share sales minus buybacks by the companies in the loops) is the seventh measure Lamont's test needs.
 * It is not yet an indicator: this says, from the release itself, which figures exist and which are missing.
 */
export function netIssuanceGap(release: Release): string {
  const { dataset } = release;
  const name = (id: string) => dataset.entities.find((e) => e.id === id)?.name ?? id;
  const holders = (kind: "buybacks" | "share-issuance") => [...new Set(dataset.metrics.filter((m) => m.metric === kind).map((m) => m.entity))].sort();
  const buybacks = holders("buybacks");
  const issuance = holders("share-issuance");
  const both = buybacks.filter((e) => issuance.includes(e));
  const sales = dataset.financing.filter((f) => f.instrument === "equity-issuance" && f.status !== "cancelled" && f.amount).length;
  const list = (ids: string[]) => (ids.length ? ` (${ids.map(name).join(", ")})` : "");
  return `Net issuance, share sales minus buybacks by the companies in the loops, is not computed yet. Dataset v${release.version} holds buybacks for ${buybacks.length} companies${list(buybacks)} and shares issued for ${issuance.length}${list(issuance)}, so the net figure exists ${both.length ? `for ${both.map(name).join(", ")} only, and over different fiscal periods` : "for none of them"}; it also holds ${sales} share and convertible sales in the financing layer, which are issuance by the companies building the loops. What is missing is each company's issuance and buybacks over the same periods.`;
}

export function indicatorPage(id: string, version: string, pinned: boolean) {
  const indicator = indicatorAt(id, version)!;
  const release = releaseByVersion(version);
  const citation = indicatorCitation(indicator, release);
  const evidence = evidenceSummary(indicator);
  const pinnedPath = paths.indicatorPinned(id, version);
  const inputsByRef = new Map(indicator.inputs.map((i) => [i.ref, i]));
  return {
    indicator,
    pinned,
    title: pinned ? `${indicator.title} (dataset v${version})` : indicator.title,
    path: pinned ? pinnedPath : paths.indicator(id),
    // The live page unfurls to the indicator's card (today's value); a pinned one to the site's, whose text never dates.
    image: cardImage(pinned ? siteCard(release) : indicatorCard(indicator)),
    pinnedPath,
    citeAs: pinned ? undefined : absoluteUrl(pinnedPath),
    released: { datetime: release.released, text: formatDate(release.released, "day", "long") },
    evidenceThrough: evidenceThroughText(release),
    citation,
    risPath: paths.indicatorPinnedDownload(id, version, "ris"),
    jsonPath: paths.indicatorPinnedDownload(id, version, "json"),
    apiPath: paths.apiIndicator(id),
    evidence: { text: evidence.text, firm: formatIndicator(evidence.firmShare, "percent") },
    rows: indicator.rows.map((r) => ({
      ...r,
      links: r.inputs.map((ref) => ({ text: ref.split(":")[1]!, path: recordPath(ref, release.dataset), evidence: inputsByRef.get(ref)?.evidence })),
    })),
    inputs: indicator.inputs.map((i) => ({
      ...i,
      path: recordPath(i.ref, release.dataset),
      id: i.ref.split(":")[1]!,
      grade: i.evidence === "ungraded" ? "not graded" : SOURCE_KIND_LABEL[i.evidence],
    })),
    chart: { wide: indicatorHistorySvg(indicator, false), narrow: indicatorHistorySvg(indicator, true) },
    versions: indicatorVersions(id).map((v) => ({
      text: `v${v}`,
      path: paths.indicatorPinned(id, v),
      current: v === version,
      released: formatDate(releaseByVersion(v).released),
    })),
  };
}
export type IndicatorPageData = ReturnType<typeof indicatorPage>;
export type MonitorPageData = ReturnType<typeof monitorPage>;
