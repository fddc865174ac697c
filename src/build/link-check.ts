// Checks that every internal link and src in a built site resolves to a file, including links inside SVGs.
// Runs at the end of every build (src/build/integration.ts) and in the tests.
import { readFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { SITE_URL, BASE_PATH } from "../site.config.ts";

export interface BrokenLink {
  page: string;
  link: string;
}

const ATTR = /\s(?:href|src|xlink:href|content)="([^"]*)"/g;

/** Every file below dir, as paths relative to it. */
export function allFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full, base) : [relative(base, full)];
  });
}

export function brokenLinks(dist: string, site = SITE_URL, base = BASE_PATH): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const files = new Set(allFiles(dist));
  const pages = [...files].filter((f) => f.endsWith(".html") || f.endsWith(".svg")).sort();
  for (const page of pages) {
    const text = readFileSync(join(dist, page), "utf8");
    for (const match of text.matchAll(ATTR)) {
      let link = match[1]!.replaceAll("&amp;", "&");
      if (link.startsWith(site)) link = link.slice(site.length) || "/";
      if (!link.startsWith("/") || link.startsWith("//")) continue;
      if (!link.startsWith(base)) {
        broken.push({ page, link });
        continue;
      }
      const path = "/" + decodeURIComponent(link.slice(base.length).split("#")[0]!.split("?")[0]!);
      const target = path.endsWith("/") ? `${path.slice(1)}index.html` : path.slice(1);
      if (!files.has(target) && !existsSync(join(dist, target))) broken.push({ page, link });
    }
  }
  const unique = new Map(broken.map((b) => [`${b.page}\u0000${b.link}`, b]));
  return [...unique.values()].sort((a, b) => a.page.localeCompare(b.page) || a.link.localeCompare(b.link));
}

export function formatBrokenLinks(broken: BrokenLink[]): string {
  return `${broken.length} broken internal link${broken.length === 1 ? "" : "s"}:\n` + broken.map((b) => `  - ${b.page}: ${b.link}`).join("\n");
}
