// Two builds of the same input produce byte-identical output, search index included.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSite } from "../helpers/build-site.ts";
import { allFiles } from "../helpers/html.ts";

function digest(dir: string): Map<string, string> {
  return new Map(
    allFiles(dir)
      .sort()
      .map((f) => [
        f,
        createHash("sha256")
          .update(readFileSync(join(dir, f)))
          .digest("hex"),
      ]),
  );
}

describe("reproducible builds", () => {
  it("builds the fixture site twice into byte-identical dist folders", () => {
    const first = buildSite({ pagefind: true });
    const second = buildSite({ pagefind: true });
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    const a = digest(first.outDir);
    const b = digest(second.outDir);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a.keys()].filter((f) => a.get(f) !== b.get(f));
    expect(differing).toEqual([]);
    expect(a.size).toBeGreaterThan(50);
  });
});
