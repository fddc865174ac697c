// The folder rules of the README's "Layout" section as a test: data flows one way (schemas → dataset → charts → render → page data
// → pages), lib/ holds leaf helpers, and code shipped to browsers stands apart from build-time code.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { allFiles } from "../../src/build/link-check.ts";

/** Which src/ folders each folder may import from (its own folder always). "root" is a file directly in src/. */
const ALLOWED: Record<string, readonly string[]> = {
  schemas: [],
  lib: ["root"],
  dataset: ["schemas", "lib", "root"],
  charts: ["schemas", "dataset", "lib", "root"],
  indicators: ["schemas", "dataset", "lib", "root"],
  render: ["schemas", "dataset", "charts", "indicators", "lib", "root"],
  articles: ["schemas", "dataset", "charts", "indicators", "render", "lib", "root"],
  "page-data": ["schemas", "dataset", "charts", "indicators", "render", "articles", "lib", "root"],
  build: ["schemas", "dataset", "charts", "indicators", "render", "articles", "page-data", "lib", "root"],
  client: [],
  components: ["schemas", "dataset", "charts", "indicators", "render", "articles", "page-data", "lib", "client", "styles", "root"],
  layouts: ["schemas", "dataset", "charts", "indicators", "render", "articles", "page-data", "lib", "components", "styles", "root"],
  pages: ["schemas", "dataset", "charts", "indicators", "render", "articles", "page-data", "lib", "client", "components", "layouts", "styles", "root"],
  styles: [],
  root: ["schemas", "dataset", "lib", "root"],
};

function folderOf(path: string): string {
  const [first, ...rest] = relative("src", path).split("/");
  return rest.length ? first! : "root";
}

/** Every import of a src/ file that its folder's rule does not allow, as "file → import". */
export function importViolations(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    const from = folderOf(file);
    const allowed = ALLOWED[from];
    if (!allowed) {
      out.push(`${file}: folder "${from}" has no rule in the structure test`);
      continue;
    }
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = normalize(join(dirname(file), m[1]!));
      if (!target.startsWith("src/")) continue;
      const to = folderOf(target);
      if (to !== from && !allowed.includes(to)) out.push(`${file} → ${m[1]} (${from} may not import ${to})`);
    }
    if (["schemas", "lib", "dataset", "charts", "indicators", "render", "client"].includes(from) && /from\s+["']astro:/.test(text))
      out.push(`${file}: ${from} must not depend on astro:*`);
  }
  return out;
}

/** Routes stay thin: getStaticPaths, one page-data call, one layout. Lines of frontmatter, imports included. */
const ROUTE_FRONTMATTER_LIMIT = 20;

export function longRoutes(files: ReadonlyMap<string, string>): string[] {
  return [...files]
    .filter(([f]) => f.startsWith("src/pages/") && f.endsWith(".astro"))
    .map(([f, text]) => [f, /^---\n([\s\S]*?)\n---/.exec(text)?.[1]?.split("\n").length ?? 0] as const)
    .filter(([, n]) => n > ROUTE_FRONTMATTER_LIMIT)
    .map(([f, n]) => `${f}: ${n} lines of frontmatter (at most ${ROUTE_FRONTMATTER_LIMIT}: move logic into src/page-data/)`);
}

/**
 * Layouts are markup: every value they show comes from a page-data function with a unit test. Their frontmatter
 * holds imports, the Props interface and at most two declarations that unpack props; anything more is a value
 * computed where no test reaches it.
 */
const LAYOUT_DECLARATION_LIMIT = 2;

export function computingLayouts(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [f, text] of files) {
    if (!f.startsWith("src/layouts/") || !f.endsWith(".astro")) continue;
    const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
    const declarations = frontmatter.split("\n").filter((line) => /^(const|let|var|function)\b/.test(line));
    if (declarations.length > LAYOUT_DECLARATION_LIMIT)
      out.push(
        `${f}: ${declarations.length} declarations in its frontmatter (at most ${LAYOUT_DECLARATION_LIMIT}, unpacking props): move the values it computes into src/page-data/ and unit-test them`,
      );
  }
  return out;
}

const sources = new Map(
  allFiles("src")
    .filter((f) => /\.(ts|astro|mjs)$/.test(f))
    .map((f) => [join("src", f), readFileSync(join("src", f), "utf8")] as const),
);

describe("folder rules", () => {
  it("every import in src/ follows the one-way flow of the README's Layout section", () => {
    expect(importViolations(sources)).toEqual([]);
  });

  it("catches a planted back-import, a lib that reaches out, and browser code importing build code", () => {
    const planted = new Map([
      ["src/dataset/loops.ts", 'import { x } from "../render/charts.ts";'],
      ["src/lib/money.ts", 'import type { Basis } from "../schemas/dataset.ts";'],
      ["src/client/search.ts", 'import { paths } from "../lib/urls.ts";'],
      ["src/charts/theme.ts", 'import { getCollection } from "astro:content";'],
    ]);
    expect(importViolations(planted)).toHaveLength(4);
  });

  it("keeps every route's frontmatter short, and flags one that grows", () => {
    expect(longRoutes(sources)).toEqual([]);
    const fat = `---\n${Array.from({ length: 40 }, (_, i) => `const x${i} = ${i};`).join("\n")}\n---\n<p/>`;
    expect(longRoutes(new Map([["src/pages/fat.astro", fat]]))).toHaveLength(1);
  });

  it("keeps layouts to markup, and flags one that computes", () => {
    expect(computingLayouts(sources)).toEqual([]);
    const computing = "---\nconst { page } = Astro.props;\nconst { deal } = page;\nconst total = page.rows.reduce((s, r) => s + r, 0);\n---\n<p>{total}</p>";
    expect(computingLayouts(new Map([["src/layouts/Computing.astro", computing]]))).toHaveLength(1);
    expect(computingLayouts(new Map([["src/layouts/Markup.astro", computing.replace(/\nconst total.*;/, "")]]))).toEqual([]);
  });

  it("keeps src/lib/ to leaf helpers that import nothing else from src/", () => {
    const lib = [...sources].filter(([f]) => f.startsWith("src/lib/"));
    expect(lib.length).toBeGreaterThan(3);
    for (const [file, text] of lib) expect(text, file).not.toMatch(/from\s+["']\.\.\/(?!site\.config)/);
  });
});
