import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BASIS_COLOR, INSTRUMENT_COLOR, PALETTE, TYPE_COLOR, TYPE_LABEL } from "../../src/charts/theme.ts";
import { BASIS_LABEL, INSTRUMENT_LABEL } from "../../src/dataset/labels.ts";
import type { LegendItem } from "../../src/charts/types.ts";

const ARCHIVE = join(import.meta.dirname, "..", "..", "archive", "charts");

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("chart palette", () => {
  it.each(Object.entries(PALETTE))("%s (%s) has 3:1 contrast on the light and the dark background", (_name, color) => {
    expect(contrast(color, "#ffffff")).toBeGreaterThanOrEqual(3);
    expect(contrast(color, "#121418")).toBeGreaterThanOrEqual(3);
  });
});

// A reader learns one colour key and meets it on live charts and on pinned ones archived at earlier releases, which
// never change. A live key that drifted from the archived one (two bases' colours swapped, say) would make a live
// chart and its own pinned version contradict each other.
describe("colour keys stay those of the published charts", () => {
  const archived = readdirSync(ARCHIVE).flatMap((id) =>
    readdirSync(join(ARCHIVE, id))
      .filter((f) => /^v\d+\.\d+\.\d+\.json$/.test(f))
      .map((f) => ({ file: `${id}/${f}`, legend: (JSON.parse(readFileSync(join(ARCHIVE, id, f), "utf8")) as { legend?: LegendItem[] }).legend ?? [] })),
  );
  const keys: [string, Record<string, string>, Record<string, string>][] = [
    ["basis", BASIS_LABEL, BASIS_COLOR],
    ["deal type", TYPE_LABEL, TYPE_COLOR],
    ["financing instrument", INSTRUMENT_LABEL, INSTRUMENT_COLOR],
  ];
  it.each(keys)("each %s has the colour every archived legend gives it", (_name, labels, colors) => {
    let checked = 0;
    for (const { file, legend } of archived)
      for (const item of legend) {
        const entry = Object.entries(labels).find(([, label]) => item.label === label || item.label.startsWith(`${label}: `));
        if (!entry) continue;
        checked += 1;
        expect(colors[entry[0]], `${file}: "${item.label}"`).toBe(item.color);
      }
    expect(checked).toBeGreaterThan(0);
  });
  it("gives the four bases four different colours", () => {
    expect(new Set(Object.values(BASIS_COLOR)).size).toBe(Object.keys(BASIS_COLOR).length);
  });
});
