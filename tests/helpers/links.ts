// Checks that every internal link and src in a built site resolves to a file, including links inside SVGs.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { htmlPages, allFiles } from "./html.ts";

export interface BrokenLink {
  page: string;
  link: string;
}

const ATTR = /\s(?:href|src|xlink:href|content)="([^"]*)"/g;

export function brokenLinks(dist: string, site = "https://circularity.report"): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const files = new Set(allFiles(dist));
  const pages = [...htmlPages(dist), ...[...files].filter((f) => f.endsWith(".svg"))];
  for (const page of pages) {
    const text = readFileSync(join(dist, page), "utf8");
    for (const match of text.matchAll(ATTR)) {
      let link = match[1]!.replaceAll("&amp;", "&");
      if (link.startsWith(site)) link = link.slice(site.length) || "/";
      if (!link.startsWith("/") || link.startsWith("//")) continue;
      const path = decodeURIComponent(link.split("#")[0]!.split("?")[0]!);
      const target = path.endsWith("/") ? `${path.slice(1)}index.html` : path.slice(1);
      if (!files.has(target) && !existsSync(join(dist, target))) broken.push({ page, link });
    }
  }
  return broken.sort((a, b) => a.page.localeCompare(b.page) || a.link.localeCompare(b.link));
}
