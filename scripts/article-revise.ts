// `npm run article:revise -- <slug>`: before revising an article, freezes its published text as <slug>/v<n>.mdx,
// locks the file's SHA-256 and raises the live article's version to n+1. The build then asks for the revision note.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { VERSIONS_LOCK, readVersionLock, versionPath } from "../src/articles/versions.ts";
import { ARTICLES_DIR } from "../src/site.config.ts";
import { sha256 } from "../src/dataset/load.ts";

const [slug, asVersion] = process.argv.slice(2);
const fail = (message: string): never => {
  console.error(`article:revise: ${message}`);
  process.exit(1);
};
if (!slug) fail("usage: npm run article:revise -- <slug>");
const live = join(ARTICLES_DIR, `${slug}.mdx`);
if (!existsSync(live)) fail(`${live} does not exist`);
const text = readFileSync(live, "utf8");
const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(text) ?? fail(`${live}: no frontmatter`);
const declared = /^version:\s*(\d+)\s*$/m.exec(frontmatter[1]!);
// An explicit version is for history recorded before versions existed (the text published as v2 had no version key).
const version = asVersion ? Number(asVersion) : declared ? Number(declared[1]) : 1;
if (!Number.isInteger(version) || version < 1) fail(`"${asVersion}" is not a version number`);
const id = versionPath(slug!, version);
const lock = readVersionLock();
if (lock[id]) fail(`${id} is already frozen; it can never be rewritten`);

mkdirSync(join(ARTICLES_DIR, slug!), { recursive: true });
writeFileSync(join(ARTICLES_DIR, `${id}.mdx`), text);
lock[id] = { sha256: sha256(text), frozen: process.env.RELEASE_DATE ?? new Date().toISOString().slice(0, 10) };
const sorted = Object.fromEntries(Object.entries(lock).sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })));
writeFileSync(join(ARTICLES_DIR, VERSIONS_LOCK), JSON.stringify(sorted, null, 2) + "\n");

const next = version + 1;
const body = declared
  ? frontmatter[1]!.replace(/^version:\s*\d+\s*$/m, `version: ${next}`)
  : frontmatter[1]!.replace(/^(dataset:.*)$/m, `$1\nversion: ${next}`);
writeFileSync(live, text.replace(frontmatter[1]!, body));
console.log(
  `Froze ${id}.mdx (locked in ${VERSIONS_LOCK}); ${live} is now version ${next}.\n` +
    `Revise it, set "updated", and add to its frontmatter:\nrevisions:\n  - version: ${next}\n    date: <YYYY-MM-DD>\n    note: "<what changed and why>"`,
);
