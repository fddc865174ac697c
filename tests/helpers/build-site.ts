// Builds a site (the fixture or a broken variant) into a temp folder with the real build command's steps.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const FIXTURE_DATA = join(ROOT, "tests/fixtures/data");
export const FIXTURE_CONTENT = join(ROOT, "tests/fixtures/content/articles");

export interface BuildResult {
  code: number;
  output: string;
  outDir: string;
}

export function buildSite(options: { dataDir?: string; contentDir?: string; archiveDir?: string; outDir?: string; pagefind?: boolean } = {}): BuildResult {
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), "circularity-site-"));
  // vitest mirrors its import.meta.env into process.env (NODE_ENV=test, DEV=1, MODE=test…); a child build must not
  // inherit them, or it would build in development mode (drafts included).
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NODE_ENV|DEV|PROD|MODE|SSR|BASE_URL|TEST|VITEST.*)$/.test(k)));
  const env = {
    ...inherited,
    ASTRO_TELEMETRY_DISABLED: "1",
    CIRCULARITY_DATA_DIR: options.dataDir ?? FIXTURE_DATA,
    CIRCULARITY_CONTENT_DIR: options.contentDir ?? FIXTURE_CONTENT,
    CIRCULARITY_ARCHIVE_DIR: options.archiveDir ?? join(ROOT, "tests/fixtures/archive"),
    CIRCULARITY_OUT_DIR: outDir,
    CIRCULARITY_CACHE_DIR: `${outDir}-cache`,
    CIRCULARITY_PAGEFIND: options.pagefind ? "on" : "off",
  };
  // process.execPath is the Node that runs the tests (the pinned one under npm scripts), which Astro needs.
  const astro = spawnSync(process.execPath, [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build"], { cwd: ROOT, env, encoding: "utf8" });
  return { code: astro.status ?? 1, output: `${astro.stdout}\n${astro.stderr}`, outDir };
}
