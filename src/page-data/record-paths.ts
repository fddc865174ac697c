// Where the site shows a record: a deal on its own page, a company figure under its anchor on its company's page,
// a financing record under its anchor on the financing page. One rule for every page that links a record.
import type { Dataset } from "../schemas/dataset.ts";
import type { RecordRef } from "../indicators/types.ts";
import { paths } from "../lib/urls.ts";

/** Where a record a ref ("deal:…", "metric:…", "financing:…") names lives on the site. */
export function recordPath(ref: RecordRef, dataset: Dataset): string {
  const [kind, id] = ref.split(":") as [string, string];
  if (kind === "deal") return paths.deal(id);
  if (kind === "financing") return paths.financingRecord(id);
  const metric = dataset.metrics.find((m) => m.id === id);
  return paths.companyMetric(metric?.entity ?? "", id);
}

/** The same, for a bare id whose kind was not kept (a computed figure's inputs): a deal, else a company figure, else financing. */
export function recordPathOfId(id: string, dataset: Dataset): string {
  const kind = dataset.deals.some((d) => d.id === id) ? "deal" : dataset.metrics.some((m) => m.id === id) ? "metric" : "financing";
  return recordPath(`${kind}:${id}`, dataset);
}
