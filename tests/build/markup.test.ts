// Every built page passes html-validate's recommended rules (with the project's three documented exceptions in
// .htmlvalidate.json: style attributes the CSP allows, version numbers in fragment ids, long headlines as titles).
// Most pages are a record's or a chart's copy at each release or quarter, the same markup as the others apart from
// the figures, release numbers and dates they show; each distinct markup is validated once (distinctMarkup, which
// keeps ids and heading levels), and a problem names the page validated and how many others share its markup.
import { describe, expect, it } from "vitest";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { join } from "node:path";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { distinctMarkup, htmlPages } from "../helpers/html.ts";

const validator = new HtmlValidate(new FileSystemConfigLoader());

// Every release adds a few hundred pinned pages, so the time allowed grows with the site: 25 ms a page validated
// (about twice what two busy cores take) and 2 ms a page read, never less than four minutes.
const PAGES = existsSync("dist") ? htmlPages("dist") : [];
const DISTINCT = existsSync("dist") ? distinctMarkup("dist", PAGES) : new Map<string, string[]>();
const VALIDATE_TIMEOUT = Math.max(240_000, DISTINCT.size * 25 + PAGES.length * 2);

describe("markup", () => {
  it("flags a figure whose caption is not its first or last child (the rule is live)", async () => {
    const report = await validator.validateString(
      "<figure><div>chart</div><figcaption>c</figcaption><details><summary>s</summary>t</details></figure>",
      join(process.cwd(), "probe.html"),
    );
    expect(report.valid).toBe(false);
  });

  it("validates a page once for copies that differ only in figures, release numbers and dates, and apart otherwise", () => {
    const dist = mkdtempSync(join(tmpdir(), "markup-"));
    const pages: Record<string, string> = {
      "a/v1.2.0/index.html": '<h2 id="x">Added in <a href="/data/v1.2.0/">1.2.0</a> on 2026-01-05</h2><td>$12B</td>',
      "a/v1.3.0/index.html": '<h2 id="x">Added in <a href="/data/v1.3.0/">1.3.0</a> on 2026-02-09</h2><td>$47B</td>',
      // another text, an id naming another release, an in-page link to another release, a heading level: each apart
      "b/v1.3.0/index.html": '<h2 id="x">Added in <a href="/data/v1.3.0/">1.3.0</a> on 2026-02-09</h2><td>$47M</td>',
      "a/v1.4.0/index.html": '<h2 id="v1.4.0">Added in <a href="/data/v1.4.0/">1.4.0</a> on 2026-02-09</h2><td>$47B</td>',
      "a/v1.5.0/index.html": '<h2 id="x">Added in <a href="#v1.5.0">1.5.0</a> on 2026-02-09</h2><td>$47B</td>',
      "a/v1.6.0/index.html": '<h3 id="x">Added in <a href="/data/v1.6.0/">1.6.0</a> on 2026-02-09</h3><td>$47B</td>',
    };
    for (const [file, text] of Object.entries(pages)) {
      mkdirSync(join(dist, file, ".."), { recursive: true });
      writeFileSync(join(dist, file), text);
    }
    expect([...distinctMarkup(dist, Object.keys(pages)).values()]).toEqual([
      ["a/v1.2.0/index.html", "a/v1.3.0/index.html"],
      ["b/v1.3.0/index.html"],
      ["a/v1.4.0/index.html"],
      ["a/v1.5.0/index.html"],
      ["a/v1.6.0/index.html"],
    ]);
  });

  it(
    "passes html-validate on every built page",
    async () => {
      expect(PAGES.length).toBeGreaterThan(300);
      const problems: string[] = [];
      for (const [file, group] of DISTINCT) {
        const report = await validator.validateFile(join("dist", file));
        const shared = group.length > 1 ? ` (markup shared by ${group.length - 1} other pages)` : "";
        for (const result of report.results) {
          for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${shared}`);
        }
      }
      expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
    },
    VALIDATE_TIMEOUT,
  );
});
