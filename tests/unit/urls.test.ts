// Where each kind of record is shown: one rule per kind, used by facts in articles, the data page's changes, the
// monitor's inputs, feeds, "Records cited" and the company page's own anchors. A link and the anchor it points at
// must agree, or a reader lands at the top of a long company page.
import { describe, expect, it } from "vitest";
import { metricAnchor, paths } from "../../src/lib/urls.ts";

describe("record addresses", () => {
  it("sends a deal to its page, a company figure to its entry on the company's page, a financing record to its entry", () => {
    expect(paths.deal("nvidia-openai-2025-09")).toBe("deals/nvidia-openai-2025-09/");
    expect(paths.companyMetric("microsoft", "microsoft-buybacks-fy2026-q3")).toBe("companies/microsoft/#metric-microsoft-buybacks-fy2026-q3");
    expect(paths.financingRecord("oracle-bonds-2025-09")).toBe("financing/#oracle-bonds-2025-09");
  });

  it("points a company figure's link at the anchor its company page gives it", () => {
    const [page, anchor] = paths.companyMetric("openai", "openai-revenue-2025-h1").split("#");
    expect(page).toBe(paths.company("openai"));
    expect(anchor).toBe(metricAnchor("openai-revenue-2025-h1"));
  });
});
