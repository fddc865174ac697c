import { describe, expect, it } from "vitest";
import { PALETTE } from "../../src/charts/theme.ts";

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
