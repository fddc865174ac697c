// Vendor exposure, like for like (the methods article defines it): the money a supplier put or committed into its
// own customers, over its revenue, for the telecom vendors of 1999–2000 and the AI suppliers now. The chart
// "supplier-financing-then-and-now", the vendor-financing indicator and the telecom article read these terms.
import type { Dataset, Deal } from "../schemas/dataset.ts";
import { parseTerms, termValued, termsInRelease } from "./terms.ts";

/** One supplier's exposure, as record terms (see dataset/terms.ts); kept in step with the telecom article's table. */
export interface ExposureInputs {
  supplier: string;
  era: Deal["era"];
  /** The fiscal year the revenue covers, as readers know it. */
  year: string;
  /**
   * Money put or committed into the supplier's own customers: equity, loans, guarantees, backstops. Unnamed
   * counterparties count where the supplier's own filing says they are customers (Nvidia's AI-cloud purchase
   * agreements and leases for others, listed from its July 2026 report as "arrangements to assist select customers").
   */
  exposure: string;
  /** The part drawn, paid or due, where a record says so. */
  drawn?: string;
  drawnLabel?: string;
  revenue: string;
  /** A value estimated rather than paid (AMD's warrant, paid in shares). */
  estimate?: boolean;
}

export const EXPOSURE_INPUTS: readonly ExposureInputs[] = [
  {
    supplier: "lucent",
    era: "telecom-1990s",
    year: "fiscal 2000",
    exposure: "metric:lucent-customer-financing-2000-09-30-commitments metric:lucent-customer-financing-2000-09-30-guarantees",
    drawn: "metric:lucent-customer-financing-2000-09-30-extended",
    drawnLabel: "lent",
    revenue: "metric:lucent-revenue-2000",
  },
  {
    supplier: "nortel",
    era: "telecom-1990s",
    year: "2000",
    exposure: "deal:nortel-nortel-customers-2000-01",
    drawn: "metric:nortel-customer-financing-2000-h2-drawn",
    drawnLabel: "lent",
    revenue: "metric:nortel-revenue-2000",
  },
  {
    supplier: "cisco",
    era: "telecom-1990s",
    year: "fiscal 2000",
    exposure: "metric:cisco-customer-financing-2000-h2",
    drawn: "metric:cisco-customer-financing-2000-h2-drawn",
    drawnLabel: "lent",
    revenue: "metric:cisco-revenue-fy2000",
  },
  {
    supplier: "nvidia",
    era: "ai-2020s",
    year: "fiscal 2026",
    exposure:
      "deal:nvidia-openai-2024-10 deal:nvidia-openai-2026-02 deal:nvidia-coreweave-2023-04 deal:nvidia-coreweave-2025-03-ipo deal:nvidia-coreweave-2026-01 deal:nvidia-coreweave-2025-09 deal:nvidia-xai-2025-10 deal:nvidia-nscale-2025-09 deal:nvidia-nebius-2026-03 deal:nvidia-iren-2026-05-equity financing:nvidia-lease-guarantees-2026-02 financing:nvidia-sb-energy-openai-guarantee-2026-08 metric:nvidia-customer-financing-2026-07-26-ai-clouds metric:nvidia-customer-financing-2026-07-26-leases-to-reassign",
    drawn:
      "deal:nvidia-openai-2024-10 deal:nvidia-openai-2026-02 deal:nvidia-coreweave-2023-04 deal:nvidia-coreweave-2025-03-ipo deal:nvidia-coreweave-2026-01 deal:nvidia-xai-2025-10 deal:nvidia-nscale-2025-09 deal:nvidia-nebius-2026-03",
    drawnLabel: "equity paid or due",
    revenue: "metric:nvidia-revenue-fy2026",
  },
  {
    supplier: "amazon",
    era: "ai-2020s",
    year: "2025",
    exposure:
      "deal:amazon-openai-2026-02 deal:amazon-openai-2026-02-conditional deal:amazon-anthropic-2023-09 deal:amazon-anthropic-2024-03 deal:amazon-anthropic-2024-11 deal:amazon-anthropic-2026-04 deal:amazon-anthropic-2026-04-milestones",
    drawn:
      "metric:amazon-customer-financing-2026-03-31-openai-funded deal:amazon-anthropic-2023-09 deal:amazon-anthropic-2024-03 deal:amazon-anthropic-2024-11",
    drawnLabel: "funded",
    revenue: "metric:amazon-revenue-2025",
  },
  {
    supplier: "microsoft",
    era: "ai-2020s",
    year: "fiscal 2025",
    exposure: "metric:microsoft-customer-financing-2025-09-30-commitments deal:microsoft-anthropic-2025-11",
    drawn: "metric:microsoft-customer-financing-2025-09-30-funded",
    drawnLabel: "funded",
    revenue: "metric:microsoft-revenue-fy2025",
  },
  { supplier: "amd", era: "ai-2020s", year: "2025", exposure: "deal:amd-openai-2025-10", revenue: "metric:amd-revenue-2025", estimate: true },
];

/**
 * The suppliers a release can measure, each list cut to the records that release gives a value: a record added later
 * (Nvidia's 2024 OpenAI stake, in 1.32.0) counts from its release on, so re-drawing an earlier release gives what was
 * published. A supplier appears once its revenue and some of its exposure are on record (the telecom revenue records
 * arrived in 1.2.0).
 */
export function exposureInputsIn(dataset: Dataset): ExposureInputs[] {
  const terms = (list: string) => parseTerms(list, "vendor exposure");
  const valued = (list: string) => termsInRelease(list, dataset, "vendor exposure");
  return EXPOSURE_INPUTS.flatMap((s) => {
    const exposure = valued(s.exposure);
    if (!exposure || !terms(s.revenue).every((t) => termValued(t, dataset))) return [];
    const { drawn: _, ...rest } = s;
    const drawn = s.drawn === undefined ? "" : valued(s.drawn);
    return [{ ...rest, exposure, ...(drawn ? { drawn } : {}) }];
  });
}
