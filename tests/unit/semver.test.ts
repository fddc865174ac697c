// Dataset versions are compared as numbers, part by part: 1.10.0 is after 1.9.0, and only x.y.z is a version.
import { describe, expect, it } from "vitest";
import { compareVersions, isVersion } from "../../src/lib/semver.ts";

describe("compareVersions", () => {
  it("orders by major, then minor, then patch, as numbers rather than text", () => {
    expect(compareVersions("1.10.0", "1.9.0")).toBeGreaterThan(0);
    expect(compareVersions("1.9.0", "1.10.0")).toBeLessThan(0);
    expect(compareVersions("2.0.0", "1.99.99")).toBeGreaterThan(0);
    expect(compareVersions("1.2.10", "1.2.9")).toBeGreaterThan(0);
    expect(compareVersions("1.2.0", "1.2.1")).toBeLessThan(0);
    expect(["1.3.0", "1.10.0", "1.2.1", "1.2.0", "0.9.9"].sort(compareVersions)).toEqual(["0.9.9", "1.2.0", "1.2.1", "1.3.0", "1.10.0"]);
  });

  it("says by how much the first differing part differs, and 0 for the same version", () => {
    expect(compareVersions("1.3.0", "1.3.0")).toBe(0);
    expect(compareVersions("3.1.0", "1.9.0")).toBe(2);
    expect(compareVersions("1.2.5", "1.2.2")).toBe(3);
    expect(compareVersions("1.0.0", "1.4.0")).toBe(-4);
  });

  it("reads a missing part as 0, so 1.2 is 1.2.0", () => {
    expect(compareVersions("1.2", "1.2.0")).toBe(0);
    expect(compareVersions("1.2.0", "1.2")).toBe(0);
    expect(compareVersions("1.2", "1.2.1")).toBe(-1);
    expect(compareVersions("1.2.1", "1.2")).toBe(1);
    expect(compareVersions("2", "1.9.9")).toBe(1);
  });
});

describe("isVersion", () => {
  it("accepts major.minor.patch in digits, of any length", () => {
    expect(isVersion("1.3.0")).toBe(true);
    expect(isVersion("0.0.0")).toBe(true);
    expect(isVersion("12.345.6789")).toBe(true);
  });

  it("refuses anything else: fewer or more parts, a prefix or suffix, letters, spaces", () => {
    for (const bad of ["1.3", "1", "1.3.0.1", "v1.3.0", "1.3.0-rc1", "1.3.0 ", " 1.3.0", "1.3.x", "1..0", "1.3.0\n2.0.0", "", "a.b.c", "1-3-0"])
      expect(isVersion(bad), JSON.stringify(bad)).toBe(false);
  });
});
