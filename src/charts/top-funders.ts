// Who pays, invests or commits the most disclosed money in AI-era deals.
import type { ChartModule } from "./types.ts";
import type { EntityBasisTotal } from "./data.ts";
import { altForEntityTotals, entityBarChart } from "./top-recipients.ts";

const chart: ChartModule<EntityBasisTotal> = {
  id: "top-funders",
  since: "1.0.0",
  title: "Who puts up the money",
  subtitle: "Disclosed US dollars invested, committed or financed in AI-era deals, by payer and basis",
  caption:
    "A payer here is whoever the money flows from: an investor buying equity, a lab committing to buy cloud or chips, a supplier backstopping capacity. The model labs appear twice, as large recipients of equity and as the largest buyers of compute.",
  sourceNote: "Circularity deal dataset; each deal cites its own sources. Superseded and cancelled deals excluded.",
  ...entityBarChart("from"),
  alt: (spec) => altForEntityTotals(spec.data, "paid or committed"),
};

export default chart;
