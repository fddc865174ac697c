// _headers, _redirects, 404.html and robots.txt in dist/, checked against the built pages.
import { describe, expect, it } from "vitest";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { htmlPages } from "../helpers/html.ts";

const DIST = "dist";

/** Parses the Netlify/Cloudflare _headers format into [pattern, headers] rules. */
function parseHeaders(text: string): { pattern: string; headers: Record<string, string> }[] {
  const rules: { pattern: string; headers: Record<string, string> }[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else {
      const [name, ...value] = line.trim().split(":");
      rules.at(-1)!.headers[name!.trim().toLowerCase()] = value.join(":").trim();
    }
  }
  return rules;
}

function matches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
  return re.test(path);
}

function headersFor(rules: ReturnType<typeof parseHeaders>, path: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const rule of rules) if (matches(rule.pattern, path)) for (const [k, v] of Object.entries(rule.headers)) (out[k] ??= []).push(v);
  return out;
}

const rules = parseHeaders(readFileSync(join(DIST, "_headers"), "utf8"));
const urlOf = (file: string) => "/" + file.replace(/index\.html$/, "");

describe("_headers", () => {
  const pages = htmlPages(DIST).filter((f) => !f.startsWith("pagefind/"));

  it("gives every page nosniff, a referrer policy and a permissions policy", () => {
    for (const file of pages) {
      const h = headersFor(rules, urlOf(file));
      expect(h["x-content-type-options"], file).toEqual(["nosniff"]);
      expect(h["referrer-policy"], file).toHaveLength(1);
      expect(h["permissions-policy"]?.[0], file).toMatch(/camera=\(\)/);
    }
  });

  it("forbids framing of every page except embeds, and allows framing of embeds by anyone", () => {
    for (const file of pages) {
      const h = headersFor(rules, urlOf(file));
      const csp = (h["content-security-policy"] ?? []).join("; ");
      if (file.startsWith("embed/")) {
        expect(h["x-frame-options"], file).toBeUndefined();
        expect(csp, file).toContain("frame-ancestors *");
      } else {
        expect(h["x-frame-options"], file).toEqual(["DENY"]);
        expect(csp, file).toContain("frame-ancestors 'none'");
      }
      expect(h["cache-control"], file).toEqual(["public, max-age=600, must-revalidate"]);
    }
  });

  it("caches hashed assets for a year and never gives one file two cache policies", () => {
    expect(headersFor(rules, "/_astro/search.Abc123.js")["cache-control"]).toEqual(["public, max-age=31536000, immutable"]);
    expect(headersFor(rules, "/pagefind/fragment/en_abc.pf_fragment")["cache-control"]).toEqual(["public, max-age=31536000, immutable"]);
  });

  it("puts a strict CSP without unsafe-inline scripts in every page", () => {
    for (const file of pages) {
      const html = readFileSync(join(DIST, file), "utf8");
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
      expect(csp, file).toContain("default-src 'self'");
      const script = /script-src ([^;]+)/.exec(csp)?.[1] ?? "";
      expect(script, file).not.toContain("unsafe-inline");
      expect(script.includes("'wasm-unsafe-eval'"), file).toBe(file === "search/index.html");
    }
  });
});

describe("other host files", () => {
  it("lists every alias redirect in _redirects, each with a static redirect page", () => {
    const lines = readFileSync(join(DIST, "_redirects"), "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"));
    expect(lines).toContain("/charts/circular-network/ /charts/who-funds-whom/ 301");
    for (const line of lines) {
      const [from, to] = line.split(" ");
      expect(existsSync(join(DIST, from!, "index.html")), from).toBe(true);
      expect(existsSync(join(DIST, to!, "index.html")), to).toBe(true);
    }
  });

  it("has a 404 page that offers search, and a robots.txt that points at the sitemap", () => {
    const notFound = readFileSync(join(DIST, "404.html"), "utf8");
    expect(notFound).toMatch(/<form[^>]*role="search"[^>]*action="\/search\/"/);
    const robots = readFileSync(join(DIST, "robots.txt"), "utf8");
    expect(robots).toMatch(/^Sitemap: https:\/\/circularity\.report\/sitemap-index\.xml$/m);
    expect(existsSync(join(DIST, "sitemap-index.xml"))).toBe(true);
  });
});
