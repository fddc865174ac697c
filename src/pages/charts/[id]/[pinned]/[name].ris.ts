// /charts/<id>/v<version>/<id>.ris: the pinned chart's citation for reference managers.
import type { APIRoute } from "astro";
import { pinnedChart, versionsWithChart, publishedCharts } from "../../../../render/charts.ts";
import { releaseByVersion } from "../../../../dataset/index.ts";
import { citationsFor } from "../../../../lib/cite.ts";
import { chartCitation } from "../../../../page-data/chart-page.ts";

export function getStaticPaths() {
  return publishedCharts().flatMap((c) => versionsWithChart(c.id).map((version) => ({ params: { id: c.id, pinned: `v${version}`, name: c.id } })));
}
export const GET: APIRoute = ({ params }) => {
  const version = params.pinned!.slice(1);
  const { ris } = citationsFor(chartCitation(pinnedChart(params.id!, version), releaseByVersion(version)));
  return new Response(ris, { headers: { "Content-Type": "application/x-research-info-systems" } });
};
