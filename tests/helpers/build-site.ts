// Builds a site (the fixture or a broken variant) into a temp folder with the real build command's steps.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { mkdirSync, mkdtempSync } from "node:fs";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const FIXTURE_DATA = join(ROOT, "tests/fixtures/data");
export const FIXTURE_CONTENT = join(ROOT, "tests/fixtures/content/articles");
/** Where test builds and their inputs go (git-ignored); each run works in its own folder inside (temp-cleanup.ts). */
export const TEST_TMP = join(ROOT, "tests/.tmp");

/**
 * A new folder inside the project, not the system's temp folder: a build's prerendered chunks import packages by
 * walking up from the output folder to a node_modules, which a folder beside a clone made under /tmp never finds.
 */
export function projectTempDir(prefix: string): string {
  const runFolder = process.env.CIRCULARITY_TEST_BUILD_TMP ?? TEST_TMP;
  mkdirSync(runFolder, { recursive: true });
  return mkdtempSync(join(runFolder, prefix));
}

export interface BuildResult {
  code: number;
  output: string;
  outDir: string;
}

export function buildSite(options: { dataDir?: string; contentDir?: string; archiveDir?: string; outDir?: string; pagefind?: boolean } = {}): BuildResult {
  const outDir = options.outDir ?? projectTempDir("site-");
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
