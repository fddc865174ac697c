// Writes a synthetic site for benchmarking: the real dataset scaled by N (deals, entities, articles), from a seeded
// generator so every run builds the same thing. Synthetic records say so in their notes and never reach the site.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import type { Dataset } from "../../src/schemas/dataset.ts";
import { CHARTS } from "../../src/charts/index.ts";
import { seededRandom } from "../../src/lib/random.ts";

/** The seeded generator, so the synthetic site is identical on every run. */
const prng = seededRandom;

const WORDS = (
  "the loop closes when a supplier funds a customer that buys its chips cloud capacity equity warrant backstop commitment " +
  "ceiling reported committed estimated revenue burn valuation vendor financing carrier gigawatt contract tranche milestone " +
  "investor buyer seller lease debt round price share risk demand supply quarter year announced signed closed"
).split(" ");

/** The synthetic site is one release with the real release's version, so every chart published on the real site exists. */
export function generateSite(
  real: Dataset,
  scale: number,
  dir: string,
  version: string,
  seed = 42,
): { deals: number; entities: number; articles: number; dataset: Dataset } {
  const random = prng(seed + scale);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const entities = Array.from({ length: scale }, (_, copy) =>
    real.entities.map((e) => ({ ...e, id: copy ? `${e.id}-s${copy}` : e.id, name: copy ? `${e.name} ${copy}` : e.name })),
  ).flat();
  // Each copy's deals connect that copy's entities, plus one cross-copy edge in ten, so the graph stays realistic.
  const deals = Array.from({ length: scale }, (_, copy) =>
    real.deals.map((d) => {
      const suffix = copy ? `-s${copy}` : "";
      const other = random() < 0.1 && scale > 1 ? `-s${1 + Math.floor(random() * (scale - 1))}` : suffix;
      return {
        ...d,
        id: `${d.id}${suffix}`,
        from: `${d.from}${suffix}`,
        to: `${d.to}${other === "-s0" ? "" : other}`,
        supersededBy: d.supersededBy ? `${d.supersededBy}${suffix}` : undefined,
        notes: copy ? `Synthetic copy ${copy} for benchmarking. ${d.notes}` : d.notes,
      };
    }),
  )
    .flat()
    .filter((d) => d.from !== d.to);
  // Metrics and financing stay those of the real release (copy 0 keeps the real ids they refer to).
  // The evidence date too: from 1.3.0 a release must say how current its evidence is.
  const dataset = {
    schemaVersion: 1,
    ...(real.evidenceThrough ? { evidenceThrough: real.evidenceThrough } : {}),
    entities,
    deals,
    metrics: real.metrics,
    financing: real.financing,
    removed: [],
    revisions: [],
  } as Dataset;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "data/releases"), { recursive: true });
  const text = JSON.stringify(dataset, null, 2) + "\n";
  writeFileSync(join(dir, `data/releases/${version}.json`), text);
  const sha256 = createHash("sha256").update(text).digest("hex");
  writeFileSync(join(dir, "data/releases.lock.json"), JSON.stringify({ [version]: { sha256, released: "2026-11-24", notes: `synthetic ${scale}x` } }, null, 2));

  // Articles embed only charts that have something to plot on this dataset (a chart with no rows has no pinned page).
  const drawable = CHARTS.filter((c) => c.build(dataset).data.length > 0);
  const articleCount = 7 * scale;
  mkdirSync(join(dir, "content"), { recursive: true });
  for (let i = 0; i < articleCount; i++) {
    const paragraphs = Array.from({ length: 12 }, () => {
      const facts = Array.from({ length: 2 }, () => `<Fact deal="${pick(deals).id}" />`);
      const words = Array.from({ length: 90 }, () => pick(WORDS)).join(" ");
      return `${words} ${facts.join(" and ")}.`;
    });
    const charts = [pick(drawable).id, pick(drawable).id];
    const body = [
      "---",
      `title: "Synthetic analysis ${i + 1}"`,
      `description: "A generated article used only to measure build cost at ${scale} times the real site."`,
      `published: 2026-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
      'authors: ["Benchmark generator"]',
      `tags: ["synthetic", "tag-${i % 20}"]`,
      `dataset: ${version}`,
      "---",
      "",
      "## Argument",
      "",
      paragraphs.slice(0, 6).join("\n\n"),
      "",
      `<Chart id="${charts[0]}" />`,
      "",
      "## Evidence",
      "",
      paragraphs.slice(6).join("\n\n"),
      "",
      `<Chart id="${charts[1]}" />`,
      "",
      "| a | b |",
      "| --- | ---: |",
      `| one | <Fact deal="${pick(deals).id}" /> |`,
      "",
      "A note.[^1]",
      "",
      "[^1]: Generated for the benchmark.",
      "",
    ].join("\n");
    writeFileSync(join(dir, "content", `synthetic-${i + 1}.mdx`), body);
  }
  return { deals: deals.length, entities: entities.length, articles: articleCount, dataset };
}
