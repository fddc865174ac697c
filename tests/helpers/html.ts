// Reading built pages: parse dist/ HTML with linkedom and list files.
import { parseHTML } from "linkedom";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { allFiles } from "../../src/build/link-check.ts";

export { allFiles };

export function page(dist: string, path: string): Document {
  const file = join(dist, path.replace(/^\//, ""), path.endsWith(".html") ? "" : "index.html");
  if (!existsSync(file)) throw new Error(`no page at ${path} (${file})`);
  return parseHTML(readFileSync(file, "utf8")).document as unknown as Document;
}

export function html(dist: string, path: string): string {
  return readFileSync(join(dist, path.replace(/^\//, ""), "index.html"), "utf8");
}

export function exists(dist: string, path: string): boolean {
  return existsSync(join(dist, path.replace(/^\//, "")));
}

export function htmlPages(dist: string): string[] {
  return allFiles(dist).filter((f) => f.endsWith(".html"));
}
