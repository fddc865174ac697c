// A phone reads the network as a ranked list of its largest flows, with values, loops marked: the same numbers as
// the chart's table, in the same order.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import whoFundsWhom from "../../src/charts/who-funds-whom.ts";
import { renderUncached } from "../../src/render/chart-render.ts";
import { loadReleases } from "../../src/dataset/load.ts";
import { formatUsd } from "../../src/lib/money.ts";

const site = loadReleases(join(import.meta.dirname, "..", "..", "data")).current;

describe("the network's phone list", () => {
  it("ranks the largest disclosed flows with their values and marks those on a loop, as the table has them", () => {
    const rendered = renderUncached(whoFundsWhom, site.dataset, site.version);
    const list = rendered.phoneList!;
    const disclosed = whoFundsWhom.build(site.dataset).data.filter((d) => d.usd > 0);
    expect(list.items.length).toBe(Math.min(12, disclosed.length));
    expect(list.heading).toBe(`The ${list.items.length} largest flows`);
    list.items.forEach((item, i) => {
      const row = disclosed[i]!;
      expect(item.value.startsWith(formatUsd(row.usd)), item.label).toBe(true);
      expect(item.highlight).toBe(row.inLoop);
      expect(item.value.endsWith("part of a loop")).toBe(row.inLoop);
    });
    const usd = list.items.map((_, i) => disclosed[i]!.usd);
    expect(usd).toEqual([...usd].sort((a, b) => b - a));
  });
});
