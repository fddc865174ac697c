// Every built page passes html-validate's recommended rules (with the project's three documented exceptions in
// .htmlvalidate.json: style attributes the CSP allows, version numbers in fragment ids, long headlines as titles).
import { describe, expect, it } from "vitest";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { join } from "node:path";
import { existsSync } from "node:fs";
import { htmlPages } from "../helpers/html.ts";

const validator = new HtmlValidate(new FileSystemConfigLoader());

// Every release adds a few hundred pinned pages, so the time allowed grows with the site: 25 ms a page (about twice
// what two busy cores take), never less than four minutes. A fixed limit failed once the site passed 18,000 pages.
const PAGES = existsSync("dist") ? htmlPages("dist") : [];
const VALIDATE_TIMEOUT = Math.max(240_000, PAGES.length * 25);

describe("markup", () => {
  it("flags a figure whose caption is not its first or last child (the rule is live)", async () => {
    const report = await validator.validateString(
      "<figure><div>chart</div><figcaption>c</figcaption><details><summary>s</summary>t</details></figure>",
      join(process.cwd(), "probe.html"),
    );
    expect(report.valid).toBe(false);
  });

  it(
    "passes html-validate on every built page",
    async () => {
      const pages = PAGES;
      expect(pages.length).toBeGreaterThan(300);
      const problems: string[] = [];
      for (const file of pages) {
        const report = await validator.validateFile(join("dist", file));
        for (const result of report.results) {
          for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
      }
      expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
    },
    VALIDATE_TIMEOUT,
  );
});
