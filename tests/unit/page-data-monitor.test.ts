// The monitor and an indicator's page, on the site's own releases: what a reader is told about each indicator's
// evidence, its history, its versions and where each input record lives.
import { describe, expect, it } from "vitest";
import { indicatorPage, monitorPage, netIssuanceGap, recordPath, indicatorCitation } from "../../src/page-data/monitor.ts";
import { currentIndicators, indicatorVersions } from "../../src/render/indicators.ts";
import { currentRelease, releaseByVersion } from "../../src/dataset/index.ts";
import { isPrimary } from "../../src/dataset/evidence.ts";
import type { Release } from "../../src/dataset/load.ts";

const FIRM_WORDS = /^\d+ (filing|company statement|wire or major outlet|other press|aggregator or repost|not graded)$/;

describe("the monitor page", () => {
  it("says for each indicator what share of its inputs is firm, counted from the inputs themselves", () => {
    const page = monitorPage(currentRelease());
    const indicators = currentIndicators();
    expect(page.indicators.map((i) => i.id)).toEqual(indicators.map((i) => i.id));
    for (const [i, ind] of indicators.entries()) {
      const firm = ind.inputs.filter((input) => input.evidence !== "ungraded" && isPrimary(input.evidence)).length;
      const share = Math.round((firm / ind.inputs.length) * 100);
      expect(page.indicators[i]!.evidence).toBe(`${share}% of its ${ind.inputs.length} input records rest on a filing, a company statement or a wire story`);
      expect(page.indicators[i]).toMatchObject({
        id: ind.id,
        title: ind.title,
        question: ind.question,
        display: ind.display,
        working: ind.working,
        path: `monitor/${ind.id}/`,
      });
      expect(page.indicators[i]!.history).toBe(ind.asOf.length > 1 ? `${ind.asOf[0]!.display} at ${ind.asOf[0]!.date}, ${ind.display} now` : undefined);
    }
    expect(page.indicators.some((i) => i.history !== undefined)).toBe(true);
    expect(page.release.version).toBe(currentRelease().version);
    expect(page.release.released).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    expect(page.feedPath).toBe("monitor/feed.xml");
  });
});

describe("an indicator's page", () => {
  const ind = currentIndicators()[0]!;
  const latest = currentRelease().version;

  it("lists its evidence by kind, the counts adding up to its inputs", () => {
    const page = indicatorPage(ind.id, latest, false);
    const parts = page.evidence.text.split(", ");
    for (const part of parts) expect(part).toMatch(FIRM_WORDS);
    expect(parts.reduce((s, p) => s + Number(p.split(" ")[0]), 0)).toBe(ind.inputs.length);
    const firm = ind.inputs.filter((input) => input.evidence !== "ungraded" && isPrimary(input.evidence)).length;
    expect(page.evidence.firm).toBe(`${Math.round((firm / ind.inputs.length) * 100)}%`);
  });

  it("is cited by its pinned URL, live or pinned, and names the release in a pinned title", () => {
    const live = indicatorPage(ind.id, latest, false);
    const pinned = indicatorPage(ind.id, latest, true);
    expect(live.title).toBe(ind.title);
    expect(pinned.title).toBe(`${ind.title} (dataset v${latest})`);
    expect(live.path).toBe(`monitor/${ind.id}/`);
    expect(pinned.path).toBe(`monitor/${ind.id}/v${latest}/`);
    expect(live.pinnedPath).toBe(pinned.path);
    expect(live.citeAs).toMatch(new RegExp(`^https?://[^/]+/monitor/${ind.id}/v${latest.replaceAll(".", "\\.")}/$`));
    expect(pinned.citeAs).toBeUndefined();
    expect(live.risPath).toBe(`monitor/${ind.id}/v${latest}/${ind.id}.ris`);
    expect(live.jsonPath).toBe(`monitor/${ind.id}/v${latest}/${ind.id}.json`);
    expect(live.released.datetime).toBe(releaseByVersion(latest).released);
    expect(live.citation).toEqual(indicatorCitation(live.indicator, releaseByVersion(latest)));
    expect(live.citation.url).toBe(live.citeAs);
  });

  it("marks exactly the version shown as current among every version that has it", () => {
    const versions = indicatorVersions(ind.id);
    const older = versions[0]!;
    const page = indicatorPage(ind.id, older, true);
    expect(page.versions.map((v) => v.text)).toEqual(versions.map((v) => `v${v}`));
    expect(page.versions.filter((v) => v.current).map((v) => v.text)).toEqual([`v${older}`]);
    expect(page.versions.map((v) => v.path)).toEqual(versions.map((v) => `monitor/${ind.id}/v${v}/`));
  });

  it("links every input and every row's inputs to the record's page, with its grade in words", () => {
    const page = indicatorPage(ind.id, latest, false);
    const dataset = releaseByVersion(latest).dataset;
    expect(page.inputs).toHaveLength(ind.inputs.length);
    for (const input of page.inputs) {
      const [kind, id] = input.ref.split(":");
      expect(input.id).toBe(id);
      expect(input.path).toBe(recordPath(input.ref, dataset));
      if (kind === "deal") expect(input.path).toBe(`deals/${id}/`);
      expect(input.grade).toBe(
        {
          filing: "Filing",
          company: "Company statement",
          wire: "Wire or major outlet",
          press: "Other press",
          aggregator: "Aggregator or repost",
          ungraded: "not graded",
        }[input.evidence],
      );
    }
    const row = page.rows.find((r) => r.links.length > 0)!;
    expect(row.links[0]).toEqual({
      text: row.inputs[0]!.split(":")[1],
      path: recordPath(row.inputs[0]!, dataset),
      evidence: ind.inputs.find((i) => i.ref === row.inputs[0])!.evidence,
    });
  });
});

describe("where a record lives", () => {
  it("puts a metric on its company's page, a financing in the financing list, a deal on its own page", () => {
    const dataset = currentRelease().dataset;
    const metric = dataset.metrics[0]!;
    expect(recordPath(`metric:${metric.id}`, dataset)).toBe(`companies/${metric.entity}/#metric-${metric.id}`);
    expect(recordPath("financing:x-1", dataset)).toBe("financing/#x-1");
    expect(recordPath("deal:y-2", dataset)).toBe("deals/y-2/");
  });
});

describe("the net-issuance gap", () => {
  it("counts share sales that happened, not cancelled ones, those without an amount, or other instruments", () => {
    const release = currentRelease();
    const dataset = structuredClone(release.dataset);
    const base = dataset.financing.find((f) => f.instrument === "equity-issuance" && f.amount && f.status !== "cancelled")!;
    dataset.financing = [
      { ...base, id: "a" },
      { ...base, id: "b", status: "cancelled" },
      { ...base, id: "c", amount: null },
      { ...base, id: "d", instrument: "bond" },
    ];
    const text = netIssuanceGap({ ...release, dataset } as Release);
    expect(text).toContain("it also holds 1 share and convertible sales in the financing layer");
  });

  it("names the companies by name, and says when no company has both figures", () => {
    const release = currentRelease();
    const dataset = structuredClone(release.dataset);
    dataset.metrics = dataset.metrics.filter((m) => m.metric !== "share-issuance");
    const text = netIssuanceGap({ ...release, dataset } as Release);
    expect(text).toContain("and shares issued for 0, so the net figure exists for none of them;");
    const named = dataset.metrics.find((m) => m.metric === "buybacks")!;
    expect(text).toContain(dataset.entities.find((e) => e.id === named.entity)!.name);
  });
});
