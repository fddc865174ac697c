// `npm run check:articles`: the article checks the build makes, in a second and without building: every record,
// chart and computed figure resolves in the pinned release, and no figure is typed by hand in prose.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadReleases } from "../src/dataset/load.ts";
import { articleRefs, assertRefsExist } from "../src/articles/refs.ts";
import { assertNoTypedFigures } from "../src/articles/typed-figures.ts";
import { CHART_ALIASES, CHARTS } from "../src/charts/index.ts";
import { ARTICLES_DIR } from "../src/site.config.ts";

const history = loadReleases(resolve(process.env.CIRCULARITY_DATA_DIR ?? "data"));
const problems: string[] = [];
for (const name of readdirSync(ARTICLES_DIR).filter((f) => f.endsWith(".mdx") && !f.startsWith("_"))) {
  const file = join(ARTICLES_DIR, name);
  const text = readFileSync(file, "utf8");
  const version = /^dataset:\s*([\d.]+)\s*$/m.exec(text)?.[1];
  const release = history.releases.find((r) => r.version === version);
  try {
    if (!release) throw new Error(`${file}: dataset ${version ?? "(missing)"} is not a released version`);
    assertRefsExist(
      file,
      articleRefs(text),
      release.dataset,
      release.version,
      CHARTS.map((c) => c.id),
      CHART_ALIASES,
    );
    assertNoTypedFigures(file, text);
    console.log(`ok  ${file}`);
  } catch (error) {
    problems.push((error as Error).message);
  }
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
