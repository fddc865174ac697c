// /api/v1/charts/<id>.json: one chart's metadata, plotted rows and pinned downloads on the current release.
import type { APIRoute } from "astro";
import { currentRelease } from "../../../../dataset/index.ts";
import { currentChart, publishedCharts } from "../../../../render/charts.ts";
import { apiChart } from "../../../../page-data/api.ts";

export function getStaticPaths() {
  return publishedCharts().map((c) => ({ params: { id: c.id } }));
}
export const GET: APIRoute = ({ params }) => Response.json(apiChart(currentRelease(), currentChart(params.id!)));
