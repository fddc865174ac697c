// `npm run check:articles`: the article checks the build makes, in a second and without building: every record,
// chart, computed figure and indicator resolves in the pinned release, and no figure is typed by hand in prose. It
// also reports how firmly each article's quoted records are evidenced (an indicator's input records included), and the
// share over the live articles (issue 26's measure).
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadReleases } from "../src/dataset/load.ts";
import { articleRefs, assertRefsExist } from "../src/articles/refs.ts";
import { assertNoTypedFigures } from "../src/articles/typed-figures.ts";
import { assertNoAlignedColumns } from "../src/articles/table-alignment.ts";
import { CHART_ALIASES, CHARTS } from "../src/charts/index.ts";
import { ARTICLES_DIR } from "../src/site.config.ts";
import { distinctQuoted, firmShare, quotedRecords, type QuotedRecord } from "../src/articles/quoted-evidence.ts";
import { isPrimary } from "../src/dataset/evidence.ts";
import { assertNoDoubledCeilings } from "../src/articles/facts.ts";
import { articleSchema } from "../src/schemas/article.ts";
import yaml from "js-yaml";

const history = loadReleases(resolve(process.env.CIRCULARITY_DATA_DIR ?? "data"));
const problems: string[] = [];
const live: QuotedRecord[][] = [];
const percent = (share: number) => `${Math.round(share * 100)}%`;
for (const name of readdirSync(ARTICLES_DIR).filter((f) => f.endsWith(".mdx") && !f.startsWith("_"))) {
  const file = join(ARTICLES_DIR, name);
  const text = readFileSync(file, "utf8");
  const version = /^dataset:\s*([\d.]+)\s*$/m.exec(text)?.[1];
  const release = history.releases.find((r) => r.version === version);
  try {
    // The frontmatter too, as the build's content collection will read it (a dek over 300 characters fails there).
    const frontmatter = articleSchema.safeParse(yaml.load(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? ""));
    if (!frontmatter.success) throw new Error(`${file}: frontmatter: ${frontmatter.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
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
    assertNoAlignedColumns(file, text);
    assertNoDoubledCeilings(file, text, release.dataset);
    const quoted = quotedRecords(articleRefs(text), release);
    const draft = /^draft:\s*true\s*$/m.test(text);
    if (!draft) live.push(quoted);
    const weak = quoted.filter((r) => !isPrimary(r.evidence));
    console.log(`ok  ${file}${draft ? " (draft)" : ""}: ${percent(firmShare(quoted))} of ${quoted.length} quoted records firm`);
    if (process.argv.includes("--weak")) for (const r of weak) console.log(`      ${r.evidence.padEnd(10)} ${r.kind}:${r.id}`);
  } catch (error) {
    problems.push((error as Error).message);
  }
}
console.log(
  `live articles: ${percent(firmShare(distinctQuoted(live)))} of ${distinctQuoted(live).length} distinct quoted records rest on a filing, company statement or wire story`,
);
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
